import type { Language, Message } from "../../lib/messages/messages.js";
import { explanationText, lineSummaryText } from "./billing.messages.js";
import { lineSummary } from "./line-summary.js";
import type { Part } from "./rating.js";

const MB = 1_048_576;
const TAG: Record<Language, string> = { en: "en-GB", it: "it-IT", sv: "sv-SE" };

/** One SIM behind a line, as the explanation pages them (billing.service.ts, ExplainedSim). */
export interface SimFigure {
  iccid: string;
  billableDays?: number;
  activatedOn?: string | null;
  days?: number;
  bytes?: number;
  smsMo?: number;
  smsMt?: number;
  sessions?: number;
  share?: string;
  /** A late line's row: its zone of the earlier cycle and its days there when billed. */
  zoneName?: string | null;
  daysBilled?: number;
}

/** What the text of an explained line is made from: the stored explanation and its names. */
export interface LineToExplain {
  invoice: {
    kind: "invoice" | "credit_note";
    number: string | null;
    currency: string;
    cycleStart: string;
    /** Inclusive. */
    cycleEnd: string;
    cycleDays: number;
  };
  line: {
    n: number;
    kind: string;
    description: string;
    unit: string;
    unitPrice: string;
    amount: string;
    planVersion: number | null;
  };
  planName: string | null;
  /** The zone's name; null for a network in no zone or a line without a zone. */
  zoneName: string | null;
  parts: Part[];
  exact: string;
  facts: Record<string, string | number>;
  /** The English sentence stored with the line: what a line kind without words here shows. */
  sentence: string;
  sims: SimFigure[];
  moreSims: boolean;
  /** For a credit line: the number of the invoice it credits. */
  creditedInvoice?: string | null;
}

/**
 * An invoice line explained as plain text an agent puts into a reply: the line, a plain summary,
 * the cycle and plan version, the arithmetic part by part with its rounding, and the SIMs behind
 * it — in the customer's language, figures formatted the way that language writes them.
 */
export function explanationAsText(x: LineToExplain, language: Language): string {
  const t = explanationText;
  const locale = { language, timeZone: "UTC" };
  const tag = TAG[language];
  const cur = x.invoice.currency;
  const number = (v: string | number, digits = 6) =>
    new Intl.NumberFormat(tag, { maximumFractionDigits: digits }).format(
      v as unknown as number, // Intl formats a decimal string exactly
    );
  const places = new Intl.NumberFormat("en", { style: "currency", currency: cur }).resolvedOptions()
    .maximumFractionDigits!;
  const money = (v: string, exact = false) =>
    new Intl.NumberFormat(tag, {
      style: "currency",
      currency: cur,
      minimumFractionDigits: places,
      maximumFractionDigits: exact ? Math.max(places, 6) : places,
    }).format(v as unknown as number);
  const mb = (bytes: string | number | undefined) =>
    number(Number(bytes ?? 0) / MB).replace(/^-0$/, "0");
  const day = (iso: string) =>
    new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: "UTC" }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  const f = x.facts;
  const plan = x.planName ?? "";
  const zone: string | Message = x.zoneName ?? t.msg("zone.none");
  const pool = t.msg(f.poolType === "fixed" ? "pool.fixed" : "pool.flex");
  const sms = x.line.unit === "SMS";

  const headline = (): Message | string => {
    switch (x.line.kind) {
      case "subscription":
      case "activation":
      case "allowance":
      case "zone_data":
      case "sms":
      case "test_excess":
        return t.msg(`line.${x.line.kind}` as "line.sms", { plan, zone });
      case "pool":
        return t.msg("line.pool", { plan, zone, pool });
      case "unpriced":
        return t.msg(sms ? "line.unpriced_sms" : "line.unpriced", { plan, zone });
      case "late_usage":
        return t.msg("line.late_usage", {
          start: day(String(f.cycleStart)),
          end: day(String(f.cycleEnd)),
          invoice: String(f.lateForInvoice ?? ""),
        });
      default:
        return x.line.description;
    }
  };
  const summary =
    lineSummary({
      ...x.line,
      currency: cur,
      facts: f,
      zoneName: x.zoneName,
      cycleDays: x.invoice.cycleDays,
      creditedInvoice: x.creditedInvoice,
    }) ?? x.sentence;
  const render = (m: Message | string) => (typeof m === "string" ? m : t.text(m, locale));

  const doc =
    x.invoice.number === null
      ? t.msg("doc.draft")
      : t.msg(x.invoice.kind === "credit_note" ? "doc.credit_note" : "doc.invoice", {
          number: x.invoice.number,
        });
  const head = headline();
  const amount = money(x.line.amount);
  const title =
    typeof head === "string"
      ? // A line kind without words of its own keeps the description it was stored with.
        `${render(doc)}, ${x.line.n}: ${head} — ${amount}`
      : render(t.msg("title", { doc, n: String(x.line.n), line: head, amount }));
  const out: string[] = [title];
  out.push(typeof summary === "string" ? summary : lineSummaryText.text(summary, locale));
  const cycle = {
    start: day(x.invoice.cycleStart),
    end: day(x.invoice.cycleEnd),
    days: String(x.invoice.cycleDays),
  };
  out.push(
    render(
      x.line.planVersion === null
        ? t.msg("cycle", cycle)
        : t.msg("cycle_version", { ...cycle, version: String(x.line.planVersion) }),
    ),
  );

  out.push("", render(t.msg("arithmetic")));
  for (const p of x.parts) {
    const params = {
      quantity: number(p.quantity),
      unit: t.msg(unitCode(p.unit)),
      price: money(p.unitPrice, true),
      amount: money(p.amount, true),
    };
    out.push(
      `  ${render(
        p.version === undefined
          ? t.msg("part", params)
          : t.msg("part_version", { ...params, version: String(p.version) }),
      )}`,
    );
  }
  out.push(
    `  ${render(
      t.msg("sum", {
        exact: money(x.exact, true),
        places: String(places),
        amount: money(x.line.amount),
      }),
    )}`,
  );

  if (x.sims.length > 0) {
    out.push(
      "",
      render(
        x.moreSims ? t.msg("sims.first", { count: String(x.sims.length) }) : t.msg("sims.all"),
      ),
    );
    for (const s of x.sims) out.push(`  ${render(simLine(s))}`);
  }
  // Intl puts no-break spaces in figures ("7,00 €"); a reply in any mail client reads plain ones.
  return out.join("\n").replace(/[\u00a0\u202f]/g, " ");

  function simLine(s: SimFigure): Message {
    if (x.line.kind === "late_usage")
      return t.msg("sim.late", {
        iccid: s.iccid,
        MB: mb(s.bytes),
        sms: number((s.smsMo ?? 0) + (s.smsMt ?? 0)),
        zone: s.zoneName ?? t.msg("zone.none"),
        days: String(s.days ?? 0),
        billed: String(s.daysBilled ?? 0),
      });
    if (x.line.kind === "activation")
      return t.msg("sim.activation", {
        iccid: s.iccid,
        date: s.activatedOn ? day(s.activatedOn) : "—",
      });
    if (s.billableDays !== undefined)
      return t.msg("sim.fee", {
        iccid: s.iccid,
        days: String(s.billableDays),
        share: money(s.share ?? "0", true),
      });
    if (sms)
      return t.msg("sim.sms", {
        iccid: s.iccid,
        mo: number(s.smsMo ?? 0),
        mt: number(s.smsMt ?? 0),
        days: String(s.days ?? 0),
      });
    return t.msg("sim.usage", {
      iccid: s.iccid,
      MB: mb(s.bytes),
      days: String(s.days ?? 0),
      sessions: number(s.sessions ?? 0),
    });
  }
}

type UnitCode = "unit.MB" | "unit.SMS" | "unit.SIM-month" | "unit.SIM" | "unit.credit";
const unitCode = (unit: string): UnitCode =>
  (["MB", "SMS", "SIM-month", "SIM", "credit"].includes(unit)
    ? `unit.${unit}`
    : "unit.MB") as UnitCode;
