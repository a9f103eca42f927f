import { parse as parseYaml, YAMLParseError } from "yaml";
import type { z } from "zod";
import type { Message } from "../../lib/messages/messages.js";
import { type Finding, finding } from "./feasibility.js";
import { onboardingText } from "./onboarding.messages.js";
import { type OnboardingSpec, onboardingSpec, SPEC_RULE_OF_MESSAGE } from "./onboarding-spec.js";

/** `["accounts", 2, "plans", 0]` → `accounts[2].plans[0]`. */
export function specPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path)
    out += typeof p === "number" ? `[${p}]` : out === "" ? String(p) : `.${String(p)}`;
  return out;
}

const ISSUE_CODES: Record<string, string> = {
  invalid_type: "SPEC_INVALID_TYPE",
  unrecognized_keys: "SPEC_UNKNOWN_FIELD",
  invalid_value: "SPEC_INVALID_VALUE",
  invalid_format: "SPEC_INVALID_FORMAT",
  too_small: "SPEC_TOO_SMALL",
  too_big: "SPEC_TOO_BIG",
  invalid_union: "SPEC_INVALID_VALUE",
  custom: "SPEC_INVALID_VALUE",
};

type MessageCode = Parameters<typeof onboardingText.msg>[0];
const isCode = (code: string): code is MessageCode => code in onboardingText.templates.en;
const TYPES = ["string", "number", "int", "boolean", "array", "object", "null"];
const typeMsg = (type: string) => {
  const code = `SPEC_TYPE.${type}`;
  return onboardingText.msg(isCode(code) ? code : "SPEC_TYPE.other");
};

/** What the spec holds at `path` (the value zod was given), to name its kind. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}
const kindOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/**
 * The words of one shape problem in Otter's catalog, from the issue's kind and parameters: zod's
 * own text is English only, so it stays the finding's `message` and never enters `text`.
 */
function issueMessage(i: z.core.$ZodIssue, spec: unknown): Message {
  const M = onboardingText.msg;
  const rule = SPEC_RULE_OF_MESSAGE.get(i.message);
  const ruleCode = rule && `${ISSUE_CODES[i.code] ?? "SPEC_INVALID_VALUE"}.${rule}`;
  if (ruleCode && isCode(ruleCode)) return M(ruleCode);
  switch (i.code) {
    case "invalid_type": {
      const expected = typeMsg(TYPES.includes(i.expected) ? i.expected : "other");
      const value = valueAt(spec, i.path);
      if (value === undefined) return M("SPEC_INVALID_TYPE.missing", { expected });
      return M("SPEC_INVALID_TYPE", { expected, received: typeMsg(kindOf(value)) });
    }
    case "invalid_value": {
      const expected = i.values.map((v) => JSON.stringify(v)).join(", ");
      return M(i.values.length === 1 ? "SPEC_INVALID_VALUE.exactly" : "SPEC_INVALID_VALUE.one_of", {
        expected,
      });
    }
    case "invalid_format":
      if (i.format === "email") return M("SPEC_INVALID_FORMAT.email");
      if (i.format === "date") return M("SPEC_INVALID_FORMAT.date");
      if (i.format === "regex" && i.pattern)
        return M("SPEC_INVALID_FORMAT.pattern", { pattern: i.pattern });
      return M("SPEC_INVALID_FORMAT", { format: i.format });
    case "too_small": {
      const minimum = Number(i.minimum);
      if (i.origin === "string" && minimum === 1) return M("SPEC_TOO_SMALL.empty");
      if (i.origin === "string") return M("SPEC_TOO_SMALL.string", { minimum });
      if (i.origin === "array") return M("SPEC_TOO_SMALL.array", { minimum });
      return M(i.inclusive === false ? "SPEC_TOO_SMALL.exclusive" : "SPEC_TOO_SMALL", { minimum });
    }
    case "too_big": {
      const maximum = Number(i.maximum);
      if (i.origin === "string") return M("SPEC_TOO_BIG.string", { maximum });
      if (i.origin === "array") return M("SPEC_TOO_BIG.array", { maximum });
      return M(i.inclusive === false ? "SPEC_TOO_BIG.exclusive" : "SPEC_TOO_BIG", { maximum });
    }
    default:
      return M("SPEC_INVALID_VALUE");
  }
}

function issueFindings(issues: readonly z.core.$ZodIssue[], spec: unknown): Finding[] {
  return issues.flatMap((i) => {
    if (i.code === "unrecognized_keys")
      return i.keys.map((k) =>
        finding(
          "error",
          specPath([...i.path, k]),
          "SPEC_UNKNOWN_FIELD",
          onboardingText.msg("SPEC_UNKNOWN_FIELD", { field: k }),
        ),
      );
    const code = ISSUE_CODES[i.code] ?? "SPEC_INVALID_VALUE";
    // `message` keeps zod's English, as API clients have always read it.
    return [
      { ...finding("error", specPath(i.path), code, issueMessage(i, spec)), message: i.message },
    ];
  });
}

/** The YAML parser's error kinds Otter words itself; the others read as "not valid" with the place. */
const SYNTAX_KINDS: Record<string, "indent" | "missing" | "duplicate" | "tab"> = {
  BAD_INDENT: "indent",
  MISSING_CHAR: "missing",
  DUPLICATE_KEY: "duplicate",
  TAB_AS_INDENT: "tab",
};

/** A syntax error as a finding: the parser's English stays its `message`, never its `text`. */
function syntaxFinding(e: YAMLParseError): Finding {
  const detail = e.message.split("\n")[0]!;
  const at = e.linePos?.[0];
  const kind = SYNTAX_KINDS[e.code];
  const M = onboardingText.msg;
  const msg = !at
    ? M("SPEC_SYNTAX")
    : kind
      ? M(`SPEC_SYNTAX.${kind}`, { line: at.line, column: at.col })
      : M("SPEC_SYNTAX.line", { line: at.line, column: at.col });
  const message = at
    ? `The spec is not valid YAML or JSON (line ${at.line}): ${detail}`
    : `The spec is not valid YAML or JSON: ${detail}`;
  return { ...finding("error", "", "SPEC_SYNTAX", msg), message };
}

/**
 * A spec from YAML or JSON text, or from an object already parsed; every shape problem at once as
 * findings with their paths.
 */
export function parseSpec(
  input: unknown,
): { ok: true; spec: OnboardingSpec } | { ok: false; findings: Finding[] } {
  let value = input;
  if (typeof input === "string") {
    try {
      value = parseYaml(input, { maxAliasCount: 100 });
    } catch (e) {
      if (!(e instanceof YAMLParseError)) throw e;
      return { ok: false, findings: [syntaxFinding(e)] };
    }
  }
  const parsed = onboardingSpec.safeParse(value);
  if (!parsed.success) return { ok: false, findings: issueFindings(parsed.error.issues, value) };
  return { ok: true, spec: parsed.data };
}
