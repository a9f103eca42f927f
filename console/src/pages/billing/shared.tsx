import { api, ApiError, must } from "../../api/client";
import type { paths } from "../../api/schema";
import { useFormat, useT } from "../../i18n";
import { billingMessages } from "./messages";

export type Invoice =
  paths["/api/v1/invoices/{id}"]["get"]["responses"][200]["content"]["application/json"];
export type InvoiceLine = Invoice["lines"][number];
export type Explanation =
  paths["/api/v1/invoices/{id}/lines/{n}/explanation"]["get"]["responses"][200]["content"]["application/json"];

export const invoiceKey = (id: string) => ["invoices", id] as const;

/** Money as the user's language writes it, in the invoice's currency ("7,00 €"). */
export function useMoney() {
  const f = useFormat();
  return (amount: string | null | undefined, currency: string, exact = false) => {
    if (amount == null) return "—";
    const digits =
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    return new Intl.NumberFormat(f.tag, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: exact ? Math.max(digits, 6) : digits,
      // Intl formats a decimal string exactly; the API's amounts are decimal strings.
    }).format(amount as unknown as number);
  };
}

/** A decimal string (a quantity) in the user's language, exactly as far as it goes. */
export function useDecimal() {
  const f = useFormat();
  return (value: string | number) =>
    new Intl.NumberFormat(f.tag, { maximumFractionDigits: 6 }).format(value as unknown as number);
}

/** A local day (2026-11-30) as a date in the user's language, not shifted by any time zone. */
export function useDay() {
  const f = useFormat();
  return (day: string) =>
    new Intl.DateTimeFormat(f.tag, { dateStyle: "medium", timeZone: "UTC" }).format(
      new Date(`${day}T00:00:00Z`),
    );
}

export function InvoiceTitle({
  invoice,
}: {
  invoice: Pick<Invoice, "kind" | "number" | "cycleStart" | "cycleEnd">;
}) {
  const t = useT(billingMessages);
  const day = useDay();
  if (invoice.number === null)
    return (
      <>
        {t("draftTitle", {
          cycle: t("cycleRange", { start: day(invoice.cycleStart), end: day(invoice.cycleEnd) }),
        })}
      </>
    );
  return (
    <>
      {invoice.kind === "credit_note"
        ? t("creditNoteTitle", { number: invoice.number })
        : t("invoiceTitle", { number: invoice.number })}
    </>
  );
}

export function StatusBadge({ status }: { status: "draft" | "issued" }) {
  const t = useT(billingMessages);
  return <span className={`badge ${status === "issued" ? "ok" : "warn"}`}>{t(status)}</span>;
}

/**
 * A line's explanation as plain text for a reply, in the invoice customer's language (the API
 * answers text/plain with `format=text`).
 */
export async function explanationText(invoiceId: string, n: number): Promise<string> {
  const res = await api.GET("/api/v1/invoices/{id}/lines/{n}/explanation", {
    params: { path: { id: invoiceId, n }, query: { format: "text" } },
    parseAs: "text",
  });
  if (!res.response.ok) {
    // The error envelope is JSON even when text was asked for: read it as the other calls do.
    type Envelope = {
      error?: { code?: string; message?: string; text?: string; requestId?: string };
    };
    let body: Envelope = {};
    const raw: unknown = res.error;
    if (raw && typeof raw === "object") body = raw as Envelope;
    else
      try {
        body = JSON.parse(String(raw ?? "{}")) as Envelope;
      } catch {
        // Not JSON: the status line says what there is to say.
      }
    throw new ApiError(
      res.response.status,
      body.error?.code ?? `HTTP_${res.response.status}`,
      body.error?.text ?? body.error?.message ?? res.response.statusText,
      body.error?.requestId,
    );
  }
  return String(res.data ?? "");
}

export const fetchInvoice = (id: string) =>
  must(api.GET("/api/v1/invoices/{id}", { params: { path: { id } } }));

/** The units of a line's parts (rating.ts), as the reader's language says them. */
const UNIT_WORDS: Record<string, keyof (typeof billingMessages)["en"]> = {
  "SIM-month": "unitSimMonth",
  SIM: "unitSim",
  MB: "unitMb",
  SMS: "unitSms",
  credit: "unitCredit",
  "late usage": "unitLate",
  difference: "unitDifference",
};

/** A line's or part's unit (rating.ts) as the reader's language says it; an unknown one as it is. */
export function useUnitWord() {
  const t = useT(billingMessages);
  return (unit: string) => (unit in UNIT_WORDS ? t(UNIT_WORDS[unit]!) : unit);
}
