import type { ClarityLanguage, FoundIdentifier, ReadabilityFormula } from "./clarity.types.js";

/**
 * What each finding says, in the reply's language: the rule's name first, then why, so the agent
 * can judge it (and dismiss it) in seconds.
 */
export interface ClarityMessages {
  languageMismatch(customer: ClarityLanguage, reply: ClarityLanguage): string;
  readability(formula: ReadabilityFormula, score: number, bar: string): string;
  longSentence(words: number, limit: number): string;
  nestedSentence(clauses: number): string;
  passiveVoice(phrase: string): string;
  jargon(term: string, explanation: string): string;
  relativeDate(phrase: string, explicit: string, alternative?: string): string;
  undatedPromise(phrase: string): string;
  invalidIdentifier(kind: FoundIdentifier["kind"], value: string): string;
  foreignIdentifier(kind: FoundIdentifier["kind"], value: string): string;
  customerTerm(ours: string, theirs: string): string;
  unansweredQuestion(questions: string[]): string;
  unfilledPlaceholder(token: string): string;
}

const KIND = { iccid: "ICCID", imsi: "IMSI", msisdn: "MSISDN", imei: "IMEI" } as const;
const quoteList = (qs: string[], open: string, close: string) =>
  qs.map((q) => `${open}${q}${close}`).join("; ");

const en: ClarityMessages = {
  languageMismatch: (c, r) =>
    `Language: the customer writes ${LANGUAGE_NAMES.en[c]}, this reply is in ${LANGUAGE_NAMES.en[r]}.`,
  readability: (f, s, bar) =>
    `Readability: ${FORMULA_NAMES[f]} score ${s} (${bar}); shorter sentences and shorter words make it easier to read.`,
  longSentence: (n, limit) =>
    `Long sentence: ${n} words (more than ${limit}); split it so each sentence says one thing.`,
  nestedSentence: (k) =>
    `Nested sentence: ${k} clauses inside one another; split it so the reader does not have to hold them all.`,
  passiveVoice: (p) =>
    `Passive voice: "${p}" does not say who acted; name who did it (we, you, the network).`,
  jargon: (t, e) =>
    `Jargon: "${t}" may not be known to the customer, who has not used it; explain it: ${e}.`,
  relativeDate: (p, x, alt) =>
    `Relative date: "${p}" depends on when the mail is read` +
    (alt ? ` and can mean ${x} or ${alt}` : "") +
    `; write the date: ${x} (the customer's time).`,
  undatedPromise: (p) =>
    `Promise without a date: "${p}" — say by when, so the customer knows when to expect it.`,
  invalidIdentifier: (k, v) =>
    k === "invoice"
      ? `Identifier: invoice number ${v} is not valid.`
      : `Identifier: ${KIND[k]} ${v} fails its check digit; it is mistyped.`,
  foreignIdentifier: (k, v) =>
    `Identifier: ${k === "invoice" ? "invoice" : KIND[k]} ${v} does not belong to this customer; sending it would disclose another customer's data.`,
  customerTerm: (o, t) =>
    `Customer's word: the customer says "${t}", not "${o}"; use their word for the same thing.`,
  unansweredQuestion: (qs) =>
    `Unanswered question: the customer asked ${quoteList(qs, '"', '"')} and the reply does not answer it.`,
  unfilledPlaceholder: (t) => `Placeholder: ${t} is still in the text; fill it in or remove it.`,
};

const it: ClarityMessages = {
  languageMismatch: (c, r) =>
    `Lingua: il cliente scrive in ${LANGUAGE_NAMES.it[c]}, questa risposta è in ${LANGUAGE_NAMES.it[r]}.`,
  readability: (f, s, bar) =>
    `Leggibilità: indice ${FORMULA_NAMES[f]} ${s} (${bar}); frasi e parole più brevi rendono il testo più facile.`,
  longSentence: (n, limit) =>
    `Frase lunga: ${n} parole (più di ${limit}); dividila perché ogni frase dica una cosa sola.`,
  nestedSentence: (k) =>
    `Frase annidata: ${k} subordinate una dentro l'altra; dividila perché il lettore non debba tenerle tutte a mente.`,
  passiveVoice: (p) =>
    `Forma passiva: "${p}" non dice chi ha agito; nomina chi l'ha fatto (noi, voi, la rete).`,
  jargon: (t, e) =>
    `Gergo tecnico: "${t}" potrebbe non essere noto al cliente, che non l'ha usato; spiegalo: ${e}.`,
  relativeDate: (p, x, alt) =>
    `Data relativa: "${p}" dipende da quando la mail viene letta` +
    (alt ? ` e può voler dire ${x} o ${alt}` : "") +
    `; scrivi la data: ${x} (ora del cliente).`,
  undatedPromise: (p) =>
    `Promessa senza data: "${p}" — indica entro quando, così il cliente sa cosa aspettarsi.`,
  invalidIdentifier: (k, v) =>
    k === "invoice"
      ? `Identificativo: il numero di fattura ${v} non è valido.`
      : `Identificativo: l'${KIND[k]} ${v} non supera la cifra di controllo; è scritto male.`,
  foreignIdentifier: (k, v) =>
    `Identificativo: ${k === "invoice" ? "la fattura" : KIND[k]} ${v} non appartiene a questo cliente; inviarlo rivelerebbe dati di un altro cliente.`,
  customerTerm: (o, t) =>
    `Parola del cliente: il cliente dice "${t}", non "${o}"; usa la sua parola per la stessa cosa.`,
  unansweredQuestion: (qs) =>
    `Domanda senza risposta: il cliente ha chiesto ${quoteList(qs, "«", "»")} e la risposta non ne parla.`,
  unfilledPlaceholder: (t) => `Segnaposto: ${t} è ancora nel testo; compilalo o toglilo.`,
};

const sv: ClarityMessages = {
  languageMismatch: (c, r) =>
    `Språk: kunden skriver på ${LANGUAGE_NAMES.sv[c]}, svaret är på ${LANGUAGE_NAMES.sv[r]}.`,
  readability: (f, s, bar) =>
    `Läsbarhet: ${FORMULA_NAMES[f]} ${s} (${bar}); kortare meningar och kortare ord gör texten lättare att läsa.`,
  longSentence: (n, limit) =>
    `Lång mening: ${n} ord (fler än ${limit}); dela den så att varje mening säger en sak.`,
  nestedSentence: (k) =>
    `Inskjuten mening: ${k} bisatser i varandra; dela den så att läsaren slipper hålla dem alla i huvudet.`,
  passiveVoice: (p) =>
    `Passiv form: "${p}" säger inte vem som gjorde det; skriv ut vem (vi, ni, nätet).`,
  jargon: (t, e) =>
    `Fackord: "${t}" är kanske okänt för kunden, som inte har använt det; förklara det: ${e}.`,
  relativeDate: (p, x, alt) =>
    `Relativt datum: "${p}" beror på när mejlet läses` +
    (alt ? ` och kan betyda ${x} eller ${alt}` : "") +
    `; skriv datumet: ${x} (kundens tid).`,
  undatedPromise: (p) =>
    `Löfte utan datum: "${p}" — säg när, så att kunden vet vad hen kan vänta sig.`,
  invalidIdentifier: (k, v) =>
    k === "invoice"
      ? `Identitet: fakturanummer ${v} är ogiltigt.`
      : `Identitet: ${KIND[k]} ${v} klarar inte kontrollsiffran; den är felskriven.`,
  foreignIdentifier: (k, v) =>
    `Identitet: ${k === "invoice" ? "fakturan" : KIND[k]} ${v} hör inte till den här kunden; att skicka den röjer en annan kunds uppgifter.`,
  customerTerm: (o, t) =>
    `Kundens ord: kunden säger "${t}", inte "${o}"; använd kundens ord för samma sak.`,
  unansweredQuestion: (qs) =>
    `Obesvarad fråga: kunden frågade ${quoteList(qs, "”", "”")} och svaret tar inte upp det.`,
  unfilledPlaceholder: (t) =>
    `Platshållare: ${t} står kvar i texten; fyll i den eller ta bort den.`,
};

export const LANGUAGE_NAMES: Record<ClarityLanguage, Record<ClarityLanguage, string>> = {
  en: { en: "English", it: "Italian", sv: "Swedish" },
  it: { en: "inglese", it: "italiano", sv: "svedese" },
  sv: { en: "engelska", it: "italienska", sv: "svenska" },
};

const FORMULA_NAMES: Record<ReadabilityFormula, string> = {
  flesch: "Flesch",
  gulpease: "Gulpease",
  lix: "LIX",
};

export const MESSAGES: Record<ClarityLanguage, ClarityMessages> = { en, it, sv };

/** How the bar reads beside a score, in each language. */
export function barText(
  language: ClarityLanguage,
  formula: ReadabilityFormula,
  bar: number,
): string {
  const above = formula === "lix";
  if (language === "it") return above ? `sopra ${bar}: difficile` : `sotto ${bar}: difficile`;
  if (language === "sv") return above ? `över ${bar}: svår` : `under ${bar}: svår`;
  return above ? `above ${bar}: hard` : `below ${bar}: hard`;
}
