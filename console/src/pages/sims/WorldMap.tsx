import { useMemo } from "react";
import { geoEqualEarth, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import { NUMERIC_BY_ALPHA2 } from "./country-codes";

const WIDTH = 640;
const HEIGHT = 330;

// The map comes with the build (world-atlas, Natural Earth 1:110m): no tile server, nothing fetched.
const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
const countries = (
  feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>
).features.filter((f) => f.id !== "010"); // Antarctica: a large white area no SIM visits.
const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], {
  type: "FeatureCollection",
  features: countries,
} as FeatureCollection);
const path = geoPath(projection);
const shapes = countries.map((f: Feature<Geometry, { name: string }>) => ({
  id: String(f.id ?? f.properties.name),
  d: path(f) ?? "",
}));

/** An SVG world map: the visited countries filled, cell positions as dots. */
export default function WorldMap({
  countries: visited,
  points,
  label,
}: {
  /** ISO 3166 alpha-2 codes. */
  countries: string[];
  points: { lat: number; lon: number; latest: boolean }[];
  label: string;
}) {
  const highlighted = useMemo(
    () => new Set(visited.flatMap((c) => NUMERIC_BY_ALPHA2[c] ?? [])),
    [visited],
  );
  return (
    <svg
      className="world-map"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      focusable="false"
    >
      <g>
        {shapes.map((s) => (
          <path
            key={s.id}
            d={s.d}
            className={highlighted.has(s.id) ? "country visited" : "country"}
          />
        ))}
      </g>
      {points.map((p, i) => {
        const xy = projection([p.lon, p.lat]);
        if (!xy) return null;
        return (
          <circle
            key={i}
            cx={xy[0]}
            cy={xy[1]}
            r={p.latest ? 5 : 3.5}
            className={p.latest ? "cell latest" : "cell"}
          />
        );
      })}
    </svg>
  );
}
