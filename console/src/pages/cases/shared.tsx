import { NavLink } from "react-router";
import { useFormat, useT } from "../../i18n";
import { messages } from "./messages";

export type T = ReturnType<typeof useT<typeof messages.en>>;

/** The desk's own links: queue, caller lookup, outbox. */
export function DeskNav({ operator }: { operator: boolean }) {
  const t = useT(messages);
  return (
    <nav aria-label={t("subnavLabel")} className="desk-subnav">
      <NavLink to="/cases" end>
        {t("subnavQueue")}
      </NavLink>
      <NavLink to="/callers">{t("subnavCallers")}</NavLink>
      {operator && <NavLink to="/outbox">{t("subnavOutbox")}</NavLink>}
    </nav>
  );
}

/** A message key for a value of an enum, falling back to the value itself. */
export function label(t: T, prefix: string, value: string | null | undefined): string {
  if (!value) return "—";
  const key = `${prefix}_${value}` as keyof typeof messages.en;
  return key in messages.en ? t(key) : value;
}

/** Business time as "2 h 15 min" / "3 d 4 h" in the user's locale. */
export function useDuration() {
  const f = useFormat();
  return (ms: number) => {
    const unit = (n: number, u: "day" | "hour" | "minute") =>
      new Intl.NumberFormat(f.tag, { style: "unit", unit: u, unitDisplay: "short" }).format(n);
    const minutes = Math.round(Math.abs(ms) / 60_000);
    const d = Math.floor(minutes / 1440);
    const h = Math.floor((minutes % 1440) / 60);
    const m = minutes % 60;
    if (d > 0) return h ? `${unit(d, "day")} ${unit(h, "hour")}` : unit(d, "day");
    if (h > 0) return m ? `${unit(h, "hour")} ${unit(m, "minute")}` : unit(h, "hour");
    return unit(m, "minute");
  };
}

const SLA_TONE: Record<string, string> = {
  running: "ok",
  met: "ok",
  at_risk: "warn",
  paused: "neutral",
  breached: "bad",
  none: "neutral",
};

export function SlaBadge({ state }: { state: string }) {
  const t = useT(messages);
  return <span className={`badge ${SLA_TONE[state] ?? "neutral"}`}>{label(t, "sla", state)}</span>;
}

/** "2 h left" / "1 h overdue" / "paused, 3 h left" from business ms left. */
export function TimeLeft({
  remainingMs,
  paused,
}: {
  remainingMs: number | null;
  paused?: boolean;
}) {
  const t = useT(messages);
  const duration = useDuration();
  if (remainingMs == null) return <span className="muted">{t("noClock")}</span>;
  if (remainingMs < 0)
    return <strong className="overdue">{t("overdue", { t: duration(remainingMs) })}</strong>;
  return <span>{t(paused ? "pausedLeft" : "timeLeft", { t: duration(remainingMs) })}</span>;
}

const STATE_TONE: Record<string, string> = {
  new: "warn",
  open: "ok",
  waiting_on_customer: "neutral",
  waiting_on_consultation: "neutral",
  resolved: "ok",
  closed: "neutral",
};

export function StateBadge({ state }: { state: string }) {
  const t = useT(messages);
  return (
    <span className={`badge ${STATE_TONE[state] ?? "neutral"}`}>{label(t, "state", state)}</span>
  );
}

export function PriorityLabel({ priority }: { priority: string }) {
  const t = useT(messages);
  return <span className={`priority priority-${priority}`}>{label(t, "priority", priority)}</span>;
}

export const WORKING_STATES = [
  "new",
  "open",
  "waiting_on_customer",
  "waiting_on_consultation",
] as const;
export const CASE_STATES = [...WORKING_STATES, "resolved", "closed"] as const;
export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const CATEGORIES = [
  "sim_order",
  "platform_howto",
  "billing",
  "technical",
  "plans",
  "products",
  "other",
] as const;
