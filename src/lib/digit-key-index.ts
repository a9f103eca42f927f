/**
 * A first-seen index of digit strings (ICCIDs, IMSIs, MSISDNs) to the line that first carried
 * them, for the duplicate check of a SIM import, in about 40 bytes per key instead of the ~150 a
 * `Map<string, number>` costs (string, hash-table entry and boxed number).
 *
 * Hand-written on purpose: a million-row import keeps three of these for its whole validate pass,
 * and no maintained npm package offers a compact exact hash map for numeric strings. Keys are
 * stored exactly, never as hashes, so a key is reported as seen only when it really was.
 *
 * A key is up to 30 digits, split into two chunks of up to 15; each chunk is stored as the number
 * "1" + chunk, which is below 2^53 (exact in a double) and keeps leading zeros significant.
 */
const EMPTY = 0;
const MAX_DIGITS = 30;

export class DigitKeyIndex {
  private capacity: number;
  private keys: Float64Array;
  private lines: Int32Array;
  private count = 0;

  constructor(expected = 1024) {
    this.capacity = 1;
    while (this.capacity < expected * 2) this.capacity *= 2;
    this.keys = new Float64Array(this.capacity * 2);
    this.lines = new Int32Array(this.capacity);
  }

  get size(): number {
    return this.count;
  }

  /** The line that first carried `key`, or undefined. */
  get(key: string): number | undefined {
    const [hi, lo] = split(key);
    const slot = this.find(hi, lo, mixNumbers(hi, lo));
    const line = this.lines[slot]!;
    return line === EMPTY ? undefined : line - 1;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Records `line` for `key` unless the key was seen before (the first line wins). */
  setIfAbsent(key: string, line: number): void {
    if (!Number.isInteger(line) || line < 0 || line >= 0x7fffffff)
      throw new RangeError(`line ${line} out of range`);
    const [hi, lo] = split(key);
    const slot = this.find(hi, lo, mixNumbers(hi, lo));
    if (this.lines[slot] !== EMPTY) return;
    this.keys[slot * 2] = hi;
    this.keys[slot * 2 + 1] = lo;
    this.lines[slot] = line + 1;
    this.count++;
    if (this.count * 2 > this.capacity) this.grow();
  }

  /** Linear probing from the key's hash to its slot or the first empty one. */
  private find(hi: number, lo: number, h: number): number {
    const mask = this.capacity - 1;
    let slot = h & mask;
    for (;;) {
      if (this.lines[slot] === EMPTY) return slot;
      if (this.keys[slot * 2] === hi && this.keys[slot * 2 + 1] === lo) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldLines = this.lines;
    const oldCapacity = this.capacity;
    this.capacity *= 2;
    this.keys = new Float64Array(this.capacity * 2);
    this.lines = new Int32Array(this.capacity);
    const mask = this.capacity - 1;
    for (let i = 0; i < oldCapacity; i++) {
      const line = oldLines[i]!;
      if (line === EMPTY) continue;
      const hi = oldKeys[i * 2]!;
      const lo = oldKeys[i * 2 + 1]!;
      let slot = mixNumbers(hi, lo) & mask;
      while (this.lines[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.keys[slot * 2] = hi;
      this.keys[slot * 2 + 1] = lo;
      this.lines[slot] = line;
    }
  }
}

function split(key: string): [number, number] {
  if (key.length === 0 || key.length > MAX_DIGITS || !/^[0-9]+$/.test(key))
    throw new RangeError(`not a key of 1 to ${MAX_DIGITS} digits: ${JSON.stringify(key)}`);
  const cut = Math.max(0, key.length - 15);
  return [Number("1" + key.slice(0, cut)), Number("1" + key.slice(cut))];
}

/** The slot hash is computed from the stored numbers, so growing needs no strings. */
function mixNumbers(hi: number, lo: number): number {
  // Both are integers below 2^53: fold each into 32 bits, then mix (murmur3's finaliser).
  let h =
    (Math.imul((hi % 0x100000000) ^ Math.floor(hi / 0x100000000), 0x9e3779b1) ^
      ((lo % 0x100000000) ^ Math.floor(lo / 0x100000000))) >>>
    0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
