/** `npm run db:sql`: writes the SQL snapshot beside each repository (scripts/sql-snapshots.ts). */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { committedSnapshots, repoFiles, ROOT, snapshotRepo } from "./sql-snapshots.js";

const written = new Set<string>();
for (const file of repoFiles()) {
  const snap = await snapshotRepo(file);
  for (const name of snap.withoutExamples)
    console.warn(`${file}: ${name} has no ${name}Sql examples`);
  for (const fn of snap.functionsWithoutExamples) console.warn(`${file}: ${fn} has no example`);
  if (snap.sql === null) continue;
  writeFileSync(join(ROOT, snap.sqlFile), snap.sql);
  written.add(snap.sqlFile);
  console.log(`${snap.sqlFile} written`);
}
// A snapshot whose repository is gone, or lost its examples, goes too.
for (const stale of committedSnapshots().filter((f) => !written.has(f))) {
  rmSync(join(ROOT, stale));
  console.log(`${stale} removed`);
}
