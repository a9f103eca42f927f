import { OtterError } from "../../lib/errors.js";
import { billShock } from "../catalog/sim-plans.js";
import { parseTargetDuration, SLA_TARGETS } from "../desk/sla/targets.js";
import { type IccidRange, overlappingRanges, parseIccidRange, rangeIndex } from "./iccid-ranges.js";
import { checkIpsec } from "./ipsec-policy.js";
import { contains, type Ipv4Net, overlaps, parseCidr, parseIpv4 } from "./ipv4.js";
import type { OnboardingSpec } from "./onboarding-spec.js";
import { isValidApn, parseIccid } from "../../lib/identifiers.js";
import type { Message, ParamValue } from "../../lib/messages/messages.js";
import { onboardingText } from "./onboarding.messages.js";

/**
 * The feasibility check: every problem of a spec at once, each with its path in the spec. Pure:
 * the service loads the facts it needs from the database in a few set-based reads (plans, zones,
 * the stock counts of every range in one statement, APNs in use), then this function decides.
 * Errors block provisioning; warnings do not.
 */
export interface Finding {
  severity: "error" | "warning";
  path: string;
  code: string;
  /** In English, as the API has always answered it. */
  message: string;
  /** The same as a message of onboarding.messages.ts, rendered in the reader's language. */
  msg: Message;
}

const M = onboardingText.msg;

/** A finding with its message: the English text made from the catalog, and the message kept. */
export const finding = (
  severity: Finding["severity"],
  path: string,
  code: string,
  msg: Message,
): Finding => ({ severity, path, code, message: onboardingText.legacy(msg), msg });

/** The message of an ICCID that does not parse (lib/identifiers.ts's codes), in the catalog. */
export function iccidMessage(code: string, raw: string): Message {
  const v = raw.trim();
  return { code, params: { iccid: v, digits: v.length } };
}

export interface PlanFacts {
  id: string;
  name: string;
  /** Zones the communication plan allows, or the rate plan's current version prices. */
  zoneIds: string[];
  zoneNames: Map<string, string>;
  /** Rate plans only. */
  currency?: string;
  /** Created by an earlier run of this same onboarding (so its name is not "taken"). */
  ours: boolean;
}

export interface StockCount {
  /** SIMs of the range or list in the operator's stock (root account, INVENTORY or TEST_READY). */
  inStock: number;
  /** SIMs already assigned by an earlier run of this onboarding (in its accounts). */
  ours: number;
}

export interface Facts {
  zones: Map<string, { id: string; name: string }>;
  plans: { communication: Map<string, PlanFacts>; rate: Map<string, PlanFacts> };
  owner: { role: string; disabled: boolean } | null;
  /** Private APNs in use by others (catalog plans and other onboardings). */
  apnsInUse: { apn: string; ipPool: string | null; usedBy: Message }[];
  /** Per group index, per range index. */
  rangeStock: Map<string, StockCount>;
  /** Per group index: how many of its listed ICCIDs are in stock or ours, and a few missing. */
  listStock: Map<number, StockCount & { missing: string[] }>;
  /** All SIMs in the operator's stock. */
  totalStock: number;
  /** A customer account of the same name that this onboarding did not create. */
  sameNameAccount: boolean;
}

/** What the service needs to load facts: the parsed ranges, valid list ICCIDs, names used. */
export interface SpecRefs {
  ranges: { group: number; index: number; range: IccidRange }[];
  lists: { group: number; iccids: string[] }[];
  zoneNames: string[];
  planNames: { communication: string[]; rate: string[] };
}

export const CUSTOMER_KEY = "";
export const STOCK_STATES = ["INVENTORY", "TEST_READY"] as const;

/** The references of a spec the facts are loaded for (ranges that parse, ICCIDs that parse). */
export function specRefs(spec: OnboardingSpec): SpecRefs {
  const ranges: SpecRefs["ranges"] = [];
  const lists: SpecRefs["lists"] = [];
  spec.sims.forEach((g, gi) => {
    g.ranges.forEach((r, ri) => {
      const parsed = parseIccidRange(r.from, r.to);
      if (parsed.ok) ranges.push({ group: gi, index: ri, range: parsed.range });
    });
    const iccids = g.iccids.map((i) => parseIccid(i)).flatMap((p) => (p.ok ? [p.value] : []));
    if (iccids.length) lists.push({ group: gi, iccids });
  });
  const zoneNames = new Set<string>();
  for (const p of spec.plans.communication) p.zones?.forEach((z) => zoneNames.add(z));
  for (const p of spec.plans.rate) p.zones?.forEach((z) => zoneNames.add(z.zone));
  const names = (kind: "communication" | "rate") => {
    const s = new Set(spec.plans[kind].map((p) => p.name));
    const allow = [spec.customer.plans, ...spec.accounts.map((a) => a.plans)];
    for (const a of allow) a?.[kind].forEach((n) => s.add(n));
    for (const g of spec.sims) s.add(kind === "communication" ? g.communicationPlan : g.ratePlan);
    return [...s];
  };
  return {
    ranges,
    lists,
    zoneNames: [...zoneNames],
    planNames: { communication: names("communication"), rate: names("rate") },
  };
}

export function checkFeasibility(spec: OnboardingSpec, facts: Facts, refs: SpecRefs): Finding[] {
  const findings: Finding[] = [];
  const error = (path: string, code: string, msg: Message) =>
    findings.push(finding("error", path, code, msg));
  const warning = (path: string, code: string, msg: Message) =>
    findings.push(finding("warning", path, code, msg));

  // Accounts: unique keys, known parents, no cycles; each account's currency.
  const accountByKey = new Map<string, { index: number; currency: string }>();
  accountByKey.set(CUSTOMER_KEY, { index: -1, currency: spec.customer.currency });
  spec.accounts.forEach((a, i) => {
    if (accountByKey.has(a.key))
      error(
        `accounts[${i}].key`,
        "ACCOUNT_KEY_DUPLICATE",
        M("ACCOUNT_KEY_DUPLICATE", { key: a.key }),
      );
    else accountByKey.set(a.key, { index: i, currency: a.currency ?? spec.customer.currency });
  });
  const keys = new Set(spec.accounts.map((a) => a.key));
  spec.accounts.forEach((a, i) => {
    if (a.parent !== undefined && !keys.has(a.parent))
      error(
        `accounts[${i}].parent`,
        "ACCOUNT_PARENT_UNKNOWN",
        M("ACCOUNT_PARENT_UNKNOWN", { key: a.parent }),
      );
  });
  const parentOf = new Map(spec.accounts.map((a) => [a.key, a.parent]));
  spec.accounts.forEach((a, i) => {
    const seen = new Set<string>([a.key]);
    for (let p = a.parent; p !== undefined; p = parentOf.get(p)) {
      if (seen.has(p)) {
        error(`accounts[${i}].parent`, "ACCOUNT_CYCLE", M("ACCOUNT_CYCLE", { key: a.key }));
        break;
      }
      seen.add(p);
    }
  });
  const names = new Map<string, number>();
  spec.accounts.forEach((a, i) => {
    const sibling = `${a.parent ?? CUSTOMER_KEY}/${a.name.toLowerCase()}`;
    if (names.has(sibling))
      error(
        `accounts[${i}].name`,
        "ACCOUNT_NAME_DUPLICATE",
        M("ACCOUNT_NAME_DUPLICATE", { name: a.name }),
      );
    names.set(sibling, i);
  });
  if (facts.sameNameAccount)
    warning(
      "customer.name",
      "CUSTOMER_NAME_EXISTS",
      M("CUSTOMER_NAME_EXISTS", { name: spec.customer.name }),
    );

  // Plans defined or reused in the spec.
  const defined = {
    communication: new Map<string, number>(),
    rate: new Map<string, number>(),
  };
  spec.plans.communication.forEach((p, i) => {
    const path = `plans.communication[${i}]`;
    if (defined.communication.has(p.name))
      error(`${path}.name`, "PLAN_DUPLICATE", M("PLAN_DUPLICATE.communication", { name: p.name }));
    defined.communication.set(p.name, i);
    const existing = facts.plans.communication.get(p.name);
    if (p.reuse) {
      if (!existing)
        error(
          `${path}.name`,
          "PLAN_UNKNOWN",
          M("PLAN_UNKNOWN.reuse.communication", { name: p.name }),
        );
      if (p.apns || p.rats || p.zones)
        error(path, "PLAN_REUSE_WITH_TERMS", M("PLAN_REUSE_WITH_TERMS.communication"));
      return;
    }
    if (existing && !existing.ours)
      error(
        `${path}.name`,
        "PLAN_NAME_TAKEN",
        M("PLAN_NAME_TAKEN.communication", { name: p.name }),
      );
    if (!p.apns?.length) error(`${path}.apns`, "PLAN_TERMS_MISSING", M("PLAN_TERMS_MISSING.apns"));
    if (!p.rats?.length) error(`${path}.rats`, "PLAN_TERMS_MISSING", M("PLAN_TERMS_MISSING.rats"));
    if (!p.zones?.length)
      error(`${path}.zones`, "PLAN_TERMS_MISSING", M("PLAN_TERMS_MISSING.zones"));
    p.apns?.forEach((apn, k) => {
      if (!isValidApn(apn)) error(`${path}.apns[${k}]`, "APN_INVALID", M("APN_INVALID", { apn }));
    });
    p.zones?.forEach((z, k) => {
      if (!facts.zones.has(z))
        error(`${path}.zones[${k}]`, "ZONE_UNKNOWN", M("ZONE_UNKNOWN", { zone: z }));
    });
  });
  spec.plans.rate.forEach((p, i) => {
    const path = `plans.rate[${i}]`;
    if (defined.rate.has(p.name))
      error(`${path}.name`, "PLAN_DUPLICATE", M("PLAN_DUPLICATE.rate", { name: p.name }));
    defined.rate.set(p.name, i);
    const existing = facts.plans.rate.get(p.name);
    if (p.reuse) {
      if (!existing)
        error(`${path}.name`, "PLAN_UNKNOWN", M("PLAN_UNKNOWN.reuse.rate", { name: p.name }));
      if (p.zones || p.monthlyFeePerSim !== undefined)
        error(path, "PLAN_REUSE_WITH_TERMS", M("PLAN_REUSE_WITH_TERMS.rate"));
      return;
    }
    if (existing && !existing.ours)
      error(`${path}.name`, "PLAN_NAME_TAKEN", M("PLAN_NAME_TAKEN.rate", { name: p.name }));
    if (p.monthlyFeePerSim === undefined)
      error(
        `${path}.monthlyFeePerSim`,
        "PLAN_TERMS_MISSING",
        M("PLAN_TERMS_MISSING.monthlyFeePerSim"),
      );
    if (!p.zones?.length)
      error(`${path}.zones`, "PLAN_TERMS_MISSING", M("PLAN_TERMS_MISSING.rateZones"));
    if (p.currency === undefined)
      error(`${path}.currency`, "PLAN_TERMS_MISSING", M("PLAN_TERMS_MISSING.currency"));
    const negative = (field: string, v: number | undefined) => {
      if (v !== undefined && v < 0)
        error(`${path}.${field}`, "PRICE_NEGATIVE", M("PRICE_NEGATIVE", { price: v }));
    };
    negative("monthlyFeePerSim", p.monthlyFeePerSim);
    negative("activationFee", p.activationFee);
    p.zones?.forEach((z, k) => {
      negative(`zones[${k}].dataPerMB`, z.dataPerMB);
      negative(`zones[${k}].smsMO`, z.smsMO);
      negative(`zones[${k}].smsMT`, z.smsMT);
      if (!facts.zones.has(z.zone))
        error(`${path}.zones[${k}].zone`, "ZONE_UNKNOWN", M("ZONE_UNKNOWN.rate", { zone: z.zone }));
    });
    if (p.pool === "fixed" && p.fixedPoolMB === undefined)
      error(`${path}.fixedPoolMB`, "PLAN_TERMS_MISSING", M("PLAN_TERMS_MISSING.fixedPoolMB"));
  });

  // What each plan name will be: its zones and currency, from the spec or the catalog.
  const commFacts = (name: string): PlanFacts | undefined => {
    const i = defined.communication.get(name);
    const p = i === undefined ? undefined : spec.plans.communication[i]!;
    if (!p || p.reuse) return facts.plans.communication.get(name);
    const zones = (p.zones ?? []).flatMap((z) => (facts.zones.has(z) ? [facts.zones.get(z)!] : []));
    return {
      id: `spec:${name}`,
      name,
      zoneIds: zones.map((z) => z.id),
      zoneNames: new Map(zones.map((z) => [z.id, z.name])),
      ours: true,
    };
  };
  const rateFacts = (name: string): PlanFacts | undefined => {
    const i = defined.rate.get(name);
    const p = i === undefined ? undefined : spec.plans.rate[i]!;
    if (!p || p.reuse) return facts.plans.rate.get(name);
    const zones = (p.zones ?? []).flatMap((z) =>
      facts.zones.has(z.zone) ? [facts.zones.get(z.zone)!] : [],
    );
    return {
      id: `spec:${name}`,
      name,
      currency: p.currency,
      zoneIds: zones.map((z) => z.id),
      zoneNames: new Map(),
      ours: true,
    };
  };
  const known = (kind: "communication" | "rate", name: string) =>
    defined[kind].has(name) || facts.plans[kind].has(name);

  // Plans each account may use: known plans, in the account's currency.
  const allowance = [
    { path: "customer.plans", key: CUSTOMER_KEY, plans: spec.customer.plans },
    ...spec.accounts.map((a, i) => ({ path: `accounts[${i}].plans`, key: a.key, plans: a.plans })),
  ];
  for (const a of allowance) {
    const currency = accountByKey.get(a.key)?.currency ?? spec.customer.currency;
    a.plans?.communication.forEach((n, k) => {
      if (!known("communication", n))
        error(
          `${a.path}.communication[${k}]`,
          "PLAN_UNKNOWN",
          M("PLAN_UNKNOWN.allowance.communication", { name: n }),
        );
    });
    a.plans?.rate.forEach((n, k) => {
      if (!known("rate", n))
        error(
          `${a.path}.rate[${k}]`,
          "PLAN_UNKNOWN",
          M("PLAN_UNKNOWN.allowance.rate", { name: n }),
        );
      const r = rateFacts(n);
      if (r?.currency && r.currency !== currency)
        error(
          `${a.path}.rate[${k}]`,
          "PLAN_CURRENCY_MISMATCH",
          M("PLAN_CURRENCY_MISMATCH", {
            name: n,
            planCurrency: r.currency,
            accountCurrency: currency,
          }),
        );
    });
  }
  // Which plans an account may use: its own allowance and its ancestors' (offers apply downwards).
  const allowed = (key: string, kind: "communication" | "rate"): Set<string> => {
    const out = new Set<string>(spec.customer.plans?.[kind] ?? []);
    for (
      let k: string | undefined = key;
      k !== undefined && k !== CUSTOMER_KEY;
      k = parentOf.get(k)
    ) {
      const acct = spec.accounts.find((a) => a.key === k);
      acct?.plans?.[kind].forEach((n) => out.add(n));
      if (!acct) break;
    }
    return out;
  };

  // Services: APNs, pools, IPsec.
  const pools: { net: Ipv4Net; path: string }[] = [];
  const specApns = new Set<string>();
  spec.services.apns.forEach((s, i) => {
    const path = `services.apns[${i}]`;
    if (!isValidApn(s.name))
      error(`${path}.name`, "APN_INVALID", M("APN_INVALID", { apn: s.name }));
    if (specApns.has(s.name.toLowerCase()))
      error(`${path}.name`, "APN_DUPLICATE", M("APN_DUPLICATE", { apn: s.name }));
    specApns.add(s.name.toLowerCase());
    const taken = facts.apnsInUse.find((u) => u.apn.toLowerCase() === s.name.toLowerCase());
    if (taken)
      error(`${path}.name`, "APN_TAKEN", M("APN_TAKEN", { apn: s.name, usedBy: taken.usedBy }));
    const pool = parseCidr(s.ipPool);
    if (!pool) {
      error(`${path}.ipPool`, "CIDR_INVALID", M("CIDR_INVALID", { cidr: s.ipPool }));
      return;
    }
    for (const other of pools)
      if (overlaps(pool, other.net))
        error(`${path}.ipPool`, "APN_POOL_OVERLAP", M("APN_POOL_OVERLAP", { other: other.path }));
    pools.push({ net: pool, path });
    for (const u of facts.apnsInUse) {
      const net = u.ipPool ? parseCidr(u.ipPool) : null;
      if (net && overlaps(pool, net))
        error(
          `${path}.ipPool`,
          "APN_POOL_OVERLAP",
          M("APN_POOL_OVERLAP.other", {
            pool: s.ipPool,
            otherPool: u.ipPool,
            apn: u.apn,
            usedBy: u.usedBy,
          }),
        );
    }
    const fixed = new Set<string>();
    s.fixedIps.forEach((f, k) => {
      const ip = parseIpv4(f.ip);
      if (ip === null || !contains(pool, ip))
        error(
          `${path}.fixedIps[${k}].ip`,
          "FIXED_IP_OUTSIDE_POOL",
          M("FIXED_IP_OUTSIDE_POOL", { ip: f.ip, pool: s.ipPool }),
        );
      if (fixed.has(f.ip))
        error(
          `${path}.fixedIps[${k}].ip`,
          "FIXED_IP_DUPLICATE",
          M("FIXED_IP_DUPLICATE", { ip: f.ip }),
        );
      fixed.add(f.ip);
      if (!parseIccid(f.iccid).ok)
        error(
          `${path}.fixedIps[${k}].iccid`,
          "ICCID_INVALID",
          M("ICCID_INVALID", { iccid: f.iccid }),
        );
    });
    if (s.ipsec) {
      for (const p of checkIpsec(s.ipsec))
        findings.push(finding(p.severity, `${path}.ipsec.${p.path}`, p.code, p.msg));
      s.ipsec.customerSubnets.forEach((c, k) => {
        const net = parseCidr(c);
        if (!net)
          error(
            `${path}.ipsec.customerSubnets[${k}]`,
            "CIDR_INVALID",
            M("CIDR_INVALID.subnet", { cidr: c }),
          );
        else if (overlaps(net, pool))
          error(
            `${path}.ipsec.customerSubnets[${k}]`,
            "APN_POOL_OVERLAP",
            M("APN_POOL_OVERLAP.subnet", { subnet: c, pool: s.ipPool }),
          );
      });
      if (!spec.dates.tunnelWindow)
        warning("dates.tunnelWindow", "TUNNEL_WINDOW_MISSING", M("TUNNEL_WINDOW_MISSING"));
    }
  });
  spec.plans.communication.forEach((p, i) =>
    p.apns?.forEach((apn, k) => {
      const used = facts.apnsInUse.find((u) => u.apn.toLowerCase() === apn.toLowerCase());
      if (used && !specApns.has(apn.toLowerCase()) && !p.reuse)
        warning(
          `plans.communication[${i}].apns[${k}]`,
          "APN_SHARED",
          M("APN_SHARED", { apn, usedBy: used.usedBy }),
        );
    }),
  );

  // SIM groups: ranges, lists, stock, plans allowed on the target account.
  const allRanges: { path: string; range: IccidRange }[] = [];
  const byRange = new Map(refs.ranges.map((r) => [`${r.group}.${r.index}`, r.range]));
  let requested = 0;
  let ours = 0;
  const seenIccids = new Map<string, string>();
  spec.sims.forEach((g, gi) => {
    const path = `sims[${gi}]`;
    const key = g.account ?? CUSTOMER_KEY;
    if (g.account !== undefined && !keys.has(g.account))
      error(`${path}.account`, "ACCOUNT_UNKNOWN", M("ACCOUNT_UNKNOWN", { key: g.account }));
    if (g.ranges.length === 0 && g.iccids.length === 0)
      error(path, "SIM_GROUP_EMPTY", M("SIM_GROUP_EMPTY"));
    if (!known("communication", g.communicationPlan))
      error(
        `${path}.communicationPlan`,
        "PLAN_UNKNOWN",
        M("PLAN_UNKNOWN.communication", { name: g.communicationPlan }),
      );
    else if (!allowed(key, "communication").has(g.communicationPlan))
      error(
        `${path}.communicationPlan`,
        "PLAN_NOT_ALLOWED",
        M("PLAN_NOT_ALLOWED", { name: g.communicationPlan }),
      );
    if (!known("rate", g.ratePlan))
      error(`${path}.ratePlan`, "PLAN_UNKNOWN", M("PLAN_UNKNOWN.rate", { name: g.ratePlan }));
    else if (!allowed(key, "rate").has(g.ratePlan))
      error(`${path}.ratePlan`, "PLAN_NOT_ALLOWED", M("PLAN_NOT_ALLOWED", { name: g.ratePlan }));
    const comm = commFacts(g.communicationPlan);
    const rate = rateFacts(g.ratePlan);
    if (comm && rate && rate.zoneIds.length)
      for (const w of billShock(
        { ...comm, zoneNames: comm.zoneNames },
        {
          id: rate.id,
          name: rate.name,
          versions: [
            { version: 1, effective_from: new Date(0), zone_ids: rate.zoneIds, terms: {} },
          ],
        },
        new Date(0),
      ))
        warning(path, w.code, { code: w.code, params: w.params as Record<string, ParamValue> });

    let count = 0;
    g.ranges.forEach((r, ri) => {
      const rp = `${path}.ranges[${ri}]`;
      const parsed = parseIccidRange(r.from, r.to);
      if (!parsed.ok) {
        error(`${rp}.${parsed.field}`, parsed.code, { code: parsed.code, params: parsed.params });
        return;
      }
      count += parsed.range.size;
      allRanges.push({ path: rp, range: byRange.get(`${gi}.${ri}`) ?? parsed.range });
      const stock = facts.rangeStock.get(`${gi}.${ri}`) ?? { inStock: 0, ours: 0 };
      ours += stock.ours;
      const missing = parsed.range.size - stock.inStock - stock.ours;
      if (missing > 0)
        error(
          rp,
          "SIMS_NOT_IN_STOCK",
          M("SIMS_NOT_IN_STOCK", {
            missing,
            size: parsed.range.size,
            from: parsed.range.from,
            to: parsed.range.to,
          }),
        );
    });
    g.iccids.forEach((raw, k) => {
      const p = parseIccid(raw);
      if (!p.ok) error(`${path}.iccids[${k}]`, p.code, iccidMessage(p.code, raw));
      else {
        count++;
        const first = seenIccids.get(p.value);
        if (first)
          error(
            `${path}.iccids[${k}]`,
            "ICCID_DUPLICATE",
            M("ICCID_DUPLICATE", { iccid: p.value, other: first }),
          );
        else seenIccids.set(p.value, `${path}.iccids[${k}]`);
      }
    });
    const list = facts.listStock.get(gi);
    if (list) {
      ours += list.ours;
      const valid = g.iccids.filter((i) => parseIccid(i).ok).length;
      const distinct = new Set(g.iccids).size;
      const missing = Math.min(valid, distinct) - list.inStock - list.ours;
      if (missing > 0)
        error(
          `${path}.iccids`,
          "SIMS_NOT_IN_STOCK",
          M("SIMS_NOT_IN_STOCK.list", { missing, examples: list.missing.slice(0, 5).join(", ") }),
        );
    }
    if (g.quantity !== undefined && g.quantity !== count)
      error(
        `${path}.quantity`,
        "SIM_QUANTITY_MISMATCH",
        M("SIM_QUANTITY_MISMATCH", { quantity: g.quantity, count }),
      );
    requested += count;
  });
  for (const [a, b] of overlappingRanges(allRanges.map((r) => r.range)))
    error(
      allRanges[b]!.path,
      "ICCID_RANGES_OVERLAP",
      M("ICCID_RANGES_OVERLAP", { other: allRanges[a]!.path }),
    );
  const rangeOf = rangeIndex(allRanges.map((r) => ({ ...r.range, path: r.path })));
  for (const [iccid, where] of seenIccids) {
    const r = rangeOf(iccid);
    if (r) error(where, "ICCID_DUPLICATE", M("ICCID_DUPLICATE.range", { iccid, other: r.path }));
  }
  if (requested > facts.totalStock + ours)
    error("sims", "SIM_STOCK_SHORT", M("SIM_STOCK_SHORT", { requested, stock: facts.totalStock }));

  // A fixed IP is for a SIM this onboarding assigns.
  spec.services.apns.forEach((s, i) =>
    s.fixedIps.forEach((f, k) => {
      const p = parseIccid(f.iccid);
      if (!p.ok) return;
      const listed = seenIccids.has(p.value) || rangeOf(p.value) !== undefined;
      if (!listed)
        error(
          `services.apns[${i}].fixedIps[${k}].iccid`,
          "FIXED_IP_SIM_NOT_IN_SPEC",
          M("FIXED_IP_SIM_NOT_IN_SPEC", { iccid: p.value }),
        );
    }),
  );

  // Desk agreement.
  if (spec.desk)
    for (const kind of SLA_TARGETS)
      for (const [priority, value] of Object.entries(spec.desk.agreement[kind]))
        if (value) {
          try {
            parseTargetDuration(`${kind}.${priority}`, value);
          } catch (e) {
            if (!(e instanceof OtterError)) throw e;
            error(
              `desk.agreement.${kind}.${priority}`,
              "SLA_INVALID_TARGET",
              M(
                e.message.includes("more than zero")
                  ? "SLA_INVALID_TARGET.range"
                  : "SLA_INVALID_TARGET",
                { field: `${kind}.${priority}`, value },
              ),
            );
          }
        }

  // Dates.
  const { contractSigned, requestedGoLive, tunnelWindow } = spec.dates;
  if (requestedGoLive < contractSigned)
    error(
      "dates.requestedGoLive",
      "DATES_GO_LIVE_BEFORE_SIGNATURE",
      M("DATES_GO_LIVE_BEFORE_SIGNATURE", { goLive: requestedGoLive, signed: contractSigned }),
    );
  if (tunnelWindow) {
    if (tunnelWindow.to < tunnelWindow.from)
      error("dates.tunnelWindow.to", "DATES_WINDOW_REVERSED", M("DATES_WINDOW_REVERSED"));
    if (tunnelWindow.from < contractSigned)
      error(
        "dates.tunnelWindow.from",
        "DATES_TUNNEL_BEFORE_SIGNATURE",
        M("DATES_TUNNEL_BEFORE_SIGNATURE"),
      );
    if (tunnelWindow.from > requestedGoLive)
      warning(
        "dates.tunnelWindow.from",
        "DATES_TUNNEL_AFTER_GO_LIVE",
        M("DATES_TUNNEL_AFTER_GO_LIVE"),
      );
  }

  // People.
  if (!facts.owner)
    error(
      "people.onboardingOwner",
      "OWNER_UNKNOWN",
      M("OWNER_UNKNOWN", { email: spec.people.onboardingOwner }),
    );
  else if (facts.owner.disabled)
    error(
      "people.onboardingOwner",
      "OWNER_DISABLED",
      M("OWNER_DISABLED", { email: spec.people.onboardingOwner }),
    );
  else if (!facts.owner.role.startsWith("operator_"))
    error(
      "people.onboardingOwner",
      "OWNER_NOT_OPERATOR",
      M("OWNER_NOT_OPERATOR", { email: spec.people.onboardingOwner }),
    );
  const tech = spec.customer.contacts.findIndex(
    (c) => c.email?.toLowerCase() === spec.people.technicalContact.toLowerCase(),
  );
  if (tech < 0)
    error(
      "people.technicalContact",
      "CONTACT_UNKNOWN",
      M("CONTACT_UNKNOWN", { email: spec.people.technicalContact }),
    );
  return findings;
}
