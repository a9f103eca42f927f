import type { SimsService } from "../sims/sims.service.js";
import { ACCOUNT_CUSTOM_FIELDS, OPERATOR_CUSTOM_FIELDS } from "../sims/sims.schemas.js";
import { formatCcDate } from "./cc-wire.js";

/** A SIM as the SIMs service details it. */
export type SimDetail = Awaited<ReturnType<SimsService["get"]>>;

/** Every field of Control Center's device object: a string or null, never a number (typed clients). */
export type DeviceDetails = Record<string, string | null>;

const iso = (s: string | null) => (s ? formatCcDate(new Date(s)) : null);

/** The fields that open every answer about one device (details, ctdUsages): who it is and its plans. */
export function deviceIdentity(sim: SimDetail) {
  return {
    iccid: sim.iccid,
    imsi: sim.imsi,
    msisdn: sim.msisdn,
    imei: sim.imei,
    status: sim.state,
    ratePlan: sim.ratePlan?.name ?? null,
    communicationPlan: sim.communicationPlan?.name ?? null,
  };
}

/**
 * A SIM as Control Center's Get Device Details answers it (reference section 3), in its field
 * order. Fields Otter has no value for are null, present so that a client reading them finds them.
 */
export function presentDevice(
  sim: SimDetail,
  ctx: { accountNumber: number; accountName: string | null; customer: string | null },
): DeviceDetails {
  const custom = sim.customFields;
  const customs = (names: string[]) => Object.fromEntries(names.map((n) => [n, custom[n] ?? null]));
  return {
    ...deviceIdentity(sim),
    customer: ctx.customer,
    endConsumerId: null,
    dateActivated: iso(sim.dateActivated),
    dateAdded: iso(sim.createdAt),
    dateUpdated: iso(sim.updatedAt),
    dateModified: iso(sim.updatedAt),
    dateShipped: null,
    accountId: String(ctx.accountNumber),
    accountName: ctx.accountName,
    fixedIPAddress: null,
    fixedIpv6Address: null,
    ...customs(OPERATOR_CUSTOM_FIELDS),
    ...customs(ACCOUNT_CUSTOM_FIELDS.filter((n) => n.startsWith("account"))),
    ...customs(ACCOUNT_CUSTOM_FIELDS.filter((n) => n.startsWith("customer"))),
    simNotes: sim.notes,
    deviceID: null,
    modemID: null,
    globalSimType: null,
    eid: sim.eid,
    euiccid: sim.eid,
    simProfileId: null,
    mec: null,
    overageLimitOverride: sim.overageLimitOverride,
    testReadyDataLimit: null,
    testReadySmsLimit: null,
    testReadyVoiceLimit: null,
    testReadyCsdLimit: null,
    p5gCommercialStatus: null,
  };
}

/** An Otter user as Control Center's users API lists one. */
export function presentUser(
  u: { id: string; email: string; name: string; role: string; language?: string | null },
  ctx: { accountName: string | null; userNumber: number },
) {
  return {
    userId: String(ctx.userNumber),
    username: u.email,
    roleName: u.role,
    accessType: "API_UI",
    accountName: ctx.accountName,
    customerName: null,
    firstName: u.name.split(" ")[0] ?? u.name,
    lastName: u.name.split(" ").slice(1).join(" ") || null,
    email: u.email,
    phone: null,
    language: u.language ?? null,
    timeZone: null,
    liveUpdateEnabled: "false",
  };
}

/** An Otter account as Control Center's accounts API answers one (numeric ids as strings). */
export function presentAccount(
  a: {
    id: string;
    parentId: string | null;
    name: string;
    currency: string;
    language: string;
    timeZone: string;
  },
  numbers: Map<string, number>,
) {
  return {
    accountId: String(numbers.get(a.id)),
    accountName: a.name,
    parentAccountId: a.parentId ? String(numbers.get(a.parentId)) : null,
    status: "ACTIVE",
    currency: a.currency,
    language: a.language,
    timeZone: a.timeZone,
  };
}
