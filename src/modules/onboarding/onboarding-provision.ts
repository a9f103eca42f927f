import { type Db, inTransaction, type Tx } from "../../db/database.js";
import type { Onboarding, OnboardingState } from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import { OtterError } from "../../lib/errors.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import type { AuditService } from "../audit/audit.service.js";
import { actorOf } from "../auth/principal.js";
import {
  communicationPlanInput,
  communicationPlanPatch,
  ratePlanInput,
  rateTermsInput,
} from "../catalog/catalog.schemas.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import type { CasesService } from "../desk/cases.service.js";
import type { SlaService } from "../desk/sla/sla.service.js";
import { newId } from "../../lib/ids.js";
import { formatTargets, parseTargets } from "../desk/sla/targets.js";
import type { EventsService } from "../events/events.service.js";
import type { JobContext, JobHandler } from "../jobs/jobs.service.js";
import type { JobCounts } from "../jobs/jobs.schemas.js";
import { simStockRepo } from "../sims/sim-stock.shared.repo.js";
import { CUSTOMER_KEY, specRefs } from "./feasibility.js";

type PlanKind = "communication" | "rate";
import type { OnboardingSpec } from "./onboarding-spec.js";
import { onboardingRepo as repo } from "./onboarding.repo.js";
import { caseSubjectOf, setOnboardingState, tasksFor } from "./onboarding-tasks.js";
import { PROVISION_KIND, type Provisioned } from "./onboarding.service.js";
import {
  accountDrift,
  addressKey,
  contactsDrift,
  customerWanted,
  groupSims,
  moveTarget,
  type PlanDirectives,
  wantedParent,
} from "./onboarding-plan.js";

/** The steps of a run, in order; the job's phase names the next one, so a resumed run skips the rest. */
export const PROVISION_STEPS = [
  "customer",
  "accounts",
  "plans",
  "offers",
  "agreement",
  "sims",
  "services",
] as const;
type Step = (typeof PROVISION_STEPS)[number];

interface Deps {
  db: Db;
  clock: Clock;
  accounts: Pick<
    AccountsService,
    "rootAccount" | "create" | "directory" | "get" | "update" | "move"
  >;
  catalog: Pick<
    CatalogService,
    | "findPlan"
    | "createCommunicationPlan"
    | "createRatePlan"
    | "offer"
    | "listOffers"
    | "withdrawOffer"
    | "ensureRatePlanTerms"
    | "ensureCommunicationPlanTerms"
  >;
  sla: Pick<SlaService, "getAgreement" | "setAgreement">;
  events: Pick<EventsService, "emit">;
  audit: Pick<AuditService, "record">;
  /** The desk, which carries the people's tasks as a case (opened through its service). */
  cases: Pick<CasesService, "openCaseForOnboarding">;
  /** Crash tests kill the process here (OTTER_CRASH_POINT); unset, it does nothing. */
  crashPoint?: (name: string) => void;
}

/** Parents before children, so every account's parent exists when it is created. */
function accountsInOrder(spec: OnboardingSpec) {
  const out: OnboardingSpec["accounts"] = [];
  const placed = new Set<string>([CUSTOMER_KEY]);
  while (out.length < spec.accounts.length) {
    const before = out.length;
    for (const a of spec.accounts)
      if (!placed.has(a.key) && placed.has(a.parent ?? CUSTOMER_KEY)) {
        out.push(a);
        placed.add(a.key);
      }
    if (out.length === before) break; // the feasibility check refuses cycles
  }
  return out;
}

/**
 * The provisioning job of an onboarding: creates the customer, its accounts, plans, offers,
 * contacts and desk agreement, moves the SIMs from the operator's stock (one statement per SIM
 * group, with its audit rows) and stores the APN/IPsec services. Every step looks for what an
 * earlier run created before creating it (by the ids it recorded, or by name where a crash came
 * between the creation and the record), so the same spec twice changes nothing and a run killed at
 * any point resumes where it stopped.
 */
export function createOnboardingProvisioner(deps: Deps) {
  const { db, clock } = deps;

  const setState = (
    tx: Tx,
    o: Onboarding,
    to: OnboardingState,
    extra: Partial<Parameters<typeof repo.update>[2]> = {},
  ) => setOnboardingState(deps, tx, o, to, extra);

  async function run(ctx: JobContext) {
    const { principal, job } = ctx;
    const {
      onboardingId,
      moves = [],
      withdraw = [],
      dropContacts = [],
      terms = [],
    } = job.params as {
      onboardingId: string;
    } & Partial<PlanDirectives>;
    let onboarding = (await repo.findById(db, onboardingId))!;
    const spec = onboarding.spec as OnboardingSpec;
    const done: Provisioned = { ...(onboarding.provisioned as Provisioned) };
    const counts: JobCounts = {
      created: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
      ...(job.counts as Partial<JobCounts>),
    };
    const groupSizes = spec.sims.map((_, gi) => {
      const refs = specRefs({ ...spec, sims: [spec.sims[gi]!] });
      return (
        refs.ranges.reduce((n, r) => n + r.range.size, 0) +
        refs.lists.reduce((n, l) => n + new Set(l.iccids).size, 0)
      );
    });
    const unitsBefore =
      2 + spec.accounts.length + spec.plans.communication.length + spec.plans.rate.length;
    const total = unitsBefore + 2 + groupSizes.reduce((a, b) => a + b, 0);
    let progress = job.done;
    let step = (job.phase as Step | "queued") === "queued" ? "customer" : (job.phase as Step);
    const reason = `onboarding ${spec.reference}`;

    if (onboarding.state !== "provisioning")
      await inTransaction(db, async (tx) => {
        onboarding = await setState(tx, onboarding, "provisioning");
        await ctx.checkpoint(tx, { total });
      });

    /** Records what a step created together with the job's progress: one transaction. */
    const record = async (
      next: Step | "done",
      units: number,
      extra: (tx: Tx) => Promise<void> = async () => {},
    ) => {
      await inTransaction(db, async (tx) => {
        await extra(tx);
        onboarding = await repo.update(tx, onboarding.id, {
          provisioned: JSON.stringify(done),
          customer_account_id: done.customer ?? null,
          updated_at: clock.now(),
        });
        await ctx.checkpoint(tx, { phase: next, done: progress + units, total, counts });
      });
      progress += units;
    };
    const tally = (created: boolean) => (created ? counts.created++ : counts.unchanged++);

    const root = await deps.accounts.rootAccount();
    const at = (i: number) => PROVISION_STEPS.indexOf(step as Step) <= i;

    // The customer, with its contacts (created in the account's own transaction).
    if (at(0)) {
      let created = false;
      if (!done.customer) {
        const [found] = await deps.accounts.directory.childrenNamed(
          db,
          root.id,
          spec.customer.name,
        );
        const existing = found && found.legal_name === spec.customer.legalName ? found : undefined;
        done.customer =
          existing?.id ??
          (
            await deps.accounts.create(principal, {
              name: spec.customer.name,
              parentId: root.id,
              legalName: spec.customer.legalName,
              vatNumber: customerWanted(spec).vatNumber,
              currency: spec.customer.currency,
              language: spec.customer.language,
              timeZone: spec.customer.timeZone,
              billingAddress: spec.customer.billingAddress,
              testReadyThen: spec.customer.testReadyThen,
              contacts: spec.customer.contacts,
            })
          ).id;
        created = !existing;
      } else {
        // A confirmed plan may change the customer's details: only those that differ.
        const now = await deps.accounts.get(principal, done.customer);
        const contacts = contactsDrift(spec.customer.contacts, now.contacts, dropContacts);
        const patch = {
          ...accountDrift(customerWanted(spec), now),
          ...(addressKey(now.billingAddress) !== addressKey(spec.customer.billingAddress) && {
            billingAddress: spec.customer.billingAddress,
          }),
          ...(contacts.add.length && { addContacts: contacts.add }),
          ...(contacts.remove.length && { removeContacts: contacts.remove.map((c) => c.id) }),
        };
        if (Object.keys(patch).length) {
          await deps.accounts.update(principal, done.customer, patch);
          counts.updated++;
          counts.unchanged--;
        }
      }
      tally(created);
      await record("accounts", 1);
      step = "accounts";
    }

    // Sub-accounts, parents first; each recorded as soon as it exists.
    if (at(1)) {
      done.accounts ??= {};
      for (const a of accountsInOrder(spec)) {
        if (done.accounts[a.key]) {
          const id = done.accounts[a.key]!;
          const now = await deps.accounts.get(principal, id);
          const patch = accountDrift(
            { name: a.name, ...(a.currency && { currency: a.currency }) },
            now,
          );
          if (Object.keys(patch).length) await deps.accounts.update(principal, id, patch);
          // A confirmed plan's new parent (created above if new: parents come first). The move is
          // one transaction; a run resumed after it finds the account there and moves nothing.
          const parentId = wantedParent(a, done)!;
          const move = now.parentId !== parentId;
          if (move) await deps.accounts.move(principal, id, { parentId });
          if (move || Object.keys(patch).length) counts.updated++;
          else counts.unchanged++;
          continue;
        }
        const parentId = a.parent === undefined ? done.customer! : done.accounts[a.parent]!;
        const [existing] = await deps.accounts.directory.childrenNamed(db, parentId, a.name);
        done.accounts[a.key] =
          existing?.id ??
          (
            await deps.accounts.create(principal, {
              name: a.name,
              parentId,
              ...(a.currency && { currency: a.currency }),
            })
          ).id;
        tally(!existing);
        await record("accounts", 1);
      }
      await record("plans", 0);
      step = "plans";
    }

    const privateApns = new Map(spec.services.apns.map((s) => [s.name.toLowerCase(), s]));
    if (at(2)) {
      done.plans ??= {};
      for (const kind of ["communication", "rate"] as const) {
        const mine = (done.plans[kind] ??= {});
        for (const p of spec.plans[kind]) {
          if (p.reuse) continue;
          if (mine[p.name]) {
            // A confirmed plan changed its terms: a rate plan gets a new version from now (its
            // history stays as billed), a communication plan its new terms. Both compare with the
            // plan's own terms first, so a run resumed after the change and before the checkpoint
            // below changes nothing twice.
            if (terms.some((x) => x.kind === kind && x.name === p.name)) {
              const changed =
                kind === "rate"
                  ? (
                      await deps.catalog.ensureRatePlanTerms(
                        principal,
                        mine[p.name]!,
                        rateTermsOf(p as OnboardingSpec["plans"]["rate"][number]),
                      )
                    ).added
                  : (
                      await deps.catalog.ensureCommunicationPlanTerms(
                        principal,
                        mine[p.name]!,
                        communicationTermsOf(
                          p as OnboardingSpec["plans"]["communication"][number],
                          privateApns,
                        ),
                      )
                    ).changed;
              deps.crashPoint?.(`onboarding.plan-terms.${kind}`);
              if (changed) counts.updated++;
              else counts.unchanged++;
            } else counts.unchanged++;
            continue;
          }
          const existing = await deps.catalog.findPlan(db, kind, p.name);
          let id = existing?.id;
          if (!id) {
            if (kind === "communication") {
              const c = p as OnboardingSpec["plans"]["communication"][number];
              const input = communicationPlanInput.parse({
                name: c.name,
                ...(c.description && { description: c.description }),
                ...communicationTermsOf(c, privateApns),
              });
              id = (await deps.catalog.createCommunicationPlan(principal, input)).id;
            } else {
              const r = p as OnboardingSpec["plans"]["rate"][number];
              const input = ratePlanInput.parse({
                name: r.name,
                currency: r.currency,
                ...(r.description && { description: r.description }),
                ...rateTermsOf(r),
              });
              id = (await deps.catalog.createRatePlan(principal, input)).id;
            }
          }
          mine[p.name] = id;
          tally(!existing);
          await record("plans", 1);
        }
      }
      await record("offers", 0);
      step = "offers";
    }

    // Offers: each plan an account may use, offered to it unless it already is.
    if (at(3)) {
      const allowances = [
        { id: done.customer!, plans: spec.customer.plans },
        ...spec.accounts.map((a) => ({ id: done.accounts![a.key]!, plans: a.plans })),
      ];
      for (const a of allowances)
        for (const kind of ["communication", "rate"] as const)
          for (const name of a.plans?.[kind] ?? []) {
            const offers = await deps.catalog.listOffers(principal, kind, name);
            if (offers.accounts.some((x) => x.id === a.id)) {
              counts.unchanged++;
              continue;
            }
            await deps.catalog.offer(principal, kind, name, a.id);
            counts.created++;
          }
      // Offers the changed spec no longer makes, withdrawn unless already gone.
      for (const w of withdraw) {
        const id = w.account === CUSTOMER_KEY ? done.customer! : done.accounts?.[w.account];
        if (!id) continue;
        const offers = await deps.catalog.listOffers(principal, w.kind, w.name);
        if (!offers.accounts.some((x) => x.id === id)) continue;
        await deps.catalog.withdrawOffer(principal, w.kind, w.name, id);
        counts.updated++;
      }
      await record("agreement", 1);
      step = "agreement";
    }

    // The desk agreement: a new version only when the targets differ from the customer's own, so
    // a run resumed after the new version and before the checkpoint adds none.
    if (at(4)) {
      if (spec.desk) {
        const wanted = formatTargets(parseTargets(spec.desk.agreement));
        const current = await deps.sla.getAgreement(principal, done.customer!);
        const same =
          !current.inherited &&
          JSON.stringify(
            formatTargets(
              parseTargets({
                firstResponse: current.firstResponse,
                resolution: current.resolution,
              }),
            ),
          ) === JSON.stringify(wanted);
        if (!same) {
          await deps.sla.setAgreement(principal, done.customer!, {
            ...spec.desk.agreement,
            reason,
          });
          deps.crashPoint?.("onboarding.agreement");
        }
        tally(!same);
      }
      await record("sims", 1);
      step = "sims";
    }

    // SIMs: one statement per group moves its stock SIMs and writes their audit rows, committed
    // with the group's checkpoint; the job's checkpoint counts the groups done.
    if (at(5)) {
      const refs = specRefs(spec);
      const resolve = async (kind: PlanKind, name: string) => {
        const plan = await deps.catalog.findPlan(db, kind, name);
        return { id: plan!.id, name: plan!.name };
      };
      const firstGroup = job.phase === "sims" ? job.checkpoint : 0;
      done.sims ??= {};
      for (let gi = firstGroup; gi < spec.sims.length; gi++) {
        const g = spec.sims[gi]!;
        const accountId = g.account === undefined ? done.customer! : done.accounts![g.account]!;
        const communicationPlan = await resolve("communication", g.communicationPlan);
        const ratePlan = await resolve("rate", g.ratePlan);
        await inTransaction(db, async (tx) => {
          const moved = await simStockRepo.assign(tx, {
            rootAccountId: root.id,
            ranges: refs.ranges.filter((r) => r.group === gi).map((r) => r.range),
            iccids: refs.lists.find((l) => l.group === gi)?.iccids ?? [],
            accountId,
            state: g.state,
            communicationPlan,
            ratePlan,
            jobId: job.id,
            actor: actorOf(principal),
            reason,
            now: clock.now(),
          });
          done.sims![String(gi)] = (done.sims![String(gi)] ?? 0) + moved;
          // A confirmed plan's move: the group's SIMs held by this onboarding's accounts go to
          // the group's new account, state or plans — one statement, audited, naming the job.
          const fields = moves.find((m) => m.group === gi)?.fields;
          let relocated = 0;
          if (fields) {
            relocated = await simStockRepo.move(tx, {
              ...groupSims(spec, gi),
              heldBy: [done.customer!, ...Object.values(done.accounts ?? {})],
              ...(await moveTarget(deps, tx, g, fields, done)),
              jobId: job.id,
              actor: actorOf(principal),
              reason,
              now: clock.now(),
            });
            counts.updated += relocated;
          }
          counts.updated += moved;
          counts.unchanged += Math.max(0, groupSizes[gi]! - moved - relocated);
          if (moved > 0)
            await deps.events.emit(tx, [
              {
                accountId: root.id,
                type: "onboarding.sims_assigned",
                subjectId: onboarding.id,
                data: {
                  onboardingId: onboarding.id,
                  reference: spec.reference,
                  group: gi,
                  accountId,
                  count: moved,
                  jobId: job.id,
                },
              },
            ]);
          onboarding = await repo.update(tx, onboarding.id, {
            provisioned: JSON.stringify(done),
            updated_at: clock.now(),
          });
          await ctx.checkpoint(tx, {
            phase: "sims",
            checkpoint: gi + 1,
            done: progress + groupSizes[gi]!,
            counts,
          });
        });
        progress += groupSizes[gi]!;
      }
      await record("services", 0);
      step = "services";
    }

    // Services are kept as data for now; a tunnel needs the customer, so the onboarding waits on them.
    const report = {
      customerAccountId: done.customer,
      accounts: Object.keys(done.accounts ?? {}).length + 1,
      plansCreated:
        Object.keys(done.plans?.communication ?? {}).length +
        Object.keys(done.plans?.rate ?? {}).length,
      simsAssigned: Object.values(done.sims ?? {}).reduce((a, b) => a + b, 0),
      counts,
      jobId: job.id,
      finishedAt: clock.now().toISOString(),
    };
    await inTransaction(db, async (tx) => {
      // The people's part: a desk case for the customer and the tasks it carries. The onboarding
      // waits on them; the last one done makes it live (onboarding.service.ts, completeTask).
      const contact = spec.customer.contacts.find(
        (c) => c.email?.toLowerCase() === spec.people.technicalContact.toLowerCase(),
      );
      const owner = await deps.accounts.directory.userByEmail(tx, spec.people.onboardingOwner);
      const tasks = tasksFor(spec);
      const opened = await deps.cases.openCaseForOnboarding(tx, {
        accountId: done.customer!,
        onboardingId: onboarding.id,
        subject: caseSubjectOf(spec),
        body: [
          `Onboarding ${spec.reference}: the accounts, plans and ${report.simsAssigned} SIMs are provisioned. What is left:`,
          ...tasks.map((t) => `- ${t.title} (due ${t.dueOn}, ${spec.people.onboardingOwner})`),
        ].join("\n"),
        requesterEmail: spec.people.technicalContact,
        requesterName: contact?.name ?? null,
        ownerUserId: owner?.id ?? null,
      });
      await repo.insertTasks(
        tx,
        tasks.map((t) => ({
          id: newId(),
          onboarding_id: onboarding.id,
          kind: t.kind,
          title: t.title,
          owner_email: spec.people.onboardingOwner,
          due_on: t.dueOn,
          state: "open" as const,
          created_at: clock.now(),
        })),
      );
      const open = (await repo.tasksOf(tx, onboarding.id)).some((t) => t.state === "open");
      onboarding = await repo.update(tx, onboarding.id, {
        provisioned: JSON.stringify({ ...done, applied: spec }),
        services: JSON.stringify(spec.services.apns),
        report: JSON.stringify(report),
        case_id: opened.id,
        updated_at: clock.now(),
      });
      onboarding = await setState(tx, onboarding, open ? "waiting_on_customer" : "live");
      await deps.audit.record(tx, {
        accountId: root.id,
        actor: actorOf(principal),
        action: "onboarding.provisioned",
        entityType: "onboarding",
        entityId: onboarding.id,
        data: report,
      });
      await ctx.checkpoint(tx, { phase: "done", done: total, total, counts });
      await ctx.succeed(tx);
    });
  }

  const handler: JobHandler = {
    kind: PROVISION_KIND,
    async run(ctx) {
      try {
        await run(ctx);
      } catch (err) {
        // A refusal (a plan removed meanwhile, a permission lost) fails the onboarding with the job;
        // anything else (lease lost, crash) leaves it provisioning for the resumed run.
        if (err instanceof OtterError && err.kind !== "internal") {
          const { onboardingId } = ctx.job.params as { onboardingId: string };
          await inTransaction(db, async (tx) => {
            const o = await repo.lock(tx, onboardingId);
            if (o)
              await setState(tx, o, "failed", {
                report: JSON.stringify({ failure: { code: err.code, message: err.message } }),
              });
          });
        }
        throw err;
      }
    },
  };
  return { handler };
}

export type OnboardingProvisioner = ReturnType<typeof createOnboardingProvisioner>;

type PrivateApns = Map<string, OnboardingSpec["services"]["apns"][number]>;

/** A communication plan's terms as the catalog takes them (its APNs typed by the spec's services). */
function communicationTermsOf(
  c: OnboardingSpec["plans"]["communication"][number],
  privateApns: PrivateApns,
) {
  return communicationPlanPatch.parse({
    apns: (c.apns ?? []).map((name) => {
      const svc = privateApns.get(name.toLowerCase());
      return svc
        ? {
            name,
            type: "private",
            ipAddressing: svc.fixedIps.length ? "static" : "dynamic",
            ipPool: svc.ipPool,
          }
        : { name, type: "public" };
    }),
    dataEnabled: c.dataEnabled,
    smsEnabled: c.smsEnabled,
    rats: c.rats,
    zones: c.zones,
  });
}

/** A rate plan's terms (one version) as the catalog takes them. */
function rateTermsOf(r: OnboardingSpec["plans"]["rate"][number]) {
  return rateTermsInput.parse({
    subscription: {
      monthlyFeePerSim: r.monthlyFeePerSim,
      activationFee: r.activationFee,
    },
    included: {
      dataBytes: r.includedDataMB * 1024 * 1024,
      sms: r.includedSms,
      voiceSeconds: 0,
    },
    pool: {
      type: r.pool,
      ...(r.pool === "fixed" && { fixedPoolBytes: (r.fixedPoolMB ?? 0) * 1024 * 1024 }),
    },
    zones: (r.zones ?? []).map((z) => ({
      zone: z.zone,
      dataPerMB: z.dataPerMB,
      smsMO: z.smsMO,
      smsMT: z.smsMT,
    })),
  });
}
