import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkIpsec } from "../../src/modules/onboarding/ipsec-policy.js";
import { onboardingSchemaText } from "../../src/modules/onboarding/onboarding-spec.js";
import { parseSpec } from "../../src/modules/onboarding/spec-parse.js";
import type { Finding } from "../../src/modules/onboarding/feasibility.js";
import { onboardingText } from "../../src/modules/onboarding/onboarding.messages.js";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

describe("the onboarding spec", () => {
  it("publishes its current JSON Schema in docs/onboarding.schema.json (npm run onboarding:schema)", () => {
    expect(read("docs/onboarding.schema.json")).toBe(onboardingSchemaText());
  });

  it("parses the documented example, from YAML and from JSON alike", () => {
    const yaml = parseSpec(read("docs/examples/onboarding.yaml"));
    expect(yaml.ok).toBe(true);
    if (!yaml.ok) return;
    expect(yaml.spec).toMatchObject({
      reference: "CTR-2026-0042",
      accounts: [{ key: "kenya" }, { key: "masai-mara", parent: "kenya" }, { key: "tanzania" }],
      sims: [{ state: "TEST_READY", quantity: 99 }, { state: "INVENTORY" }],
    });
    const json = parseSpec(JSON.stringify(yaml.spec));
    expect(json).toEqual(yaml);
  });

  it("shows the example in docs/onboarding.md", () => {
    expect(read("docs/onboarding.md")).toContain(read("docs/examples/onboarding.yaml").trim());
  });

  it("names the line of a YAML syntax error, in the reader's language without the parser's English", () => {
    const r = parseSpec("version: 1\nreference: [unclosed\n");
    expect(r).toMatchObject({ ok: false, findings: [{ path: "", code: "SPEC_SYNTAX" }] });
    const [f] = (r as { findings: Finding[] }).findings;
    expect(f!.message).toMatch(/^The spec is not valid YAML or JSON \(line 3\): Flow sequence/);
    const text = (language: "it" | "sv") =>
      onboardingText.text(f!.msg, { language, timeZone: "UTC" });
    expect(text("it")).toBe(
      "La specifica non è YAML valido (riga 3, colonna 1): qui il rientro è sbagliato, oppure una parentesi aperta prima non è chiusa.",
    );
    expect(text("sv")).toBe(
      "Specen är inte giltig YAML (rad 3, kolumn 1): indraget är fel här, eller så är en parentes ovanför inte stängd.",
    );
    const twice = parseSpec("version: 1\nversion: 1\n") as { findings: Finding[] };
    expect(onboardingText.text(twice.findings[0]!.msg, { language: "it", timeZone: "UTC" })).toBe(
      "La specifica non è YAML o JSON valido (riga 2, colonna 1): una chiave è scritta due volte.",
    );
  });

  it("accepts a strong IKEv2 tunnel with certificates and refuses weak ones", () => {
    const strong = {
      ikeVersion: 2,
      ikeProposals: ["aes256gcm16-prfsha384-ecp384", "aes256-sha256-modp2048"],
      espProposals: ["aes256gcm16-ecp384"],
      auth: "cert" as const,
      localGateway: "198.51.100.1",
      remoteGateway: "203.0.113.10",
      customerSubnets: ["192.168.10.0/24"],
      ikeLifetimeSeconds: 86400,
      espLifetimeSeconds: 3600,
      dpd: { delaySeconds: 30, action: "restart" as const },
    };
    expect(checkIpsec(strong)).toEqual([]);
    const weak = checkIpsec({
      ...strong,
      ikeProposals: ["aes256-sha256-modp1536"],
      espProposals: ["aes128-sha1"],
      auth: "psk",
      psk: "a".repeat(32),
    });
    expect(weak.map((p) => `${p.severity} ${p.path} ${p.code}`)).toEqual([
      "error ikeProposals[0] IPSEC_WEAK_DH_GROUP",
      "error espProposals[0] IPSEC_WEAK_INTEGRITY",
      "warning auth IPSEC_PSK_AUTH",
    ]);
  });
});
