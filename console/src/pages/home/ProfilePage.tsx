import { PageTitle } from "../../ui/states";

export default function ProfilePage() {
  return <PageTitle title="Your profile">Your profile</PageTitle>;
}
