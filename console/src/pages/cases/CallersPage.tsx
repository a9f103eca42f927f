import { PageTitle } from "../../ui/states";

export default function CallersPage() {
  return <PageTitle title="Caller lookup">Caller lookup</PageTitle>;
}
