import { parse as parseYaml, YAMLParseError } from "yaml";
import type { z } from "zod";
import { type Finding, finding } from "./feasibility.js";
import { onboardingText } from "./onboarding.messages.js";
import { type OnboardingSpec, onboardingSpec } from "./onboarding-spec.js";

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

function issueFindings(issues: readonly z.core.$ZodIssue[]): Finding[] {
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
    return [
      finding(
        "error",
        specPath(i.path),
        ISSUE_CODES[i.code] ?? "SPEC_INVALID_VALUE",
        // zod's own words (English): kept as the detail of a message in the reader's language.
        onboardingText.msg("SPEC_INVALID", { detail: i.message }),
      ),
    ];
  });
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
      const line = e.linePos?.[0]?.line;
      return {
        ok: false,
        findings: [
          finding(
            "error",
            "",
            "SPEC_SYNTAX",
            line
              ? onboardingText.msg("SPEC_SYNTAX.line", { line, detail: e.message.split("\n")[0]! })
              : onboardingText.msg("SPEC_SYNTAX", { detail: e.message.split("\n")[0]! }),
          ),
        ],
      };
    }
  }
  const parsed = onboardingSpec.safeParse(value);
  if (!parsed.success) return { ok: false, findings: issueFindings(parsed.error.issues) };
  return { ok: true, spec: parsed.data };
}
