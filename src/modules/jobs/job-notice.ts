import type { Executor } from "../../db/database.js";
import type { Job } from "../../db/schema.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import type { MailService } from "../mail/mail.service.js";
import type { JobCounts } from "./jobs.schemas.js";

const KIND_NAMES: Record<string, string> = {
  "sims.import": "SIM import",
  "sims.bulk_change": "Bulk SIM change",
};

/**
 * Tells the person who started a job how it ended, by e-mail: an import of a million SIMs outlives
 * the browser tab or terminal that started it. Queued in the transaction that ends the job.
 */
export function jobFinishedNotice(deps: {
  mail: Pick<MailService, "enqueue">;
  accounts: Pick<AccountsService, "userContact">;
}) {
  return async (tx: Executor, job: Job): Promise<void> => {
    const user = await deps.accounts.userContact(tx, job.created_by);
    if (!user) return;
    const counts = job.counts as JobCounts;
    const failure = job.failure as { code: string; message: string } | null;
    const what = KIND_NAMES[job.kind] ?? job.kind;
    const file = job.file_name ? ` of ${job.file_name}` : "";
    const lines = [
      `Hello ${user.name},`,
      "",
      `The ${what.toLowerCase()}${file} you started at ${job.created_at.toISOString()} ended ${job.status} at ${job.finished_at?.toISOString() ?? "now"}.`,
      "",
      `Created: ${counts.created}   Updated: ${counts.updated}   Unchanged: ${counts.unchanged}   Failed rows: ${counts.failed}`,
      ...(failure ? ["", `Reason: ${failure.message} (${failure.code})`] : []),
      "",
      `Every row's result: GET /api/v1/jobs/${job.id}/results.csv, or: otter jobs results ${job.id}`,
    ];
    await deps.mail.enqueue(tx, {
      accountId: job.account_id,
      to: [user.email],
      purpose: "job_finished",
      subject: `${what}${file}: ${job.status} (job ${job.id})`,
      text: `${lines.join("\n")}\n`,
    });
  };
}
