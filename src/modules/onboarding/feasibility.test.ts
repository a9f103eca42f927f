import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { checkFeasibility, type Facts, type PlanFacts, specRefs } from "./feasibility.js";
import { type OnboardingSpec, onboardingSpec } from "./onboarding-spec.js";

/** The rules alone, over facts made up here (the HTTP tests load them from a real database). */
const EXAMPLE = parseYaml(
  readFileSync(new URL("../../../docs/examples/onboarding.yaml", import.meta.url), "utf8"),
);
const zones = new Map([
  ["EU", { id: "z-eu", name: "EU" }],
  ["East Africa", { id: "z-ea", name: "East Africa" }],
]);

function facts(spec: OnboardingSpec, over: Partial<Facts> = {}): Facts {
  const refs = specRefs(spec);
  return {
    zones,
    plans: { communication: new Map(), rate: new Map() },
    owner: { role: "operator_admin", disabled: false },
    apnsInUse: [],
    rangeStock: new Map(
      refs.ranges.map((r) => [`${r.group}.${r.index}`, { inStock: r.range.size, ours: 0 }]),
    ),
    listStock: new Map(
      refs.lists.map((l) => [l.group, { inStock: l.iccids.length, ours: 0, missing: [] }]),
    ),
    totalStock: 1_000_000,
    sameNameAccount: false,
    ...over,
  };
}

function check(edit: (s: any) => void, over: (s: OnboardingSpec) => Partial<Facts> = () => ({})) {
  const raw = structuredClone(EXAMPLE);
  edit(raw);
  const spec = onboardingSpec.parse(raw);
  return checkFeasibility(spec, facts(spec, over(spec)), specRefs(spec)).map(
    (f) => `${f.severity} ${f.path} ${f.code}`,
  );
}

const plan = (name: string, extra: Partial<PlanFacts> = {}): PlanFacts => ({
  id: `id-${name}`,
  name,
  zoneIds: ["z-eu"],
  zoneNames: new Map([["z-eu", "EU"]]),
  ours: false,
  ...extra,
});

describe("feasibility rules", () => {
  it("find nothing but the bill-shock warning in the example", () => {
    expect(check(() => {})).toEqual(["warning sims[1] BILL_SHOCK_RISK"]);
  });

  it("refuse plans that exist already unless reused, and unknown zones", () => {
    expect(
      check(
        (s) => {
          s.plans.rate[1].zones[0].zone = "Mars";
        },
        () => ({
          plans: {
            communication: new Map([["Collar LTE-M", plan("Collar LTE-M")]]),
            rate: new Map(),
          },
        }),
      ),
    ).toEqual(
      expect.arrayContaining([
        "error plans.communication[0].name PLAN_NAME_TAKEN",
        "error plans.rate[1].zones[0].zone ZONE_UNKNOWN",
      ]),
    );
  });

  it("accept a plan an earlier run of this onboarding created", () => {
    expect(
      check(
        () => {},
        () => ({
          plans: {
            communication: new Map([["Collar LTE-M", plan("Collar LTE-M", { ours: true })]]),
            rate: new Map(),
          },
        }),
      ),
    ).toEqual(["warning sims[1] BILL_SHOCK_RISK"]);
  });

  it("refuse a SIM group whose plan its account may not use", () => {
    expect(check((s) => (s.sims[0].ratePlan = "Collar Roaming"))).toContain(
      "error sims[0].ratePlan PLAN_NOT_ALLOWED",
    );
  });

  it("count stock: SIMs missing from a range, too few in stock, listed twice", () => {
    const got = check(
      (s) => {
        s.sims[1].iccids.push(s.sims[1].iccids[0], "8944000000000000993");
      },
      (spec) => ({
        rangeStock: new Map([["0.0", { inStock: 90, ours: 5 }]]),
        listStock: new Map([[1, { inStock: 1, ours: 0, missing: [spec.sims[1]!.iccids[1]!] }]]),
        totalStock: 50,
      }),
    );
    expect(got).toEqual(
      expect.arrayContaining([
        "error sims[0].ranges[0] SIMS_NOT_IN_STOCK",
        "error sims[1].iccids SIMS_NOT_IN_STOCK",
        "error sims[1].iccids[2] ICCID_DUPLICATE",
        "error sims[1].iccids[3] ICCID_DUPLICATE",
        "error sims SIM_STOCK_SHORT",
      ]),
    );
  });

  it("refuse APNs that are taken, duplicated or whose pools overlap", () => {
    const got = check(
      (s) => {
        s.services.apns.push({ name: "savannah.iot", ipPool: "10.60.4.0/24" });
        s.services.apns.push({ name: "second.iot", ipPool: "10.60.0.1/16" });
      },
      () => ({
        apnsInUse: [
          {
            apn: "other.iot",
            ipPool: "10.60.200.0/24",
            usedBy: { code: "usedBy.plan", params: { name: "X" } },
          },
        ],
      }),
    );
    expect(got).toEqual(
      expect.arrayContaining([
        "error services.apns[0].ipPool APN_POOL_OVERLAP",
        "error services.apns[1].name APN_DUPLICATE",
        "error services.apns[1].ipPool APN_POOL_OVERLAP",
        "error services.apns[2].ipPool CIDR_INVALID",
      ]),
    );
  });

  it("check dates, SLA targets and people", () => {
    const got = check(
      (s) => {
        s.dates.tunnelWindow = { from: "2026-04-01", to: "2026-03-20" };
        s.desk.agreement.firstResponse.urgent = "P1D";
      },
      () => ({ owner: { role: "customer_admin", disabled: false } }),
    );
    expect(got).toEqual(
      expect.arrayContaining([
        "error dates.tunnelWindow.to DATES_WINDOW_REVERSED",
        "warning dates.tunnelWindow.from DATES_TUNNEL_AFTER_GO_LIVE",
        "error desk.agreement.firstResponse.urgent SLA_INVALID_TARGET",
        "error people.onboardingOwner OWNER_NOT_OPERATOR",
      ]),
    );
    expect(
      check(
        () => {},
        () => ({ owner: { role: "operator_agent", disabled: true } }),
      ),
    ).toContain("error people.onboardingOwner OWNER_DISABLED");
  });

  it("refuse duplicate keys, unknown parents and unknown accounts of SIM groups", () => {
    const got = check((s) => {
      s.accounts.push(
        { key: "kenya", name: "Kenya 2" },
        { key: "x", name: "X", parent: "nowhere" },
      );
      s.sims[0].account = "atlantis";
    });
    expect(got).toEqual(
      expect.arrayContaining([
        "error accounts[3].key ACCOUNT_KEY_DUPLICATE",
        "error accounts[4].parent ACCOUNT_PARENT_UNKNOWN",
        "error sims[0].account ACCOUNT_UNKNOWN",
      ]),
    );
  });
});
