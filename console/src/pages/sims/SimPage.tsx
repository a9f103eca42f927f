import { PageTitle } from "../../ui/states";

export default function SimPage() {
  return <PageTitle title="SIM">SIM</PageTitle>;
}
