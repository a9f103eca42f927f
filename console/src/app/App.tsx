import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { Suspense } from "react";
import { BrowserRouter, Route, Routes, useLocation } from "react-router";
import { ApiError } from "../api/client";
import { MeProvider, useMeQuery } from "../auth/session";
import { RequestResetPage, SetPasswordPage, SignInPage } from "../auth/SignInPages";
import { LocaleProvider, isLanguage, type Language } from "../i18n";
import { Shell } from "../layout/Shell";
import { ErrorBox, Loading, NotFound } from "../ui/states";
import { routes } from "./routes";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refused request (4xx) is an answer, not a hiccup: show it at once.
      retry: (count, err) =>
        !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      staleTime: 10_000,
      refetchOnWindowFocus: true,
    },
  },
});

/** Before sign-in the browser's language speaks; after it, the user's own (GET /users/me). */
const browserLanguage = (): Language => {
  const lang = navigator.language.slice(0, 2);
  return isLanguage(lang) ? lang : "en";
};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function Gate() {
  const me = useMeQuery();
  const location = useLocation();
  const signedOut = (
    <LocaleProvider value={{ language: browserLanguage(), timeZone: browserZone() }}>
      <Routes>
        <Route path="/set-password" element={<SetPasswordPage />} />
        <Route
          path="/reset-password"
          element={location.hash.includes("token=") ? <SetPasswordPage /> : <RequestResetPage />}
        />
        <Route path="*" element={<SignInPage />} />
      </Routes>
    </LocaleProvider>
  );
  if (me.isPending) return <Loading />;
  if (me.error) return <ErrorBox error={me.error} onRetry={() => me.refetch()} />;
  // The links in mails open their page even for someone signed in (another person's invitation).
  if (
    !me.data ||
    location.pathname === "/set-password" ||
    (location.pathname === "/reset-password" && location.hash)
  )
    return signedOut;
  const language = isLanguage(me.data.language) ? me.data.language : "en";
  return (
    <LocaleProvider value={{ language, timeZone: me.data.timeZone }}>
      <MeProvider me={me.data}>
        <Routes>
          <Route element={<Shell />}>
            {routes.map(({ path, Page }) => (
              <Route
                key={path}
                path={path}
                element={
                  <Suspense fallback={<Loading />}>
                    <Page />
                  </Suspense>
                }
              />
            ))}
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </MeProvider>
    </LocaleProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Gate />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
