import { useParams } from "react-router";
import { PageTitle } from "../../ui/states";
import { AuditTrail } from "./AuditTrail";
import { LocationMap } from "./LocationMap";
import { SimTimeline } from "./SimTimeline";
import { UsageChart } from "./UsageChart";

export default function SimPage() {
  const { key = "" } = useParams();
  return (
    <>
      <PageTitle title={`SIM ${key}`}>SIM {key}</PageTitle>
      <UsageChart iccid={key} />
      <LocationMap iccid={key} />
      <SimTimeline iccid={key} />
      <AuditTrail iccid={key} />
    </>
  );
}
