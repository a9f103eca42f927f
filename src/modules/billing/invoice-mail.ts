import type { Language, Message } from "../../lib/messages/messages.js";
import { invoiceMailText as t } from "./billing.messages.js";

/** An issued invoice as its mail needs it (billing.service.ts reads it from the invoice row). */
export interface InvoiceToMail {
  kind: "invoice" | "credit_note";
  number: string;
  /** For a credit note: the number of the invoice it credits. */
  credited: string | null;
  currency: string;
  cycleStart: string;
  /** Inclusive. */
  cycleEnd: string;
  subtotal: string;
  vatRate: string;
  vatAmount: string;
  total: string;
  reverseCharge: boolean;
  /** The billing contact's name, when the profile has one. */
  contactName: string | null;
  /** Who sends it: the operator's legal name. */
  operator: string;
}

/**
 * The subject and text of the mail that carries an issued invoice's PDF to the billing contact, in
 * `language` (the customer's, as the PDF): the number, the period, the amounts as the language
 * writes money, and the PDF named. The PDF stays the document; the mail says what it is.
 */
export function invoiceMail(x: InvoiceToMail, language: Language) {
  const locale = { language, timeZone: "UTC" };
  const say = (m: Message) => t.text(m, locale);
  const money = (amount: string) => `${amount} ${x.currency}`;
  const period = { start: x.cycleStart, end: x.cycleEnd };
  const note = x.kind === "credit_note";
  const subject = note
    ? t.msg("subject.credit_note", { number: x.number, credited: x.credited ?? "—" })
    : t.msg("subject.invoice", { number: x.number, ...period });
  const lines = [
    say(x.contactName ? t.msg("greeting", { name: x.contactName }) : t.msg("greeting_none")),
    "",
    say(
      note
        ? t.msg("intro.credit_note", { number: x.number, credited: x.credited ?? "—", ...period })
        : t.msg("intro.invoice", { number: x.number, ...period }),
    ),
    "",
    say(t.msg("subtotal", { amount: money(x.subtotal) })),
    say(
      x.reverseCharge
        ? t.msg("reverse_charge")
        : t.msg("vat", { rate: x.vatRate, amount: money(x.vatAmount) }),
    ),
    say(t.msg(note ? "total.credit_note" : "total.invoice", { amount: money(x.total) })),
    "",
    say(t.msg("attached", { file: `${x.number}.pdf` })),
    "",
    say(t.msg("closing")),
    x.operator,
  ];
  // Intl puts no-break spaces in figures ("1.468,88 €"); a plain-text mail reads plain ones.
  const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
  return { subject: plain(say(subject)), text: plain(lines.join("\n")) };
}
