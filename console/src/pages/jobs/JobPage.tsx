import { PageTitle } from "../../ui/states";

export default function JobPage() {
  return <PageTitle title="Job">Job</PageTitle>;
}
