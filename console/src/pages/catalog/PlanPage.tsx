import { PageTitle } from "../../ui/states";

export default function PlanPage() {
  return <PageTitle title="Plan">Plan</PageTitle>;
}
