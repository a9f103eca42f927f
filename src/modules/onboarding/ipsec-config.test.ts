import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { OnboardingSpec } from "./onboarding-spec.js";
import { PSK_PLACEHOLDER, swanctlConf, tunnelSheet } from "./ipsec-config.js";
import { parseSpec } from "./spec-parse.js";

const parsed = parseSpec(
  readFileSync(new URL("../../../docs/examples/onboarding.yaml", import.meta.url), "utf8"),
);
if (!parsed.ok) throw new Error("the documented example does not parse");
const example = parsed.spec;
const withIpsec = (patch: Partial<NonNullable<OnboardingSpec["services"]["apns"][0]["ipsec"]>>) => {
  const spec = structuredClone(example);
  spec.services.apns[0]!.ipsec = { ...spec.services.apns[0]!.ipsec!, ...patch };
  return spec;
};
const PSK = "k".repeat(40);

describe("swanctl.conf generation", () => {
  it("mirrors the two ends: gateways, traffic selectors, proposals, lifetimes and DPD", () => {
    const op = swanctlConf(example, "operator");
    expect(op).toContain(
      "  CTR-2026-0042-savannah-iot {\n    version = 2\n    local_addrs = 198.51.100.1\n    remote_addrs = 203.0.113.10\n    proposals = aes256-sha256-modp2048,aes256gcm16-prfsha384-ecp384\n    rekey_time = 86400s\n    dpd_delay = 30s",
    );
    expect(op).toContain(
      "        local_ts = 10.60.0.0/16\n        remote_ts = 192.168.10.0/24\n        esp_proposals = aes256gcm16-ecp384\n        rekey_time = 3600s\n        dpd_action = restart\n        start_action = none",
    );
    expect(op).toContain("auth = pubkey\n      certs = ctr-2026-0042-savannah-iot-operator.pem");
    expect(op).not.toContain("secrets");

    const cust = swanctlConf(example, "customer");
    expect(cust).toContain("local_addrs = 203.0.113.10\n    remote_addrs = 198.51.100.1");
    expect(cust).toContain("local_ts = 192.168.10.0/24\n        remote_ts = 10.60.0.0/16");
    expect(cust).toContain("certs = ctr-2026-0042-savannah-iot-customer.pem");
    expect(cust).toContain("start_action = trap");
  });

  it("prints the PSK (hex) only when asked to; otherwise the secrets section holds a placeholder", () => {
    const spec = withIpsec({ auth: "psk", psk: PSK });
    for (const side of ["operator", "customer"] as const) {
      const conf = swanctlConf(spec, side, { printPsk: true });
      expect(conf).toContain(`    secret = 0x${Buffer.from(PSK).toString("hex")}\n`);
      expect(conf).not.toContain(PSK_PLACEHOLDER);
      const without = swanctlConf(spec, side);
      expect(without).not.toContain(Buffer.from(PSK).toString("hex"));
      expect(without).not.toContain(PSK);
      expect(without).toContain(`    ${PSK_PLACEHOLDER}\n`);
      expect(without).not.toMatch(/^\s*secret =/m);
      expect(without).toContain("auth = psk");
    }
    expect(tunnelSheet(spec)).not.toContain(PSK);
  });

  it("refuses a spec whose IPsec part is not feasible, naming the field, and one without a tunnel", () => {
    expect(() =>
      swanctlConf(withIpsec({ ikeProposals: ["3des-sha1-modp1024"] }), "operator"),
    ).toThrow(
      expect.objectContaining({
        code: "ONBOARDING_IPSEC_NOT_FEASIBLE",
        details: expect.arrayContaining([
          expect.objectContaining({
            field: "services.apns[0].ipsec.ikeProposals[0]",
            code: "IPSEC_WEAK_CIPHER",
          }),
        ]),
      }),
    );
    expect(() => tunnelSheet(withIpsec({ auth: "psk", psk: "short" }))).toThrow(
      expect.objectContaining({ code: "ONBOARDING_IPSEC_NOT_FEASIBLE" }),
    );
    const none = structuredClone(example);
    delete none.services.apns[0]!.ipsec;
    expect(() => swanctlConf(none, "customer")).toThrow(
      expect.objectContaining({ code: "ONBOARDING_NO_IPSEC" }),
    );
  });
});

describe("the tunnel sheet", () => {
  it("is in the customer's language, with certificates named and the PSK agreed out of band", () => {
    const en = tunnelSheet(example);
    expect(en).toContain("# IPsec tunnel sheet: Savannah Wildlife Trust");
    expect(en).toContain("| Operator gateway | 198.51.100.1 |");
    expect(en).toContain("| Customer side (subnets) | 192.168.10.0/24 |");
    expect(en).toContain("| Dead peer detection | every 30 s, then restart |");
    expect(en).toContain(
      "| Authentication | Certificates: operator ctr-2026-0042-savannah-iot-operator.pem, customer ctr-2026-0042-savannah-iot-customer.pem |",
    );
    expect(en).toContain("Tunnel window: 2026-03-09 – 2026-03-13");
    expect(en).toContain("Technical contact: Amani Njoroge <amani@savannah.example>");

    const it = structuredClone(withIpsec({ auth: "psk", psk: PSK }));
    it.customer.language = "it-IT";
    const sheetIt = tunnelSheet(it);
    expect(sheetIt).toContain("# Scheda del tunnel IPsec: Savannah Wildlife Trust");
    expect(sheetIt).toContain(
      "| Autenticazione | Chiave pre-condivisa, concordata per altra via (non stampata qui) |",
    );

    const sv = structuredClone(example);
    sv.customer.language = "sv";
    expect(tunnelSheet(sv)).toContain("| Livslängd för ESP-SA | 3600 s |");
    const de = structuredClone(example);
    de.customer.language = "de";
    expect(tunnelSheet(de)).toContain("# IPsec tunnel sheet:");
  });
});

describe("docs/onboarding.md", () => {
  it("shows the operator's swanctl.conf of the example as Otter generates it", () => {
    const doc = readFileSync(new URL("../../../docs/onboarding.md", import.meta.url), "utf8");
    expect(doc).toContain(swanctlConf(example, "operator"));
  });
});
