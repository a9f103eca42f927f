import { PageTitle } from "../../ui/states";

export default function CatalogPage() {
  return <PageTitle title="Catalog">Catalog</PageTitle>;
}
