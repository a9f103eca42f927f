import { useEffect, useRef } from "react";
import { common } from "../i18n/common";
import { useT } from "../i18n";

/**
 * The search box of every page: `/` focuses it. (Results as you type: search helper's work —
 * GET /api/v1/search, SIMs by identifier prefix and customers by name.)
 */
export function SearchBox() {
  const t = useT(common);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
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
  return (
    <div role="search" className="search">
      <label htmlFor="global-search" className="visually-hidden">
        {t("searchLabel")}
      </label>
      <input
        id="global-search"
        ref={input}
        type="search"
        placeholder={t("searchPlaceholder")}
        autoComplete="off"
      />
    </div>
  );
}
