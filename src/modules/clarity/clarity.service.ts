import type { Logger } from "pino";
import { type Db, type Executor, inTransaction, type Tx } from "../../db/database.js";
import type { Case, ClarityGlossaryTermRow } from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import { newId } from "../../lib/ids.js";
import { isTimeZone } from "../../lib/locale.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import type { BillingService } from "../billing/billing.service.js";
import { can, requirePermission } from "../auth/permissions.js";
import type { Principal } from "../auth/principal.js";
import type { SimsService } from "../sims/sims.service.js";
import { inSubtree } from "../tenancy/tenancy.js";
import { checkClarity, findIdentifiers } from "./clarity-check.js";
import { CLARITY_GLOSSARY_SEED } from "./clarity-glossary.seed.js";
import { clarityErrors } from "./clarity.errors.js";
import {
  lastWeeks,
  presentCheck,
  presentSentCheck,
  presentStats,
  presentTerm,
} from "./clarity.presenter.js";
import { clarityRepo } from "./clarity.repo.js";
import { matchDecisions, type ReplyDecision } from "./reply-decisions.js";
import {
  CLARITY_RULES,
  type ClarityInput,
  type ClarityLanguage,
  type ClarityResult,
  type GlossaryTerm,
} from "./clarity.types.js";

/**
 * What the check needs of a case, lent by the desk (its cases service fits): the case if the
 * principal may see it, and the customer's own words on it. Declared here so that the desk, which
 * runs the check when a reply is sent, can depend on this module and not the other way round.
 */
export interface CaseWords {
  requireVisibleCase(principal: Principal, id: string): Promise<Case>;
  /** The customer's messages on the case, oldest first, as plain text. */
  customerMessages(ex: Executor, caseId: string): Promise<string[]>;
}

interface Deps {
  db: Db;
  clock: Clock;
  accounts: Pick<AccountsService, "requireVisible" | "rootAccount" | "directory">;
  sims: Pick<SimsService, "identify">;
  /** Whose an invoice number is; absent, invoice numbers are not judged. */
  billing?: Pick<BillingService, "invoiceHolders">;
  cases: CaseWords;
  logger?: Pick<Logger, "error">;
}

/** The check of a reply as it is being sent, made before the reply's transaction. */
export interface SentCheck {
  result: ClarityResult;
  body: string;
}

const LANGUAGES: readonly ClarityLanguage[] = ["en", "it", "sv"];
/** A reply names a handful of identifiers; past this many, the rest are not looked up. */
const MAX_IDENTIFIERS = 50;
/** A finding about the whole text keeps only this much of it in the record. */
const SPAN_TEXT_KEPT = 500;

/** `it-IT`, `IT`, `sv_SE` → the check's language, when it is one of its three. */
export function checkLanguageOf(tag: string | null | undefined): ClarityLanguage | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((l) => l === primary);
}

/**
 * The clarity check as the API, the CLI and the desk use it: gathers what the pure check
 * (clarity-check.ts) needs — the customer's mails, language and time zone, the glossary, whose each
 * identifier is — and keeps the operator's glossary and the checks of sent replies.
 */
export function createClarityService(deps: Deps) {
  const { db, clock } = deps;

  async function operatorId(ex: Executor = db) {
    return (await deps.accounts.rootAccount(ex)).id;
  }

  /**
   * The operator's glossary. On its first use it receives the shipped terms, once: after that the
   * team's changes (a removed shipped term included) are what counts.
   */
  async function glossaryRows(language?: ClarityLanguage): Promise<ClarityGlossaryTermRow[]> {
    const op = await operatorId();
    if (!(await clarityRepo.seededAt(db, op))) {
      await inTransaction(db, async (tx) => {
        const now = clock.now();
        if (!(await clarityRepo.markSeeded(tx, op, now, CLARITY_GLOSSARY_SEED.length))) return;
        await clarityRepo.insertTerms(
          tx,
          CLARITY_GLOSSARY_SEED.map((t) => ({
            id: newId(),
            account_id: op,
            language: t.language,
            term: t.term,
            explanation: t.explanation,
            origin: "shipped" as const,
            created_at: now,
            updated_at: now,
          })),
        );
      });
    }
    return clarityRepo.terms(db, op, language);
  }

  async function glossary(): Promise<GlossaryTerm[]> {
    return (await glossaryRows()).map((t) => ({
      language: t.language,
      term: t.term,
      explanation: t.explanation,
    }));
  }

  /**
   * Whose each identifier in the body is: `own` when a SIM it names (ICCID, IMSI, MSISDN, IMEI)
   * belongs to the customer's subtree, `foreign` otherwise — another customer's, or unknown to
   * Otter. Looked up as the principal (sims.identify), so nothing outside its subtree is revealed:
   * to a customer, another customer's SIM is as unknown as a made-up number. Invoice numbers the
   * same way, through billing, for a principal that may read invoices.
   */
  async function identifierOwners(
    principal: Principal,
    body: string,
    customerPath: string | null,
  ): Promise<Map<string, "own" | "foreign">> {
    const owners = new Map<string, "own" | "foreign">();
    if (customerPath === null) return owners;
    const found = findIdentifiers(body).filter((f) => f.checkDigitValid);
    const sims = found.filter((f) => f.kind !== "invoice");
    const values = [...new Set(sims.map((f) => f.value))].slice(0, MAX_IDENTIFIERS);
    for (const value of values) {
      const held = await deps.sims.identify(principal, value);
      const own = held.some((s) => inSubtree(customerPath, s.account_path));
      owners.set(value, own ? "own" : "foreign");
    }
    const invoices = [
      ...new Set(found.filter((f) => f.kind === "invoice").map((f) => f.value)),
    ].slice(0, MAX_IDENTIFIERS);
    if (invoices.length > 0 && deps.billing && can(principal, "billing:read")) {
      const holders = await deps.billing.invoiceHolders(principal, invoices);
      const paths = new Map(
        (
          await deps.accounts.directory.accountsByIds(db, [
            ...new Set(holders.map((h) => h.accountId)),
          ])
        ).map((a) => [a.id, a.path]),
      );
      for (const number of invoices) {
        const holder = holders.find((h) => h.number === number);
        const path = holder ? paths.get(holder.accountId) : undefined;
        owners.set(number, path !== undefined && inSubtree(customerPath, path) ? "own" : "foreign");
      }
    }
    return owners;
  }

  /** The customer's language: a contact's on the case (the requester first), if it is one the check speaks. */
  async function contactLanguage(c: Case): Promise<ClarityLanguage | undefined> {
    const { directory } = deps.accounts;
    const contacts = [
      ...(c.requester_email
        ? await directory.contactsByEmail(db, c.requester_email, c.account_id ?? undefined)
        : []),
      ...(await directory.contactsByIds(db, c.contact_ids)),
    ];
    for (const k of contacts) {
      const l = checkLanguageOf(k.language);
      if (l) return l;
    }
    return undefined;
  }

  /** Everything the pure check needs for a draft on a case. */
  async function caseInput(principal: Principal, c: Case, body: string): Promise<ClarityInput> {
    const [account] = c.account_id
      ? await deps.accounts.directory.accountsByIds(db, [c.account_id])
      : [await deps.accounts.rootAccount(db)];
    const customerMails = await deps.cases.customerMessages(db, c.id);
    return {
      body,
      customerLanguage: await contactLanguage(c),
      customerMails,
      glossary: await glossary(),
      identifierOwners: await identifierOwners(
        principal,
        body,
        c.account_id ? (account?.path ?? null) : null,
      ),
      now: clock.now(),
      timeZone: account?.time_zone ?? "UTC",
    };
  }

  async function checkOnCase(principal: Principal, caseId: string, body: string) {
    const c = await deps.cases.requireVisibleCase(principal, caseId);
    return checkClarity(await caseInput(principal, c, body));
  }

  return {
    /** A draft reply on a case, checked against the case's customer (`POST /cases/{id}/replies/check`). */
    async checkCase(principal: Principal, caseId: string, body: string) {
      requirePermission(principal, "clarity:check");
      requirePermission(principal, "cases:read");
      return presentCheck(await checkOnCase(principal, caseId, body));
    },

    /** Text not yet on a case; with `accountId`, checked against that customer. */
    async checkText(
      principal: Principal,
      input: { body: string; language?: ClarityLanguage; timeZone?: string; accountId?: string },
    ) {
      requirePermission(principal, "clarity:check");
      if (input.timeZone !== undefined && !isTimeZone(input.timeZone))
        throw clarityErrors.timeZoneInvalid(input.timeZone);
      const account = input.accountId
        ? await deps.accounts.requireVisible(principal, input.accountId)
        : undefined;
      const result = checkClarity({
        body: input.body,
        language: input.language,
        customerMails: [],
        glossary: await glossary(),
        identifierOwners: await identifierOwners(principal, input.body, account?.path ?? null),
        now: clock.now(),
        timeZone: input.timeZone ?? account?.time_zone ?? "UTC",
      });
      return presentCheck(result);
    },

    /**
     * The check of a reply about to be sent, run by the desk before the reply's transaction. It
     * informs and never blocks: whatever goes wrong here is logged and the reply goes out unchecked.
     */
    async checkSentReply(
      principal: Principal,
      caseId: string,
      body: string,
    ): Promise<SentCheck | null> {
      try {
        return { result: await checkOnCase(principal, caseId, body), body };
      } catch (err) {
        deps.logger?.error({ err, caseId }, "clarity check of a sent reply failed; sent unchecked");
        return null;
      }
    },

    /** Stores the check with the reply, in the reply's transaction, with the agent's decisions. */
    async recordSentReply(
      tx: Tx,
      reply: {
        check: SentCheck;
        caseId: string;
        accountId: string;
        entryId: string;
        deskMessageId: string | null;
        principal: Principal;
        decisions: readonly ReplyDecision[];
      },
    ) {
      const { result, body } = reply.check;
      const checkId = newId();
      const by = reply.principal.userId;
      await clarityRepo.insertCheck(tx, {
        id: checkId,
        account_id: reply.accountId,
        case_id: reply.caseId,
        entry_id: reply.entryId,
        desk_message_id: reply.deskMessageId,
        language: result.language,
        formula: result.readability.formula,
        score: result.readability.score,
        sent_by_user_id: by,
        sent_at: clock.now(),
      });
      const base = { check_id: checkId, account_id: reply.accountId };
      const present = matchDecisions(body, result.findings, reply.decisions).map(
        ({ finding, decision }) => ({
          ...base,
          id: newId(),
          rule: finding.rule,
          severity: finding.severity,
          decision,
          span_start: finding.start,
          span_end: finding.end,
          span_text: body.slice(finding.start, finding.end).slice(0, SPAN_TEXT_KEPT),
          message: finding.message,
          suggestion: finding.suggestion ?? null,
          decided_by_user_id: decision === "open" ? null : by,
        }),
      );
      const accepted = reply.decisions
        .filter((d) => d.decision === "accepted")
        .map((d) => ({
          ...base,
          id: newId(),
          rule: d.rule,
          severity: d.severity ?? ("info" as const),
          decision: "accepted" as const,
          span_start: null,
          span_end: null,
          span_text: d.text.slice(0, SPAN_TEXT_KEPT),
          message: d.message ?? "",
          suggestion: d.suggestion ?? null,
          decided_by_user_id: by,
        }));
      await clarityRepo.insertFindings(tx, [...present, ...accepted]);
    },

    /** The check stored with a sent reply (the reply's timeline entry id). */
    async sentCheck(principal: Principal, caseId: string, entryId: string) {
      requirePermission(principal, "cases:work");
      const c = await deps.cases.requireVisibleCase(principal, caseId);
      const check = await clarityRepo.checkOfEntry(db, principal.accountPath, entryId);
      if (!check || check.case_id !== c.id) throw clarityErrors.sentCheckNotFound(entryId);
      return presentSentCheck(check, await clarityRepo.findingsOf(db, check.id));
    },

    async listGlossary(principal: Principal, language?: ClarityLanguage) {
      requirePermission(principal, "clarity:glossary");
      return { items: (await glossaryRows(language)).map(presentTerm) };
    },

    async addTerm(
      principal: Principal,
      language: ClarityLanguage,
      input: { term: string; explanation: string },
    ) {
      requirePermission(principal, "clarity:glossary");
      await glossaryRows();
      const op = await operatorId();
      return inTransaction(db, async (tx) => {
        if (await clarityRepo.findTerm(tx, op, language, input.term))
          throw clarityErrors.termExists(language, input.term);
        const now = clock.now();
        const row = {
          id: newId(),
          account_id: op,
          language,
          term: input.term,
          explanation: input.explanation,
          origin: "team" as const,
          created_at: now,
          updated_at: now,
          updated_by_user_id: principal.userId,
        };
        await clarityRepo.insertTerm(tx, row);
        return presentTerm(row);
      });
    },

    async updateTerm(
      principal: Principal,
      language: ClarityLanguage,
      term: string,
      patch: { term?: string; explanation: string },
    ) {
      requirePermission(principal, "clarity:glossary");
      await glossaryRows();
      const op = await operatorId();
      return inTransaction(db, async (tx) => {
        const row = await clarityRepo.findTerm(tx, op, language, term);
        if (!row) throw clarityErrors.termNotFound(language, term);
        const spelling = patch.term ?? row.term;
        if (spelling.toLowerCase() !== row.term.toLowerCase()) {
          if (await clarityRepo.findTerm(tx, op, language, spelling))
            throw clarityErrors.termExists(language, spelling);
        }
        const changed = {
          term: spelling,
          explanation: patch.explanation,
          origin: "team" as const,
          updated_at: clock.now(),
          updated_by_user_id: principal.userId,
        };
        await clarityRepo.updateTerm(tx, row.id, changed);
        return presentTerm({ ...row, ...changed });
      });
    },

    async removeTerm(principal: Principal, language: ClarityLanguage, term: string) {
      requirePermission(principal, "clarity:glossary");
      await glossaryRows();
      const op = await operatorId();
      await inTransaction(db, async (tx) => {
        const row = await clarityRepo.findTerm(tx, op, language, term);
        if (!row) throw clarityErrors.termNotFound(language, term);
        await clarityRepo.deleteTerm(tx, row.id);
      });
    },

    /** Per week (this one last), the share of replies sent with findings left open, by rule. */
    async stats(principal: Principal, weeks: number) {
      requirePermission(principal, "clarity:stats");
      const mondays = lastWeeks(clock.now(), weeks);
      const since = new Date(`${mondays[0]}T00:00:00Z`);
      const rows = await clarityRepo.weeks(db, principal.accountPath, since);
      const ruleRows = await clarityRepo.weekRules(db, principal.accountPath, since);
      return presentStats(mondays, rows, ruleRows, CLARITY_RULES);
    },
  };
}

export type ClarityService = ReturnType<typeof createClarityService>;
