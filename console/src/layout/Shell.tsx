import { useMutation, useQueryClient } from "@tanstack/react-query";
import { NavLink, Outlet } from "react-router";
import { api, must } from "../api/client";
import { ME_KEY, isOperator, useMe } from "../auth/session";
import { common } from "../i18n/common";
import { useT } from "../i18n";
import { SearchBox } from "./SearchBox";

/** The frame of every signed-in page: skip link, navigation, search, who is signed in. */
export function Shell() {
  const t = useT(common);
  const me = useMe();
  const client = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => must(api.POST("/api/v1/auth/sign-out")),
    // Signed out: the sign-in page shows, and nothing the session read stays in memory.
    onSettled: () => {
      client.setQueryData(ME_KEY, null);
      client.removeQueries({
        predicate: (q) => !(q.queryKey[0] === ME_KEY[0] && q.queryKey[1] === ME_KEY[1]),
      });
    },
  });
  const operator = isOperator(me);
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        {t("skipToContent")}
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand" end>
          {t("appName")}
        </NavLink>
        <SearchBox />
        <div className="who">
          <NavLink to="/profile">{t("signedInAs", { name: me.name })}</NavLink>
          <button type="button" className="link" onClick={() => signOut.mutate()}>
            {t("signOut")}
          </button>
        </div>
      </header>
      <nav aria-label={t("navMain")} className="sidenav">
        <ul>
          <li>
            <NavLink to="/" end>
              {t("navHome")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/sims">{t("navSims")}</NavLink>
          </li>
          <li>
            <NavLink to="/cases">{t("navCases")}</NavLink>
          </li>
          <li>
            <NavLink to="/accounts">{t("navAccounts")}</NavLink>
          </li>
          {operator && (
            <li>
              <NavLink to="/catalog">{t("navCatalog")}</NavLink>
            </li>
          )}
          {operator && (
            <li>
              <NavLink to="/onboardings">{t("navOnboarding")}</NavLink>
            </li>
          )}
          {(operator || me.role === "customer_admin") && (
            <li>
              <NavLink to="/invoices">{t("navInvoices")}</NavLink>
            </li>
          )}
          <li>
            <NavLink to="/jobs">{t("navJobs")}</NavLink>
          </li>
          <li>
            <NavLink to="/automation">{t("navAutomation")}</NavLink>
          </li>
          <li>
            <NavLink to="/webhooks">{t("navWebhooks")}</NavLink>
          </li>
        </ul>
      </nav>
      <main id="main" tabIndex={-1} className="content">
        <Outlet />
      </main>
    </div>
  );
}
