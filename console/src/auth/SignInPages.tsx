import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { api, must } from "../api/client";
import { useT } from "../i18n";
import { ErrorBox, PageTitle } from "../ui/states";
import { authMessages } from "./messages";
import { ME_KEY } from "./session";

function Card({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" className="auth-card">
      <p className="brand" aria-hidden="true">
        Otter
      </p>
      {children}
    </main>
  );
}

/** The sign-in form; after signing in, the page the person asked for opens. */
export function SignInPage() {
  const t = useT(authMessages);
  const client = useQueryClient();
  const signIn = useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      must(api.POST("/api/v1/auth/sign-in", { body })),
    onSuccess: (data) => client.setQueryData(ME_KEY, data.user),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    signIn.mutate({ email: String(form.get("email")), password: String(form.get("password")) });
  };
  return (
    <Card>
      <PageTitle title={t("signInTitle")}>{t("signInTitle")}</PageTitle>
      <form onSubmit={submit} className="stack">
        <label>
          {t("email")}
          <input name="email" type="email" autoComplete="username" required autoFocus />
        </label>
        <label>
          {t("password")}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {signIn.error && <ErrorBox error={signIn.error} />}
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {signIn.isPending ? t("signingIn") : t("signIn")}
        </button>
      </form>
      <p>
        <Link to="/reset-password">{t("forgot")}</Link>
      </p>
    </Card>
  );
}

/** Asks for a reset mail (the answer is the same whether or not the address is a user's). */
export function RequestResetPage() {
  const t = useT(authMessages);
  const reset = useMutation({
    mutationFn: (email: string) =>
      must(api.POST("/api/v1/auth/password-reset", { body: { email } })),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    reset.mutate(String(new FormData(e.currentTarget).get("email")));
  };
  return (
    <Card>
      <PageTitle title={t("resetTitle")}>{t("resetTitle")}</PageTitle>
      <p>{t("resetIntro")}</p>
      {reset.isSuccess ? (
        <p role="status">{t("resetSent")}</p>
      ) : (
        <form onSubmit={submit} className="stack">
          <label>
            {t("email")}
            <input name="email" type="email" autoComplete="username" required autoFocus />
          </label>
          {reset.error && <ErrorBox error={reset.error} />}
          <button type="submit" className="primary" disabled={reset.isPending}>
            {t("resetSend")}
          </button>
        </form>
      )}
      <p>
        <Link to="/">{t("backToSignIn")}</Link>
      </p>
    </Card>
  );
}

/**
 * The page of the invitation and reset links (`/set-password#token=…`, `/reset-password#token=…`):
 * the token is in the fragment, which the browser never sends to a server or a proxy's log.
 */
export function SetPasswordPage() {
  const t = useT(authMessages);
  const location = useLocation();
  const navigate = useNavigate();
  const token = new URLSearchParams(location.hash.slice(1)).get("token");
  const [mismatch, setMismatch] = useState(false);
  const set = useMutation({
    mutationFn: (password: string) =>
      must(api.POST("/api/v1/auth/password", { body: { token: token ?? "", password } })),
    // The token is spent: take it out of the address bar and history.
    onSuccess: () => navigate({ hash: "" }, { replace: true }),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const password = String(form.get("password"));
    const again = String(form.get("again"));
    setMismatch(password !== again);
    if (password === again) set.mutate(password);
  };
  if (set.isSuccess)
    return (
      <Card>
        <PageTitle title={t("setTitle")}>{t("setTitle")}</PageTitle>
        <p role="status">{t("setDone", { email: set.data.email })}</p>
        <p>
          <Link to="/">{t("backToSignIn")}</Link>
        </p>
      </Card>
    );
  return (
    <Card>
      <PageTitle title={t("setTitle")}>{t("setTitle")}</PageTitle>
      {!token ? (
        <p role="alert">{t("noToken")}</p>
      ) : (
        <>
          <p>{t("setIntro")}</p>
          <form onSubmit={submit} className="stack">
            <label>
              {t("newPassword")}
              <input
                name="password"
                type="password"
                autoComplete="new-password"
                minLength={12}
                required
                autoFocus
              />
            </label>
            <label>
              {t("repeatPassword")}
              <input
                name="again"
                type="password"
                autoComplete="new-password"
                minLength={12}
                required
              />
            </label>
            {mismatch && <p role="alert">{t("mismatch")}</p>}
            {set.error && <ErrorBox error={set.error} />}
            <button type="submit" className="primary" disabled={set.isPending}>
              {t("setTitle")}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/">{t("backToSignIn")}</Link>
      </p>
    </Card>
  );
}
