import { describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../../lib/identifiers.js";
import type { ClarityInput, ClarityLanguage, ClarityRule } from "./clarity.types.js";
import { checkClarity, findIdentifiers } from "./clarity-check.js";
import { CLARITY_GLOSSARY_SEED } from "./clarity-glossary.seed.js";

/** Monday 7 December 2026, 10:30 in Rome and Stockholm, 09:30 in London. */
const NOW = new Date("2026-12-07T09:30:00Z");

function check(body: string, more: Partial<ClarityInput> = {}) {
  return checkClarity({
    body,
    customerMails: [],
    glossary: CLARITY_GLOSSARY_SEED,
    identifierOwners: new Map(),
    now: NOW,
    timeZone: "Europe/Rome",
    ...more,
  });
}
/** The findings of one rule as [text, suggestion]. */
function found(body: string, rule: ClarityRule, more: Partial<ClarityInput> = {}) {
  return check(body, more)
    .findings.filter((f) => f.rule === rule)
    .map((f) =>
      f.suggestion === undefined
        ? [body.slice(f.start, f.end)]
        : [body.slice(f.start, f.end), f.suggestion],
    );
}
const iccid = (payload18: string) => payload18 + luhnCheckDigit(payload18);

describe("language", () => {
  it.each([
    ["Hello, thank you for your mail. We have checked the SIM and it is active.", "en"],
    ["Buongiorno, grazie per la sua mail. Abbiamo controllato la SIM ed è attiva.", "it"],
    ["Hej, tack för ditt mejl. Vi har kontrollerat SIM-kortet och det är aktivt.", "sv"],
  ] as const)("detects the language of %j", (body, language) => {
    expect(check(body).language).toBe(language);
  });

  it("flags an English reply to a customer who writes Italian, over the whole reply, in English", () => {
    const body = "Hello, we have checked the SIM and it is active now. Please restart the meter.";
    const r = check(body, {
      customerMails: ["Buongiorno, la SIM non funziona. Potete controllare? Grazie"],
    });
    const f = r.findings.find((x) => x.rule === "language_mismatch")!;
    expect([f.start, f.end]).toEqual([0, body.length]);
    expect(f.message).toBe("Language: the customer writes Italian, this reply is in English.");
  });

  it("takes the contact's language over the mails, and says nothing when the languages agree", () => {
    const body = "Hej, vi har kontrollerat SIM-kortet och det är aktivt nu.";
    expect(
      found(body, "language_mismatch", {
        customerLanguage: "sv",
        customerMails: ["Hello, is it working?"],
      }),
    ).toEqual([]);
    expect(found(body, "language_mismatch", { customerLanguage: "en" })).toHaveLength(1);
  });
});

describe("readability", () => {
  it("scores with Flesch, Gulpease and LIX and flags a hard text over the whole reply", () => {
    const easy = check(
      "We sent the SIM today. It will work when you put it in. Call us if it does not.",
    );
    expect(easy.readability.formula).toBe("flesch");
    expect(easy.readability.score).toBeGreaterThan(80);
    const hard =
      "Discrepancies between organisational consumption reporting and operator invoicing generally originate from " +
      "measurement methodology differences. Network accounting registers transmitted volumes including protocol " +
      "overhead, retransmissions and signalling. Application-level monitoring typically excludes these categories.";
    expect(found(hard, "readability")).toEqual([[hard]]);
    expect(check("Buongiorno, la SIM è attiva.", { language: "it" }).readability.formula).toBe(
      "gulpease",
    );
    expect(check("Hej, SIM-kortet är aktivt.", { language: "sv" }).readability.formula).toBe("lix");
  });

  it("does not judge a reply of fewer than 30 words", () => {
    expect(
      found("Reconciliation necessitates comparable measurement definitions.", "readability"),
    ).toEqual([]);
  });
});

describe("long and nested sentences", () => {
  it("flags a sentence of more than 25 words (English) and one with three nested clauses", () => {
    const long =
      "We checked the SIM and the plan and the zones and the limits and the sessions of the last week and found nothing wrong with any of them at all.";
    expect(found(long, "long_sentence")).toEqual([[long]]);
    const nested =
      "The network that it tried first, which your plan prefers when it crosses the border, refused it.";
    expect(found(nested, "long_sentence")).toEqual([[nested]]);
    expect(found("We checked the SIM. It is active.", "long_sentence")).toEqual([]);
  });
});

describe("passive voice", () => {
  it.each([
    ["The SIM was deactivated on Friday 4 December.", "en", "was deactivated"],
    ["Your SIMs have been suspended since 1 December.", "en", "have been suspended"],
    ["La SIM è stata disattivata il 4 dicembre.", "it", "è stata disattivata"],
    ["Il traffico viene addebitato alla tariffa della zona 3.", "it", "viene addebitato"],
    ["SIM-kortet avaktiverades den 4 december.", "sv", "avaktiverades"],
    ["SIM-kortet blev avaktiverat den 4 december.", "sv", "blev avaktiverat"],
  ] as const)("flags %j", (body, language, phrase) => {
    expect(found(body, "passive_voice", { language })).toEqual([[phrase]]);
  });

  it.each([
    ["The SIM was deactivated by our billing team on 4 December.", "en"],
    ["The office is located in Malmö.", "en"],
    ["La SIM è stata disattivata dal nostro team il 4 dicembre.", "it"],
    ["La SIM è arrivata il 4 dicembre.", "it"],
    ["SIM-kortet avaktiverades av oss den 4 december.", "sv"],
    ["Vi hoppades att det skulle fungera.", "sv"],
  ] as const)("leaves %j alone (the actor is named, or it is not a passive)", (body, language) => {
    expect(found(body, "passive_voice", { language })).toEqual([]);
  });
});

describe("jargon", () => {
  it("explains a glossary term at its first use, in the reply's language", () => {
    const body = "Please check the APN on the router. The APN must be iot.example.";
    const r = check(body).findings.filter((f) => f.rule === "jargon");
    expect(r).toHaveLength(1);
    expect(body.slice(r[0]!.start, r[0]!.end)).toBe("APN");
    expect(r[0]!.suggestion).toBe(
      "APN (the access point name: the setting that tells the SIM which data network to use)",
    );
    expect(r[0]!.message).toMatch(/^Jargon: "APN"/);
  });

  it("leaves a term the customer used first, or one explained in brackets", () => {
    expect(
      found("Please check the APN on the router.", "jargon", {
        customerMails: ["Which apn do we use?"],
      }),
    ).toEqual([]);
    expect(found("Please check the ICCID (the number on the card).", "jargon")).toEqual([]);
    expect(found("Please check the access point name (APN).", "jargon")).toEqual([]);
  });

  it("finds terms in Italian and Swedish, in a Swedish compound too", () => {
    expect(found("Buongiorno, l'HLR ha rifiutato la SIM.", "jargon", { language: "it" })).toEqual([
      ["HLR", "HLR (il registro della rete mobile con le sue SIM e dove si trovano)"],
    ]);
    expect(found("Hej, PDP-sessionen stängdes.", "jargon", { language: "sv" })).toEqual([
      [
        "PDP-sessionen",
        "PDP-sessionen (datasessionen som SIM-kortet öppnar för att skicka och ta emot data)",
      ],
    ]);
  });
});

describe("relative dates", () => {
  it.each([
    ["en", "Europe/London", "We will send it tomorrow.", "tomorrow", "on Tuesday 8 December"],
    ["en", "Europe/London", "Tomorrow we send it.", "Tomorrow", "On Tuesday 8 December"],
    ["en", "Europe/London", "We call you next Friday.", "next Friday", "on Friday 11 December"],
    [
      "en",
      "Europe/London",
      "It is ready in two hours.",
      "in two hours",
      "at 11:30 GMT on Monday 7 December",
    ],
    [
      "en",
      "America/New_York",
      "It ships within 24 hours.",
      "within 24 hours",
      "by 04:30 GMT-5 on Tuesday 8 December",
    ],
    ["en", "Europe/London", "We ship it by Friday.", "by Friday", "by Friday 11 December"],
    [
      "en",
      "Europe/London",
      "The engineer comes next week.",
      "next week",
      "in the week of Monday 14 December",
    ],
    ["it", "Europe/Rome", "La spediamo domani.", "domani", "martedì 8 dicembre"],
    [
      "it",
      "Europe/Rome",
      "La chiamiamo venerdì prossimo.",
      "venerdì prossimo",
      "venerdì 11 dicembre",
    ],
    [
      "it",
      "Europe/Rome",
      "È pronta tra due ore.",
      "tra due ore",
      "alle 12:30 (CET) di lunedì 7 dicembre",
    ],
    ["it", "Europe/Rome", "La spediamo entro domani.", "entro domani", "entro martedì 8 dicembre"],
    ["sv", "Europe/Stockholm", "Vi skickar det i morgon.", "i morgon", "tisdag den 8 december"],
    ["sv", "Europe/Stockholm", "Vi ringer nästa fredag.", "nästa fredag", "fredag den 11 december"],
    [
      "sv",
      "Europe/Stockholm",
      "Det är klart om två timmar.",
      "om två timmar",
      "kl. 12.30 (CET) måndag den 7 december",
    ],
    [
      "sv",
      "Europe/Stockholm",
      "Vi skickar det senast i morgon.",
      "senast i morgon",
      "senast tisdag den 8 december",
    ],
    [
      "sv",
      "Europe/Stockholm",
      "Vi skickar det senast fredag.",
      "senast fredag",
      "senast fredag den 11 december",
    ],
    ["it", "Europe/Rome", "La chiamo entro venerdì.", "entro venerdì", "entro venerdì 11 dicembre"],
  ] as const)("%s: %j → %j → %j", (language, timeZone, body, phrase, suggestion) => {
    expect(found(body, "relative_date", { language, timeZone })).toEqual([[phrase, suggestion]]);
  });

  it("says both readings of 'next Friday' and leaves explicit dates alone", () => {
    const r = check("We call you next Friday.", { timeZone: "Europe/London" }).findings[0]!;
    expect(r.message).toContain("Friday 11 December or Friday 18 December");
    expect(found("We call you on Friday 11 December at 10:00.", "relative_date")).toEqual([]);
    expect(found("Vi ringer fredag den 11 december.", "relative_date", { language: "sv" })).toEqual(
      [],
    );
  });

  it("counts days in the customer's zone: late evening in New York is already tomorrow in Rome", () => {
    const lateNy = new Date("2026-12-07T23:30:00-05:00");
    expect(
      found("We send it tomorrow.", "relative_date", {
        now: lateNy,
        timeZone: "America/New_York",
      })[0]![1],
    ).toBe("on Tuesday 8 December");
    expect(
      found("We send it tomorrow.", "relative_date", {
        now: lateNy,
        timeZone: "Europe/Rome",
      })[0]![1],
    ).toBe("on Wednesday 9 December");
  });
});

describe("undated promises", () => {
  it.each([
    ["We will look into it.", "en", "We will look into it"],
    ["We'll get back to you as soon as possible.", "en", "We'll get back to you"],
    ["Ci guarderemo.", "it", "Ci guarderemo"],
    ["Vi återkommer.", "sv", "Vi återkommer"],
  ] as const)("flags %j", (body, language, phrase) => {
    expect(found(body, "undated_promise", { language })).toEqual([[phrase]]);
  });

  it("leaves a promise with a date", () => {
    expect(found("We will get back to you by Thursday 10 December.", "undated_promise")).toEqual(
      [],
    );
    expect(
      found("Vi återkommer senast torsdag den 10 december.", "undated_promise", { language: "sv" }),
    ).toEqual([]);
  });
});

describe("identifiers", () => {
  const good = iccid("894610000000012345");
  const bad = good.slice(0, -1) + String((Number(good.at(-1)) + 1) % 10);
  const imei = "35693803564380" + luhnCheckDigit("35693803564380");

  it("finds ICCIDs (grouped too), IMEIs, IMSIs, MSISDNs and invoice numbers with their offsets", () => {
    const body = `SIM ${good}, ICCID ${bad.replace(/(\d{4})(?=\d)/g, "$1 ")}, IMEI ${imei}, IMSI 240071234567890, +46 70 123 45 67, invoice INV-2026-000412.`;
    const ids = findIdentifiers(body);
    expect(ids.map((i) => [i.kind, i.value, i.checkDigitValid])).toEqual([
      ["iccid", good, true],
      ["iccid", bad, false],
      ["imei", imei, true],
      ["imsi", "240071234567890", true],
      ["msisdn", "46701234567", true],
      ["invoice", "INV-2026-000412", true],
    ]);
    for (const i of ids)
      expect(body.slice(i.start, i.end).replace(/\D/g, "")).toBe(i.value.replace(/\D/g, ""));
  });

  it("flags a failing check digit, and an identifier of another customer", () => {
    const body = `Your SIMs are ${good} and ${bad}, and also 8939100000000543215.`;
    const owners = new Map<string, "own" | "foreign">([
      [good, "own"],
      ["8939100000000543215", "foreign"],
    ]);
    expect(found(body, "invalid_identifier", { identifierOwners: owners })).toEqual([[bad]]);
    expect(found(body, "foreign_identifier", { identifierOwners: owners })).toEqual([
      ["8939100000000543215"],
    ]);
  });
});

describe("the customer's words", () => {
  it.each([
    ["en", "Our collar 4 is silent.", "The device last registered on Monday.", "device", "collar"],
    ["en", "Our trackers are silent.", "Devices on your account are fine.", "Devices", "Trackers"],
    [
      "it",
      "Il collare non trasmette.",
      "Il dispositivo non si registra.",
      "dispositivo",
      "collare",
    ],
    [
      "sv",
      "Halsbandet är tyst.",
      "Enheten registrerade sig senast i går.",
      "Enheten",
      "Halsbandet",
    ],
  ] as const)("%s: the customer says %j; %j → %j", (language, mail, body, ours, theirs) => {
    expect(found(body, "customer_term", { language, customerMails: [mail] })).toEqual([
      [ours, theirs],
    ]);
  });

  it("says nothing when the customer uses our word too", () => {
    expect(
      found("The device is fine.", "customer_term", {
        customerMails: ["The tracker (the device) is silent."],
      }),
    ).toEqual([]);
  });
});

describe("unanswered questions", () => {
  const mail =
    "Hello,\nHow much does a SIM cost per month? Can we pool the data across all SIMs?\nThanks";
  it("flags the questions of the last mail the reply does not take up, over the whole reply", () => {
    const body = "Hello, a SIM costs £2.40 per month on the Fleet plan.";
    const r = check(body, { customerMails: ["Old mail: is roaming included?", mail] }).findings;
    const f = r.find((x) => x.rule === "unanswered_question")!;
    expect([f.start, f.end]).toEqual([0, body.length]);
    expect(f.message).toBe(
      'Unanswered question: the customer asked "Can we pool the data across all SIMs?" and the reply does not answer it.',
    );
  });

  it("is satisfied when each question's key words come back in the reply", () => {
    const body =
      "Hello, a SIM costs £2.40 per month. Yes, you can pool the data of all SIMs in one pool.";
    expect(found(body, "unanswered_question", { customerMails: [mail] })).toEqual([]);
  });
});

describe("placeholders", () => {
  it.each([
    "{{contact.firstName}}",
    "[NAME]",
    "[Customer name]",
    "<customer>",
    "%AGENT%",
    "{name}",
    "XXX",
  ])("flags %s", (token) => {
    expect(found(`Hello ${token}, your SIM is active.`, "unfilled_placeholder")).toEqual([[token]]);
  });

  it("leaves an e-mail address, a case tag and a SIM in brackets alone", () => {
    expect(
      found("Write to <support@otter.example> about [Case #1234] [SIM 2].", "unfilled_placeholder"),
    ).toEqual([]);
  });
});

describe("quoted mail", () => {
  it("judges only what the agent wrote, not the quoted mail below", () => {
    const body =
      "Hi, yes, it is included.\n\nOn Mon, 7 Dec 2026 at 08:12, Paul wrote:\n> Was it deactivated tomorrow? {{x}}";
    expect(check(body, { customerLanguage: "en" }).findings).toEqual([]);
  });
});

describe("explanations", () => {
  it.each(["en", "it", "sv"] as ClarityLanguage[])(
    "every finding's message is in the reply's language (%s)",
    (language) => {
      const bodies = {
        en: "It was deactivated tomorrow.",
        it: "È stata disattivata domani.",
        sv: "Den avaktiverades i morgon.",
      };
      const r = check(bodies[language], { language });
      const starts = {
        en: /^(Passive voice|Relative date):/,
        it: /^(Forma passiva|Data relativa):/,
        sv: /^(Passiv form|Relativt datum):/,
      };
      expect(r.findings.length).toBeGreaterThanOrEqual(2);
      for (const f of r.findings) expect(f.message).toMatch(starts[language]);
    },
  );
});
