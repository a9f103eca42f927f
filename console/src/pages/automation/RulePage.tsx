import { PageTitle } from "../../ui/states";

export default function RulePage() {
  return <PageTitle title="Automation rule">Automation rule</PageTitle>;
}
