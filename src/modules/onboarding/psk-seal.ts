import type { SecretBox } from "../../lib/secret-box.js";
import type { IpsecSpec, OnboardingSpec } from "./onboarding-spec.js";

/**
 * A tunnel's pre-shared key at rest: sealed under OTTER_SECRET_KEY (src/lib/secret-box.ts, as the
 * other endpoint secrets are) in `pskSealed`, never in clear in the stored spec, the applied spec
 * or the services. Pure: the box is handed in.
 */
type StoredIpsec = IpsecSpec & { pskSealed?: string };

const mapTunnels = (spec: OnboardingSpec, f: (t: StoredIpsec) => StoredIpsec): OnboardingSpec => ({
  ...spec,
  services: {
    ...spec.services,
    apns: spec.services.apns.map((a) => (a.ipsec ? { ...a, ipsec: f(a.ipsec) } : a)),
  },
});

/** The spec as it is stored: every PSK sealed. */
export function sealPsks(spec: OnboardingSpec, box: Pick<SecretBox, "seal">): OnboardingSpec {
  return mapTunnels(spec, ({ psk, ...rest }) =>
    psk === undefined ? rest : { ...rest, pskSealed: box.seal(psk) },
  );
}

/**
 * The stored spec with its PSKs opened, in memory only: the tunnel's checks need the key, and a
 * swanctl.conf for a principal allowed `onboarding:secrets` prints it. A PSK stored in clear
 * before sealing existed is kept.
 */
export function openPsks(spec: OnboardingSpec, box: Pick<SecretBox, "open">): OnboardingSpec {
  return mapTunnels(spec, ({ pskSealed, ...rest }) =>
    pskSealed === undefined ? rest : { ...rest, psk: box.open(pskSealed) },
  );
}

/** The services as stored (`services`: the spec's APNs, each with its tunnel): every PSK sealed. */
export function sealServicePsks(
  apns: OnboardingSpec["services"]["apns"],
  box: Pick<SecretBox, "seal">,
): OnboardingSpec["services"]["apns"] {
  return sealPsks({ services: { apns } } as OnboardingSpec, box).services.apns;
}

/** Whether a stored value still holds a PSK in clear (a spec stored before sealing existed). */
export const holdsClearPsk = (value: unknown): boolean =>
  JSON.stringify(value ?? null).includes('"psk":');
