import { piecesOf } from "./desk-blobs.js";

/**
 * The bytes of one inbound message as the SMTP listener received them, in blocks of shared memory.
 *
 * A 25 MB message copied in one piece (Buffer.concat), then copied again to the parser's worker
 * thread (postMessage clones), held the event loop for about half a second on a busy machine. Here
 * each arriving packet is copied once, as it arrives, into 1 MiB blocks of SharedArrayBuffer; the
 * worker then reads the same memory without a copy, and the storage pieces (desk-blobs.ts, whose
 * sizes divide a block) are views into the blocks.
 */
export const BLOCK_BYTES = 1024 * 1024;

export class RawMessage {
  readonly blocks: Buffer[] = [];
  #size = 0;

  /** A message already in one buffer (tests, tools): one block, not shared. */
  static from(bytes: Buffer): RawMessage {
    const m = new RawMessage();
    m.blocks.push(bytes);
    m.#size = bytes.length;
    return m;
  }

  get size(): number {
    return this.#size;
  }

  /** Appends received bytes, copying them into shared blocks. */
  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      let block = this.blocks.at(-1);
      const used = this.#size % BLOCK_BYTES;
      if (!block || used === 0) {
        block = Buffer.from(new SharedArrayBuffer(BLOCK_BYTES));
        this.blocks.push(block);
      }
      const n = chunk.copy(block, used, at, Math.min(chunk.length, at + BLOCK_BYTES - used));
      at += n;
      this.#size += n;
    }
  }

  /** The used part of every block, in order. */
  parts(): Buffer[] {
    return this.blocks.map((b, i) =>
      i === this.blocks.length - 1 &&
      this.#size % BLOCK_BYTES !== 0 &&
      b.buffer instanceof SharedArrayBuffer
        ? b.subarray(0, this.#size % BLOCK_BYTES)
        : b,
    );
  }

  /** Consecutive views of at most `n` bytes each, covering the message. */
  *pieces(n: number): Generator<Buffer> {
    for (const part of this.parts()) yield* piecesOf(part, n);
  }
}
