/**
 * What `npm run demo` tells a newcomer to try while the stories play. The CLI lines are the README's
 * own (its quick tour's alias, `otter diagnose`), so what the demo prints works as the README says;
 * test/docs.test.ts keeps the two the same.
 */
export const DEMO_SIMS = {
  giraffe: "8944001000000001016",
  seaOtter: "8944001000000002014",
  meter: "8946007000000000017",
} as const;

/** The README quick tour's alias: an absolute path, so `otter` works from any folder. */
export const OTTER_ALIAS = `alias otter="node $PWD/dist/cli/otter.js"`;

export function demoGuide(o: { url: string; key: string; devices: number; now?: Date }): string[] {
  const { url, key } = o;
  const auth = `-H 'authorization: Bearer ${key}'`;
  const now = o.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const twoDaysAgo = new Date(now.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
  const { giraffe, seaOtter, meter } = DEMO_SIMS;
  const action = (body: string) =>
    `  curl -s -X POST ${auth} -H 'content-type: application/json' -d '${body}' ${url}/api/v1/sims/${giraffe}/actions`;
  return [
    `The simulator replays the last 48 hours of ${o.devices} devices at an hour per second. Look while it runs:`,
    "",
    "  # the giraffe collar in Kenya: reports every hour, then its session hangs (open, no traffic)",
    `  curl -s ${auth} ${url}/api/v1/sims/${giraffe}/connectivity`,
    `  curl -s ${auth} '${url}/api/v1/sims/${giraffe}/sessions?limit=5'`,
    "  # its diagnosis: the broken rung, the evidence and the fix",
    `  curl -s ${auth} ${url}/api/v1/sims/${giraffe}/diagnosis`,
    "  # the sea-otter tag in France on a Nordic-only plan: OFFLINE, every registration rejected with 5004",
    `  curl -s ${auth} ${url}/api/v1/sims/${seaOtter}/connectivity`,
    `  curl -s ${auth} '${url}/api/v1/sims/${seaOtter}/timeline?limit=5'`,
    "  # a smart meter in Sweden: activated by its first data session, daily usage per zone",
    `  curl -s ${auth} '${url}/api/v1/sims/${meter}/usage?from=${twoDaysAgo}&to=${today}'`,
    "",
    "  # or with the CLI, in another terminal in this folder (as in the README's quick tour)",
    `  npm run build --silent && ${OTTER_ALIAS}`,
    `  export OTTER_URL=${url} OTTER_API_KEY=${key}`,
    `  otter diagnose ${giraffe}`,
    "  otter sims list --state ACTIVATED",
    "",
    "  # once the replay has caught up with the present: reset the giraffe's connectivity through Otter —",
    "  # a Disconnect-Request to the simulated gateway and a cancel-location to its HSS; the collar re-attaches",
    `  otter actions run ${giraffe} reset-connectivity --reason "collar silent since the session hung" --wait`,
    action('{"type":"reset-connectivity","reason":"collar silent since the session hung"}'),
    "  # or wake it with an SMS through the simulated SMS centre (SMPP); follow the delivery and the follow-up",
    action('{"type":"send-sms","text":"WAKEUP","reason":"collar silent since the session hung"}'),
  ];
}
