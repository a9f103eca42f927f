import { PageTitle } from "../../ui/states";

export default function HomePage() {
  return <PageTitle title="Home">Home</PageTitle>;
}
