import type { Selectable } from "kysely";
import type { Account, ContactsTable, User } from "../../db/schema.js";
import type { Role } from "../auth/principal.js";

export const presentAccount = (a: Account) => ({
  id: a.id,
  parentId: a.parent_id,
  kind: a.kind,
  name: a.name,
  legalName: a.legal_name,
  vatNumber: a.vat_number,
  currency: a.currency,
  language: a.language,
  timeZone: a.time_zone,
  billingAddress: (a.billing_address as Record<string, unknown> | null) ?? null,
  testReadyThen: a.test_ready_then,
  createdAt: a.created_at.toISOString(),
  updatedAt: a.updated_at.toISOString(),
});

export const presentContact = (c: Selectable<ContactsTable>) => ({
  id: c.id,
  name: c.name,
  email: c.email,
  phone: c.phone,
  language: c.language,
  role: c.role,
});

export const presentUser = (u: User) => ({
  id: u.id,
  accountId: u.account_id,
  email: u.email,
  name: u.name,
  role: u.role as Role,
  createdAt: u.created_at.toISOString(),
  disabled: u.disabled_at !== null,
});
