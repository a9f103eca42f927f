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

const WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"];
const WEEKDAY = WEEKDAYS.join("|");
const MONTHS =
  "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december";
const NUMBERS: Record<string, number> = {
  en: 1,
  ett: 1,
  två: 2,
  tre: 3,
  fyra: 4,
  fem: 5,
  sex: 6,
  sju: 7,
  åtta: 8,
  nio: 9,
  tio: 10,
  elva: 11,
  tolv: 12,
  "ett par": 2,
  några: 3,
};
const COUNT = "\\d{1,3}|ett par|några|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv";
const PREP = "(?:(?<prep>senast|till|före|efter|från|innan|tills)\\s+)?";
/** "fredag den 11 december" and "fredag 11/12" are already explicit. */
const NO_DATE_AFTER = "(?!,?\\s+(?:den\\s+)?\\d)";
const weekdayOf = (w: string) => WEEKDAYS.indexOf(w.toLowerCase()) + 1;
const unitOf = (u: string): "minute" | "hour" | "day" | "week" => {
  const x = u.toLowerCase();
  return x.startsWith("minut")
    ? "minute"
    : x.startsWith("timm")
      ? "hour"
      : x.startsWith("dag")
        ? "day"
        : "week";
};

/** Past s-passives: "avaktiverades", "har spärrats", "stängdes", "byttes", and strong verbs. */
const S_PASSIVE =
  /^(?:\p{L}{3,}(?:ades|ats|des|tes)|gavs|togs|sågs|skrevs|drogs|ströks|bröts|revs)$/u;
const ADVERB_SV =
  "(?:\\s+(?:inte|redan|automatiskt|tyvärr|också|felaktigt|tillfälligt|av misstag))?";
const PARTICIPLE_SV = "\\p{L}{3,}(?:ad|at|ade|ade|d|t)";

const day = dayFormatter("sv", (w, d, m) => `${w} den ${d} ${m}`);

export const SV: Lexicon = {
  language: "sv",
  longSentenceWords: 25,
  subordinators: new Set(
    "som eftersom när medan vilket vilken vilka där innan tills fastän trots ifall därför".split(
      " ",
    ),
  ),
  passiveWord: S_PASSIVE,
  passive: [
    words(
      `(?:blev|blir|har blivit|hade blivit|har blitt|hade blitt|kommer att bli|ska bli|skulle bli)${ADVERB_SV}\\s+(?:${PARTICIPLE_SV})`,
    ),
  ],
  notPassive: new Set(
    (
      "hoppades lyckades kändes tycktes syntes trivdes mindes andades skämdes låtsades behövdes fanns verkades " +
      "möjligt nödvändigt viktigt tydligt omöjligt svårt lätt dyrt kort stort fast klart rätt fel bra glad " +
      "rädd nöjd kvitt medveten osäker"
    ).split(" "),
  ),
  agent: /^\s+(?:\p{L}+\s+)?av\s+(?!misstag)/iu,
  promises: words(
    "vi återkommer|vi (?:ska |kommer att )?(?:titta|tittar) på (?:det|saken|ärendet)|vi undersöker (?:det|saken|ärendet)|" +
      "vi kollar upp det|vi hör av oss|vi meddelar (?:er|dig)|så snart som möjligt|så fort som möjligt|snarast|inom kort",
  ),
  dated: new RegExp(
    `\\d{1,2}[:.]\\d{2}|\\d{1,2}\\s+(?:${MONTHS})|\\d{1,2}/\\d{1,2}|\\d{4}-\\d{2}-\\d{2}|` +
      `(?<!\\p{L})(?:${WEEKDAY}|i dag|idag|i morgon|imorgon|i övermorgon|i kväll|ikväll|inom|nästa vecka)(?!\\p{L})`,
    "iu",
  ),
  relativeDates: [
    {
      re: words(`${PREP}(?<word>i övermorgon|övermorgon|i morgon|imorgon|i dag|idag|i går|igår)`),
      resolve: (m, today) => {
        const w = m.groups!.word!.toLowerCase().replace(/\s/g, "");
        const offset = w.endsWith("övermorgon") ? 2 : w === "imorgon" ? 1 : w === "idag" ? 0 : -1;
        return { when: today.plus({ days: offset }), precision: "day" };
      },
    },
    {
      re: words(
        `(?:${PREP}(?<which>nästa|kommande|på)|(?<prep2>senast|till|före|innan|tills))\\s+(?<wd>${WEEKDAY})${NO_DATE_AFTER}`,
      ),
      resolve: (m, today) => {
        const when = nextWeekday(today, weekdayOf(m.groups!.wd!));
        const prep2 = m.groups!.prep2;
        if (prep2) return { when, precision: "day", lead: prep2 };
        return m.groups!.which!.toLowerCase() === "nästa"
          ? { when, precision: "day", alternative: when.plus({ days: 7 }) }
          : { when, precision: "day" };
      },
    },
    {
      re: words(
        `(?<within>om|inom)\\s+(?<n>${COUNT})\\s+(?<unit>minuter|minut|timmar|timme|dagar|dag|veckor|vecka)`,
      ),
      resolve: (m, today, now) => {
        const r = afterDuration(
          now,
          today,
          countOf(m.groups!.n!, NUMBERS),
          unitOf(m.groups!.unit!),
        );
        return m.groups!.within!.toLowerCase() === "inom" ? { ...r, lead: "senast" } : r;
      },
    },
    {
      re: words(`${PREP}nästa vecka`),
      resolve: (_m, today) => ({
        when: today.plus({ weeks: 1 }).startOf("week"),
        precision: "week",
      }),
    },
  ],
  lead: { day: "", time: "kl.", week: "" },
  formatDay: day,
  formatTime: (d, today) => `${clockTime(d, ".")} (${zoneName(d)}) ${day(d, today)}`,
  formatWeek: (d, today) => `veckan som börjar ${day(d, today)}`,
  synonyms: [
    [
      ["enhet", "enheten", "enheter", "enheterna"],
      ["spårare", "spåraren", "spårare", "spårarna"],
      ["tracker", "trackern", "trackers", "trackerna"],
      ["halsband", "halsbandet", "halsband", "halsbanden"],
      ["terminal", "terminalen", "terminaler", "terminalerna"],
      ["sensor", "sensorn", "sensorer", "sensorerna"],
      ["mätare", "mätaren", "mätare", "mätarna"],
      ["modem", "modemet", "modem", "modemen"],
    ],
    [
      ["faktura", "fakturan", "fakturor", "fakturorna"],
      ["räkning", "räkningen", "räkningar", "räkningarna"],
    ],
  ],
  questionNoise: new Set(
    (
      "kan ni du jag vi skulle vill kunna veta berätta förklara varför hur när var vilken vilket vilka vad vem är " +
      "finns det något några tack hej min mitt mina vår vårt våra er ert era den det denna detta har hänt kolla " +
      "kontrollera titta problem fel sig sin sitt sina"
    ).split(" "),
  ),
  stopwords: new Set(
    (
      "och att det är en ett som på för med till av inte har ni jag du den de om kan ska vill er ert era min mitt " +
      "när var hur vad så också men eller från nu redan sedan efter bara vår vårt våra oss hos i"
    ).split(" "),
  ),
};
