import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api, must } from "../../api/client";

/** A link to a customer's page, named by the customer's name once it is known (its id until then). */
export function AccountLink({ id }: { id: string }) {
  const account = useQuery({
    queryKey: ["accounts", id],
    queryFn: () => must(api.GET("/api/v1/accounts/{id}", { params: { path: { id } } })),
    staleTime: 300_000,
  });
  return <Link to={`/accounts/${id}`}>{account.data?.name ?? id}</Link>;
}
