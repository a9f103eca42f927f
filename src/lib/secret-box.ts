import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Encrypts stored secrets (RADIUS shared secrets, webhook keys) with AES-256-GCM under
 * OTTER_SECRET_KEY. Stored form: `v1:<iv>:<tag>:<ciphertext>`, base64url parts.
 */
export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

export function createSecretBox(keyHex: string): SecretBox {
  const key = Buffer.from(keyHex, "hex");
  if (key.length !== 32) throw new Error("OTTER_SECRET_KEY must be 32 bytes (64 hex characters).");
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [
        "v1",
        iv.toString("base64url"),
        cipher.getAuthTag().toString("base64url"),
        ct.toString("base64url"),
      ].join(":");
    },
    open(sealed) {
      const [v, iv, tag, ct] = sealed.split(":");
      if (v !== "v1" || !iv || !tag || ct === undefined) throw new Error("Not a sealed secret.");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), {
        authTagLength: 16,
      });
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([
        decipher.update(Buffer.from(ct, "base64url")),
        decipher.final(),
      ]).toString("utf8");
    },
  };
}

/**
 * With PGlite the key may live in the data directory, generated on first start. The directory itself
 * is made private when the database opens it (`makePrivateDir`); the key file is written 0600, and a
 * key file an older Otter left readable is made 0600 before it is read.
 */
export function loadOrCreateKeyFile(dataDir: string): string {
  const file = join(dataDir, "secret.key");
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    return readFileSync(file, "utf8").trim();
  }
  const key = randomBytes(32).toString("hex");
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: "wx" });
  return key;
}
