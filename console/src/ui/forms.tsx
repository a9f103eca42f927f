import { useEffect, useId, useRef, type ReactNode } from "react";
import { ApiError } from "../api/client";
import { common } from "../i18n/common";
import { useT } from "../i18n";
import { ErrorBox } from "./states";

/** One problem of a refused body, as Otter's error envelope names it (docs/errors.md). */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** The `details` of a refusal that name a field: `{ field, code, message }` each. */
export function fieldProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as Partial<FieldProblem>[])
    .filter((d) => d && typeof d === "object" && typeof d.field === "string")
    .map((d) => ({
      field: d.field!,
      code: typeof d.code === "string" ? d.code : error.code,
      message: typeof d.message === "string" ? d.message : error.message,
    }));
}

/** The problems of one field and of everything inside it (`actions.0` covers `actions.0.type`). */
export const problemsAt = (error: unknown, field: string) =>
  fieldProblems(error).filter((p) => p.field === field || p.field.startsWith(`${field}.`));

/**
 * A form's refusal: Otter's message, code and request id (ErrorBox), then every field it names with
 * its own message and code, so nothing the API said is lost even when no input shows it inline.
 */
export function FormError({
  error,
  labelOf,
}: {
  error: unknown;
  /** The words for a field path (`trigger.hours` → "Hours"); the path itself otherwise. */
  labelOf?: (field: string) => string | undefined;
}) {
  const t = useT(common);
  const problems = fieldProblems(error);
  return (
    <>
      <ErrorBox error={error} />
      {problems.length > 0 && (
        <div className="field-problems">
          <p>{t("errorFields")}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <strong>{labelOf?.(p.field) ?? p.field}</strong>: {p.message}{" "}
                <code className="error-code">{p.code}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/**
 * The problems Otter named for one field, beside the field itself; give its `id` to the input's
 * aria-describedby so a screen reader reads the problem with the field.
 */
export function FieldError({ id, error, field }: { id: string; error: unknown; field: string }) {
  const problems = problemsAt(error, field);
  if (problems.length === 0) return null;
  return (
    <p id={id} className="field-error">
      {problems.map((p, i) => (
        <span key={i}>
          {p.message} <code className="error-code">{p.code}</code>{" "}
        </span>
      ))}
    </p>
  );
}

/**
 * A form in a native modal <dialog>: focus moves into it and stays there, Escape closes it (and
 * `onClose` is told), the page behind is inert.
 */
export function FormDialog({
  open,
  title,
  children,
  onClose,
  wide,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  onClose: () => void;
  wide?: boolean;
}) {
  const t = useT(common);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className={wide ? "form-dialog wide" : "form-dialog"}
    >
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="link" onClick={onClose}>
          {t("close")}
        </button>
      </div>
      {open && children}
    </dialog>
  );
}

/** A labelled control with its hint and the problems Otter named for its field (`field`). */
export function Field({
  id,
  label,
  hint,
  error,
  field,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error: unknown;
  field: string;
  children: (props: {
    id: string;
    "aria-describedby"?: string;
    "aria-invalid"?: boolean;
  }) => ReactNode;
}) {
  const bad = problemsAt(error, field).length > 0;
  const describedBy = [hint && `${id}-hint`, bad && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(describedBy && { "aria-describedby": describedBy }),
        ...(bad && { "aria-invalid": true }),
      })}
      {hint && (
        <p id={`${id}-hint`} className="muted hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} error={error} field={field} />
    </div>
  );
}
