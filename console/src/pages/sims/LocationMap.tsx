import { lazy, Suspense, useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { api, must } from "../../api/client";
import { useFormat, useLocale, useT } from "../../i18n";
import { Empty, QueryView } from "../../ui/states";
import { simParts } from "./sim-parts.messages";
import "./sim-parts.css";

// d3-geo and the bundled world map load with the map, not with the page.
const WorldMap = lazy(() => import("./WorldMap"));

/** The country's name in the user's language, from its ISO code (the browser knows the names). */
function useCountryName() {
  const { language } = useLocale();
  return useMemo(() => {
    const names = new Intl.DisplayNames([language], { type: "region" });
    return (code: string | null, fallback: string | null) => {
      if (!code) return fallback;
      try {
        return names.of(code) ?? fallback;
      } catch {
        return fallback;
      }
    };
  }, [language]);
}

/**
 * The SIM's last known locations: the visited countries (from the network's MCC) on an offline world
 * map, cell positions when Otter has a cell-location file, and the same as a list beside it.
 */
export function LocationMap({ iccid }: { iccid: string }) {
  const t = useT(simParts);
  const fmt = useFormat();
  const countryName = useCountryName();
  const query = useQuery({
    queryKey: ["sims", iccid, "locations"],
    queryFn: () => must(api.GET("/api/v1/sims/{iccid}/locations", { params: { path: { iccid } } })),
  });
  return (
    <section className="sim-part" aria-labelledby="map-title">
      <h2 id="map-title">{t("mapTitle")}</h2>
      <QueryView query={query}>
        {({ items }) => {
          if (items.length === 0)
            return (
              <Empty>
                <p>{t("mapEmpty")}</p>
              </Empty>
            );
          const named = items.map((l) => ({
            ...l,
            place: countryName(l.country, l.countryName) ?? t("mapUnknownCountry", { mcc: l.mcc }),
          }));
          const countries = [...new Set(items.flatMap((l) => (l.country ? [l.country] : [])))];
          const points = items.flatMap((l, i) =>
            l.lat !== null && l.lon !== null ? [{ lat: l.lat, lon: l.lon, latest: i === 0 }] : [],
          );
          const places = [...new Set(named.map((l) => l.place))].join(", ");
          return (
            <div className="location-map">
              <div className="map-frame">
                <Suspense fallback={<div className="map-placeholder" />}>
                  <WorldMap
                    countries={countries}
                    points={points}
                    label={t("mapLabel", { places })}
                  />
                </Suspense>
              </div>
              <div>
                <ol className="location-list">
                  {named.map((l) => (
                    <li key={`${l.mcc}-${l.mnc}-${l.area}-${l.cell}`}>
                      <strong>{l.place}</strong>
                      <br />
                      {t("mapNetwork", {
                        network: l.network ?? t("unknownNetwork"),
                        mcc: l.mcc,
                        mnc: l.mnc,
                      })}
                      {l.cell !== null && (
                        <> · {t("mapCell", { area: l.area ?? "?", cell: l.cell })}</>
                      )}
                      {l.lat !== null && l.lon !== null && (
                        <> · {t("mapCoords", { lat: l.lat.toFixed(4), lon: l.lon.toFixed(4) })}</>
                      )}
                      <br />
                      <span className="muted">
                        {t("mapSeen", { at: fmt.dateTime(l.lastSeen) })}
                      </span>
                    </li>
                  ))}
                </ol>
                {points.length === 0 && <p className="muted small">{t("mapCountryOnly")}</p>}
              </div>
            </div>
          );
        }}
      </QueryView>
    </section>
  );
}
