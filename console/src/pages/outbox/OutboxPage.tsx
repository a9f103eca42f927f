import { PageTitle } from "../../ui/states";

export default function OutboxPage() {
  return <PageTitle title="Outbox">Outbox</PageTitle>;
}
