import { Link } from "react-router";
import type { paths } from "../../api/schema";
import { useT } from "../../i18n";
import { catalogMessages } from "./messages";
import { catalogPath } from "./plans";

type Warning =
  paths["/api/v1/catalog/check"]["get"]["responses"][200]["content"]["application/json"]["warnings"][number];

/** The bill-shock check's warnings, each with the pair of plans it is about and Otter's own words. */
export function BillShockWarnings({ warnings }: { warnings: Warning[] }) {
  const t = useT(catalogMessages);
  if (warnings.length === 0) return <p className="badge ok">{t("billShockNone")}</p>;
  return (
    <ul className="warnings">
      {warnings.map((w, i) => (
        <li key={`${w.communicationPlan.id}-${w.ratePlan.id}-${w.zone?.id ?? i}`}>
          <span className="badge warn">{w.code}</span>{" "}
          <Link to={catalogPath("communication", w.communicationPlan.id)}>
            {w.communicationPlan.name}
          </Link>{" "}
          · <Link to={catalogPath("rate", w.ratePlan.id)}>{w.ratePlan.name}</Link>
          <p>{w.text}</p>
        </li>
      ))}
    </ul>
  );
}
