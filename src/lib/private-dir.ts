import { chmodSync, lstatSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** Group and other permission bits: none of them may be set on anything in the data directory. */
const GROUP_OTHER = 0o077;

/**
 * Makes `dir` (created if missing) reachable by its owner only: the directory and every directory
 * under it lose their group/other bits (→ 0700), every file too (→ 0600). Symbolic links are left
 * alone, never followed.
 *
 * Why a walk and not only a umask: PGlite's file system layer restores the files of a new cluster
 * with an explicit chmod to 0666, and rewrites two files 0644 on each start, whatever the process
 * umask; installs from before this fix are world-readable too. Running it after the database opens
 * (and again after it closes) repairs both.
 */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  privatize(dir);
}

function privatize(path: string): void {
  const st = lstatSync(path, { throwIfNoEntry: false });
  if (!st || st.isSymbolicLink()) return;
  if (st.mode & GROUP_OTHER) chmodSync(path, st.mode & 0o7700 & ~GROUP_OTHER);
  if (!st.isDirectory()) return;
  for (const name of readdirSync(path)) privatize(join(path, name));
}
