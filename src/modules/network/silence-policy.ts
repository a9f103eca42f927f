/**
 * How long a device may stay quiet, in one place: the silence detector and the signals service
 * (network) and the diagnosis ladder's traffic rung (diagnostics) measure silence with this one
 * yardstick. Pure, so both modules import it without importing each other.
 */

const HOUR = 3600_000;

/** Without a known rhythm a device is expected to report at least daily. */
export const ASSUMED_GAP_MS = 24 * HOUR;
/** However fast a device's rhythm, silence shorter than this is never called lost. */
export const MIN_SILENCE_MS = 2 * HOUR;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** The device's usual rhythm: the median gap between the starts of its recent data sessions. */
export function rhythmOf(sessions: readonly { startedAt: Date }[]): {
  typicalGapSeconds: number | null;
  basis: string;
} {
  const starts = sessions.map((s) => s.startedAt.getTime()).sort((a, b) => b - a);
  if (starts.length < 3)
    return {
      typicalGapSeconds: null,
      basis: "fewer than 3 recent sessions: no rhythm yet, 24 h assumed",
    };
  const gaps = starts
    .slice(1)
    .map((t, i) => starts[i]! - t)
    .filter((g) => g > 0);
  if (gaps.length < 2)
    return {
      typicalGapSeconds: null,
      basis: "sessions too close together to tell a rhythm, 24 h assumed",
    };
  return {
    typicalGapSeconds: Math.round(median(gaps) / 1000),
    basis: `median gap between the last ${starts.length} session starts`,
  };
}

/**
 * How long a device may stay silent before it counts as lost: `multiple` of its usual gap (24 h
 * assumed without a rhythm), at least `floorMs`. The traffic rung, the silence detector
 * (`sim.silent`) and rules with `no_session.rhythmMultiple` all measure silence with this one yardstick.
 */
export function silenceLimitMs(
  rhythm: { typicalGapSeconds: number | null },
  multiple = 3,
  floorMs = MIN_SILENCE_MS,
): number {
  const expected = rhythm.typicalGapSeconds ? rhythm.typicalGapSeconds * 1000 : ASSUMED_GAP_MS;
  return Math.max(multiple * expected, floorMs);
}
