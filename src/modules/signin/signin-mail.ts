/**
 * The invitation and reset mails, in the languages of the console (en, it, sv); any other language
 * gets English. Pure text: the service fills in names, the link and the expiry.
 */
export interface InvitationText {
  name: string;
  inviter: string;
  email: string;
  link: string;
  /** `2026-03-08 09:00 UTC` */
  until: string;
}
export interface ResetText {
  name: string;
  link: string;
}

type Lang = "en" | "it" | "sv";
const langOf = (language: string): Lang => {
  const base = language.toLowerCase().split("-")[0];
  return base === "it" || base === "sv" ? base : "en";
};

const INVITATION: Record<Lang, (t: InvitationText) => { subject: string; lines: string[] }> = {
  en: (t) => ({
    subject: "You are invited to Otter",
    lines: [
      `Hello ${t.name},`,
      "",
      `${t.inviter} invited you to Otter. Open this link to choose your password:`,
      "",
      t.link,
      "",
      `The link works once, until ${t.until}.`,
      `Then sign in with your e-mail address, ${t.email}.`,
    ],
  }),
  it: (t) => ({
    subject: "Sei invitato su Otter",
    lines: [
      `Ciao ${t.name},`,
      "",
      `${t.inviter} ti ha invitato su Otter. Apri questo link per scegliere la tua password:`,
      "",
      t.link,
      "",
      `Il link funziona una sola volta, fino al ${t.until}.`,
      `Poi accedi con il tuo indirizzo e-mail, ${t.email}.`,
    ],
  }),
  sv: (t) => ({
    subject: "Du är inbjuden till Otter",
    lines: [
      `Hej ${t.name},`,
      "",
      `${t.inviter} har bjudit in dig till Otter. Öppna länken för att välja ditt lösenord:`,
      "",
      t.link,
      "",
      `Länken fungerar en gång, till ${t.until}.`,
      `Logga sedan in med din e-postadress, ${t.email}.`,
    ],
  }),
};

const RESET: Record<Lang, (t: ResetText) => { subject: string; lines: string[] }> = {
  en: (t) => ({
    subject: "Reset your Otter password",
    lines: [
      `Hello ${t.name},`,
      "",
      "Someone (we hope you) asked to reset your Otter password. Open this link to choose a new one:",
      "",
      t.link,
      "",
      "The link works once, for one hour. If you did not ask, ignore this mail: your password stays as it is.",
    ],
  }),
  it: (t) => ({
    subject: "Reimposta la tua password di Otter",
    lines: [
      `Ciao ${t.name},`,
      "",
      "Qualcuno (speriamo tu) ha chiesto di reimpostare la tua password di Otter. Apri questo link per sceglierne una nuova:",
      "",
      t.link,
      "",
      "Il link funziona una sola volta, per un'ora. Se non l'hai chiesto tu, ignora questa e-mail: la tua password resta quella di prima.",
    ],
  }),
  sv: (t) => ({
    subject: "Återställ ditt lösenord till Otter",
    lines: [
      `Hej ${t.name},`,
      "",
      "Någon (förhoppningsvis du) har bett om att återställa ditt lösenord till Otter. Öppna länken för att välja ett nytt:",
      "",
      t.link,
      "",
      "Länken fungerar en gång, i en timme. Om det inte var du kan du bortse från det här mejlet: ditt lösenord är oförändrat.",
    ],
  }),
};

export function invitationMail(language: string, t: InvitationText) {
  const m = INVITATION[langOf(language)](t);
  return { subject: m.subject, text: m.lines.join("\n") };
}

export function resetMail(language: string, t: ResetText) {
  const m = RESET[langOf(language)](t);
  return { subject: m.subject, text: m.lines.join("\n") };
}
