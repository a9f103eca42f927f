import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { api, must } from "../../api/client";
import { useFormat, useLocale, useT } from "../../i18n";
import { Empty, ErrorBox, Loading, PageTitle, QueryView } from "../../ui/states";
import { billingMessages } from "./messages";
import {
  type Explanation,
  fetchInvoice,
  invoiceKey,
  InvoiceTitle,
  useDay,
  useDecimal,
  useMoney,
  useUnitWord,
} from "./shared";
import "./billing.css";

/** What the case page does when it is opened with this state: fetch the text, put it in the reply. */
export interface InsertExplanationState {
  insertExplanation: { invoiceId: string; n: number };
}

/**
 * /invoices/:id/lines/:n — a line explained: the summary in plain words, the plan version, the
 * arithmetic part by part with its rounding, the facts behind it, and the SIMs a page at a time.
 */
export default function ExplanationPage() {
  const { id = "", n: nParam = "" } = useParams();
  const n = Number(nParam);
  const [params] = useSearchParams();
  const caseId = params.get("case");
  const t = useT(billingMessages);
  const invoice = useQuery({ queryKey: invoiceKey(id), queryFn: () => fetchInvoice(id) });
  const explanation = useInfiniteQuery({
    queryKey: ["invoices", id, "lines", n, "explanation"],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      must(
        api.GET("/api/v1/invoices/{id}/lines/{n}/explanation", {
          params: {
            path: { id, n },
            query: { limit: 50, ...(pageParam && { cursor: pageParam }) },
          },
        }),
      ),
    getNextPageParam: (last) => last.sims.nextCursor ?? undefined,
  });
  const first = explanation.data?.pages[0];
  return (
    <section className="billing">
      <QueryView query={{ ...explanation, data: first }} notFound>
        {(ex) => (
          <>
            <PageTitle
              title={t("explanationTitle", {
                n: ex.line.n,
                description: ex.line.descriptionText ?? ex.line.description,
              })}
            >
              {t("explanationTitle", {
                n: ex.line.n,
                description: ex.line.descriptionText ?? ex.line.description,
              })}
            </PageTitle>
            <p>
              <Link to={`/invoices/${id}${caseId ? `?case=${encodeURIComponent(caseId)}` : ""}`}>
                {t("backToInvoice")}
                {invoice.data && (
                  <>
                    {" "}
                    (<InvoiceTitle invoice={invoice.data} />)
                  </>
                )}
              </Link>
            </p>
            {caseId && <InsertIntoCase caseId={caseId} invoiceId={id} n={n} />}
            <Summary ex={ex} currency={invoice.data?.currency ?? "EUR"} />
            <Sims
              ex={ex}
              items={explanation.data?.pages.flatMap((p) => p.sims.items) ?? []}
              more={explanation.hasNextPage}
              loadMore={() => explanation.fetchNextPage()}
              loading={explanation.isFetchingNextPage}
            />
            {explanation.error && <ErrorBox error={explanation.error} />}
          </>
        )}
      </QueryView>
    </section>
  );
}

function InsertIntoCase({
  caseId,
  invoiceId,
  n,
}: {
  caseId: string;
  invoiceId: string;
  n: number;
}) {
  const t = useT(billingMessages);
  const navigate = useNavigate();
  const c = useQuery({
    queryKey: ["cases", caseId],
    queryFn: () => must(api.GET("/api/v1/cases/{id}", { params: { path: { id: caseId } } })),
  });
  if (!c.data) return null;
  const state: InsertExplanationState = { insertExplanation: { invoiceId, n } };
  return (
    <p>
      <button
        type="button"
        className="primary"
        onClick={() => navigate(`/cases/${caseId}`, { state })}
      >
        {t("insertIntoReply", { number: c.data.number })}
      </button>
    </p>
  );
}

function Summary({ ex, currency }: { ex: Explanation; currency: string }) {
  const t = useT(billingMessages);
  const money = useMoney();
  const decimal = useDecimal();
  const day = useDay();
  const f = useFormat();
  const { language } = useLocale();
  const unitWord = useUnitWord();
  // The API states the rounding in Otter's English, one of three fixed sentences.
  const roundingWords = (rounding: string) => {
    const places = /rounded half-up to (\d+) decimal places/.exec(rounding)?.[1];
    if (places !== undefined) return t("roundingHalfUp", { places });
    if (rounding.startsWith("each part is a difference")) return t("roundingLate");
    if (rounding === "entered by the operator") return t("roundingOperator");
    return rounding;
  };
  const factValue = (key: string, v: string | number) => {
    if (key === "poolType") return t(v === "fixed" ? "poolFixed" : "poolFlex");
    if (key === "cycleStart" || key === "cycleEnd") return day(String(v));
    if (key === "alreadyBilledLate") return money(String(v), currency, true);
    if (key.endsWith("Bytes") || key === "bytes") return `${decimal(Number(v) / (1024 * 1024))} MB`;
    if (key.endsWith("MB") || key === "MB") return `${decimal(String(v))} MB`;
    return typeof v === "number" ? f.number(v) : String(v);
  };
  return (
    <>
      <div className="card">
        <h2>{t("summary")}</h2>
        <p className="sentence">{ex.summaryMessage.text}</p>
        <p className="muted">
          {t("cycleRange", { start: day(ex.cycle.start), end: day(ex.cycle.end) })} ·{" "}
          {t("cycleDays", { days: ex.cycle.days })}
          {ex.planVersion !== null && (
            <>
              {" "}
              · {t("planVersion")} {ex.planVersion}
            </>
          )}
        </p>
      </div>
      <h2>{t("arithmetic")}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("part")}</th>
            <th scope="col" className="num">
              {t("quantity")}
            </th>
            <th scope="col" className="num">
              {t("unitPrice")}
            </th>
            <th scope="col" className="num">
              {t("amount")}
            </th>
          </tr>
        </thead>
        <tbody>
          {ex.arithmetic.parts.map((p, i) => (
            <tr key={i}>
              {/* A part's label is Otter's English; other languages name the part by its place. */}
              <td title={language === "en" ? undefined : p.label}>
                {language === "en"
                  ? p.label
                  : p.version === undefined
                    ? t("partN", { n: i + 1 })
                    : t("partNVersion", { n: i + 1, version: p.version })}
              </td>
              <td className="num">
                {decimal(p.quantity)} {unitWord(p.unit)}
              </td>
              <td className="num">{money(p.unitPrice, currency, true)}</td>
              <td className="num">{money(p.amount, currency, true)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="totals">
        <dt>{t("exactSum")}</dt>
        <dd>{money(ex.arithmetic.exact, currency, true)}</dd>
        <dt>{t("rounding")}</dt>
        <dd>{roundingWords(ex.arithmetic.rounding)}</dd>
        <dt>
          <strong>{t("amount")}</strong>
        </dt>
        <dd>
          <strong>{money(ex.arithmetic.amount, currency)}</strong>
        </dd>
      </dl>
      {Object.keys(ex.facts).length > 0 && (
        <>
          <h2>{t("facts")}</h2>
          <dl className="totals">
            {Object.entries(ex.facts).map(([k, v]) => (
              <div key={k} style={{ display: "contents" }}>
                <dt title={k}>{k in FACT_WORDS ? t(FACT_WORDS[k]!) : k}</dt>
                <dd>{factValue(k, v)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </>
  );
}

/** The words of the facts Otter records on a line (rating.ts, late-usage.ts); others show their key. */
const FACT_WORDS: Record<string, keyof (typeof billingMessages)["en"]> = {
  sims: "fact_sims",
  simDays: "fact_simDays",
  cycleDays: "fact_cycleDays",
  allowancePerSimBytes: "fact_allowancePerSimBytes",
  homeBytes: "fact_homeBytes",
  homeMB: "fact_homeMB",
  overBytes: "fact_overBytes",
  poolType: "fact_poolType",
  poolExactBytes: "fact_poolExactBytes",
  poolBytes: "fact_poolBytes",
  poolMB: "fact_poolMB",
  contributionDays: "fact_contributionDays",
  contributingSims: "fact_contributingSims",
  bytes: "fact_bytes",
  MB: "fact_MB",
  sms: "fact_sms",
  includedSms: "fact_includedSms",
  lateForInvoice: "fact_lateForInvoice",
  cycleStart: "fact_cycleStart",
  cycleEnd: "fact_cycleEnd",
  lateBytes: "fact_lateBytes",
  lateMB: "fact_lateMB",
  lateSms: "fact_lateSms",
  alreadyBilledLate: "fact_alreadyBilledLate",
  creditedInvoice: "fact_creditedInvoice",
};

type Sim = Explanation["sims"]["items"][number];

function Sims({
  ex,
  items,
  more,
  loadMore,
  loading,
}: {
  ex: Explanation;
  items: Sim[];
  more: boolean;
  loadMore: () => void;
  loading: boolean;
}) {
  const t = useT(billingMessages);
  const f = useFormat();
  const day = useDay();
  const decimal = useDecimal();
  const fees = ex.line.kind === "subscription" || ex.line.kind === "activation";
  if (ex.lateFor)
    return <LateSims ex={ex} items={items} more={more} loadMore={loadMore} loading={loading} />;
  return (
    <>
      <h2>{t("sims")}</h2>
      {items.length === 0 ? (
        <Empty>{t("noSims")}</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("iccid")}</th>
              {fees ? (
                <>
                  <th scope="col" className="num">
                    {t("billableDays")}
                  </th>
                  <th scope="col">{t("activatedOn")}</th>
                  <th scope="col" className="num">
                    {t("share")}
                  </th>
                </>
              ) : (
                <>
                  <th scope="col" className="num">
                    {t("days")}
                  </th>
                  <th scope="col" className="num">
                    {t("data")}
                  </th>
                  <th scope="col" className="num">
                    {t("smsMo")}
                  </th>
                  <th scope="col" className="num">
                    {t("smsMt")}
                  </th>
                  <th scope="col" className="num">
                    {t("sessions")}
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.iccid}>
                <td>
                  <Link className="mono" to={`/sims/${s.iccid}`}>
                    {s.iccid}
                  </Link>
                </td>
                {fees ? (
                  <>
                    <td className="num">{f.number(s.billableDays)}</td>
                    <td>{s.activatedOn ? day(s.activatedOn) : "—"}</td>
                    <td className="num">{s.share ? decimal(s.share) : "—"}</td>
                  </>
                ) : (
                  <>
                    <td className="num">{f.number(s.days)}</td>
                    <td className="num">
                      {s.bytes == null ? "—" : `${decimal(s.bytes / 1_048_576)} MB`}
                    </td>
                    <td className="num">{f.number(s.smsMo)}</td>
                    <td className="num">{f.number(s.smsMt)}</td>
                    <td className="num">{f.number(s.sessions)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {loading && <Loading />}
      {more && !loading && (
        <button type="button" onClick={loadMore}>
          {t("loadMore")}
        </button>
      )}
    </>
  );
}

/**
 * A late-usage line's SIMs: a row per SIM and zone of the earlier cycle the usage belongs to, the
 * late data and SMS, and the days the SIM used the zone in that cycle now and when it was billed.
 */
function LateSims({
  ex,
  items,
  more,
  loadMore,
  loading,
}: {
  ex: Explanation;
  items: Sim[];
  more: boolean;
  loadMore: () => void;
  loading: boolean;
}) {
  const t = useT(billingMessages);
  const f = useFormat();
  const day = useDay();
  const decimal = useDecimal();
  const late = ex.lateFor!;
  return (
    <>
      <h2>{t("sims")}</h2>
      <p>
        {t("lateFor", {
          start: day(late.cycle.start),
          end: day(late.cycle.end),
          number: late.number ?? t("draft"),
        })}{" "}
        <Link to={`/invoices/${late.invoiceId}`}>{t("openInvoice")}</Link>
      </p>
      {items.length === 0 ? (
        <Empty>{t("noSims")}</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("iccid")}</th>
              <th scope="col">{t("zone")}</th>
              <th scope="col" className="num">
                {t("lateData")}
              </th>
              <th scope="col" className="num">
                {t("smsMo")}
              </th>
              <th scope="col" className="num">
                {t("smsMt")}
              </th>
              <th scope="col" className="num">
                {t("daysNow")}
              </th>
              <th scope="col" className="num">
                {t("daysBilled")}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={`${s.iccid} ${s.plan ?? ""} ${s.zoneId ?? ""} ${s.test ? "test" : ""}`}>
                <td>
                  <Link className="mono" to={`/sims/${s.iccid}`}>
                    {s.iccid}
                  </Link>
                </td>
                <td>
                  {s.zoneName ?? t("noZone")}
                  {s.test && <> ({t("testUsage")})</>}
                </td>
                <td className="num">
                  {s.bytes == null ? "—" : `${decimal(s.bytes / 1_048_576)} MB`}
                </td>
                <td className="num">{f.number(s.smsMo)}</td>
                <td className="num">{f.number(s.smsMt)}</td>
                <td className="num">{f.number(s.days)}</td>
                <td className="num">{f.number(s.daysBilled)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {loading && <Loading />}
      {more && !loading && (
        <button type="button" onClick={loadMore}>
          {t("loadMore")}
        </button>
      )}
    </>
  );
}
