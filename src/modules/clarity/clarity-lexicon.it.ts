import {
  afterDuration,
  clockTime,
  countOf,
  dayFormatter,
  type Lexicon,
  nextWeekday,
  words,
  zoneName,
} from "./clarity-lexicon.js";

const WEEKDAYS = ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"];
/** Accented or not: "venerdì" and "venerdi" are both written. */
const WEEKDAY = "luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica";
const MONTHS =
  "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre";
const NUMBERS: Record<string, number> = {
  un: 1,
  "un'": 1,
  una: 1,
  uno: 1,
  due: 2,
  tre: 3,
  quattro: 4,
  cinque: 5,
  sei: 6,
  sette: 7,
  otto: 8,
  nove: 9,
  dieci: 10,
  undici: 11,
  dodici: 12,
  qualche: 3,
};
const COUNT =
  "\\d{1,3}|un'|una|uno|un|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|qualche";
const PREP = "(?:(?<prep>entro|per|da|fino a|prima di)\\s+)?";
const NO_DATE_AFTER = "(?!,?\\s+\\d)";
const weekdayOf = (w: string) => WEEKDAYS.indexOf(w.toLowerCase().replace(/i$/, "ì")) + 1;
const unitOf = (u: string): "minute" | "hour" | "day" | "week" => {
  const x = u.toLowerCase();
  return x.startsWith("minut")
    ? "minute"
    : x.startsWith("or")
      ? "hour"
      : x.startsWith("giorn")
        ? "day"
        : "week";
};

const PARTICIPLES_IT =
  "messo|messa|messi|messe|preso|presa|presi|prese|sospeso|sospesa|sospesi|sospese|chiuso|chiusa|chiusi|chiuse|" +
  "aperto|aperta|aperti|aperte|spento|spenta|spenti|spente|acceso|accesa|accesi|accese|rimosso|rimossa|rimossi|rimosse|" +
  "fatto|fatta|fatti|fatte|scritto|scritta|scritti|scritte|risolto|risolta|risolti|risolte|concesso|concessa|" +
  "richiesto|richiesta|richiesti|richieste|corretto|corretta|ridotto|ridotta|tolto|tolta|emesso|emessa|emessi|emesse|" +
  "trasmesso|trasmessa|perso|persa|persi|perse|rotto|rotta|\\p{L}{2,}(?:at|ut|it)[oaie]";
const ADVERB_IT =
  "(?:\\s+(?:già|anche|ora|appena|automaticamente|temporaneamente|erroneamente|purtroppo|non))?";

const day = dayFormatter("it", (w, d, m) => `${w} ${d} ${m}`);

export const IT: Lexicon = {
  language: "it",
  longSentenceWords: 28,
  subordinators: new Set(
    "che cui quale quali perché poiché sebbene benché affinché mentre quando qualora se dove finché".split(
      " ",
    ),
  ),
  passive: [
    // Compound tenses with essere + stato: "è stata disattivata", "sono stati addebitati".
    words(
      `(?:è|sono|era|erano|sarà|saranno|sia|siano|fosse|fossero)\\s+stat[oaie]${ADVERB_IT}\\s+(?:${PARTICIPLES_IT})`,
    ),
    // Auxiliaries that only make passives: venire, and the past remote of essere.
    words(
      `(?:viene|vengono|veniva|venivano|venne|vennero|verrà|verranno|venga|vengano|fu|furono)${ADVERB_IT}\\s+(?:${PARTICIPLES_IT})`,
    ),
  ],
  notPassive: new Set(
    (
      "stato stata stati state arrivato arrivata arrivati arrivate partito partita andato andata venuto venuta tornato tornata " +
      "rimasto rimasta uscito uscita entrato entrata diventato diventata successo accaduto accaduta capitato capitata " +
      "scaduto scaduta scaduti scadute riuscito riuscita dovuto dovuta"
    ).split(" "),
  ),
  agent: /^\s+(?:\p{L}+\s+)?(?:da|dal|dallo|dalla|dai|dagli|dalle|dall['’])(?:\s|(?<=['’]))/iu,
  promises: words(
    "ci guarderemo|(?:le|vi|ti) faremo sapere|(?:la|vi|ti|li) ricontatteremo|(?:la|vi|ti) aggiorneremo|verificheremo|" +
      "controlleremo|(?:le|vi|ti) daremo (?:un )?riscontro|al più presto|quanto prima|a breve|appena possibile|prossimamente",
  ),
  dated: new RegExp(
    `\\d{1,2}[:.]\\d{2}|\\d{1,2}\\s+(?:${MONTHS})|\\d{1,2}/\\d{1,2}|\\d{4}-\\d{2}-\\d{2}|` +
      `(?<!\\p{L})(?:${WEEKDAY}|oggi|domani|dopodomani|stasera|entro)(?!\\p{L})|settimana prossima|prossima settimana`,
    "iu",
  ),
  relativeDates: [
    {
      re: words(`${PREP}(?<word>dopodomani|domani|oggi|ieri)`),
      resolve: (m, today) => {
        const w = m.groups!.word!.toLowerCase();
        const offset = w === "dopodomani" ? 2 : w === "domani" ? 1 : w === "oggi" ? 0 : -1;
        return { when: today.plus({ days: offset }), precision: "day" };
      },
    },
    {
      re: words(
        `${PREP}(?:(?<wd1>${WEEKDAY})\\s+prossim[oa]|prossim[oa]\\s+(?<wd2>${WEEKDAY}))${NO_DATE_AFTER}`,
      ),
      resolve: (m, today) => {
        const when = nextWeekday(today, weekdayOf(m.groups!.wd1 ?? m.groups!.wd2!));
        return { when, precision: "day", alternative: when.plus({ days: 7 }) };
      },
    },
    {
      // "entro venerdì", "per lunedì": a weekday after a preposition is the coming one.
      re: words(`(?<prep>entro|per|fino a)\\s+(?<wd>${WEEKDAY})${NO_DATE_AFTER}`),
      resolve: (m, today) => ({
        when: nextWeekday(today, weekdayOf(m.groups!.wd!)),
        precision: "day",
      }),
    },
    {
      re: words(`${PREP}quest[oa]\\s+(?<wd>${WEEKDAY})${NO_DATE_AFTER}`),
      resolve: (m, today) => ({
        when: nextWeekday(today, weekdayOf(m.groups!.wd!), true),
        precision: "day",
      }),
    },
    {
      re: words(
        `(?<within>tra|fra|entro)\\s+(?<n>${COUNT})\\s*(?<unit>minuti|minuto|ore|ora|giorni|giorno|settimane|settimana)`,
      ),
      resolve: (m, today, now) => {
        const r = afterDuration(
          now,
          today,
          countOf(m.groups!.n!, NUMBERS),
          unitOf(m.groups!.unit!),
        );
        if (m.groups!.within!.toLowerCase() !== "entro") return r;
        return { ...r, lead: r.precision === "time" ? "entro le" : "entro" };
      },
    },
    {
      re: words(`${PREP}(?:la\\s+)?(?:settimana prossima|prossima settimana)`),
      resolve: (_m, today) => ({
        when: today.plus({ weeks: 1 }).startOf("week"),
        precision: "week",
      }),
    },
  ],
  lead: { day: "", time: "alle", week: "" },
  formatDay: day,
  formatTime: (d, today) => `${clockTime(d)} (${zoneName(d)}) di ${day(d, today)}`,
  formatWeek: (d, today) => `la settimana di ${day(d, today)}`,
  synonyms: [
    [
      ["dispositivo", "dispositivi"],
      ["tracker", "tracker"],
      ["localizzatore", "localizzatori"],
      ["collare", "collari"],
      ["terminale", "terminali"],
      ["sensore", "sensori"],
      ["contatore", "contatori"],
      ["endpoint", "endpoint"],
    ],
    [
      ["fattura", "fatture"],
      ["bolletta", "bollette"],
    ],
  ],
  questionNoise: new Set(
    (
      "può potete potreste possiamo posso vorrei sapere dirmi dire spiegare perché come quando dove quale quali cosa " +
      "chi è sono c'è ancora già grazie cortesemente gentilmente mio mia miei nostro nostra nostri vostro vostra " +
      "questo questa quello quella vostri vostre nostre successo succede controllare verificare spiegarmi spiegarci " +
      "dirmi dirci problema vedere capire"
    ).split(" "),
  ),
  stopwords: new Set(
    (
      "il lo la le gli di che è e per non un una con del della dei delle sono questo questa ci ho abbiamo suo sua " +
      "lei nel nella al alla ma anche più se da dal dalla sul sulla in a i l un' dell all nell"
    ).split(" "),
  ),
};
