import type { Db } from "../../db/database.js";
import type { Account } from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import { OtterError } from "../../lib/errors.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import type { Principal } from "../auth/principal.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import type { SimBulk } from "../sims/bulk/sim-bulk.js";
import type { SimState } from "../sims/sim-lifecycle.js";
import { type ModifiedKey, simModifiedRepo } from "../sims/sim-modified.shared.repo.js";
import { CUSTOM_FIELDS, type SimPatch } from "../sims/sims.schemas.js";
import type { SimsService } from "../sims/sims.service.js";
import type { NetworkViewService } from "../network/network-view.service.js";
import {
  formatCcDate,
  formatCycleDate,
  MAX_PAGE_SIZE,
  numericCandidate,
  type Paging,
  parseCcStatus,
  parseNumericId,
  parseOverride,
} from "./cc-wire.js";
import { ccErrors } from "./controlcenter.errors.js";
import { controlcenterRepo as repo, type NumericKind } from "./controlcenter.repo.js";
import {
  type DeviceDetails,
  presentDevice,
  presentUser,
  type SimDetail,
} from "./controlcenter.presenter.js";
import type { DeviceEdit, DeviceSearch } from "./controlcenter.schemas.js";

interface Deps {
  db: Db;
  clock: Clock;
  accounts: Pick<
    AccountsService,
    "authenticate" | "directory" | "requireVisible" | "list" | "listUsers" | "getUser"
  >;
  sims: Pick<
    SimsService,
    "get" | "update" | "resolveFilter" | "audit" | "requireVisibleSim" | "identify"
  >;
  catalog: Pick<CatalogService, "planNames" | "listRatePlans">;
  network: Pick<NetworkViewService, "sessions" | "usage" | "locations">;
  simBulk: Pick<SimBulk, "start">;
}

/** How many page boundaries of device searches a node remembers (about 100 bytes each). */
const PAGE_KEYS_KEPT = 50_000;
/** How long an `Idempotency-Key` of a device edit is remembered. */
const IDEMPOTENCY_WINDOW_MS = 24 * 3600_000;

const depth = (path: string) => path.split("/").filter(Boolean).length;

/**
 * Control Center's REST API over Otter's modules (docs/control-center.md): every answer comes from
 * the same services, permissions and subtree as /api/v1; this module only translates names,
 * numbers, dates and errors, and keeps the numbers Control Center clients know accounts and SMS by.
 */
export function createControlCenterService(deps: Deps) {
  const { db, clock } = deps;
  /** Account numbers never change once given: remembered both ways. */
  const numberOfAccount = new Map<string, number>();
  const accountOfNumber = new Map<number, string>();
  /** Where page N of a search starts, learnt when page N-1 was served (keyset paging for exports). */
  const pageStarts = new Map<string, ModifiedKey>();

  /** The numbers of these Otter ids, giving one to each id that has none yet. */
  async function numbersFor(
    kind: NumericKind,
    items: readonly { otterId: string; accountId: string }[],
  ): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (items.length === 0) return out;
    const ids = [...new Set(items.map((i) => i.otterId))];
    for (const r of await repo.numbersOf(db, kind, ids)) out.set(r.otter_id, Number(r.cc_id));
    let missing = items.filter((i) => !out.has(i.otterId));
    for (let attempt = 0; missing.length > 0 && attempt < 64; attempt++) {
      await repo.offerNumbers(
        db,
        missing.map((m) => ({
          kind,
          cc_id: numericCandidate(m.otterId) + attempt,
          otter_id: m.otterId,
          account_id: m.accountId,
        })),
        clock.now(),
      );
      for (const r of await repo.numbersOf(
        db,
        kind,
        missing.map((m) => m.otterId),
      ))
        out.set(r.otter_id, Number(r.cc_id));
      missing = missing.filter((i) => !out.has(i.otterId));
    }
    if (missing.length > 0) throw ccErrors.internal();
    return out;
  }

  async function accountNumbers(ids: readonly string[]): Promise<Map<string, number>> {
    const unknown = ids.filter((id) => !numberOfAccount.has(id));
    if (unknown.length > 0) {
      const got = await numbersFor(
        "account",
        unknown.map((id) => ({ otterId: id, accountId: id })),
      );
      for (const [id, n] of got) {
        numberOfAccount.set(id, n);
        accountOfNumber.set(n, id);
      }
    }
    return new Map(ids.map((id) => [id, numberOfAccount.get(id)!]));
  }

  /** The Otter account a client's accountId names, if the principal may see it (else 20000003). */
  async function visibleAccount(principal: Principal, raw: string): Promise<Account> {
    const n = parseNumericId(raw);
    if (n === null) throw ccErrors.accountIdInvalid(raw);
    let id = accountOfNumber.get(n);
    if (!id) {
      const row = await repo.otterIdOf(db, "account", n);
      if (!row) throw ccErrors.accountNotFound(raw);
      id = row.otter_id;
      numberOfAccount.set(id, n);
      accountOfNumber.set(n, id);
    }
    try {
      return await deps.accounts.requireVisible(principal, id);
    } catch (err) {
      if (err instanceof OtterError && err.kind === "not_found") throw ccErrors.accountNotFound(raw);
      throw err;
    }
  }

  function rememberPageStart(key: string, start: ModifiedKey) {
    if (pageStarts.size >= PAGE_KEYS_KEPT) {
      // Oldest first: a Map iterates in insertion order.
      const oldest = pageStarts.keys().next().value;
      if (oldest !== undefined) pageStarts.delete(oldest);
    }
    pageStarts.set(key, start);
  }

  async function getDetail(principal: Principal, iccid: string): Promise<SimDetail> {
    return (await deps.sims.get(principal, iccid)) as SimDetail;
  }

  async function presentDetail(sim: SimDetail): Promise<DeviceDetails> {
    const [holder] = await deps.accounts.directory.accountsByIds(db, [sim.accountId]);
    const numbers = await accountNumbers([sim.accountId]);
    return presentDevice(sim, {
      accountNumber: numbers.get(sim.accountId)!,
      accountName: holder?.name ?? null,
      customer: holder && depth(holder.path) > 2 ? holder.name : null,
    });
  }

  return {
    /**
     * The principal of HTTP Basic credentials: the user's e-mail (any case) and one of that user's
     * live API keys. Null when they do not belong together.
     */
    async authenticate(username: string, apiKey: string): Promise<Principal | null> {
      const principal = await deps.accounts.authenticate(apiKey);
      if (!principal) return null;
      const [user] = await deps.accounts.directory.usersByIds(db, [principal.userId]);
      if (!user || user.email.trim().toLowerCase() !== username.trim().toLowerCase()) return null;
      return principal;
    },

    async device(principal: Principal, iccid: string): Promise<DeviceDetails> {
      return presentDetail(await getDetail(principal, iccid));
    },

    /**
     * Search Devices: the SIMs modified in the window, oldest modification first, a page at a
     * time. Page N starts where page N-1 ended when this node served it (an export walking the
     * pages reads the index from there on); a page asked for out of order skips rows instead.
     */
    async searchDevices(principal: Principal, q: DeviceSearch, paging: Paging) {
      if (q.modifiedSince.getTime() > clock.now().getTime() + 60_000)
        throw ccErrors.modifiedSinceInFuture();
      let accountUuid: string | undefined;
      if (q.accountId) accountUuid = (await visibleAccount(principal, q.accountId)).id;
      let ids: string[] | undefined;
      if (q.imei) {
        ids = (await deps.sims.identify(principal, q.imei))
          .filter((s) => s.imei === q.imei)
          .map((s) => s.id);
        if (ids.length === 0) return { devices: [], pageNumber: paging.pageNumber, lastPage: true };
      }
      const resolved = await deps.sims.resolveFilter(principal, {
        accountId: accountUuid,
        state: q.status,
        iccid: q.iccid,
        imsi: q.imsi,
        msisdn: q.msisdn,
        modifiedSince: q.modifiedSince.toISOString(),
      });
      if (!resolved) return { devices: [], pageNumber: paging.pageNumber, lastPage: true };
      const filter = {
        ...resolved.filter,
        ...(ids && { ids }),
        ...(q.customFields.length > 0 && { customFields: q.customFields }),
        modifiedTill: q.modifiedTill,
      };
      const searchKey = JSON.stringify([resolved.scope, filter, paging.pageSize]);
      const after = pageStarts.get(`${searchKey}|${paging.pageNumber}`);
      const rows = await simModifiedRepo.page(db, resolved.scope, filter, {
        after,
        offset: after ? undefined : (paging.pageNumber - 1) * paging.pageSize,
        limit: paging.pageSize + 1,
      });
      const page = rows.slice(0, paging.pageSize);
      const lastPage = rows.length <= paging.pageSize;
      const last = page[page.length - 1];
      if (!lastPage && last)
        rememberPageStart(`${searchKey}|${paging.pageNumber + 1}`, {
          updatedAt: last.updated_key,
          id: last.id,
        });
      const names = await deps.catalog.planNames(db, {
        comm: [...new Set(page.flatMap((r) => r.communication_plan_id ?? []))],
        rate: [...new Set(page.flatMap((r) => r.rate_plan_id ?? []))],
      });
      return {
        devices: page.map((r) => ({
          iccid: r.iccid,
          status: r.state,
          ratePlan: r.rate_plan_id ? (names.rate.get(r.rate_plan_id) ?? null) : null,
          communicationPlan: r.communication_plan_id
            ? (names.comm.get(r.communication_plan_id) ?? null)
            : null,
        })),
        pageNumber: paging.pageNumber,
        lastPage,
      };
    },

    /**
     * Edit Device Details through the SIMs service (a future `effectiveDate` becomes a scheduled
     * change). Values equal to the device's current ones change nothing, so a PUT built from an
     * exported row is idempotent; an `Idempotency-Key` makes a retried request answer as the first.
     */
    async editDevice(
      principal: Principal,
      iccid: string,
      edit: DeviceEdit,
      idempotencyKey?: string,
    ): Promise<{ status: 200 | 202; iccid: string }> {
      const current = await getDetail(principal, iccid);
      if (idempotencyKey) {
        const seen = await repo.findIdempotent(
          db,
          principal.accountId,
          idempotencyKey,
          new Date(clock.now().getTime() - IDEMPOTENCY_WINDOW_MS),
        );
        if (seen && seen.iccid === current.iccid)
          return { status: seen.status === 202 ? 202 : 200, iccid: current.iccid };
      }
      const patch: SimPatch = {};
      const view = await presentDetail(current);
      for (const [field, raw] of Object.entries(edit.unsupported)) {
        const now = (view as Record<string, unknown>)[field] ?? null;
        if (raw !== null && raw !== "" && raw !== now)
          throw ccErrors.unrecognizedParameter(field, "Otter does not store it");
      }
      if (edit.status !== undefined) {
        const state = parseCcStatus(edit.status);
        if (!state) throw ccErrors.invalidStatus(edit.status);
        if (state !== current.state) patch.state = state;
      }
      if (edit.ratePlan !== undefined && edit.ratePlan !== (current.ratePlan?.name ?? ""))
        patch.ratePlan = edit.ratePlan;
      if (
        edit.communicationPlan !== undefined &&
        edit.communicationPlan !== (current.communicationPlan?.name ?? "")
      )
        patch.communicationPlan = edit.communicationPlan;
      if (edit.overageLimitOverride !== undefined) {
        const o = parseOverride(edit.overageLimitOverride);
        if (!o) throw ccErrors.invalidOverride(edit.overageLimitOverride);
        if (o !== current.overageLimitOverride) patch.overageLimitOverride = o;
      }
      if (edit.customer !== undefined && edit.customer !== (view.customer ?? "")) {
        patch.accountId = await customerAccount(principal, current, edit.customer);
      }
      const custom: Record<string, string | null> = {};
      for (const [field, value] of Object.entries(edit.customFields)) {
        const now = current.customFields[field] ?? null;
        const next = value === "" ? null : value;
        if (next !== now) custom[field] = next;
      }
      if (Object.keys(custom).length > 0) patch.customFields = custom;
      if (edit.simNotes !== undefined) {
        const next = edit.simNotes === "" ? null : edit.simNotes;
        if (next !== current.notes) patch.notes = next;
      }
      let status: 200 | 202 = 200;
      if (Object.keys(patch).length > 0) {
        if (edit.effectiveDate) {
          patch.effectiveDate = edit.effectiveDate.toISOString();
          if (edit.effectiveDate.getTime() > clock.now().getTime() + 1000) status = 202;
        }
        try {
          await deps.sims.update(principal, current.iccid, patch);
        } catch (err) {
          throw translateEdit(err, edit, current.state);
        }
      }
      if (idempotencyKey)
        await repo.rememberIdempotent(
          db,
          { account_id: principal.accountId, key: idempotencyKey, iccid: current.iccid, status },
          clock.now(),
          new Date(clock.now().getTime() - IDEMPOTENCY_WINDOW_MS),
        );
      return { status, iccid: current.iccid };
    },
    // Further endpoints are added below.
    accountNumbers,
    visibleAccount,
    numbersFor,
    getDetail,
    presentUser,
    formatCcDate,
    formatCycleDate,
    MAX_PAGE_SIZE,
  };

  /**
   * The account a `customer` name moves the SIM to: a sub-account of that name directly below the
   * SIM's customer (Control Center's customers live inside an account), visible to the principal.
   */
  async function customerAccount(
    principal: Principal,
    sim: SimDetail,
    name: string,
  ): Promise<string> {
    const [holder] = await deps.accounts.directory.accountsByIds(db, [sim.accountId]);
    if (!holder) throw ccErrors.invalidCustomer(name);
    const segments = holder.path.split("/").filter(Boolean);
    const customerId = segments[1] ?? segments[0]!;
    if (name === "") return customerId;
    const [child] = await deps.accounts.directory.childrenNamed(db, customerId, name);
    if (!child) throw ccErrors.invalidCustomer(name);
    try {
      await deps.accounts.requireVisible(principal, child.id);
    } catch {
      throw ccErrors.invalidCustomer(name);
    }
    return child.id;
  }
}

/** An Otter error of a device edit, as Control Center names it. */
function translateEdit(err: unknown, edit: DeviceEdit, from: SimState): unknown {
  if (!(err instanceof OtterError)) return err;
  const field = Array.isArray(err.details)
    ? (err.details[0] as { field?: string } | undefined)?.field
    : undefined;
  switch (err.code) {
    case "SIM_TRANSITION_NOT_ALLOWED":
    case "SIM_TRANSITION_OPERATOR_ONLY": {
      const to = parseCcStatus(edit.status ?? "") ?? edit.status ?? "";
      return ["TEST_READY", "INVENTORY", "ACTIVATION_READY"].includes(to)
        ? ccErrors.preActivationStatus(from, to)
        : ccErrors.invalidStatus(`${to} (not allowed from ${from}: ${err.message})`);
    }
    case "PLAN_NOT_OFFERED":
      return field === "communicationPlan"
        ? ccErrors.invalidCommunicationPlan(edit.communicationPlan ?? "")
        : ccErrors.invalidRatePlan(edit.ratePlan ?? "");
    case "EFFECTIVE_DATE_TOO_FAR":
      return ccErrors.invalidDate("effectiveDate", "more than 180 days ahead");
    case "FORBIDDEN":
      return err.message.includes("operatorCustom")
        ? ccErrors.noOperatorFieldPermission(
            Object.keys(edit.customFields).filter((k) => k.startsWith("operatorCustom")),
          )
        : ccErrors.forbidden(err.message);
    default:
      if (field === "ratePlan") return ccErrors.invalidRatePlan(edit.ratePlan ?? "");
      if (field === "communicationPlan")
        return ccErrors.invalidCommunicationPlan(edit.communicationPlan ?? "");
      if (field === "accountId") return ccErrors.invalidCustomer(edit.customer ?? "");
      return err;
  }
}

export { CUSTOM_FIELDS };
export type ControlCenterService = ReturnType<typeof createControlCenterService>;
