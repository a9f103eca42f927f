import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useNavigate } from "react-router";
import { api, must } from "../api/client";
import type { paths } from "../api/schema";
import { common } from "../i18n/common";
import { useT } from "../i18n";
import { searchMessages } from "./search-messages";
import "./SearchBox.css";

type Found = paths["/api/v1/search"]["get"]["responses"][200]["content"]["application/json"];
type Option =
  | { kind: "sim"; to: string; sim: Found["sims"][number] }
  | { kind: "account"; to: string; account: Found["accounts"][number] };

const DEBOUNCE_MS = 120;

/** What was typed as the digits of an identifier (`+44 7700-9` → `4477009`), as Otter reads it. */
export const identifierDigits = (q: string) => {
  const digits = q.trim().replace(/^\+/, "").replace(/[\s-]/g, "");
  return /^[0-9]+$/.test(digits) ? digits : undefined;
};

/** Whether Otter would look anything up for this text (3 digits of an identifier, 2 letters of a name). */
const searchable = (q: string) => {
  const digits = identifierDigits(q);
  return (digits !== undefined && digits.length >= 3) || q.trim().length >= 2;
};

/** A full identifier (8–20 digits): Enter opens its SIM page, which resolves any identifier. */
const wholeIdentifier = (q: string) => {
  const digits = identifierDigits(q);
  return digits !== undefined && digits.length >= 8 && digits.length <= 20 ? digits : undefined;
};

/** The identifier of a found SIM that starts with what was typed, as the agent reads it. */
function matchedValue(sim: Found["sims"][number]) {
  switch (sim.matchedBy) {
    case "iccid":
      return sim.iccid;
    case "imsi":
      return sim.imsi;
    case "msisdn":
      return `+${sim.msisdn}`;
    case "imei":
    case "networkImei":
      return sim.imei;
  }
}

function useDebounced<T>(value: T, ms: number) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * The search box of every page (`/` focuses it): SIMs by the first digits of any identifier and
 * customers by name, as you type (GET /api/v1/search). The ARIA combobox pattern: the input owns a
 * listbox of grouped options, the active one named by aria-activedescendant; Up/Down move, Enter
 * opens (a whole identifier goes straight to its SIM page), Escape closes, then clears.
 */
export function SearchBox() {
  const t = useT(common);
  const m = useT(searchMessages);
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const ids = useId();
  const listboxId = `${ids}-listbox`;
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useDebounced(text.trim(), DEBOUNCE_MS);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing =
        target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const found = useQuery({
    queryKey: ["search", q],
    queryFn: ({ signal }) =>
      must(api.GET("/api/v1/search", { params: { query: { q, limit: 8 } }, signal })),
    enabled: searchable(q),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  const options: Option[] = useMemo(() => {
    if (!found.data || !searchable(text)) return [];
    return [
      ...found.data.sims.map((sim): Option => ({ kind: "sim", to: `/sims/${sim.iccid}`, sim })),
      ...found.data.accounts.map((account): Option => ({
        kind: "account",
        to: `/accounts/${account.id}`,
        account,
      })),
    ];
  }, [found.data, text]);

  // A new answer: nothing chosen yet.
  useEffect(() => setActive(-1), [found.data]);

  const go = (to: string) => {
    setOpen(false);
    setText("");
    setActive(-1);
    void navigate(to);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      if (options.length === 0) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => {
        const next = i + step;
        if (next < 0) return options.length - 1;
        if (next >= options.length) return 0;
        return next;
      });
    } else if (e.key === "Enter") {
      const chosen = active >= 0 ? options[active] : undefined;
      if (chosen) {
        e.preventDefault();
        go(chosen.to);
        return;
      }
      const whole = wholeIdentifier(text);
      if (whole) {
        e.preventDefault();
        // The SIM the answer names by that very identifier, else the SIM page resolves it.
        const exact = found.data?.sims.find((s) =>
          [s.iccid, s.imsi, s.msisdn, s.imei].includes(whole),
        );
        go(`/sims/${exact?.iccid ?? whole}`);
      } else if (options.length === 1) {
        e.preventDefault();
        go(options[0]!.to);
      }
    } else if (e.key === "Escape") {
      if (open && text) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else {
        setText("");
      }
    } else if (e.key === "Home" || e.key === "End") {
      setActive(-1);
    }
  };

  const settled = searchable(text) && q === text.trim() && !found.isFetching;
  const showPopup = open && text.trim().length > 0;
  const sims = options.filter((o) => o.kind === "sim");
  const accounts = options.filter((o) => o.kind === "account");
  const optionId = (i: number) => `${ids}-option-${i}`;
  const whole = wholeIdentifier(text);
  const matchedLabel = {
    iccid: m("matchedIccid"),
    imsi: m("matchedImsi"),
    msisdn: m("matchedMsisdn"),
    imei: m("matchedImei"),
    networkImei: m("matchedNetworkImei"),
  } as const;

  const renderOption = (o: Option, i: number) => (
    <li
      key={o.to}
      id={optionId(i)}
      role="option"
      aria-selected={i === active}
      className="search-option"
      // Keep the focus in the input: the click chooses, the input stays the combobox.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => go(o.to)}
      onMouseMove={() => setActive(i)}
    >
      {o.kind === "sim" ? (
        <>
          <span className="mono">{o.sim.iccid}</span>{" "}
          <span className="search-meta">
            {o.sim.matchedBy !== "iccid" && (
              <>
                {matchedLabel[o.sim.matchedBy]} <span className="mono">{matchedValue(o.sim)}</span>{" "}
                ·{" "}
              </>
            )}
            {o.sim.state} · {o.sim.accountName}
          </span>
        </>
      ) : (
        <>
          <span>{o.account.name}</span>
          {o.account.parentName && (
            <span className="search-meta">
              {" "}
              {m("subAccountOf", { parent: o.account.parentName })}
            </span>
          )}
        </>
      )}
    </li>
  );

  let status = "";
  if (showPopup) {
    if (!searchable(text)) status = m("hint");
    else if (!settled && options.length === 0) status = m("searching");
    else if (settled && options.length === 0)
      status = whole
        ? `${t("searchNoResults", { q: text.trim() })} ${m("openExact", { q: whole })}`
        : t("searchNoResults", { q: text.trim() });
    else if (settled) status = m("results", { sims: sims.length, accounts: accounts.length });
  }

  return (
    <div role="search" className="search">
      <label htmlFor="global-search" className="visually-hidden">
        {t("searchLabel")}
      </label>
      <input
        id="global-search"
        ref={input}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showPopup && options.length > 0}
        aria-controls={listboxId}
        aria-activedescendant={showPopup && active >= 0 ? optionId(active) : undefined}
        aria-describedby={`${ids}-status`}
        placeholder={t("searchPlaceholder")}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div
        className="search-popup"
        hidden={!showPopup || options.length === 0}
        onMouseDown={(e) => e.preventDefault()}
      >
        <ul
          id={listboxId}
          role="listbox"
          aria-label={t("searchLabel")}
          className="search-results"
          hidden={!showPopup || options.length === 0}
        >
          {sims.length > 0 && (
            <li role="presentation">
              <div className="search-group" id={`${ids}-sims`} aria-hidden="true">
                {t("searchSims")}
              </div>
              <ul role="group" aria-labelledby={`${ids}-sims`}>
                {sims.map((o, i) => renderOption(o, i))}
              </ul>
            </li>
          )}
          {accounts.length > 0 && (
            <li role="presentation">
              <div className="search-group" id={`${ids}-accounts`} aria-hidden="true">
                {t("searchCustomers")}
              </div>
              <ul role="group" aria-labelledby={`${ids}-accounts`}>
                {accounts.map((o, i) => renderOption(o, sims.length + i))}
              </ul>
            </li>
          )}
        </ul>
        {(found.data?.moreSims || found.data?.moreAccounts) && (
          <p className="search-more muted">{m("more")}</p>
        )}
      </div>
      {/* Read out as it changes; shown as the popup itself while there is no option to list. */}
      <p
        id={`${ids}-status`}
        className={
          showPopup && options.length === 0 && status ? "search-status" : "visually-hidden"
        }
        role="status"
      >
        {status}
      </p>
    </div>
  );
}
