import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api, must } from "../../api/client";
import { useFormat, useT } from "../../i18n";
import { Empty, QueryView } from "../../ui/states";
import { simParts } from "./sim-parts.messages";
import "./sim-parts.css";

/** Every change to the SIM: who, when, which field, from → to, and why (GET …/audit, in pages). */
export function AuditTrail({ iccid }: { iccid: string }) {
  const t = useT(simParts);
  const fmt = useFormat();
  const query = useInfiniteQuery({
    queryKey: ["sims", iccid, "audit"],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      must(
        api.GET("/api/v1/sims/{iccid}/audit", {
          params: { path: { iccid }, query: { limit: 100, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return (
    <section className="sim-part" aria-labelledby="audit-title">
      <h2 id="audit-title">{t("auditTitle")}</h2>
      <QueryView query={query}>
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          if (items.length === 0)
            return (
              <Empty>
                <p>{t("auditEmpty")}</p>
              </Empty>
            );
          return (
            <>
              <div className="table-scroll">
                <table className="audit-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("auditWhen")}</th>
                      <th scope="col">{t("auditWho")}</th>
                      <th scope="col">{t("auditField")}</th>
                      <th scope="col">{t("auditChange")}</th>
                      <th scope="col">{t("auditReason")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((c) => (
                      <tr key={c.id}>
                        <td>
                          <time dateTime={c.changedAt}>{fmt.dateTime(c.changedAt)}</time>
                        </td>
                        <td>
                          {c.actor.name}
                          {c.jobId && (
                            <>
                              {" "}
                              (
                              <Link to={`/jobs/${c.jobId}`}>
                                {t("auditJob", { id: c.jobId.slice(0, 8) })}
                              </Link>
                              )
                            </>
                          )}
                        </td>
                        <td>{c.field}</td>
                        <td>
                          {c.changes ? (
                            // One record for several fields (an onboarding's assignment): one line each.
                            Object.entries(c.changes).map(([field, v]) => (
                              <div key={field}>
                                {field}: <span className="audit-from">{v.from ?? "—"}</span> →{" "}
                                <span className="audit-to">{v.to ?? "—"}</span>
                              </div>
                            ))
                          ) : (
                            <>
                              <span className="audit-from">{c.priorValue ?? "—"}</span> →{" "}
                              <span className="audit-to">{c.value ?? "—"}</span>
                            </>
                          )}
                        </td>
                        <td>{c.reason ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {query.hasNextPage && (
                <button
                  type="button"
                  disabled={query.isFetchingNextPage}
                  onClick={() => void query.fetchNextPage()}
                >
                  {t("auditMore")}
                </button>
              )}
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
