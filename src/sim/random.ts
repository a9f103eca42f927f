import { createHash } from "node:crypto";

/**
 * Seeded randomness, so that a scenario with a seed plays the same story every time. Each device
 * draws from its own stream (seed + device name): adding a device never changes what the others do.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  /** `n` scaled by a factor uniform in [1 − spread, 1 + spread], rounded. */
  jitter(n: number, spread: number): number;
  uint32(): number;
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counter): tiny, fast and good enough for a simulation. */
export function randomStream(seed: string | number, ...labels: string[]): Random {
  const digest = createHash("sha256")
    .update(JSON.stringify([String(seed), ...labels]))
    .digest();
  let a = digest.readUInt32LE(0);
  let b = digest.readUInt32LE(4);
  let c = digest.readUInt32LE(8);
  let d = digest.readUInt32LE(12);
  const uint32 = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) uint32();
  const next = () => uint32() / 4294967296;
  return {
    next,
    uint32,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    jitter: (n, spread) =>
      spread <= 0 ? n : Math.max(0, Math.round(n * (1 - spread + 2 * spread * next()))),
  };
}
