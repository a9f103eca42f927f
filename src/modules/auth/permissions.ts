import { forbidden } from "../../lib/errors.js";
import type { Principal, Role } from "./principal.js";

/**
 * The role/permission matrix, in one place (documented in docs/permissions.md).
 * Roles say WHAT a principal may do; the account subtree says WHERE (enforced by each service via
 * the accounts service: anything outside the subtree is "not found").
 */
const OA: Role = "operator_admin";
const OG: Role = "operator_agent";
const CA: Role = "customer_admin";
const CU: Role = "customer_user";

export const PERMISSIONS = {
  "accounts:read": [OA, OG, CA, CU],
  "accounts:write": [OA, OG, CA],
  "users:read": [OA, OG, CA],
  "users:write": [OA, CA],
  "catalog:read": [OA, OG, CA, CU],
  "catalog:write": [OA, OG],
  "catalog:offer": [OA, OG],
  "sims:read": [OA, OG, CA, CU],
  "sims:write": [OA, OG, CA],
  "sims:create": [OA, OG],
  "sims:operator_fields": [OA, OG],
  "jobs:read": [OA, OG, CA, CU],
  "jobs:cancel": [OA, OG, CA],
  "mail:read": [OA, OG],
  "audit:read": [OA, OG, CA],
  "network:manage": [OA],
  "network:read": [OA, OG],
  "network:ingest": [OA, OG],
  "webhooks:read": [OA, OG, CA, CU],
  "webhooks:write": [OA, OG, CA],
  "automation:read": [OA, OG, CA, CU],
  "automation:write": [OA, OG, CA],
  "cases:read": [OA, OG, CA, CU],
  "cases:open": [OA, OG, CA, CU],
  "cases:work": [OA, OG],
  "desk:manage": [OA],
  "onboarding:read": [OA, OG],
  "onboarding:write": [OA, OG],
  "onboarding:secrets": [OA],
  "clarity:check": [OA, OG, CA, CU],
  "clarity:glossary": [OA, OG],
  "clarity:stats": [OA, OG],
  "billing:read": [OA, OG, CA],
  "billing:manage": [OA, OG],
  "billing:issue": [OA],
  "billing:mail": [OA, OG, CA],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(principal: Pick<Principal, "role">, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(principal.role);
}

export function requirePermission(
  principal: Pick<Principal, "role">,
  permission: Permission,
): void {
  if (!can(principal, permission)) {
    throw forbidden(`Role ${principal.role} does not have the permission ${permission}.`);
  }
}

/**
 * Transitions that only the operator may make (reference/iot-plans.md): RETIRED → ACTIVATED,
 * RETIRED → PURGED, ACTIVATED → REPLACED.
 */
export const OPERATOR_ONLY_TRANSITIONS = new Set([
  "RETIRED>ACTIVATED",
  "RETIRED>PURGED",
  "ACTIVATED>REPLACED",
]);
