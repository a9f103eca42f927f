/**
 * `Promise.all` for reads that share one executor: waits for every read to finish, then throws the
 * first failure. Plain `Promise.all` would hand a failure back while the others still run, and a
 * transaction could end (its connection back in the pool) with queries still queued on it.
 */
export async function allRead<T extends readonly unknown[] | []>(
  reads: T,
): Promise<{ -readonly [P in keyof T]: Awaited<T[P]> }> {
  const settled = await Promise.allSettled(reads);
  for (const r of settled) if (r.status === "rejected") throw r.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as {
    -readonly [P in keyof T]: Awaited<T[P]>;
  };
}
