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

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const WEEKDAY = WEEKDAYS.join("|");
const NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  "a couple of": 2,
  "a few": 3,
};
const COUNT =
  "\\d{1,3}|a couple of|a few|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
const PREP = "(?:(?<prep>by|on|until|till|before|after|from|as of|no later than)\\s+)?";
/** A weekday followed by a date ("Friday 11 December", "Friday, 11th") is already explicit. */
const NO_DATE_AFTER = "(?!,?\\s+(?:the\\s+)?\\d)";
const unitOf = (u: string) =>
  u.toLowerCase().replace(/s$/, "") as "minute" | "hour" | "day" | "week";
const weekdayOf = (w: string) => WEEKDAYS.indexOf(w.toLowerCase()) + 1;

const PARTICIPLES_EN =
  "sent|set|cut|put|shut|lost|sold|paid|made|built|held|kept|told|found|left|brought|bought|caught|done|shown|" +
  "taken|given|written|broken|chosen|forgotten|hidden|stolen|spoken|driven|frozen|seen|known|thrown|drawn|" +
  "overwritten|withdrawn|mistaken|understood|rebuilt|resent|reset|\\p{L}{2,}ed";

const day = dayFormatter("en-GB", (w, d, m) => `${w} ${d} ${m}`);

export const EN: Lexicon = {
  language: "en",
  longSentenceWords: 25,
  subordinators: new Set(
    "which who whom whose that because although though unless whenever while whereas since until whether where when if".split(
      " ",
    ),
  ),
  passive: [
    words(
      `(?:(?:has|have|had)\\s+been|(?:will|would|should|may|might|must|can|could)\\s+(?:not\\s+)?(?:have\\s+been|be)|was|were|is\\s+being|are\\s+being|got|gets)` +
        `(?:\\s+(?:not|also|already|just|then|automatically|accidentally|mistakenly|temporarily|permanently|unfortunately|never|probably))?` +
        `\\s+(?:${PARTICIPLES_EN})`,
    ),
  ],
  notPassive: new Set(
    (
      "supposed interested located based pleased concerned attached included involved used tired worried surprised " +
      "able born married excited disappointed delighted glad aware sorry confused advised expected required needed " +
      "connected registered"
    ).split(" "),
  ),
  agent: /^\s+(?:\p{L}+\s+)?by\s+(?!mistake|accident|error|default|then|now|the\s+end)/iu,
  promises: words(
    "we(?:'ll|’ll| will| shall)(?:\\s+(?:also|now|then|soon|certainly|gladly))?\\s+(?:look into (?:it|this|that)|get back to you|come back to you|" +
      "let you know|keep you (?:posted|updated|informed)|investigate|look into|check (?:it|this|that)|follow up|be in touch|update you|contact you)|" +
      "as soon as (?:possible|we can)|ASAP|shortly|in due course",
  ),
  dated: new RegExp(
    `\\d{1,2}:\\d{2}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)|` +
      `(?:january|february|march|april|may|june|july|august|september|october|november|december)\\s+\\d|` +
      `\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}|(?<!\\p{L})(?:${WEEKDAY}|today|tomorrow|tonight|within|next week)(?!\\p{L})`,
    "iu",
  ),
  relativeDates: [
    {
      re: words(`${PREP}the day after tomorrow`),
      resolve: (_m, today) => ({ when: today.plus({ days: 2 }), precision: "day" }),
    },
    {
      re: words(`${PREP}(?<word>tomorrow|today|yesterday)`),
      resolve: (m, today) => {
        const w = m.groups!.word!.toLowerCase();
        return {
          when: today.plus({ days: w === "tomorrow" ? 1 : w === "today" ? 0 : -1 }),
          precision: "day",
        };
      },
    },
    {
      re: words(
        `${PREP}(?<which>next|this|coming|this coming)\\s+(?<wd>${WEEKDAY})${NO_DATE_AFTER}`,
      ),
      resolve: (m, today) => {
        const which = m.groups!.which!.toLowerCase();
        const when = nextWeekday(today, weekdayOf(m.groups!.wd!), which === "this");
        return which === "next"
          ? { when, precision: "day", alternative: when.plus({ days: 7 }) }
          : { when, precision: "day" };
      },
    },
    {
      re: words(`(?<prep>on|by|until|before)\\s+(?<wd>${WEEKDAY})${NO_DATE_AFTER}`),
      resolve: (m, today) => ({
        when: nextWeekday(today, weekdayOf(m.groups!.wd!)),
        precision: "day",
      }),
    },
    {
      re: words(`(?<within>in|within)\\s+(?<n>${COUNT})\\s+(?<unit>minutes?|hours?|days?|weeks?)`),
      resolve: (m, today, now) => {
        const r = afterDuration(
          now,
          today,
          countOf(m.groups!.n!, NUMBERS),
          unitOf(m.groups!.unit!),
        );
        return m.groups!.within!.toLowerCase() === "within" ? { ...r, lead: "by" } : r;
      },
    },
    {
      re: words(`${PREP}next week`),
      resolve: (_m, today) => ({
        when: today.plus({ weeks: 1 }).startOf("week"),
        precision: "week",
      }),
    },
  ],
  lead: { day: "on", time: "at", week: "in" },
  formatDay: day,
  formatTime: (d, today) => `${clockTime(d)} ${zoneName(d)} on ${day(d, today)}`,
  formatWeek: (d, today) => `the week of ${day(d, today)}`,
  synonyms: [
    [
      ["tracker", "trackers"],
      ["device", "devices"],
      ["endpoint", "endpoints"],
      ["collar", "collars"],
      ["modem", "modems"],
      ["sensor", "sensors"],
      ["meter", "meters"],
      ["terminal", "terminals"],
    ],
    [
      ["invoice", "invoices"],
      ["bill", "bills"],
    ],
  ],
  questionNoise: new Set(
    (
      "can could would will should please tell know let help possible ask question wondering explain why what how when " +
      "where which who is are does do did there any some also still just really thanks thank hello regards you your " +
      "our we us me my i it this that these those have has had get got be been check wrong happened happen " +
      "problem issue see look mean"
    ).split(" "),
  ),
  stopwords: new Set(
    (
      "the and is are you your we to of for it this that with on have has will be not can please our us a an in " +
      "at by or do does did my me they their been any all about here just from would could should there which what"
    ).split(" "),
  ),
};
