import { PageTitle } from "../../ui/states";

export default function WebhooksPage() {
  return <PageTitle title="Webhooks">Webhooks</PageTitle>;
}
