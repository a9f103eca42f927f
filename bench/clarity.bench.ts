/**
 * `npm run bench:clarity` — the clarity check of a 300-word reply (issue 17): p99 ≤ 20 ms on one core.
 *
 * The replies are the corpus's (test/clarity/corpus/{en,it,sv}.yaml), each made up to 300 words by
 * appending the next replies of the same language and cutting at the 300th word. The customer's
 * mails, identifier owners, time zone and `now` are those of the corpus cases used, with the
 * shipped glossary — the inputs the desk gives the check. Each composite is checked once per round,
 * in a fixed order, after warm-up rounds that are not counted; every check is timed alone with
 * `performance.now()` (wall clock) and with `process.cpuUsage()` (CPU time of this process: on a
 * loaded machine the wall clock also counts the time the scheduler gave the core to others, which
 * the CPU time leaves out). The check is synchronous and single-threaded, so this process uses one core
 * (`taskset -c 0 npm run bench:clarity` pins it, to be sure).
 *
 *   npm run bench:clarity                 (full: 200 rounds × 60 replies = 12,000 checks)
 *   npm run bench:clarity -- --rounds 10  (a small run)
 */
import { parseArgs } from "node:util";
import { checkClarity } from "../src/modules/clarity/clarity-check.js";
import type { ClarityInput, ClarityLanguage } from "../src/modules/clarity/clarity.types.js";
import { wordsOf } from "../src/modules/clarity/clarity-text.js";
import { CORPUS_LANGUAGES, corpusInput, loadCorpus } from "../test/clarity/corpus.js";
import { loadavg, log, round } from "./util.js";

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "200" },
    warmup: { type: "string", default: "5" },
    words: { type: "string", default: "300" },
  },
});
const ROUNDS = Number(args.rounds);
const WARMUP = Number(args.warmup);
const WORDS = Number(args.words);

/** Replies of `words` words: the corpus case's reply followed by the next ones, cut at the last word. */
function composites(language: ClarityLanguage): ClarityInput[] {
  const cases = loadCorpus(language);
  return cases.map((c, i) => {
    const input = corpusInput(c, language);
    let body = c.body;
    const mails: string[] = [];
    const owners = new Map(input.identifierOwners);
    for (let k = 1; wordsOf(body).length < WORDS; k++) {
      const next = cases[(i + k) % cases.length]!;
      body += "\n\n" + next.body;
      mails.push(...next.customerMails);
      for (const [v, o] of Object.entries(next.identifierOwners ?? {})) owners.set(v, o);
    }
    const cut = wordsOf(body)[WORDS - 1]!;
    body = body.slice(0, cut.end) + ".";
    return {
      ...input,
      body,
      customerMails: [...mails, ...c.customerMails],
      identifierOwners: owners,
    };
  });
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

function main() {
  const inputs = CORPUS_LANGUAGES.flatMap((l) =>
    composites(l).map((input) => ({ language: l, input })),
  );
  const load = loadavg();
  log(
    `${inputs.length} replies of ${WORDS} words; ${WARMUP} warm-up rounds, then ${ROUNDS} rounds; load ${load.join(" ")}`,
  );
  let findings = 0;
  for (let r = 0; r < WARMUP; r++)
    for (const { input } of inputs) findings += checkClarity(input).findings.length;
  const times: Record<string, number[]> = { all: [], en: [], it: [], sv: [], "all (CPU time)": [] };
  for (let r = 0; r < ROUNDS; r++) {
    for (const { language, input } of inputs) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const result = checkClarity(input);
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(c0);
      times["all (CPU time)"]!.push((cpu.user + cpu.system) / 1000);
      findings += result.findings.length;
      times.all!.push(ms);
      times[language]!.push(ms);
    }
  }
  const rows = Object.entries(times).map(([name, t]) => {
    const s = [...t].sort((a, b) => a - b);
    return {
      set: name,
      checks: s.length,
      p50: round(quantile(s, 0.5), 3),
      p95: round(quantile(s, 0.95), 3),
      p99: round(quantile(s, 0.99), 3),
      max: round(s.at(-1)!, 3),
    };
  });
  console.table(rows);
  const all = rows[0]!;
  const cpu = rows.at(-1)!;
  const verdict = (p99: number) => (p99 <= 20 ? "meets" : "MISSES");
  log(
    `p99 per ${WORDS}-word reply: wall clock ${all.p99} ms (${verdict(all.p99)} the target of 20 ms), ` +
      `CPU time ${cpu.p99} ms (${verdict(cpu.p99)} it); load after: ${loadavg().join(" ")}`,
  );
  console.log(
    JSON.stringify({
      bench: "clarity",
      words: WORDS,
      rounds: ROUNDS,
      loadBefore: load,
      loadAfter: loadavg(),
      rows,
      findingsSeen: findings,
    }),
  );
}

main();
