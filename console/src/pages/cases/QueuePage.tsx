import { PageTitle } from "../../ui/states";

export default function QueuePage() {
  return <PageTitle title="Cases">Cases</PageTitle>;
}
