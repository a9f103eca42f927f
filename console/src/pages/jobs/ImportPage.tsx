import { PageTitle } from "../../ui/states";

export default function ImportPage() {
  return <PageTitle title="Import SIMs">Import SIMs</PageTitle>;
}
