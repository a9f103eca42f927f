import { PageTitle } from "../../ui/states";

export default function AccountPage() {
  return <PageTitle title="Customer">Customer</PageTitle>;
}
