import { PageTitle } from "../../ui/states";

export default function JobsPage() {
  return <PageTitle title="Jobs">Jobs</PageTitle>;
}
