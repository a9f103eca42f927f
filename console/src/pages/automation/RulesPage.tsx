import { PageTitle } from "../../ui/states";

export default function RulesPage() {
  return <PageTitle title="Automation rules">Automation rules</PageTitle>;
}
