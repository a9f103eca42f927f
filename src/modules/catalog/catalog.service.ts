import { localeOf, type ParamValue } from "../../lib/messages/messages.js";
import { catalogText } from "./catalog.messages.js";
import { isDeepStrictEqual } from "node:util";
import type { Db, Executor, Tx } from "../../db/database.js";
import { inTransaction } from "../../db/database.js";
import type {
  Account,
  CommunicationPlan,
  RatePlan,
  RatePlanVersion,
  Zone,
} from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import { conflict, notFound, validationError } from "../../lib/errors.js";
import { isUuid, newId } from "../../lib/ids.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import type { AuditService } from "../audit/audit.service.js";
import { requirePermission } from "../auth/permissions.js";
import { actorOf, isOperatorRole, type Principal } from "../auth/principal.js";
import type {
  CommunicationPlanInput,
  CommunicationPlanPatch,
  RatePlanInput,
  RateTermsInput,
  RateVersionOut,
  Warning,
  ZoneInput,
  ZonePatch,
} from "./catalog.schemas.js";
import { catalogRepo, type CatalogRef, type PlanKind } from "./catalog.repo.js";
import { plansRepo } from "./plans.repo.js";
import {
  billShock,
  createSimPlansCache,
  loadCommFacts,
  loadRateFacts,
  versionAt,
} from "./sim-plans.js";

interface Deps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  accounts: Pick<AccountsService, "requireVisible" | "rootAccount" | "directory">;
}

type StoredTerms = Omit<RateVersionOut, "version" | "effectiveFrom" | "zones"> & {
  zones: {
    zoneId: string;
    dataPerMB: number;
    smsMO: number;
    smsMT: number;
    voicePerMinute: number;
  }[];
};

/** Equal as stored JSON: key order and absent-versus-undefined fields do not count. */
const sameJson = (a: unknown, b: unknown) =>
  isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));

const zoneNotFound = (ref: string) => notFound("ZONE_NOT_FOUND", `Zone ${ref} was not found.`);
const planNotFound = (kind: PlanKind, ref: string) =>
  notFound(
    kind === "rate" ? "RATE_PLAN_NOT_FOUND" : "COMMUNICATION_PLAN_NOT_FOUND",
    `${kind === "rate" ? "Rate" : "Communication"} plan ${ref} was not found.`,
  );

/** The one answer to a plan reference in a request that names no plan the principal may use. */
export const unknownPlan = (kind: PlanKind, ref: string, field: string) =>
  validationError(
    field,
    kind === "rate" ? "UNKNOWN_RATE_PLAN" : "UNKNOWN_COMMUNICATION_PLAN",
    `${kind === "rate" ? "Rate" : "Communication"} plan "${ref}" does not exist.`,
  );

/**
 * The operator's catalog: zones, communication plans (what a SIM may do) and rate plans (what it
 * costs, in dated versions). Plans belong to the operator and are offered to customer accounts; a
 * customer sees and uses only what is offered to its account or an ancestor.
 */
export function createCatalogService(deps: Deps) {
  const { db, clock } = deps;

  /** A reference in a request names an entry by id when it is a UUID, by name otherwise. */
  const refOf = (ref: string): CatalogRef => (isUuid(ref) ? { id: ref } : { name: ref });

  async function zoneByRef(ex: Executor, ref: string): Promise<Zone | undefined> {
    return catalogRepo.findZone(ex, refOf(ref));
  }

  async function resolveZones(ex: Executor, refs: string[], field: string): Promise<Zone[]> {
    const out: Zone[] = [];
    for (const [i, ref] of refs.entries()) {
      const zone = await zoneByRef(ex, ref);
      if (!zone)
        throw validationError(`${field}.${i}`, "ZONE_NOT_FOUND", `Zone "${ref}" does not exist.`);
      if (out.some((z) => z.id === zone.id))
        throw validationError(`${field}.${i}`, "ZONE_DUPLICATE", `Zone "${ref}" is listed twice.`);
      out.push(zone);
    }
    return out;
  }

  async function zoneMap(ex: Executor, ids: string[]): Promise<Map<string, Zone>> {
    if (ids.length === 0) return new Map();
    const rows = await catalogRepo.zonesByIds(ex, ids);
    return new Map(rows.map((z) => [z.id, z]));
  }

  const presentZone = (z: Zone) => ({
    id: z.id,
    name: z.name,
    description: z.description,
    countries: z.countries,
    plmns: z.plmns,
    createdAt: z.created_at.toISOString(),
    updatedAt: z.updated_at.toISOString(),
  });

  async function presentCommPlan(ex: Executor, p: CommunicationPlan) {
    const zones = await zoneMap(ex, p.zone_ids);
    return {
      id: p.id,
      name: p.name,
      description: p.description,
      apns: p.apns as { name: string; type: string; ipAddressing: string; ipPool?: string }[],
      dataEnabled: p.data_enabled,
      smsEnabled: p.sms_enabled,
      voiceEnabled: p.voice_enabled,
      rats: p.rats,
      zones: p.zone_ids.map((id) => ({ id, name: zones.get(id)?.name ?? id })),
      createdAt: p.created_at.toISOString(),
      updatedAt: p.updated_at.toISOString(),
    };
  }

  function presentVersion(v: RatePlanVersion, zones: Map<string, Zone>): RateVersionOut {
    const t = v.terms as StoredTerms;
    return {
      version: v.version,
      effectiveFrom: v.effective_from.toISOString(),
      subscription: t.subscription,
      included: t.included,
      pool: t.pool,
      testReady: t.testReady,
      dataLimitBytes: t.dataLimitBytes,
      rounding: t.rounding,
      planChange: t.planChange,
      zones: t.zones.map((z) => ({
        zone: { id: z.zoneId, name: zones.get(z.zoneId)?.name ?? z.zoneId },
        dataPerMB: z.dataPerMB,
        smsMO: z.smsMO,
        smsMT: z.smsMT,
        voicePerMinute: z.voicePerMinute,
      })),
    };
  }

  const versionsOf = plansRepo.versionsOf;

  async function presentRatePlan(ex: Executor, p: RatePlan) {
    const versions = await versionsOf(ex, p.id);
    const zones = await zoneMap(ex, [...new Set(versions.flatMap((v) => v.zone_ids))]);
    const current = versionAt(versions, clock.now());
    return {
      id: p.id,
      name: p.name,
      currency: p.currency,
      description: p.description,
      currentVersion: current ? presentVersion(current, zones) : null,
      versions: versions.map((v) => presentVersion(v, zones)),
      createdAt: p.created_at.toISOString(),
      updatedAt: p.updated_at.toISOString(),
    };
  }

  async function findPlan(
    ex: Executor,
    kind: PlanKind,
    ref: string,
  ): Promise<CommunicationPlan | RatePlan | undefined> {
    return kind === "communication"
      ? plansRepo.findCommunicationPlan(ex, refOf(ref))
      : plansRepo.findRatePlan(ex, refOf(ref));
  }

  /** Accounts (as path prefixes) whose offers apply to `account`: itself and its ancestors. */
  const offerAccountIds = (account: Pick<Account, "path">) =>
    account.path.split("/").filter(Boolean);

  /** True if the plan may be used by SIMs of `account`: offered to it or an ancestor, or held by the operator. */
  async function isOffered(
    ex: Executor,
    planId: string,
    account: Pick<Account, "path" | "kind">,
  ): Promise<boolean> {
    if (account.kind === "operator") return true;
    return !!(await catalogRepo.offerToAny(ex, planId, offerAccountIds(account)));
  }

  /**
   * The plan `ref` names, as `principal` may name it: operators any plan; a customer only a plan
   * offered on its path (its account or an ancestor) or in its subtree. Any other plan is
   * `undefined`, exactly like one that does not exist, so that no answer tells a customer that a
   * plan it was not offered exists (docs/permissions.md).
   */
  async function findPlanFor(
    ex: Executor,
    principal: Pick<Principal, "role" | "accountPath">,
    kind: PlanKind,
    ref: string,
  ) {
    const plan = await findPlan(ex, kind, ref);
    if (!plan || isOperatorRole(principal.role)) return plan;
    const visible = await catalogRepo.visibleOffer(ex, plan.id, principal.accountPath);
    return visible ? plan : undefined;
  }

  /** A plan the principal may see (`findPlanFor`), or 404 as for a plan that does not exist. */
  async function requireVisiblePlan(
    principal: Principal,
    kind: PlanKind,
    ref: string,
    ex: Executor = db,
  ) {
    const plan = await findPlanFor(ex, principal, kind, ref);
    if (!plan) throw planNotFound(kind, ref);
    return plan;
  }

  async function visiblePlanIds(principal: Principal, kind: PlanKind): Promise<string[] | null> {
    if (isOperatorRole(principal.role)) return null;
    const rows = await catalogRepo.visiblePlanIds(db, kind, principal.accountPath);
    return rows.map((r) => r.plan_id);
  }

  /**
   * The plans of `kind` to list: those the principal may see; with `accountId`, only those the
   * account's SIMs may use (offered to it or an ancestor; the operator's own account uses any).
   */
  async function listedPlanIds(
    principal: Principal,
    kind: PlanKind,
    accountId: string | undefined,
  ): Promise<string[] | null> {
    const visible = await visiblePlanIds(principal, kind);
    if (!accountId) return visible;
    const account = await deps.accounts.requireVisible(principal, accountId);
    if (account.kind === "operator") return visible;
    const offered = await catalogRepo.offeredPlanIds(db, kind, offerAccountIds(account));
    const ids = offered.map((r) => r.plan_id);
    return visible ? ids.filter((id) => visible.includes(id)) : ids;
  }

  function storedTerms(terms: RateTermsInput, zones: Zone[]): StoredTerms {
    return {
      subscription: terms.subscription,
      included: terms.included,
      pool: terms.pool,
      testReady: terms.testReady,
      dataLimitBytes: terms.dataLimitBytes,
      rounding: terms.rounding,
      planChange: terms.planChange,
      zones: terms.zones.map((z, i) => ({
        zoneId: zones[i]!.id,
        dataPerMB: z.dataPerMB,
        smsMO: z.smsMO,
        smsMT: z.smsMT,
        voicePerMinute: z.voicePerMinute,
      })),
    };
  }

  async function lockedRatePlan(tx: Tx, ref: string) {
    const plan = (await findPlan(tx, "rate", ref)) as RatePlan | undefined;
    if (!plan) throw planNotFound("rate", ref);
    await plansRepo.lockRatePlan(tx, plan.id);
    return plan;
  }

  /** Appends a version after the plan's last (the caller holds the plan's lock). */
  async function addVersion(tx: Tx, principal: Principal, plan: RatePlan, terms: RateTermsInput) {
    const versions = await versionsOf(tx, plan.id);
    const last = versions[versions.length - 1]!;
    const effectiveFrom = terms.effectiveFrom ? new Date(terms.effectiveFrom) : clock.now();
    if (effectiveFrom.getTime() <= last.effective_from.getTime()) {
      throw validationError(
        "effectiveFrom",
        "VERSION_NOT_AFTER_PREVIOUS",
        `A new version must take effect after version ${last.version} (${last.effective_from.toISOString()}).`,
      );
    }
    const zones = await resolveZones(
      tx,
      terms.zones.map((z) => z.zone),
      "zones",
    );
    await plansRepo.insertRateVersion(tx, {
      id: newId(),
      rate_plan_id: plan.id,
      account_id: plan.account_id,
      version: last.version + 1,
      effective_from: effectiveFrom,
      terms: JSON.stringify(storedTerms(terms, zones)),
      zone_ids: zones.map((z) => z.id),
      created_at: clock.now(),
    });
    await plansRepo.touchRatePlan(tx, plan.id, clock.now());
    await deps.audit.record(tx, {
      accountId: plan.account_id,
      actor: actorOf(principal),
      action: "rate_plan.version_added",
      entityType: "rate_plan",
      entityId: plan.id,
      data: { version: last.version + 1, terms },
    });
  }

  async function billShockWarnings(
    ex: Executor,
    commPlanId: string | null,
    ratePlanId: string | null,
    at: Date,
  ): Promise<Warning[]> {
    if (!commPlanId || !ratePlanId) return [];
    const [comm, rate] = await Promise.all([
      loadCommFacts(ex, commPlanId),
      loadRateFacts(ex, ratePlanId),
    ]);
    return comm && rate ? billShock(comm, rate, at) : [];
  }

  const simPlansCache = createSimPlansCache({
    comm: (id) => loadCommFacts(db, id),
    rate: (id) => loadRateFacts(db, id),
  });

  /**
   * What a SIM's detail shows of its plans at `at`: their names, the rate plan's version in force
   * and the bill-shock warnings. With the catalog revision read beside the SIM (outside a
   * transaction), from this process's memory for that revision; otherwise read on `ex`.
   */
  async function simPlans(
    ex: Executor,
    sim: { communicationPlanId: string | null; ratePlanId: string | null },
    at: Date,
    revision: number | null,
  ) {
    const cache = revision !== null && !ex.isTransaction;
    const [comm, rate] = await Promise.all([
      sim.communicationPlanId === null
        ? null
        : cache
          ? simPlansCache.comm(revision, sim.communicationPlanId)
          : loadCommFacts(ex, sim.communicationPlanId),
      sim.ratePlanId === null
        ? null
        : cache
          ? simPlansCache.rate(revision, sim.ratePlanId)
          : loadRateFacts(ex, sim.ratePlanId),
    ]);
    const version = rate ? versionAt(rate.versions, at) : undefined;
    return {
      names: {
        comm: new Map(comm ? [[comm.id, comm.name]] : []),
        rate: new Map(rate ? [[rate.id, rate.name]] : []),
      },
      version: version ? { version: version.version, terms: version.terms as StoredTerms } : null,
      warnings: comm && rate ? billShock(comm, rate, at) : [],
    };
  }

  return {
    /**
     * Whether every one of these plans exists, each locked against deletion until `tx` ends: what a
     * foreign key's check does for one referencing row, done once for many.
     */
    async keepPlans(tx: Tx, ids: { comm: readonly string[]; rate: readonly string[] }) {
      const comm = [...new Set(ids.comm)];
      const rate = [...new Set(ids.rate)];
      const found = (table: "communication_plans" | "rate_plans", want: string[]) =>
        want.length === 0
          ? Promise.resolve(true)
          : plansRepo.lockPlanKeys(tx, table, want).then((rows) => rows.length === want.length);
      return (await found("communication_plans", comm)) && found("rate_plans", rate);
    },

    findPlan,
    isOffered,
    billShockWarnings,
    simPlans,
    versionAt,

    findPlanFor,

    /** Every zone by name (the operator defines them in tens), for checking names in a spec. */
    async zonesByName(ex: Executor): Promise<Map<string, Zone>> {
      return new Map((await catalogRepo.listZones(ex)).map((z) => [z.name, z]));
    },

    /** The private APNs of communication plans, with their IP pools and the plan using each. */
    async privateApns(ex: Executor) {
      const plans = await plansRepo.listCommunicationPlans(ex, null);
      return plans.flatMap((p) =>
        (p.apns as { name: string; type?: string; ipPool?: string }[])
          .filter((a) => a.type === "private")
          .map((a) => ({ apn: a.name, ipPool: a.ipPool ?? null, planId: p.id, planName: p.name })),
      );
    },

    /**
     * What the bill-shock check needs of a plan named `name`: the zones a communication plan
     * allows, or those the current version of a rate plan prices and its currency.
     */
    async planFacts(ex: Executor, kind: PlanKind, name: string, at: Date) {
      const plan = await findPlan(ex, kind, name);
      if (!plan) return undefined;
      if (kind === "communication") {
        const comm = await loadCommFacts(ex, plan.id);
        return comm ? { ...comm, currency: undefined } : undefined;
      }
      const rate = await loadRateFacts(ex, plan.id);
      if (!rate) return undefined;
      const version = versionAt(rate.versions, at) ?? rate.versions[0];
      const zoneIds = version?.zone_ids ?? [];
      return {
        id: rate.id,
        name: rate.name,
        zoneIds,
        zoneNames: await zoneMap(ex, zoneIds).then(
          (m) => new Map([...m].map(([id, z]) => [id, z.name])),
        ),
        currency: (plan as RatePlan).currency,
      };
    },

    /**
     * Resolves a plan reference that `principal` gave in a request (id or name) to its id, or a
     * validation error on `field`. A plan a customer may not see answers exactly as an unknown one.
     */
    async resolvePlanRef(
      ex: Executor,
      principal: Pick<Principal, "role" | "accountPath">,
      kind: PlanKind,
      ref: string,
      field: string,
    ): Promise<{ id: string; name: string }> {
      const plan = await findPlanFor(ex, principal, kind, ref);
      if (!plan) throw unknownPlan(kind, ref, field);
      return { id: plan.id, name: plan.name };
    },

    /** Names of plans by id, for presenting SIMs. */
    async planNames(ex: Executor, ids: { comm: string[]; rate: string[] }) {
      const [comm, rate] = await Promise.all([
        ids.comm.length ? plansRepo.communicationPlanNames(ex, ids.comm) : [],
        ids.rate.length ? plansRepo.ratePlanNames(ex, ids.rate) : [],
      ]);
      return {
        comm: new Map(comm.map((p) => [p.id, p.name])),
        rate: new Map(rate.map((p) => [p.id, p.name])),
      };
    },

    /** A communication plan with its zones' countries and networks, for diagnosis. */
    async communicationPlanDetail(ex: Executor, id: string) {
      const p = await plansRepo.findCommunicationPlan(ex, { id });
      if (!p) return null;
      const zones = await zoneMap(ex, p.zone_ids);
      return {
        id: p.id,
        name: p.name,
        dataEnabled: p.data_enabled,
        smsEnabled: p.sms_enabled,
        rats: p.rats,
        apns: (p.apns as { name: string }[]).map((a) => a.name),
        zones: p.zone_ids
          .map((zid) => zones.get(zid))
          .filter((z): z is Zone => !!z)
          .map((z) => ({ id: z.id, name: z.name, countries: z.countries, plmns: z.plmns })),
      };
    },

    /** The rate plan version in force at `at` (terms as stored), for limits and rating. */
    async rateVersionAt(ex: Executor, ratePlanId: string, at: Date) {
      const versions = await versionsOf(ex, ratePlanId);
      const v = versionAt(versions, at);
      return v ? { version: v.version, terms: v.terms as StoredTerms } : null;
    },

    // Zones ------------------------------------------------------------------------------------
    async createZone(principal: Principal, input: ZoneInput) {
      requirePermission(principal, "catalog:write");
      return inTransaction(db, async (tx) => {
        if (await zoneByRef(tx, input.name))
          throw conflict("ZONE_NAME_TAKEN", `A zone named "${input.name}" already exists.`);
        const root = await deps.accounts.rootAccount(tx);
        const now = clock.now();
        const id = newId();
        await catalogRepo.insertZone(tx, {
          id,
          account_id: root.id,
          name: input.name,
          description: input.description ?? null,
          countries: [...new Set(input.countries)],
          plmns: [...new Set(input.plmns ?? [])],
          created_at: now,
          updated_at: now,
        });
        await deps.audit.record(tx, {
          accountId: root.id,
          actor: actorOf(principal),
          action: "zone.created",
          entityType: "zone",
          entityId: id,
          data: input,
        });
        return presentZone((await zoneByRef(tx, id))!);
      });
    },
    async updateZone(principal: Principal, ref: string, patch: ZonePatch) {
      requirePermission(principal, "catalog:write");
      return inTransaction(db, async (tx) => {
        const zone = await zoneByRef(tx, ref);
        if (!zone) throw zoneNotFound(ref);
        if (patch.name && patch.name !== zone.name && (await zoneByRef(tx, patch.name)))
          throw conflict("ZONE_NAME_TAKEN", `A zone named "${patch.name}" already exists.`);
        await catalogRepo.updateZone(tx, zone.id, {
          ...(patch.name && { name: patch.name }),
          ...(patch.description !== undefined && { description: patch.description }),
          ...(patch.countries && { countries: [...new Set(patch.countries)] }),
          ...(patch.plmns && { plmns: [...new Set(patch.plmns)] }),
          updated_at: clock.now(),
        });
        await deps.audit.record(tx, {
          accountId: zone.account_id,
          actor: actorOf(principal),
          action: "zone.updated",
          entityType: "zone",
          entityId: zone.id,
          data: { before: presentZone(zone), patch },
        });
        return presentZone((await zoneByRef(tx, zone.id))!);
      });
    },
    async getZone(principal: Principal, ref: string) {
      requirePermission(principal, "catalog:read");
      const zone = await zoneByRef(db, ref);
      if (!zone) throw zoneNotFound(ref);
      return presentZone(zone);
    },
    async listZones(principal: Principal) {
      requirePermission(principal, "catalog:read");
      return (await catalogRepo.listZones(db)).map(presentZone);
    },
    async deleteZone(principal: Principal, ref: string) {
      requirePermission(principal, "catalog:write");
      await inTransaction(db, async (tx) => {
        const zone = await zoneByRef(tx, ref);
        if (!zone) throw zoneNotFound(ref);
        const usedByComm = await plansRepo.communicationPlanUsingZone(tx, zone.id);
        const usedByRate = await plansRepo.ratePlanUsingZone(tx, zone.id);
        const user = usedByComm?.name ?? usedByRate?.name;
        if (user) throw conflict("ZONE_IN_USE", `Zone "${zone.name}" is used by plan "${user}".`);
        await catalogRepo.deleteZone(tx, zone.id);
        await deps.audit.record(tx, {
          accountId: zone.account_id,
          actor: actorOf(principal),
          action: "zone.deleted",
          entityType: "zone",
          entityId: zone.id,
          data: presentZone(zone),
        });
      });
    },

    // Communication plans ----------------------------------------------------------------------
    async createCommunicationPlan(principal: Principal, input: CommunicationPlanInput) {
      requirePermission(principal, "catalog:write");
      return inTransaction(db, async (tx) => {
        if (await findPlan(tx, "communication", input.name))
          throw conflict(
            "PLAN_NAME_TAKEN",
            `A communication plan named "${input.name}" already exists.`,
          );
        const zones = await resolveZones(tx, input.zones, "zones");
        const root = await deps.accounts.rootAccount(tx);
        const now = clock.now();
        const id = newId();
        await plansRepo.insertCommunicationPlan(tx, {
          id,
          account_id: root.id,
          name: input.name,
          description: input.description ?? null,
          apns: JSON.stringify(input.apns),
          data_enabled: input.dataEnabled,
          sms_enabled: input.smsEnabled,
          voice_enabled: input.voiceEnabled,
          rats: [...new Set(input.rats)],
          zone_ids: zones.map((z) => z.id),
          created_at: now,
          updated_at: now,
        });
        await deps.audit.record(tx, {
          accountId: root.id,
          actor: actorOf(principal),
          action: "communication_plan.created",
          entityType: "communication_plan",
          entityId: id,
          data: input,
        });
        return presentCommPlan(tx, (await findPlan(tx, "communication", id)) as CommunicationPlan);
      });
    },
    async updateCommunicationPlan(
      principal: Principal,
      ref: string,
      patch: CommunicationPlanPatch,
    ) {
      requirePermission(principal, "catalog:write");
      return inTransaction(db, async (tx) => {
        const plan = (await findPlan(tx, "communication", ref)) as CommunicationPlan | undefined;
        if (!plan) throw planNotFound("communication", ref);
        if (
          patch.name &&
          patch.name !== plan.name &&
          (await findPlan(tx, "communication", patch.name))
        )
          throw conflict(
            "PLAN_NAME_TAKEN",
            `A communication plan named "${patch.name}" already exists.`,
          );
        const zones = patch.zones ? await resolveZones(tx, patch.zones, "zones") : null;
        await plansRepo.updateCommunicationPlan(tx, plan.id, {
          ...(patch.name && { name: patch.name }),
          ...(patch.description !== undefined && { description: patch.description }),
          ...(patch.apns && { apns: JSON.stringify(patch.apns) }),
          ...(patch.dataEnabled !== undefined && { data_enabled: patch.dataEnabled }),
          ...(patch.smsEnabled !== undefined && { sms_enabled: patch.smsEnabled }),
          ...(patch.voiceEnabled !== undefined && { voice_enabled: patch.voiceEnabled }),
          ...(patch.rats && { rats: [...new Set(patch.rats)] }),
          ...(zones && { zone_ids: zones.map((z) => z.id) }),
          updated_at: clock.now(),
        });
        await deps.audit.record(tx, {
          accountId: plan.account_id,
          actor: actorOf(principal),
          action: "communication_plan.updated",
          entityType: "communication_plan",
          entityId: plan.id,
          data: { patch },
        });
        return presentCommPlan(
          tx,
          (await findPlan(tx, "communication", plan.id)) as CommunicationPlan,
        );
      });
    },
    /**
     * The communication plan's terms, written only where they differ from its own: a run resumed
     * after a crash between the change and its caller's checkpoint records no second change.
     */
    async ensureCommunicationPlanTerms(
      principal: Principal,
      ref: string,
      patch: CommunicationPlanPatch,
    ) {
      requirePermission(principal, "catalog:write");
      const plan = (await findPlan(db, "communication", ref)) as CommunicationPlan | undefined;
      if (!plan) throw planNotFound("communication", ref);
      const zones = patch.zones ? await resolveZones(db, patch.zones, "zones") : null;
      const differs = [
        patch.name !== undefined && patch.name !== plan.name,
        patch.description !== undefined && patch.description !== plan.description,
        patch.apns !== undefined && !sameJson(plan.apns, patch.apns),
        patch.dataEnabled !== undefined && patch.dataEnabled !== plan.data_enabled,
        patch.smsEnabled !== undefined && patch.smsEnabled !== plan.sms_enabled,
        patch.voiceEnabled !== undefined && patch.voiceEnabled !== plan.voice_enabled,
        patch.rats !== undefined && !sameJson(plan.rats, [...new Set(patch.rats)]),
        zones !== null &&
          !sameJson(
            plan.zone_ids,
            zones.map((z) => z.id),
          ),
      ].some(Boolean);
      if (!differs) return { changed: false };
      await this.updateCommunicationPlan(principal, plan.id, patch);
      return { changed: true };
    },
    async getCommunicationPlan(principal: Principal, ref: string) {
      requirePermission(principal, "catalog:read");
      return presentCommPlan(
        db,
        (await requireVisiblePlan(principal, "communication", ref)) as CommunicationPlan,
      );
    },
    async listCommunicationPlans(principal: Principal, query: { accountId?: string } = {}) {
      requirePermission(principal, "catalog:read");
      const ids = await listedPlanIds(principal, "communication", query.accountId);
      if (ids && ids.length === 0) return [];
      const plans = await plansRepo.listCommunicationPlans(db, ids);
      return Promise.all(plans.map((p) => presentCommPlan(db, p)));
    },

    // Rate plans -------------------------------------------------------------------------------
    async createRatePlan(principal: Principal, input: RatePlanInput) {
      requirePermission(principal, "catalog:write");
      return inTransaction(db, async (tx) => {
        if (await findPlan(tx, "rate", input.name))
          throw conflict("PLAN_NAME_TAKEN", `A rate plan named "${input.name}" already exists.`);
        const zones = await resolveZones(
          tx,
          input.zones.map((z) => z.zone),
          "zones",
        );
        const root = await deps.accounts.rootAccount(tx);
        const now = clock.now();
        const id = newId();
        await plansRepo.insertRatePlan(tx, {
          id,
          account_id: root.id,
          name: input.name,
          currency: input.currency,
          description: input.description ?? null,
          created_at: now,
          updated_at: now,
        });
        await plansRepo.insertRateVersion(tx, {
          id: newId(),
          rate_plan_id: id,
          account_id: root.id,
          version: 1,
          effective_from: input.effectiveFrom ? new Date(input.effectiveFrom) : now,
          terms: JSON.stringify(storedTerms(input, zones)),
          zone_ids: zones.map((z) => z.id),
          created_at: now,
        });
        await deps.audit.record(tx, {
          accountId: root.id,
          actor: actorOf(principal),
          action: "rate_plan.created",
          entityType: "rate_plan",
          entityId: id,
          data: input,
        });
        return presentRatePlan(tx, (await findPlan(tx, "rate", id)) as RatePlan);
      });
    },
    /** A new version with its own effective date; earlier versions stay for rating past usage. */
    async addRatePlanVersion(principal: Principal, ref: string, terms: RateTermsInput) {
      requirePermission(principal, "catalog:write");
      return inTransaction(db, async (tx) => {
        const plan = await lockedRatePlan(tx, ref);
        await addVersion(tx, principal, plan, terms);
        return presentRatePlan(tx, plan);
      });
    },
    /**
     * The rate plan's terms from now: a new version unless its latest version has these terms
     * already. Compared under the plan's lock, so a run resumed after a crash that came between
     * the version and its caller's checkpoint adds nothing the second time.
     */
    async ensureRatePlanTerms(principal: Principal, ref: string, terms: RateTermsInput) {
      requirePermission(principal, "catalog:write");
      return inTransaction(db, async (tx) => {
        const plan = await lockedRatePlan(tx, ref);
        const versions = await versionsOf(tx, plan.id);
        const zones = await resolveZones(
          tx,
          terms.zones.map((z) => z.zone),
          "zones",
        );
        if (sameJson(versions.at(-1)!.terms, storedTerms(terms, zones))) return { added: false };
        await addVersion(tx, principal, plan, terms);
        return { added: true };
      });
    },
    async getRatePlan(principal: Principal, ref: string) {
      requirePermission(principal, "catalog:read");
      return presentRatePlan(db, (await requireVisiblePlan(principal, "rate", ref)) as RatePlan);
    },
    async listRatePlans(principal: Principal, query: { accountId?: string } = {}) {
      requirePermission(principal, "catalog:read");
      const ids = await listedPlanIds(principal, "rate", query.accountId);
      if (ids && ids.length === 0) return [];
      const plans = await plansRepo.listRatePlans(db, ids);
      return Promise.all(plans.map((p) => presentRatePlan(db, p)));
    },

    // Offers -----------------------------------------------------------------------------------
    async offer(principal: Principal, kind: PlanKind, ref: string, accountId: string) {
      requirePermission(principal, "catalog:offer");
      return inTransaction(db, async (tx) => {
        const plan = await findPlan(tx, kind, ref);
        if (!plan) throw planNotFound(kind, ref);
        const account = await deps.accounts.requireVisible(principal, accountId, tx);
        await catalogRepo.insertOffer(tx, {
          plan_kind: kind,
          plan_id: plan.id,
          account_id: account.id,
          created_at: clock.now(),
        });
        await deps.audit.record(tx, {
          accountId: account.id,
          actor: actorOf(principal),
          action: "plan.offered",
          entityType: `${kind}_plan`,
          entityId: plan.id,
          data: { accountId },
        });
        return this.listOffers(principal, kind, plan.id, tx);
      });
    },
    async withdrawOffer(principal: Principal, kind: PlanKind, ref: string, accountId: string) {
      requirePermission(principal, "catalog:offer");
      await inTransaction(db, async (tx) => {
        const plan = await findPlan(tx, kind, ref);
        if (!plan) throw planNotFound(kind, ref);
        const res = await catalogRepo.deleteOffer(tx, plan.id, accountId);
        if (Number(res.numDeletedRows) === 0)
          throw notFound(
            "OFFER_NOT_FOUND",
            `Plan ${plan.name} is not offered to account ${accountId}.`,
          );
        await deps.audit.record(tx, {
          accountId,
          actor: actorOf(principal),
          action: "plan.offer_withdrawn",
          entityType: `${kind}_plan`,
          entityId: plan.id,
          data: { accountId },
        });
      });
    },
    async listOffers(principal: Principal, kind: PlanKind, ref: string, ex: Executor = db) {
      requirePermission(principal, "catalog:offer");
      const plan = await findPlan(ex, kind, ref);
      if (!plan) throw planNotFound(kind, ref);
      const offers = await catalogRepo.offersOf(ex, plan.id);
      const offeredAt = new Map(offers.map((o) => [o.account_id, o.created_at]));
      // The accounts module orders them by name, as the database collates names.
      const accounts = await deps.accounts.directory.accountsByName(ex, [...offeredAt.keys()]);
      return {
        plan: { id: plan.id, name: plan.name },
        accounts: accounts.map((a) => ({
          id: a.id,
          name: a.name,
          offeredAt: offeredAt.get(a.id)!.toISOString(),
        })),
      };
    },

    /**
     * Bill-shock check: each communication plan named (or, when none is, every one the principal
     * can see) against each rate plan named (or every one it can see), at the versions in force now.
     */
    async check(principal: Principal, query: { communicationPlan?: string; ratePlan?: string }) {
      requirePermission(principal, "catalog:read");
      const named = {
        comm: query.communicationPlan
          ? await requireVisiblePlan(principal, "communication", query.communicationPlan)
          : null,
        rate: query.ratePlan ? await requireVisiblePlan(principal, "rate", query.ratePlan) : null,
      };
      const visible = async (kind: PlanKind) => {
        const ids = await visiblePlanIds(principal, kind);
        if (ids && ids.length === 0) return [];
        return kind === "communication"
          ? plansRepo.listCommunicationPlans(db, ids)
          : plansRepo.listRatePlans(db, ids);
      };
      const commPlans = named.comm ? [named.comm] : await visible("communication");
      const ratePlans = named.rate ? [named.rate] : await visible("rate");
      const comms = await Promise.all(commPlans.map((p) => loadCommFacts(db, p.id)));
      const rates = await Promise.all(ratePlans.map((p) => loadRateFacts(db, p.id)));
      const at = clock.now();
      const pairs = [];
      const warnings = [];
      for (const comm of comms) {
        for (const rate of rates) {
          if (!comm || !rate) continue;
          const plans = {
            communicationPlan: { id: comm.id, name: comm.name },
            ratePlan: { id: rate.id, name: rate.name },
          };
          const found = billShock(comm, rate, at);
          pairs.push({ ...plans, warnings: found.length });
          warnings.push(
            ...found.map((w) => ({
              ...w,
              text: catalogText.text(
                { code: w.code, params: w.params as Record<string, ParamValue> },
                localeOf(principal),
              ),
              ...plans,
            })),
          );
        }
      }
      const refOf = (p: { id: string; name: string } | null) => p && { id: p.id, name: p.name };
      return {
        communicationPlan: refOf(named.comm),
        ratePlan: refOf(named.rate),
        pairs,
        warnings,
      };
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
