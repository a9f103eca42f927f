import { createHash, randomBytes } from "node:crypto";

/**
 * API keys are 32 random bytes, shown once and stored as a SHA-256 hash. A fast hash is right
 * here: the key is high-entropy (no dictionary to attack) and it is checked on every request.
 */
export const API_KEY_PREFIX = "otk_";

export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString("base64url");
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** The part of a key that may be displayed to help a user tell keys apart. */
export const displayPrefix = (key: string) => key.slice(0, API_KEY_PREFIX.length + 6);
