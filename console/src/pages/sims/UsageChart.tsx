import { lazy, Suspense, useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { api, must } from "../../api/client";
import { useFormat, useT } from "../../i18n";
import { Empty, QueryView } from "../../ui/states";
import { simParts } from "./sim-parts.messages";
import "./sim-parts.css";

// Chart.js loads with the chart, not with the page: the first route's JavaScript stays small.
const UsageBars = lazy(() => import("./UsageBars"));

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** One zone's bytes (up + down) per day, in the order of `days`. */
export interface UsageSeries {
  zone: string;
  bytes: number[];
}

/** Data used per day over the last 30 days (UTC days, as Otter counts them), stacked by zone. */
export function UsageChart({ iccid }: { iccid: string }) {
  const t = useT(simParts);
  const fmt = useFormat();
  const to = isoDay(Date.now());
  const from = isoDay(Date.now() - 29 * DAY);
  const query = useQuery({
    queryKey: ["sims", iccid, "usage", from, to],
    queryFn: () =>
      must(
        api.GET("/api/v1/sims/{iccid}/usage", {
          params: { path: { iccid }, query: { from, to } },
        }),
      ),
  });
  const days = useMemo(
    () => Array.from({ length: 30 }, (_, i) => isoDay(Date.parse(from) + i * DAY)),
    [from],
  );
  return (
    <section className="sim-part" aria-labelledby="usage-title">
      <h2 id="usage-title">{t("usageTitle")}</h2>
      <QueryView query={query}>
        {(usage) => {
          const index = new Map(days.map((d, i) => [d, i]));
          const byZone = new Map<string, number[]>();
          for (const item of usage.items) {
            const zone = item.zone?.name ?? t("usageOutside");
            const i = index.get(item.day);
            if (i === undefined) continue;
            const row = byZone.get(zone) ?? Array<number>(days.length).fill(0);
            row[i]! += item.bytesUp + item.bytesDown;
            byZone.set(zone, row);
          }
          const series: UsageSeries[] = [...byZone].map(([zone, bytes]) => ({ zone, bytes }));
          const total = usage.total.bytesUp + usage.total.bytesDown;
          if (series.length === 0 || total === 0)
            return (
              <Empty>
                <p>{t("usageEmpty")}</p>
              </Empty>
            );
          const summary = t("usageSummary", {
            from: fmt.date(`${from}T12:00:00Z`),
            to: fmt.date(`${to}T12:00:00Z`),
            total: fmt.bytes(total),
            zones: series
              .map((s) =>
                t("usageZoneTotal", {
                  zone: s.zone,
                  bytes: fmt.bytes(s.bytes.reduce((a, b) => a + b, 0)),
                }),
              )
              .join("; "),
          });
          const usedDays = days.filter((_, i) => series.some((s) => s.bytes[i]! > 0));
          return (
            <>
              <div className="usage-chart">
                <Suspense fallback={<div className="usage-chart-placeholder" />}>
                  <UsageBars
                    labels={days.map((d) => fmt.date(`${d}T12:00:00Z`))}
                    series={series}
                    summary={summary}
                    formatBytes={fmt.bytes}
                  />
                </Suspense>
              </div>
              {usage.total.smsMo + usage.total.smsMt > 0 && (
                <p className="muted">
                  {t("usageSms", {
                    mo: fmt.number(usage.total.smsMo),
                    mt: fmt.number(usage.total.smsMt),
                  })}
                </p>
              )}
              <details className="usage-table">
                <summary>{t("usageTable")}</summary>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("usageDay")}</th>
                      {series.map((s) => (
                        <th scope="col" key={s.zone}>
                          {s.zone}
                        </th>
                      ))}
                      <th scope="col">{t("usageTotal")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {usedDays.map((d) => {
                      const i = index.get(d)!;
                      return (
                        <tr key={d}>
                          <th scope="row">{fmt.date(`${d}T12:00:00Z`)}</th>
                          {series.map((s) => (
                            <td key={s.zone} className="num">
                              {fmt.bytes(s.bytes[i]!)}
                            </td>
                          ))}
                          <td className="num">
                            {fmt.bytes(series.reduce((a, s) => a + s.bytes[i]!, 0))}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </details>
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
