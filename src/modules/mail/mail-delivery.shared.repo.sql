-- The SQL of src/modules/mail/mail-delivery.shared.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- mailDeliveryRepo.deliveryOf
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
select
  "id",
  "status",
  "last_error",
  "attempts"
from
  "mail_messages"
where
  "id" in ($1, $2);
