import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { ClarityInput, ClarityLanguage } from "../../src/modules/clarity/clarity.types.js";
import { CLARITY_GLOSSARY_SEED } from "../../src/modules/clarity/clarity-glossary.seed.js";

/** One reply of the corpus: what the check takes, and what it must find. */
export interface CorpusCase {
  id: string;
  /** What the reply is about, for whoever reads a failure. */
  about: string;
  now: string;
  timeZone: string;
  customerLanguage?: ClarityLanguage;
  customerMails: string[];
  identifierOwners?: Record<string, "own" | "foreign">;
  body: string;
  /** Each finding as its rule and the exact text it spans; `whole: true` for the whole reply. */
  expected: { rule: string; text?: string; whole?: boolean }[];
}

export const CORPUS_LANGUAGES: ClarityLanguage[] = ["en", "it", "sv"];

export function loadCorpus(language: ClarityLanguage): CorpusCase[] {
  const url = new URL(`./corpus/${language}.yaml`, import.meta.url);
  return (parse(readFileSync(url, "utf8")) as { cases: CorpusCase[] }).cases;
}

export function corpusInput(c: CorpusCase, language: ClarityLanguage): ClarityInput {
  return {
    body: c.body,
    language,
    ...(c.customerLanguage ? { customerLanguage: c.customerLanguage } : {}),
    customerMails: c.customerMails,
    glossary: CLARITY_GLOSSARY_SEED,
    identifierOwners: new Map(Object.entries(c.identifierOwners ?? {})),
    now: new Date(c.now),
    timeZone: c.timeZone,
  };
}
