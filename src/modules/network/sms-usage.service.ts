import { type Db, inTransaction, type Tx } from "../../db/database.js";
import type { Zone } from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import { type Imsi, parseImsi, storedForm } from "../../lib/identifiers.js";
import { newId } from "../../lib/ids.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import { zoneLookupRepo } from "../catalog/zone-lookup.shared.repo.js";
import { simLookupRepo } from "../sims/sim-lookup.shared.repo.js";
import { networkRepo } from "./network.repo.js";
import { rateZoneFor } from "./rate-zone.js";
import { type SmsUsageInput, smsUsageRepo } from "./sms-usage.repo.js";

/**
 * SMS usage (docs/network.md, "SMS usage"): every SMS a SIM sends (MO) or receives (MT) counted once
 * into `usage_daily.sms_mo/sms_mt`, for the SIM's day (UTC) and the zone of its rate plan that
 * covers the network it was in. Two sources: the MT segments Otter itself submits over SMPP (counted
 * when the SMS centre accepts them), and the records the SMS centre delivers to the intake. An MT
 * record of the SMS centre that carries the message id Otter got for a segment it already counted is
 * kept, uncounted: the same SMS is never counted twice.
 */

/** One record of the SMS centre, as the intake validated it. */
export interface SmsRecordInput {
  id: string;
  direction: "MO" | "MT";
  imsi: string;
  at: Date;
  /** Where the SIM was (MCC+MNC digits); when absent, the network the SIM was last seen in. */
  servingPlmn?: string;
  messageId?: string;
}

export type SmsRecordStatus = "counted" | "already_counted" | "duplicate" | "unknown_sim";

interface Deps {
  db: Db;
  clock: Clock;
  catalog: Pick<CatalogService, "rateVersionAt">;
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const plmnParts = (plmn: string) => ({ mcc: plmn.slice(0, 3), mnc: plmn.slice(3) });

export function createSmsUsageService(deps: Deps) {
  const { db, clock } = deps;

  /** The rate zone each SMS falls in, looked up once per plan, day and network within a batch. */
  function zoneResolver(tx: Tx) {
    let zones: Promise<Zone[]> | null = null;
    const cache = new Map<string, Promise<Zone | null>>();
    return (ratePlanId: string | null, serving: { mcc: string; mnc: string } | null, at: Date) => {
      if (!ratePlanId || !serving) return Promise.resolve(null);
      const key = `${ratePlanId}|${dayOf(at)}|${serving.mcc}${serving.mnc}`;
      let z = cache.get(key);
      if (!z) {
        z = deps.catalog.rateVersionAt(tx, ratePlanId, at).then(async (v) =>
          v
            ? rateZoneFor(
                v.terms.zones.map((x) => x.zoneId),
                await (zones ??= zoneLookupRepo.all(tx)),
                serving,
              )
            : null,
        );
        cache.set(key, z);
      }
      return z;
    };
  }

  return {
    /**
     * Counts the MT segments of an SMS Otter submitted, once each (record `<sms id>:<segment>`), on
     * the transaction that marks it submitted. A second call for the same SMS counts nothing.
     */
    async countSubmitted(
      tx: Tx,
      sms: { id: string; simId: string; messageIds: readonly string[]; at: Date },
    ): Promise<number> {
      if (sms.messageIds.length === 0) return 0;
      const [sim] = await simLookupRepo.byIds(tx, [sms.simId]);
      if (!sim) return 0;
      const [seen] = await smsUsageRepo.lastNetworks(tx, [sim.id]);
      const serving = seen?.mcc && seen.mnc ? { mcc: seen.mcc, mnc: seen.mnc } : null;
      const zone = await zoneResolver(tx)(sim.rate_plan_id, serving, sms.at);
      const stored = await smsUsageRepo.recordMany(
        tx,
        clock.now(),
        sms.messageIds.map((messageId, i) => ({
          id: newId(),
          source: "otter",
          record_id: `${sms.id}:${i}`,
          account_id: sim.account_id,
          sim_id: sim.id,
          direction: "MT",
          message_id: messageId,
          at: sms.at,
          day: dayOf(sms.at),
          zone_key: zone?.id ?? "unzoned",
          zone_id: zone?.id ?? null,
        })),
      );
      return stored.filter((s) => s.counted).length;
    },

    /**
     * The SMS centre's MO/MT records, validated whole at the edge, in one transaction: each record id
     * is stored once; records of IMSIs no SIM has are noted as unknown IMSIs and not counted.
     */
    async recordCentreRecords(
      records: SmsRecordInput[],
    ): Promise<{ id: string; status: SmsRecordStatus; iccid: string | null }[]> {
      return inTransaction(db, async (tx) => {
        const imsis = [
          ...new Set(
            records
              .map((r) => storedForm(parseImsi, r.imsi))
              .filter((i): i is Imsi => i !== undefined),
          ),
        ];
        const found = await simLookupRepo.byImsis(tx, imsis);
        const sims = new Map<string, (typeof found)[number]>(found.map((s) => [s.imsi, s]));
        const needLast = [
          ...new Set(
            records.filter((r) => !r.servingPlmn).flatMap((r) => sims.get(r.imsi)?.id ?? []),
          ),
        ];
        const last = new Map(
          (await smsUsageRepo.lastNetworks(tx, needLast)).map((s) => [s.sim_id, s]),
        );
        const zoneOf = zoneResolver(tx);
        const rows: SmsUsageInput[] = [];
        const out = new Map<
          string,
          { id: string; status: SmsRecordStatus; iccid: string | null }
        >();
        for (const r of records) {
          const sim = sims.get(r.imsi);
          if (!sim) {
            if (!out.has(r.id)) {
              out.set(r.id, { id: r.id, status: "unknown_sim", iccid: null });
              await networkRepo.noteUnknownImsi(tx, r.imsi, "smsc", r.servingPlmn ?? null, r.at);
            }
            continue;
          }
          const seen = last.get(sim.id);
          const serving = r.servingPlmn
            ? plmnParts(r.servingPlmn)
            : seen?.mcc && seen.mnc
              ? { mcc: seen.mcc, mnc: seen.mnc }
              : null;
          const zone = await zoneOf(sim.rate_plan_id, serving, r.at);
          rows.push({
            id: newId(),
            source: "smsc",
            record_id: r.id,
            account_id: sim.account_id,
            sim_id: sim.id,
            direction: r.direction,
            message_id: r.messageId ?? null,
            at: r.at,
            day: dayOf(r.at),
            zone_key: zone?.id ?? "unzoned",
            zone_id: zone?.id ?? null,
          });
          out.set(r.id, { id: r.id, status: "duplicate", iccid: sim.iccid });
        }
        for (const s of await smsUsageRepo.recordMany(tx, clock.now(), rows)) {
          const o = out.get(s.record_id);
          if (o) o.status = s.counted ? "counted" : "already_counted";
        }
        return records.map((r) => out.get(r.id)!);
      });
    },
  };
}

export type SmsUsageService = ReturnType<typeof createSmsUsageService>;
