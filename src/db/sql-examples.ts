/**
 * The arguments scripts/write-sql-snapshots.ts calls each repository function with, to write the
 * SQL it sends into a committed snapshot beside the repository (`sims.repo.ts` → `sims.repo.sql`)
 * that a reviewer sees change when a query does. Every function of a repository needs at least one
 * entry; the compiler checks the arguments against the function's parameters (all but the first,
 * the executor).
 *
 * @example
 * export const simsRepoSql: SqlExamples<typeof simsRepo> = {
 *   findByIccid: [["89440000000000000001"]],
 * };
 */
export type SqlExamples<R> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- whatever executor the repository takes
  [K in keyof R]: R[K] extends (db: any, ...args: infer A) => unknown ? A[] : never;
};
