import { PageTitle } from "../../ui/states";

export default function SimsPage() {
  return <PageTitle title="SIMs">SIMs</PageTitle>;
}
