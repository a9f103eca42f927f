import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api, must } from "../../api/client";
import { useFormat, useT } from "../../i18n";
import { Empty, ErrorBox, Loading } from "../../ui/states";
import { simParts } from "./sim-parts.messages";
import "./sim-parts.css";

type T = ReturnType<typeof useT<(typeof simParts)["en"]>>;
type Fmt = ReturnType<typeof useFormat>;

interface Entry {
  key: string;
  at: string;
  kind: "session" | "registration" | "action" | "sms" | "change";
  text: string;
}

const REG_TYPES = {
  location_update: "regLocationUpdate",
  purge: "regPurge",
  cancel_location: "regCancelLocation",
  authentication: "regAuthentication",
} as const;

const PENDING = new Set(["watching", "queued", "submitting", "submitted"]);

const words = (s: string) => s.replace(/[-_]/g, " ");

/**
 * Everything that happened to the SIM, newest first: the network's sessions and registrations
 * (GET …/timeline, in pages), the remote actions and SMS (GET …/actions), and the state and plan
 * changes (GET …/audit). Older network history loads on demand.
 */
export function SimTimeline({ iccid }: { iccid: string }) {
  const t = useT(simParts);
  const fmt = useFormat();
  const network = useInfiniteQuery({
    queryKey: ["sims", iccid, "timeline"],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      must(
        api.GET("/api/v1/sims/{iccid}/timeline", {
          params: { path: { iccid }, query: { limit: 50, before: pageParam } },
        }),
      ),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const actions = useQuery({
    queryKey: ["sims", iccid, "actions"],
    queryFn: () => must(api.GET("/api/v1/sims/{iccid}/actions", { params: { path: { iccid } } })),
    // An action still followed (watching, an SMS on its way) changes on its own: look again.
    refetchInterval: (q) =>
      q.state.data?.items.some((a) => PENDING.has(a.status)) ? 5_000 : false,
  });
  const audit = useQuery({
    queryKey: ["sims", iccid, "audit", "changes"],
    queryFn: () =>
      must(
        api.GET("/api/v1/sims/{iccid}/audit", {
          params: { path: { iccid }, query: { limit: 500 } },
        }),
      ),
  });

  const failed = [network, actions, audit].find((q) => q.error);
  let body;
  if (failed) body = <ErrorBox error={failed.error} onRetry={() => void failed.refetch()} />;
  else if (network.isPending || actions.isPending || audit.isPending) body = <Loading />;
  else {
    const entries: Entry[] = [];
    for (const page of network.data!.pages)
      for (const item of page.items) {
        if (item.session) entries.push(sessionEntry(item.session, t, fmt));
        else if (item.event)
          entries.push({
            key: `r-${item.event.id}`,
            at: item.at,
            kind: "registration",
            text: registrationText(item.event, t),
          });
      }
    for (const a of actions.data!.items) {
      const sms = a.type === "send-sms" || a.sms;
      entries.push({
        key: `a-${a.id}`,
        at: a.createdAt,
        kind: sms ? "sms" : "action",
        text: sms
          ? t("smsLine", {
              purpose: words(a.sms?.purpose ?? String(a.params.purpose ?? "sms")),
              who: a.requestedBy,
              status: words(a.sms?.status ?? a.status),
            })
          : t("actionLine", {
              action: words(a.type),
              who: a.requestedBy,
              reason: a.reason,
              status: words(a.status),
            }),
      });
    }
    // A record of several fields (an onboarding's assignment) is one line per field here.
    const lines = audit.data!.items.flatMap((c) =>
      c.changes
        ? Object.entries(c.changes).map(([field, v], i) => ({
            ...c,
            id: `${c.id}-${i}`,
            field,
            priorValue: v.from,
            value: v.to,
          }))
        : [c],
    );
    for (const c of lines) {
      const from = c.priorValue ?? t("none");
      const to = c.value ?? t("none");
      const text =
        c.field === "state"
          ? t("stateChange", { from, to })
          : c.field === "ratePlan" || c.field === "communicationPlan"
            ? t("planChange", {
                plan: t(c.field === "ratePlan" ? "ratePlan" : "commPlan"),
                from,
                to,
              })
            : null;
      if (text)
        entries.push({
          key: `c-${c.id}`,
          at: c.changedAt,
          kind: "change",
          text: `${text} ${t("byWho", { who: c.actor.name })}${c.reason ? `: “${c.reason}”` : ""}`,
        });
    }
    // While older network history is still to load, the other lists stop where it stops.
    const lastPage = network.data!.pages.at(-1);
    const oldest = network.hasNextPage ? lastPage?.items.at(-1)?.at : undefined;
    const shown = entries
      .filter((e) => !oldest || e.at >= oldest)
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    const kindLabel = {
      session: t("kindSession"),
      registration: t("kindRegistration"),
      action: t("kindAction"),
      sms: t("kindSms"),
      change: t("kindChange"),
    };
    body =
      shown.length === 0 ? (
        <Empty>
          <p>{t("timelineEmpty")}</p>
        </Empty>
      ) : (
        <>
          <ol className="sim-timeline">
            {shown.map((e) => (
              <li key={e.key} className={`tl-${e.kind}`}>
                <time dateTime={e.at}>{fmt.dateTime(e.at)}</time>
                <span className="tl-kind">{kindLabel[e.kind]}</span>
                <span className="tl-text">{e.text}</span>
              </li>
            ))}
          </ol>
          {network.hasNextPage && (
            <button
              type="button"
              disabled={network.isFetchingNextPage}
              onClick={() => void network.fetchNextPage()}
            >
              {t("timelineOlder")}
            </button>
          )}
        </>
      );
  }
  return (
    <section className="sim-part" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("timelineTitle")}</h2>
      {body}
    </section>
  );
}

function sessionEntry(
  s: {
    id: string;
    status: "open" | "closed";
    startedAt: string;
    endedAt: string | null;
    apn: string | null;
    mcc: string | null;
    mnc: string | null;
    bytesUp: number;
    bytesDown: number;
    terminateCause: string | null;
  },
  t: T,
  fmt: Fmt,
): Entry {
  const apn = s.apn ?? t("unknownApn");
  const net = s.mcc && s.mnc ? `${s.mcc}-${s.mnc}` : t("unknownNetwork");
  return {
    key: `s-${s.id}`,
    at: s.startedAt,
    kind: "session",
    text:
      s.status === "open"
        ? t("sessionOpen", { apn, network: net })
        : t("sessionClosed", {
            apn,
            network: net,
            bytes: fmt.bytes(s.bytesUp + s.bytesDown),
            ended: fmt.dateTime(s.endedAt),
            cause: s.terminateCause ? t("sessionCause", { cause: s.terminateCause }) : "",
          }),
  };
}

function registrationText(
  e: { type: string; result: string | null; cause: number | null; visitedPlmn: string | null },
  t: T,
) {
  const key = REG_TYPES[e.type as keyof typeof REG_TYPES];
  const type = key ? t(key) : words(e.type);
  const plmn = e.visitedPlmn ?? t("regUnknownPlmn");
  if (e.result === "accepted") return t("regAccepted", { type, plmn });
  if (e.result === "rejected") return t("regRejected", { type, plmn, cause: e.cause ?? "?" });
  return t("regOther", { type });
}
