import { PageTitle } from "../../ui/states";

export default function AccountsPage() {
  return <PageTitle title="Customers">Customers</PageTitle>;
}
