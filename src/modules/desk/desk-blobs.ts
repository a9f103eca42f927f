import type { Db, Executor } from "../../db/database.js";
import { deskBlobsRepo } from "./desk-blobs.repo.js";

/**
 * Raw messages and attachment contents in pieces (`desk_blob_chunks`, migration 0013). Every piece is
 * its own statement on the root handle, outside any transaction: on PGlite the single connection is
 * released between pieces, so `/healthz`, RADIUS and the API take turns with a large mail instead of
 * waiting behind it. Measured on PGlite under load: a 32 KiB piece takes about 2 ms to insert, 64 KiB
 * about 16 ms, 256 KiB about 47 ms. PostgreSQL does not block the event loop, so its pieces are larger.
 */
export const CHUNK_BYTES = { pglite: 32 * 1024, postgres: 256 * 1024 } as const;
/** Pieces read per query when a blob is assembled again (about 256 KiB on PGlite). */
const READ_BATCH = 8;

/** Consecutive views of at most `n` bytes each. */
export function* piecesOf(bytes: Buffer, n: number): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += n) yield bytes.subarray(at, at + n);
}

/** Writes the pieces as owned by `ownerId`, one statement each; returns their number. */
export async function writeBlob(
  db: Db,
  ownerId: string,
  pieces: Iterable<Buffer>,
): Promise<number> {
  let seq = 0;
  for (const bytes of pieces) {
    await deskBlobsRepo.insertChunk(db, ownerId, seq, bytes);
    seq++;
  }
  return seq;
}

/** Reads a blob back, a few pieces per query; null when pieces are missing. */
export async function readBlob(db: Db, ownerId: string, chunks: number): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  for (let from = 0; from < chunks; from += READ_BATCH) {
    const rows = await deskBlobsRepo.chunks(db, ownerId, from, Math.min(chunks, from + READ_BATCH));
    if (rows.length !== Math.min(READ_BATCH, chunks - from)) return null;
    for (const r of rows) parts.push(r.bytes);
  }
  return Buffer.concat(parts);
}

/** Drops the pieces of blobs that were written but never filed (a duplicate delivery, a failed intake). */
export async function deleteBlobs(db: Executor, ownerIds: string[]): Promise<void> {
  for (const id of ownerIds) await deskBlobsRepo.deleteOwner(db, id);
}
