import { OtterError } from "../../lib/errors.js";
import { billShock } from "../catalog/sim-plans.js";
import { parseTargetDuration, SLA_TARGETS } from "../desk/sla/targets.js";
import { type IccidRange, overlappingRanges, parseIccidRange, rangeIndex } from "./iccid-ranges.js";
import { checkIpsec } from "./ipsec-policy.js";
import { contains, type Ipv4Net, overlaps, parseCidr, parseIpv4 } from "./ipv4.js";
import type { OnboardingSpec } from "./onboarding-spec.js";
import { isValidApn, parseIccid } from "../../lib/identifiers.js";

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
  message: string;
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
  apnsInUse: { apn: string; ipPool: string | null; usedBy: string }[];
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
  const error = (path: string, code: string, message: string) =>
    findings.push({ severity: "error", path, code, message });
  const warning = (path: string, code: string, message: string) =>
    findings.push({ severity: "warning", path, code, message });

  // Accounts: unique keys, known parents, no cycles; each account's currency.
  const accountByKey = new Map<string, { index: number; currency: string }>();
  accountByKey.set(CUSTOMER_KEY, { index: -1, currency: spec.customer.currency });
  spec.accounts.forEach((a, i) => {
    if (accountByKey.has(a.key))
      error(`accounts[${i}].key`, "ACCOUNT_KEY_DUPLICATE", `Account key "${a.key}" is used twice.`);
    else accountByKey.set(a.key, { index: i, currency: a.currency ?? spec.customer.currency });
  });
  const keys = new Set(spec.accounts.map((a) => a.key));
  spec.accounts.forEach((a, i) => {
    if (a.parent !== undefined && !keys.has(a.parent))
      error(
        `accounts[${i}].parent`,
        "ACCOUNT_PARENT_UNKNOWN",
        `No account has the key "${a.parent}".`,
      );
  });
  const parentOf = new Map(spec.accounts.map((a) => [a.key, a.parent]));
  spec.accounts.forEach((a, i) => {
    const seen = new Set<string>([a.key]);
    for (let p = a.parent; p !== undefined; p = parentOf.get(p)) {
      if (seen.has(p)) {
        error(`accounts[${i}].parent`, "ACCOUNT_CYCLE", `Account "${a.key}" is its own ancestor.`);
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
        `Two sub-accounts of one parent are named "${a.name}".`,
      );
    names.set(sibling, i);
  });
  if (facts.sameNameAccount)
    warning(
      "customer.name",
      "CUSTOMER_NAME_EXISTS",
      `A customer account named "${spec.customer.name}" already exists; this onboarding creates another one.`,
    );

  // Plans defined or reused in the spec.
  const defined = {
    communication: new Map<string, number>(),
    rate: new Map<string, number>(),
  };
  spec.plans.communication.forEach((p, i) => {
    const path = `plans.communication[${i}]`;
    if (defined.communication.has(p.name))
      error(`${path}.name`, "PLAN_DUPLICATE", `Communication plan "${p.name}" is listed twice.`);
    defined.communication.set(p.name, i);
    const existing = facts.plans.communication.get(p.name);
    if (p.reuse) {
      if (!existing)
        error(
          `${path}.name`,
          "PLAN_UNKNOWN",
          `No communication plan named "${p.name}" exists to reuse.`,
        );
      if (p.apns || p.rats || p.zones)
        error(
          path,
          "PLAN_REUSE_WITH_TERMS",
          `A reused plan takes no terms; remove apns, rats and zones or set reuse: false.`,
        );
      return;
    }
    if (existing && !existing.ours)
      error(
        `${path}.name`,
        "PLAN_NAME_TAKEN",
        `A communication plan named "${p.name}" already exists; set reuse: true to use it.`,
      );
    if (!p.apns?.length)
      error(
        `${path}.apns`,
        "PLAN_TERMS_MISSING",
        "A new communication plan needs at least one APN.",
      );
    if (!p.rats?.length)
      error(
        `${path}.rats`,
        "PLAN_TERMS_MISSING",
        "A new communication plan needs its radio technologies.",
      );
    if (!p.zones?.length)
      error(
        `${path}.zones`,
        "PLAN_TERMS_MISSING",
        "A new communication plan needs the zones it allows.",
      );
    p.apns?.forEach((apn, k) => {
      if (!isValidApn(apn))
        error(
          `${path}.apns[${k}]`,
          "APN_INVALID",
          `"${apn}" is not an APN name such as iot.customer.example.`,
        );
    });
    p.zones?.forEach((z, k) => {
      if (!facts.zones.has(z))
        error(
          `${path}.zones[${k}]`,
          "ZONE_UNKNOWN",
          `No zone is named "${z}"; zones are defined by the operator first.`,
        );
    });
  });
  spec.plans.rate.forEach((p, i) => {
    const path = `plans.rate[${i}]`;
    if (defined.rate.has(p.name))
      error(`${path}.name`, "PLAN_DUPLICATE", `Rate plan "${p.name}" is listed twice.`);
    defined.rate.set(p.name, i);
    const existing = facts.plans.rate.get(p.name);
    if (p.reuse) {
      if (!existing)
        error(`${path}.name`, "PLAN_UNKNOWN", `No rate plan named "${p.name}" exists to reuse.`);
      if (p.zones || p.monthlyFeePerSim !== undefined)
        error(
          path,
          "PLAN_REUSE_WITH_TERMS",
          "A reused plan takes no terms; remove its prices or set reuse: false.",
        );
      return;
    }
    if (existing && !existing.ours)
      error(
        `${path}.name`,
        "PLAN_NAME_TAKEN",
        `A rate plan named "${p.name}" already exists; set reuse: true to use it.`,
      );
    if (p.monthlyFeePerSim === undefined)
      error(
        `${path}.monthlyFeePerSim`,
        "PLAN_TERMS_MISSING",
        "A new rate plan needs its monthly fee per SIM.",
      );
    if (!p.zones?.length)
      error(
        `${path}.zones`,
        "PLAN_TERMS_MISSING",
        "A new rate plan needs a price for at least one zone.",
      );
    if (p.currency === undefined)
      error(`${path}.currency`, "PLAN_TERMS_MISSING", "A new rate plan needs its currency.");
    const negative = (field: string, v: number | undefined) => {
      if (v !== undefined && v < 0)
        error(`${path}.${field}`, "PRICE_NEGATIVE", `The price is negative (${v}).`);
    };
    negative("monthlyFeePerSim", p.monthlyFeePerSim);
    negative("activationFee", p.activationFee);
    p.zones?.forEach((z, k) => {
      negative(`zones[${k}].dataPerMB`, z.dataPerMB);
      negative(`zones[${k}].smsMO`, z.smsMO);
      negative(`zones[${k}].smsMT`, z.smsMT);
      if (!facts.zones.has(z.zone))
        error(`${path}.zones[${k}].zone`, "ZONE_UNKNOWN", `No zone is named "${z.zone}".`);
    });
    if (p.pool === "fixed" && p.fixedPoolMB === undefined)
      error(`${path}.fixedPoolMB`, "PLAN_TERMS_MISSING", "A fixed pool needs fixedPoolMB.");
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
          `No communication plan named "${n}" exists or is defined in plans.communication.`,
        );
    });
    a.plans?.rate.forEach((n, k) => {
      if (!known("rate", n))
        error(
          `${a.path}.rate[${k}]`,
          "PLAN_UNKNOWN",
          `No rate plan named "${n}" exists or is defined in plans.rate.`,
        );
      const r = rateFacts(n);
      if (r?.currency && r.currency !== currency)
        error(
          `${a.path}.rate[${k}]`,
          "PLAN_CURRENCY_MISMATCH",
          `Rate plan "${n}" is priced in ${r.currency}; the account bills in ${currency}.`,
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
      error(
        `${path}.name`,
        "APN_INVALID",
        `"${s.name}" is not an APN name such as iot.customer.example.`,
      );
    if (specApns.has(s.name.toLowerCase()))
      error(`${path}.name`, "APN_DUPLICATE", `APN "${s.name}" is listed twice.`);
    specApns.add(s.name.toLowerCase());
    const taken = facts.apnsInUse.find((u) => u.apn.toLowerCase() === s.name.toLowerCase());
    if (taken)
      error(`${path}.name`, "APN_TAKEN", `APN "${s.name}" is already used by ${taken.usedBy}.`);
    const pool = parseCidr(s.ipPool);
    if (!pool) {
      error(
        `${path}.ipPool`,
        "CIDR_INVALID",
        `"${s.ipPool}" is not a network address with its prefix (host bits must be zero).`,
      );
      return;
    }
    for (const other of pools)
      if (overlaps(pool, other.net))
        error(`${path}.ipPool`, "APN_POOL_OVERLAP", `The pool overlaps the pool of ${other.path}.`);
    pools.push({ net: pool, path });
    for (const u of facts.apnsInUse) {
      const net = u.ipPool ? parseCidr(u.ipPool) : null;
      if (net && overlaps(pool, net))
        error(
          `${path}.ipPool`,
          "APN_POOL_OVERLAP",
          `The pool ${s.ipPool} overlaps ${u.ipPool} of APN "${u.apn}" (${u.usedBy}).`,
        );
    }
    const fixed = new Set<string>();
    s.fixedIps.forEach((f, k) => {
      const ip = parseIpv4(f.ip);
      if (ip === null || !contains(pool, ip))
        error(
          `${path}.fixedIps[${k}].ip`,
          "FIXED_IP_OUTSIDE_POOL",
          `${f.ip} is not in the APN's pool ${s.ipPool}.`,
        );
      if (fixed.has(f.ip))
        error(`${path}.fixedIps[${k}].ip`, "FIXED_IP_DUPLICATE", `${f.ip} is given to two SIMs.`);
      fixed.add(f.ip);
      if (!parseIccid(f.iccid).ok)
        error(
          `${path}.fixedIps[${k}].iccid`,
          "ICCID_INVALID",
          `"${f.iccid}" is not a valid ICCID.`,
        );
    });
    if (s.ipsec) {
      for (const p of checkIpsec(s.ipsec)) findings.push({ ...p, path: `${path}.ipsec.${p.path}` });
      s.ipsec.customerSubnets.forEach((c, k) => {
        const net = parseCidr(c);
        if (!net)
          error(
            `${path}.ipsec.customerSubnets[${k}]`,
            "CIDR_INVALID",
            `"${c}" is not a network address with its prefix.`,
          );
        else if (overlaps(net, pool))
          error(
            `${path}.ipsec.customerSubnets[${k}]`,
            "APN_POOL_OVERLAP",
            `The customer subnet ${c} overlaps the APN pool ${s.ipPool}; traffic could not be routed.`,
          );
      });
      if (!spec.dates.tunnelWindow)
        warning(
          "dates.tunnelWindow",
          "TUNNEL_WINDOW_MISSING",
          "The spec has an IPsec tunnel but no tunnel window; agree one with the customer.",
        );
    }
  });
  spec.plans.communication.forEach((p, i) =>
    p.apns?.forEach((apn, k) => {
      const used = facts.apnsInUse.find((u) => u.apn.toLowerCase() === apn.toLowerCase());
      if (used && !specApns.has(apn.toLowerCase()) && !p.reuse)
        warning(
          `plans.communication[${i}].apns[${k}]`,
          "APN_SHARED",
          `APN "${apn}" is a private APN of ${used.usedBy}.`,
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
      error(`${path}.account`, "ACCOUNT_UNKNOWN", `No account has the key "${g.account}".`);
    if (g.ranges.length === 0 && g.iccids.length === 0)
      error(path, "SIM_GROUP_EMPTY", "A SIM group needs ranges or iccids.");
    if (!known("communication", g.communicationPlan))
      error(
        `${path}.communicationPlan`,
        "PLAN_UNKNOWN",
        `No communication plan named "${g.communicationPlan}".`,
      );
    else if (!allowed(key, "communication").has(g.communicationPlan))
      error(
        `${path}.communicationPlan`,
        "PLAN_NOT_ALLOWED",
        `"${g.communicationPlan}" is not among the plans the account (or an account above it) may use.`,
      );
    if (!known("rate", g.ratePlan))
      error(`${path}.ratePlan`, "PLAN_UNKNOWN", `No rate plan named "${g.ratePlan}".`);
    else if (!allowed(key, "rate").has(g.ratePlan))
      error(
        `${path}.ratePlan`,
        "PLAN_NOT_ALLOWED",
        `"${g.ratePlan}" is not among the plans the account (or an account above it) may use.`,
      );
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
        warning(path, w.code, w.message);

    let count = 0;
    g.ranges.forEach((r, ri) => {
      const rp = `${path}.ranges[${ri}]`;
      const parsed = parseIccidRange(r.from, r.to);
      if (!parsed.ok) {
        error(`${rp}.${parsed.field}`, parsed.code, parsed.message);
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
          `${missing} of the ${parsed.range.size} ICCIDs from ${parsed.range.from} to ${parsed.range.to} are not in the operator's stock (root account, state INVENTORY or TEST_READY).`,
        );
    });
    g.iccids.forEach((raw, k) => {
      const p = parseIccid(raw);
      if (!p.ok) error(`${path}.iccids[${k}]`, p.code, p.message);
      else {
        count++;
        const first = seenIccids.get(p.value);
        if (first)
          error(
            `${path}.iccids[${k}]`,
            "ICCID_DUPLICATE",
            `ICCID ${p.value} is also listed at ${first}.`,
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
          `${missing} of the listed ICCIDs are not in the operator's stock, e.g. ${list.missing.slice(0, 5).join(", ")}.`,
        );
    }
    if (g.quantity !== undefined && g.quantity !== count)
      error(
        `${path}.quantity`,
        "SIM_QUANTITY_MISMATCH",
        `The group promises ${g.quantity} SIMs; its ranges and list hold ${count}.`,
      );
    requested += count;
  });
  for (const [a, b] of overlappingRanges(allRanges.map((r) => r.range)))
    error(
      allRanges[b]!.path,
      "ICCID_RANGES_OVERLAP",
      `This range shares ICCIDs with ${allRanges[a]!.path}.`,
    );
  const rangeOf = rangeIndex(allRanges.map((r) => ({ ...r.range, path: r.path })));
  for (const [iccid, where] of seenIccids) {
    const r = rangeOf(iccid);
    if (r) error(where, "ICCID_DUPLICATE", `ICCID ${iccid} is also in the range at ${r.path}.`);
  }
  if (requested > facts.totalStock + ours)
    error(
      "sims",
      "SIM_STOCK_SHORT",
      `The spec asks for ${requested} SIMs; the operator's stock holds ${facts.totalStock}.`,
    );

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
          `ICCID ${p.value} is in none of the spec's SIM groups.`,
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
            error(`desk.agreement.${kind}.${priority}`, "SLA_INVALID_TARGET", e.message);
          }
        }

  // Dates.
  const { contractSigned, requestedGoLive, tunnelWindow } = spec.dates;
  if (requestedGoLive < contractSigned)
    error(
      "dates.requestedGoLive",
      "DATES_GO_LIVE_BEFORE_SIGNATURE",
      `Go-live ${requestedGoLive} is before the contract was signed (${contractSigned}).`,
    );
  if (tunnelWindow) {
    if (tunnelWindow.to < tunnelWindow.from)
      error(
        "dates.tunnelWindow.to",
        "DATES_WINDOW_REVERSED",
        "The tunnel window ends before it starts.",
      );
    if (tunnelWindow.from < contractSigned)
      error(
        "dates.tunnelWindow.from",
        "DATES_TUNNEL_BEFORE_SIGNATURE",
        "The tunnel window opens before the contract was signed.",
      );
    if (tunnelWindow.from > requestedGoLive)
      warning(
        "dates.tunnelWindow.from",
        "DATES_TUNNEL_AFTER_GO_LIVE",
        "The tunnel window opens after the requested go-live; SIMs on the private APN will not reach the customer until then.",
      );
  }

  // People.
  if (!facts.owner)
    error(
      "people.onboardingOwner",
      "OWNER_UNKNOWN",
      `No user has the e-mail ${spec.people.onboardingOwner}.`,
    );
  else if (facts.owner.disabled)
    error(
      "people.onboardingOwner",
      "OWNER_DISABLED",
      `The user ${spec.people.onboardingOwner} is disabled.`,
    );
  else if (!facts.owner.role.startsWith("operator_"))
    error(
      "people.onboardingOwner",
      "OWNER_NOT_OPERATOR",
      `${spec.people.onboardingOwner} is not a user of the operator.`,
    );
  const tech = spec.customer.contacts.findIndex(
    (c) => c.email?.toLowerCase() === spec.people.technicalContact.toLowerCase(),
  );
  if (tech < 0)
    error(
      "people.technicalContact",
      "CONTACT_UNKNOWN",
      `${spec.people.technicalContact} is not the e-mail of one of customer.contacts.`,
    );
  return findings;
}
