import { createHash } from "node:crypto";
import type { Executor } from "../../db/database.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import type { Principal } from "../auth/principal.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import { formatTargets, parseTargets } from "../desk/sla/targets.js";
import { simStockRepo } from "../sims/sim-stock.shared.repo.js";
import { CUSTOMER_KEY, specRefs } from "./feasibility.js";
import { luhnCheckDigit } from "../../lib/identifiers.js";
import { rangeIndex } from "./iccid-ranges.js";
import type { OnboardingSpec, SimGroup } from "./onboarding-spec.js";
import type { Provisioned } from "./onboarding.service.js";
import type { Message } from "../../lib/messages/messages.js";
import { onboardingText } from "./onboarding.messages.js";

const M = onboardingText.msg;
/** The English `object` of an entry, from its message. */
const about = (m: Message) => ({ object: onboardingText.legacy(m), objectMsg: m });

/**
 * The plan of a changed spec (docs/onboarding.md, "Changing an onboarding: the plan"): what a run
 * of the new spec would create, change, move or remove, computed against what the earlier runs of
 * the same onboarding created (the `provisioned` ids and the spec they applied) and against the
 * current state (account details as they are now, SIMs counted set-based where they are now).
 */
export interface PlanEntry {
  action: "create" | "change" | "move" | "remove";
  path: string;
  /** What the entry is about, in English (`object`) and as a message for the reader's language. */
  object: string;
  objectMsg: Message;
  before: unknown;
  after: unknown;
  /** SIMs: how many, and a few example ICCIDs. */
  count?: number;
  examples?: string[];
}

export interface OnboardingPlan {
  hash: string;
  entries: PlanEntry[];
  summary: Record<PlanEntry["action"], number>;
}

/** What the provisioning job needs beyond the spec to apply a plan: moves and withdrawn offers. */
export interface PlanDirectives {
  /** SIM group index → the fields of its SIMs that change (account, state, plans). */
  moves: { group: number; fields: MoveField[] }[];
  withdraw: { kind: PlanKind; name: string; account: string }[];
  /** Contacts (by key: e-mail, else name) the applied spec had and the new one does not. */
  dropContacts?: string[];
  /** Plans this onboarding created whose terms the new spec changes: a new version / new terms. */
  terms?: { kind: PlanKind; name: string }[];
}

const NONE = "00000000-0000-0000-0000-000000000000";
type PlanKind = "communication" | "rate";
export type MoveField = "account" | "state" | "communicationPlan" | "ratePlan";

/** Account details the spec sets, as the accounts service names them. */
const CUSTOMER_FIELDS = [
  "name",
  "legalName",
  "vatNumber",
  "currency",
  "language",
  "timeZone",
] as const;

interface AccountNow {
  billingAddress?: Record<string, unknown> | null;
  contacts?: ContactNow[];
  name: string;
  legalName: string | null;
  vatNumber?: string | null;
  currency: string;
  language: string;
  timeZone: string;
}

type ContactNow = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  role: string | null;
};
type SpecContact = OnboardingSpec["customer"]["contacts"][number];

/** A contact's key: its e-mail (any case), else its name. */
export const contactKey = (c: { name: string; email?: string | null }) =>
  c.email ? c.email.toLowerCase() : `name:${c.name}`;
const contactShown = (c: {
  name: string;
  email?: string | null;
  phone?: string | null;
  role?: string | null;
}) => ({
  name: c.name,
  email: c.email ?? null,
  phone: c.phone ?? null,
  role: c.role ?? null,
});
const sameContact = (a: SpecContact, b: ContactNow) =>
  JSON.stringify(contactShown(a)) === JSON.stringify(contactShown(b));

/**
 * The customer's contacts as the spec wants them against the account's now: those to add (new or
 * changed) and the ids to remove (changed, or dropped from the spec). Contacts added in the console
 * that no spec ever named are left alone.
 */
export function contactsDrift(
  wanted: SpecContact[],
  now: ContactNow[],
  dropped: readonly string[],
): { add: SpecContact[]; remove: ContactNow[]; changed: [ContactNow, SpecContact][] } {
  const byKey = new Map(now.map((c) => [contactKey(c), c]));
  const add: SpecContact[] = [];
  const remove: ContactNow[] = [];
  const changed: [ContactNow, SpecContact][] = [];
  for (const w of wanted) {
    const have = byKey.get(contactKey(w));
    if (!have) add.push(w);
    else if (!sameContact(w, have)) {
      add.push(w);
      remove.push(have);
      changed.push([have, w]);
    }
  }
  const keep = new Set(wanted.map(contactKey));
  for (const k of dropped) {
    const have = byKey.get(k);
    if (have && !keep.has(k)) remove.push(have);
  }
  return { add, remove, changed };
}

/** An address as compared: its fields sorted, empty ones dropped. */
export const addressKey = (a: Record<string, unknown> | null | undefined) =>
  JSON.stringify(
    Object.entries(a ?? {})
      .filter(([, v]) => v !== undefined && v !== null && v !== "")
      .sort(([x], [y]) => (x < y ? -1 : 1)),
  );

/** A plan's terms as the spec gives them (everything but its name), to compare two specs. */
const termsOf = (p: object) => {
  const { name: _n, ...terms } = p as { name: string };
  return JSON.stringify(
    Object.entries(terms).sort(([x], [y]) => (x < y ? -1 : 1)),
    (_k, v: unknown) =>
      v && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)))
        : v,
  );
};

/** Plans this onboarding created (`done`) whose terms differ between the applied spec and the new one. */
export function termsChanged(before: OnboardingSpec, after: OnboardingSpec, done: Provisioned) {
  const out: { kind: PlanKind; name: string; index: number; before: unknown; after: unknown }[] =
    [];
  for (const kind of ["communication", "rate"] as const)
    after.plans[kind].forEach((p, index) => {
      if (p.reuse || !done.plans?.[kind]?.[p.name]) return;
      const old = before.plans[kind].find((o) => o.name === p.name && !o.reuse);
      if (old && termsOf(old) !== termsOf(p))
        out.push({ kind, name: p.name, index, before: old, after: p });
    });
  return out;
}

/** The details of an existing account that differ from the spec's: a patch for the accounts service. */
export function accountDrift(
  wanted: Partial<Record<(typeof CUSTOMER_FIELDS)[number], string | undefined>>,
  now: AccountNow,
): Partial<Record<(typeof CUSTOMER_FIELDS)[number], string>> {
  const patch: Partial<Record<(typeof CUSTOMER_FIELDS)[number], string>> = {};
  for (const f of CUSTOMER_FIELDS) {
    const w = wanted[f];
    if (w !== undefined && w !== now[f]) patch[f] = w;
  }
  return patch;
}

/** The customer's details as the spec sets them (the VAT number as the accounts service stores it). */
export const customerWanted = (spec: OnboardingSpec) => ({
  name: spec.customer.name,
  legalName: spec.customer.legalName,
  vatNumber: spec.customer.vatNumber.replace(/[\s.-]/g, "").toUpperCase(),
  currency: spec.customer.currency,
  language: spec.customer.language,
  timeZone: spec.customer.timeZone,
});
const subWanted = (a: OnboardingSpec["accounts"][number]) => ({
  name: a.name,
  ...(a.currency && { currency: a.currency }),
});

/** The offers a spec makes: "key|kind|name" → the spec path of the allowance. */
function allowances(spec: OnboardingSpec) {
  const out = new Map<string, string>();
  const add = (key: string, base: string, plans?: { communication: string[]; rate: string[] }) => {
    for (const kind of ["communication", "rate"] as const)
      plans?.[kind].forEach((name, i) =>
        out.set(`${key}|${kind}|${name}`, `${base}.plans.${kind}[${i}]`),
      );
  };
  add(CUSTOMER_KEY, "customer", spec.customer.plans);
  spec.accounts.forEach((a, i) => add(a.key, `accounts[${i}]`, a.plans));
  return out;
}

/** The same SIMs (the stored spec is jsonb: its keys come back in another order). */
const simsKey = (g: SimGroup) =>
  JSON.stringify([g.ranges.map((r) => `${r.from}-${r.to}`), g.iccids]);
const sameSims = (a: SimGroup, b: SimGroup) => simsKey(a) === simsKey(b);

/** The fields of a SIM group's SIMs that change between the applied spec and the new one. */
function groupMove(before: SimGroup, after: SimGroup): MoveField[] {
  const fields: MoveField[] = [];
  if ((before.account ?? CUSTOMER_KEY) !== (after.account ?? CUSTOMER_KEY)) fields.push("account");
  if (before.state !== after.state) fields.push("state");
  if (before.communicationPlan !== after.communicationPlan) fields.push("communicationPlan");
  if (before.ratePlan !== after.ratePlan) fields.push("ratePlan");
  return fields;
}

/** Moves and withdrawn offers between the spec the earlier runs applied and the new one. */
export function planDirectives(before: OnboardingSpec, after: OnboardingSpec): PlanDirectives {
  const moves: PlanDirectives["moves"] = [];
  after.sims.forEach((g, gi) => {
    const old = before.sims[gi];
    if (!old || !sameSims(old, g)) return;
    const fields = groupMove(old, g);
    if (fields.length) moves.push({ group: gi, fields });
  });
  const now = allowances(after);
  const withdraw = [...allowances(before).keys()]
    .filter((k) => !now.has(k))
    .map((k) => {
      const [account, kind, name] = k.split("|") as [string, PlanKind, string];
      return { kind, name, account };
    });
  const keep = new Set(after.customer.contacts.map(contactKey));
  const dropContacts = before.customer.contacts.map(contactKey).filter((k) => !keep.has(k));
  return { moves, withdraw, dropContacts };
}

const planHash = (entries: PlanEntry[]) =>
  createHash("sha256").update(JSON.stringify(entries)).digest("hex").slice(0, 16);

export function emptyPlan(): OnboardingPlan {
  return { hash: planHash([]), entries: [], summary: { create: 0, change: 0, move: 0, remove: 0 } };
}

interface PlanDeps {
  accounts: Pick<AccountsService, "get">;
  catalog: Pick<CatalogService, "findPlan">;
}

/** The SIMs of a group as the stock queries take them. */
export function groupSims(spec: OnboardingSpec, gi: number) {
  const refs = specRefs({ ...spec, sims: [spec.sims[gi]!] });
  return {
    ranges: refs.ranges.map((r) => ({ from: r.range.from, to: r.range.to })),
    iccids: refs.lists[0]?.iccids ?? [],
  };
}

/** The plan of `after` against what the runs of `before` created (`done`) and the current state. */
export async function computePlan(
  deps: PlanDeps,
  ex: Executor,
  principal: Principal,
  before: OnboardingSpec,
  after: OnboardingSpec,
  done: Provisioned,
  rootAccountId: string,
): Promise<OnboardingPlan> {
  const entries: PlanEntry[] = [];
  const accountName = new Map<string, string>([[CUSTOMER_KEY, after.customer.name]]);
  after.accounts.forEach((a) => accountName.set(a.key, a.name));
  const nameOf = (key: string) => accountName.get(key) ?? key;
  const label = (key: string) => M("plan.account", { name: nameOf(key) });

  if (done.customer) {
    const now = await deps.accounts.get(principal, done.customer);
    const patch = accountDrift(customerWanted(after), now);
    for (const [f, v] of Object.entries(patch))
      entries.push({
        action: "change",
        path: `customer.${f}`,
        ...about(M("plan.account", { name: now.name })),
        before: now[f as keyof typeof patch],
        after: v,
      });
    const account = { account: after.customer.name };
    if (addressKey(now.billingAddress) !== addressKey(after.customer.billingAddress))
      entries.push({
        action: "change",
        path: "customer.billingAddress",
        ...about(M("plan.billingAddress", account)),
        before: now.billingAddress ?? null,
        after: after.customer.billingAddress,
      });
    const dropped = planDirectives(before, after).dropContacts ?? [];
    const drift = contactsDrift(after.customer.contacts, now.contacts ?? [], dropped);
    const changed = new Set(drift.changed.map(([c]) => c.id));
    for (const c of drift.add) {
      const i = after.customer.contacts.indexOf(c);
      const was = drift.changed.find(([, w]) => w === c)?.[0];
      entries.push({
        action: was ? "change" : "create",
        path: `customer.contacts[${i}]`,
        ...about(M("plan.contact", { name: c.name, ...account })),
        before: was ? contactShown(was) : null,
        after: contactShown(c),
      });
    }
    for (const c of drift.remove.filter((r) => !changed.has(r.id)))
      entries.push({
        action: "remove",
        path: "customer.contacts",
        ...about(M("plan.contact", { name: c.name, ...account })),
        before: contactShown(c),
        after: null,
      });
  }
  // Reported, never applied: a sub-account is not deleted (its SIMs, invoices and cases stay with
  // it); the plan says so once (docs/onboarding.md).
  const keys = new Set(after.accounts.map((a) => a.key));
  for (const a of before.accounts)
    if (!keys.has(a.key) && done.accounts?.[a.key])
      entries.push({
        action: "remove",
        path: `accounts[key=${a.key}]`,
        ...about(M("plan.account", { name: a.name })),
        before: { name: a.name, parent: a.parent ?? CUSTOMER_KEY },
        after: null,
      });
  // Applied: a sub-account whose parent is not the one the spec names now (changed in the spec, or
  // moved in the console since) moves there with its subtree and SIMs (accounts service, `move`).
  const keyOfId = new Map<string, string>(
    Object.entries(done.accounts ?? {}).map(([key, id]) => [id, key]),
  );
  if (done.customer) keyOfId.set(done.customer, CUSTOMER_KEY);
  for (const [i, a] of after.accounts.entries()) {
    const id = done.accounts?.[a.key];
    if (!id) continue;
    const wanted = wantedParent(a, done);
    const now = (await deps.accounts.get(principal, id)).parentId;
    if (now !== null && now !== wanted)
      entries.push({
        action: "move",
        path: `accounts[${i}].parent`,
        ...about(label(a.key)),
        before: keyOfId.get(now) ?? now,
        after: a.parent ?? CUSTOMER_KEY,
      });
  }
  for (const [i, a] of after.accounts.entries()) {
    const id = done.accounts?.[a.key];
    if (!id) {
      entries.push({
        action: "create",
        path: `accounts[${i}]`,
        ...about(label(a.key)),
        before: null,
        after: { name: a.name, parent: a.parent ?? CUSTOMER_KEY },
      });
      continue;
    }
    const now = await deps.accounts.get(principal, id);
    for (const [f, v] of Object.entries(accountDrift(subWanted(a), now)))
      entries.push({
        action: "change",
        path: `accounts[${i}].${f}`,
        ...about(M("plan.account", { name: now.name })),
        before: now[f as "name" | "currency"],
        after: v,
      });
  }

  for (const kind of ["communication", "rate"] as const)
    for (const [i, p] of after.plans[kind].entries()) {
      if (p.reuse || done.plans?.[kind]?.[p.name]) continue;
      if (await deps.catalog.findPlan(ex, kind, p.name)) continue;
      entries.push({
        action: "create",
        path: `plans.${kind}[${i}]`,
        ...about(M(kind === "rate" ? "plan.ratePlan" : "plan.communicationPlan", { name: p.name })),
        before: null,
        after: p.name,
      });
    }

  for (const t of termsChanged(before, after, done))
    entries.push({
      action: "change",
      path: `plans.${t.kind}[${t.index}]`,
      ...about(M(t.kind === "rate" ? "plan.ratePlan" : "plan.communicationPlan", { name: t.name })),
      before: t.before,
      after: t.after,
    });
  // Reported: a plan no longer in the spec stays in the catalog (SIMs may be on it); its offers
  // to the onboarding's accounts are withdrawn (the offers' own entries).
  for (const kind of ["communication", "rate"] as const)
    for (const p of before.plans[kind])
      if (
        !p.reuse &&
        done.plans?.[kind]?.[p.name] &&
        !after.plans[kind].some((q) => q.name === p.name)
      )
        entries.push({
          action: "remove",
          path: `plans.${kind}`,
          ...about(
            M(kind === "rate" ? "plan.ratePlan" : "plan.communicationPlan", { name: p.name }),
          ),
          before: p.name,
          after: null,
        });

  const was = allowances(before);
  for (const [k, path] of allowances(after)) {
    if (was.has(k)) continue;
    const [account, kind, name] = k.split("|") as [string, PlanKind, string];
    entries.push({
      action: "create",
      path,
      ...about(M(`plan.offer.${kind}`, { name, account: nameOf(account) })),
      before: null,
      after: name,
    });
  }
  for (const w of planDirectives(before, after).withdraw)
    entries.push({
      action: "remove",
      path:
        w.account === CUSTOMER_KEY
          ? `customer.plans.${w.kind}`
          : `accounts[key=${w.account}].plans.${w.kind}`,
      ...about(M(`plan.offer.${w.kind}`, { name: w.name, account: nameOf(w.account) })),
      before: w.name,
      after: null,
    });

  const targets = (s: OnboardingSpec) =>
    s.desk ? JSON.stringify(formatTargets(parseTargets(s.desk.agreement))) : null;
  if (after.desk && targets(before) !== targets(after))
    entries.push({
      action: "change",
      path: "desk.agreement",
      ...about(M("plan.agreement", { account: after.customer.name })),
      before: before.desk?.agreement ?? null,
      after: after.desk.agreement,
    });

  const heldBy = [...(done.customer ? [done.customer] : []), ...Object.values(done.accounts ?? {})];
  const moves = new Map(planDirectives(before, after).moves.map((m) => [m.group, m.fields]));
  for (const [gi, g] of after.sims.entries()) {
    const sims = groupSims(after, gi);
    const old = before.sims[gi];
    if (!old || !sameSims(old, g)) {
      const [n] = await Promise.all([
        simStockRepo.countRanges(
          ex,
          rootAccountId,
          sims.ranges.map((r, ri) => ({ key: String(ri), ...r })),
          [],
        ),
      ]);
      const listed = sims.iccids.length
        ? (await simStockRepo.countList(ex, rootAccountId, sims.iccids, [])).in_stock
        : 0;
      const count = n.reduce((a, r) => a + r.in_stock, 0) + listed;
      if (count > 0)
        entries.push({
          action: "create",
          path: `sims[${gi}]`,
          ...about(M("plan.simGroupTo", { group: gi, account: nameOf(g.account ?? CUSTOMER_KEY) })),
          before: null,
          after: {
            account: g.account ?? CUSTOMER_KEY,
            state: g.state,
            communicationPlan: g.communicationPlan,
            ratePlan: g.ratePlan,
          },
          count,
        });
    }
    const fields = moves.get(gi);
    if (!fields || !old) continue;
    const target = await moveTarget(deps, ex, g, fields, done);
    const { count, examples } = await simStockRepo.countToMove(ex, {
      ...sims,
      heldBy,
      ...target,
    });
    if (count === 0) continue;
    const pick = (s: SimGroup) =>
      Object.fromEntries(
        fields.map((f) => [f, f === "account" ? (s.account ?? CUSTOMER_KEY) : s[f]]),
      );
    entries.push({
      action: "move",
      path: `sims[${gi}]`,
      ...about(M("plan.simGroup", { group: gi })),
      before: pick(old),
      after: pick(g),
      count,
      examples,
    });
  }

  // SIMs that left the spec (a group removed, a range shortened): counted where they are, reported;
  // they stay with the customer until someone moves them — a SIM in use is never pulled back.
  for (const [gi, old] of before.sims.entries()) {
    const left = leaving(before, after, gi);
    if (left.ranges.length === 0 && left.iccids.length === 0) continue;
    const { count, examples } = await simStockRepo.countToMove(ex, {
      ...left,
      heldBy,
      accountId: rootAccountId,
    });
    if (count === 0) continue;
    entries.push({
      action: "remove",
      path: `sims[${gi}]`,
      ...about(M("plan.simsLeaving", { group: gi })),
      before: { account: old.account ?? CUSTOMER_KEY },
      after: null,
      count,
      examples,
    });
  }

  const summary = { create: 0, change: 0, move: 0, remove: 0 };
  for (const e of entries) summary[e.action]++;
  return { hash: planHash(entries), entries, summary };
}

/**
 * The SIMs of the applied spec's group `gi` that no group of the new spec holds: its ranges less
 * every range of the new spec (interval arithmetic on the ICCIDs' payloads), its list less the new
 * lists and ranges.
 */
export function leaving(before: OnboardingSpec, after: OnboardingSpec, gi: number) {
  const old = groupSims(before, gi);
  const now = specRefs(after);
  const payload = (iccid: string) => BigInt(iccid.slice(0, -1));
  const ranges: { from: string; to: string }[] = [];
  for (const r of old.ranges) {
    let parts: [bigint, bigint][] = [[payload(r.from), payload(r.to)]];
    for (const n of now.ranges) {
      if (n.range.from.length !== r.from.length) continue;
      const [lo, hi] = [payload(n.range.from), payload(n.range.to)];
      parts = parts.flatMap(([a, b]): [bigint, bigint][] => {
        if (hi < a || lo > b) return [[a, b]];
        const out: [bigint, bigint][] = [];
        if (lo > a) out.push([a, lo - 1n]);
        if (hi < b) out.push([hi + 1n, b]);
        return out;
      });
    }
    const width = r.from.length - 1;
    const at = (p: bigint) => {
      const digits = p.toString().padStart(width, "0");
      return digits + luhnCheckDigit(digits);
    };
    for (const [a, b] of parts) ranges.push({ from: at(a), to: at(b) });
  }
  const listed = new Set(now.lists.flatMap((l) => l.iccids));
  const inRange = rangeIndex(now.ranges.map((r) => r.range));
  const iccids = old.iccids.filter((i) => !listed.has(i) && !inRange(i));
  return { ranges, iccids };
}

/**
 * The id of the account a sub-account of the spec goes under: the customer, or a sub-account an
 * earlier run (or this one, parents first) created; undefined for one still to be created.
 */
export const wantedParent = (a: OnboardingSpec["accounts"][number], done: Provisioned) =>
  a.parent === undefined ? done.customer : done.accounts?.[a.parent];

/** The target of a SIM group's move: only its changed fields, resolved to ids. */
export async function moveTarget(
  deps: Pick<PlanDeps, "catalog">,
  ex: Executor,
  g: SimGroup,
  fields: MoveField[],
  done: Provisioned,
) {
  const plan = async (kind: PlanKind, name: string) => {
    const p = await deps.catalog.findPlan(ex, kind, name);
    // A plan this run is still to create: every SIM differs from it.
    return { id: p?.id ?? NONE, name };
  };
  return {
    ...(fields.includes("account") && {
      // An account this run is still to create: every SIM differs from it.
      accountId: (g.account === undefined ? done.customer : done.accounts?.[g.account]) ?? NONE,
    }),
    ...(fields.includes("state") && { state: g.state }),
    ...(fields.includes("communicationPlan") && {
      communicationPlan: await plan("communication", g.communicationPlan),
    }),
    ...(fields.includes("ratePlan") && { ratePlan: await plan("rate", g.ratePlan) }),
  };
}
