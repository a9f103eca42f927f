import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, type ReactNode } from "react";
import { api, must, onSignedOut } from "../api/client";
import type { paths } from "../api/schema";

export type Me = paths["/api/v1/users/me"]["get"]["responses"][200]["content"]["application/json"];

const MeContext = createContext<Me | null>(null);

export const ME_KEY = ["users", "me"] as const;

/** Who is signed in (GET /api/v1/users/me); null while signed out. */
export function useMeQuery() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      const res = await api.GET("/api/v1/users/me");
      if (res.response.status === 401) return null;
      return must(Promise.resolve(res));
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  const client = useQueryClient();
  // Any 401 later (session revoked elsewhere, expired): back to the sign-in page.
  useEffect(() => onSignedOut(() => client.setQueryData(ME_KEY, null)), [client]);
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** The signed-in user; only inside the signed-in shell. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error("useMe outside the signed-in shell");
  return me;
}

/** Operator staff see every customer; a customer's users see their own subtree only. */
export const isOperator = (me: Me) => me.accountPath.length <= 1;
