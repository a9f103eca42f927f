import { useEffect, type ReactNode } from "react";
import { Link } from "react-router";
import { ApiError } from "../api/client";
import { common } from "../i18n/common";
import { useT } from "../i18n";

/** An API error as the user needs it: Otter's message, its code and the request id to quote. */
export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT(common);
  const api = error instanceof ApiError ? error : null;
  const message = api
    ? api.status === 0
      ? t("errorNetwork")
      : api.message
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <div role="alert" className="error-box">
      <strong>{t("errorTitle")}</strong>
      <p>
        {message}
        {api && api.status > 0 && <code className="error-code"> {api.code}</code>}
      </p>
      {api?.requestId && <p className="muted">{t("errorRequestId", { id: api.requestId })}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t("retry")}
        </button>
      )}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const t = useT(common);
  return (
    <p className="loading" role="status" aria-live="polite">
      {label ?? t("loading")}
    </p>
  );
}

/** An empty list: says so, and what to do about it. */
export function Empty({ children }: { children?: ReactNode }) {
  const t = useT(common);
  return <div className="empty">{children ?? t("empty")}</div>;
}

export function NotFound() {
  const t = useT(common);
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t("notFoundTitle")}</h1>
      <p>{t("notFoundText")}</p>
      <p>
        <Link to="/">{t("backHome")}</Link>
      </p>
    </section>
  );
}

/** A query's three states in one place: loading, error (with retry), data. */
export function QueryView<T>({
  query,
  children,
  notFound,
}: {
  query: { isPending: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  children: (data: T) => ReactNode;
  /** A 404 shows the "not found" page: another tenant's object looks exactly like an unknown one. */
  notFound?: boolean;
}) {
  if (query.isPending) return <Loading />;
  if (query.error) {
    if (notFound && query.error instanceof ApiError && query.error.status === 404)
      return <NotFound />;
    return <ErrorBox error={query.error} onRetry={() => query.refetch()} />;
  }
  return <>{children(query.data as T)}</>;
}

/** The page's title: one h1, and the document title for tabs and history. */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  useEffect(() => {
    document.title = `${title} · Otter`;
  }, [title]);
  return <h1>{children}</h1>;
}
