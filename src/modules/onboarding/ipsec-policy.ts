import type { Message } from "../../lib/messages/messages.js";
import type { IpsecSpec } from "./onboarding-spec.js";
import { onboardingText } from "./onboarding.messages.js";

/**
 * What Otter accepts of an IPsec tunnel (strongSwan proposal syntax: algorithms joined by "-").
 * Refused: IKEv1, 3DES/DES, MD5 and SHA-1 integrity or PRF, Diffie-Hellman groups below 14 (MODP
 * under 2048 bits), PSKs shorter than 32 characters. Certificates are preferred: a PSK is a warning.
 */
export interface IpsecProblem {
  severity: "error" | "warning";
  /** Relative to the `ipsec` object: `ikeProposals[0]`. */
  path: string;
  code: string;
  message: string;
  /** The message in onboarding.messages.ts, for the reader's language. */
  msg: Message;
}

const M = onboardingText.msg;
const problem = (
  severity: IpsecProblem["severity"],
  path: string,
  code: string,
  msg: Message,
): IpsecProblem => ({ severity, path, code, message: onboardingText.legacy(msg), msg });

const WEAK_CIPHERS = new Set(["3des", "des", "blowfish", "cast128", "null"]);
const WEAK_INTEGRITY = new Set(["md5", "sha1", "sha", "md5_128", "sha1_160", "aesxcbc"]);
const WEAK_PRF = new Set(["prfmd5", "prfsha1"]);
/** DH groups by strongSwan keyword → IANA group number. */
const DH_GROUPS: Record<string, number> = {
  modp768: 1,
  modp1024: 2,
  modp1536: 5,
  modp2048: 14,
  modp3072: 15,
  modp4096: 16,
  modp6144: 17,
  modp8192: 18,
  modp1024s160: 22,
  modp2048s224: 23,
  modp2048s256: 24,
  ecp192: 25,
  ecp224: 26,
  ecp256: 19,
  ecp384: 20,
  ecp521: 21,
  ecp224bp: 27,
  ecp256bp: 28,
  ecp384bp: 29,
  ecp512bp: 30,
  curve25519: 31,
  x25519: 31,
  curve448: 32,
  x448: 32,
};
/** Groups 22-24 are MODP with small subgroups (RFC 8247 says MUST NOT); treated as weak too. */
const WEAK_GROUPS = new Set([1, 2, 5, 22, 23, 24, 25, 26]);
const KNOWN_CIPHER =
  /^(aes(128|192|256)(gcm(8|12|16)|ccm(8|12|16)|ctr)?|chacha20poly1305|camellia(128|192|256))$/;
const KNOWN_INTEGRITY = /^(sha256|sha384|sha512|sha2_256|sha2_384|sha2_512|aescmac)$/;
const KNOWN_PRF = /^prf(sha256|sha384|sha512|aesxcbc|aescmac)$/;
export const MIN_PSK_LENGTH = 32;

function checkProposal(proposal: string, kind: "ike" | "esp", path: string): IpsecProblem[] {
  const problems: IpsecProblem[] = [];
  const parts = proposal.toLowerCase().split("-");
  let cipher = false;
  let dh = false;
  for (const part of parts) {
    if (WEAK_CIPHERS.has(part))
      problems.push(
        problem(
          "error",
          path,
          "IPSEC_WEAK_CIPHER",
          M("IPSEC_WEAK_CIPHER", { algorithm: part.toUpperCase() }),
        ),
      );
    else if (WEAK_INTEGRITY.has(part) || WEAK_PRF.has(part))
      problems.push(
        problem(
          "error",
          path,
          "IPSEC_WEAK_INTEGRITY",
          M("IPSEC_WEAK_INTEGRITY", { algorithm: part.toUpperCase() }),
        ),
      );
    else if (part in DH_GROUPS) {
      dh = true;
      const group = DH_GROUPS[part]!;
      if (WEAK_GROUPS.has(group) || group < 14)
        problems.push(
          problem(
            "error",
            path,
            "IPSEC_WEAK_DH_GROUP",
            M("IPSEC_WEAK_DH_GROUP", { algorithm: part, group }),
          ),
        );
    } else if (KNOWN_CIPHER.test(part)) cipher = true;
    else if (
      !KNOWN_INTEGRITY.test(part) &&
      !KNOWN_PRF.test(part) &&
      part !== "esn" &&
      part !== "noesn"
    )
      problems.push(
        problem(
          "error",
          path,
          "IPSEC_PROPOSAL_UNKNOWN",
          M("IPSEC_PROPOSAL_UNKNOWN", { algorithm: part }),
        ),
      );
  }
  if (!cipher && !problems.some((p) => p.code === "IPSEC_WEAK_CIPHER"))
    problems.push(
      problem("error", path, "IPSEC_PROPOSAL_INVALID", M("IPSEC_PROPOSAL_INVALID", { proposal })),
    );
  if (kind === "ike" && !dh)
    problems.push(
      problem(
        "error",
        path,
        "IPSEC_PROPOSAL_INVALID",
        M("IPSEC_PROPOSAL_INVALID.dh", { proposal }),
      ),
    );
  return problems;
}

export function checkIpsec(t: IpsecSpec): IpsecProblem[] {
  const problems: IpsecProblem[] = [];
  if (t.ikeVersion !== 2)
    problems.push(
      t.ikeVersion === 1
        ? problem("error", "ikeVersion", "IPSEC_IKEV1", M("IPSEC_IKEV1"))
        : problem(
            "error",
            "ikeVersion",
            "IPSEC_IKE_VERSION",
            M("IPSEC_IKE_VERSION", { version: t.ikeVersion }),
          ),
    );
  t.ikeProposals.forEach((p, i) => problems.push(...checkProposal(p, "ike", `ikeProposals[${i}]`)));
  t.espProposals.forEach((p, i) => problems.push(...checkProposal(p, "esp", `espProposals[${i}]`)));
  if (t.auth === "psk") {
    if (!t.psk) problems.push(problem("error", "psk", "IPSEC_PSK_MISSING", M("IPSEC_PSK_MISSING")));
    else if (t.psk.length < MIN_PSK_LENGTH)
      problems.push(
        problem(
          "error",
          "psk",
          "IPSEC_PSK_TOO_SHORT",
          M("IPSEC_PSK_TOO_SHORT", { length: t.psk.length, minimum: MIN_PSK_LENGTH }),
        ),
      );
    problems.push(problem("warning", "auth", "IPSEC_PSK_AUTH", M("IPSEC_PSK_AUTH")));
  } else if (t.psk)
    problems.push(problem("error", "psk", "IPSEC_PSK_WITH_CERT", M("IPSEC_PSK_WITH_CERT")));
  if (t.espLifetimeSeconds >= t.ikeLifetimeSeconds)
    problems.push(
      problem("warning", "espLifetimeSeconds", "IPSEC_LIFETIMES", M("IPSEC_LIFETIMES")),
    );
  if (t.localGateway === t.remoteGateway)
    problems.push(
      problem("error", "remoteGateway", "IPSEC_GATEWAYS_EQUAL", M("IPSEC_GATEWAYS_EQUAL")),
    );
  return problems;
}
