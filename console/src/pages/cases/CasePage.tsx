import { PageTitle } from "../../ui/states";

export default function CasePage() {
  return <PageTitle title="Case">Case</PageTitle>;
}
