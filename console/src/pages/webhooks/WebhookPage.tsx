import { PageTitle } from "../../ui/states";

export default function WebhookPage() {
  return <PageTitle title="Webhook">Webhook</PageTitle>;
}
