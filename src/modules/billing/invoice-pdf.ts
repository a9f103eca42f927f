import PDFDocument from "pdfkit";
import type { Language } from "../../lib/messages/messages.js";
import { billingText, type BillingTextCode } from "./billing.messages.js";

/**
 * An invoice or credit note as a PDF, through pdfkit (the well-kept PDF library of the Node world;
 * nothing of the PDF format is written by hand here). Pure apart from pdfkit: the document is
 * built from `InvoiceDocument`, everything the service has already read, and is byte-for-byte the
 * same for the same input — the creation date is the invoice's own (issue or draft time) and the
 * PDF's file id derives from it — so a stored or mailed copy can be compared with a fresh one.
 *
 * Amounts arrive as decimal strings and are formatted by Intl.NumberFormat from those strings (it
 * formats the decimal exactly); no amount ever passes through a binary float.
 *
 * Fonts: the PDF's standard Helvetica, which every reader has, covers Western European text
 * (Windows-1252); other characters are written without their accents, or as "?" (docs/decisions.md).
 */
export interface InvoiceDocument {
  language: Language;
  kind: "invoice" | "credit_note";
  draft: boolean;
  number: string | null;
  /** Local date of issue (YYYY-MM-DD); null for a draft. */
  issuedOn: string | null;
  /** Written as the PDF's CreationDate. */
  createdAt: Date;
  cycleStart: string;
  /** Inclusive. */
  cycleEnd: string;
  creditsNumber: string | null;
  currency: string;
  supplier: Party;
  customer: Party & { contactName: string | null };
  /** The sub-account the invoice bills, when the customer is invoiced per sub-account. */
  subAccount?: string | null;
  /** The customer's own invoice beside its sub-accounts': only the SIMs on its own account. */
  ownAccountOnly?: boolean;
  lines: DocumentLine[];
  subtotal: string;
  vatRate: string;
  vatAmount: string;
  total: string;
  /** The VAT sentence, already in the document's language. */
  vatStatement: string;
}

export interface Party {
  name: string;
  /** Address lines, in order. */
  address: string[];
  vatNumber: string | null;
}

export interface DocumentLine {
  n: number;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  amount: string;
}

const BCP47: Record<Language, string> = { en: "en-GB", it: "it-IT", sv: "sv-SE" };

/** Intl formats a decimal string exactly (ECMA-402 "Intl.NumberFormat v3"); the ES2022 types only know numbers. */
const exact = (value: string) => value as unknown as number;

/**
 * Digits grouped from the thousands on (`1.234,56 €`): Italian's own rule (CLDR minimum grouping
 * digits 2) would print `1234,56 €`, which an accounts department does not write. ES2023 option.
 */
const GROUPING = { useGrouping: "always" } as unknown as Intl.NumberFormatOptions;

/** Minor units of a currency (2 for EUR, 0 for JPY), as Intl knows them. */
function minorUnitsOf(currency: string) {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** An amount in the currency's format of the language: `1.234,56 €` in Italian, `1 234,56 kr` in Swedish. */
export function formatMoney(amount: string, currency: string, language: Language): string {
  return new Intl.NumberFormat(BCP47[language], {
    ...GROUPING,
    style: "currency",
    currency,
  }).format(exact(amount));
}

/** A unit price: the currency's format, with the plan's extra decimals kept (0.0125 €/MB). */
export function formatUnitPrice(amount: string, currency: string, language: Language): string {
  const minor = minorUnitsOf(currency);
  return new Intl.NumberFormat(BCP47[language], {
    ...GROUPING,
    style: "currency",
    currency,
    minimumFractionDigits: minor,
    maximumFractionDigits: Math.max(minor, 6),
  }).format(exact(amount));
}

export function formatQuantity(quantity: string, language: Language): string {
  return new Intl.NumberFormat(BCP47[language], { ...GROUPING, maximumFractionDigits: 6 }).format(
    exact(quantity),
  );
}

export function formatDay(day: string, language: Language): string {
  return new Intl.DateTimeFormat(BCP47[language], { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** Windows-1252 characters above Latin-1's control range that Helvetica has. */
const CP1252_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

/**
 * Text the standard fonts can show: spaces Intl uses become no-break spaces, the minus sign a
 * hyphen; other characters outside Windows-1252 lose their accents (ł stays ?, ő becomes o).
 */
export function printable(text: string): string {
  let out = "";
  for (const ch of text.replace(/[\u202f\u2009\u2007]/g, "\u00a0").replace(/\u2212/g, "-")) {
    const code = ch.codePointAt(0)!;
    if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.has(ch)) {
      out += ch;
      continue;
    }
    const plain = ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    out += /^[\x20-\x7e\u00a0-\u00ff]+$/.test(plain) ? plain : "?";
  }
  return out;
}

const MARGIN = 50;
const COLS = { description: 230, quantity: 85, unitPrice: 85, amount: 85 };
const GREY = "#555555";

/** Renders the document; resolves with the PDF's bytes. */
export function renderInvoicePdf(d: InvoiceDocument): Promise<Buffer> {
  const t = (code: BillingTextCode, params: Record<string, string | number> = {}) =>
    printable(
      billingText.text(billingText.msg(code, params), { language: d.language, timeZone: "UTC" }),
    );
  const money = (a: string) => printable(formatMoney(a, d.currency, d.language));
  const title = `${t(d.kind === "invoice" ? "doc.invoice" : "doc.credit_note")}${d.number ? ` ${d.number}` : ""}`;

  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    lang: BCP47[d.language],
    info: {
      Title: printable(title),
      Author: printable(d.supplier.name),
      Subject: printable(`${d.cycleStart} – ${d.cycleEnd}`),
      Creator: "Otter",
      Producer: "Otter (pdfkit)",
      CreationDate: d.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 40;

  // Heading: the document's title and its numbers on the right, the supplier on the left.
  doc.font("Helvetica-Bold").fontSize(20).text(printable(title), MARGIN, MARGIN);
  doc.moveDown(0.5);
  const top = doc.y;
  party(doc, t("doc.from"), d.supplier, null, MARGIN, top, width / 2 - 10, t);
  const leftEnd = doc.y;
  const facts: [string, string][] = [
    [t("doc.number"), d.number ?? t("doc.draft")],
    [t("doc.issued"), d.issuedOn ? printable(formatDay(d.issuedOn, d.language)) : "—"],
    [
      t("doc.cycle"),
      printable(`${formatDay(d.cycleStart, d.language)} – ${formatDay(d.cycleEnd, d.language)}`),
    ],
  ];
  if (d.subAccount) facts.push([t("doc.sub_account"), printable(d.subAccount)]);
  if (d.ownAccountOnly) facts.push([t("doc.scope"), t("doc.own_account_only")]);
  let y = top;
  for (const [label, value] of facts) {
    doc
      .font("Helvetica-Bold")
      .fontSize(9)
      .fillColor(GREY)
      .text(label, MARGIN + width / 2, y);
    doc
      .font("Helvetica")
      .fontSize(10)
      .fillColor("black")
      .text(value, MARGIN + width / 2, doc.y);
    y = doc.y + 4;
  }
  if (d.creditsNumber) {
    doc.text(t("doc.credits", { number: d.creditsNumber }), MARGIN + width / 2, y);
    y = doc.y + 4;
  }
  doc.y = Math.max(leftEnd, y) + 12;
  party(doc, t("doc.to"), d.customer, d.customer.contactName, MARGIN, doc.y, width, t);
  doc.moveDown(1.5);

  // The lines.
  const header = () => {
    const at = doc.y;
    doc.font("Helvetica-Bold").fontSize(9).fillColor(GREY);
    cells(doc, at, [t("col.description"), t("col.quantity"), t("col.unit_price"), t("col.amount")]);
    doc.fillColor("black").font("Helvetica").fontSize(9);
    doc
      .moveTo(MARGIN, doc.y + 2)
      .lineTo(MARGIN + width, doc.y + 2)
      .strokeColor(GREY)
      .stroke();
    doc.y += 6;
  };
  header();
  for (const l of d.lines) {
    const texts = [
      printable(`${l.n}. ${l.description}`),
      printable(`${formatQuantity(l.quantity, d.language)} ${l.unit}`),
      printable(formatUnitPrice(l.unitPrice, d.currency, d.language)),
      money(l.amount),
    ];
    const height = doc.heightOfString(texts[0]!, { width: COLS.description });
    if (doc.y + height > bottom()) {
      doc.addPage();
      header();
    }
    cells(doc, doc.y, texts);
    doc.y += 3;
  }

  // Totals, right-aligned under the amounts.
  if (doc.y + 90 > bottom()) doc.addPage();
  doc
    .moveTo(MARGIN + width / 2, doc.y + 4)
    .lineTo(MARGIN + width, doc.y + 4)
    .strokeColor(GREY)
    .stroke();
  doc.y += 10;
  const totals: [string, string, boolean][] = [
    [t("sum.subtotal"), money(d.subtotal), false],
    [
      t("sum.vat", { rate: printable(formatQuantity(d.vatRate, d.language)) }),
      money(d.vatAmount),
      false,
    ],
    [t("sum.total"), money(d.total), true],
  ];
  for (const [label, value, bold] of totals) {
    const at = doc.y;
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(bold ? 11 : 10);
    doc.text(label, MARGIN + width / 2, at, { width: width / 2 - COLS.amount - 10 });
    doc.text(value, MARGIN + width - COLS.amount, at, { width: COLS.amount, align: "right" });
    doc.y = Math.max(doc.y, at + 14);
  }
  doc.moveDown(1.5);
  doc.font("Helvetica").fontSize(9).fillColor("black");
  doc.text(printable(d.vatStatement), MARGIN, doc.y, { width });
  doc.moveDown(0.5);
  doc.fillColor(GREY).text(t("rounding", { places: minorUnitsOf(d.currency) }), { width });
  if (d.draft) {
    doc.moveDown(0.5);
    doc.fillColor("black").font("Helvetica-Bold").text(t("doc.draft_note"), { width });
  }

  // On every page: its number, and a draft's watermark.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    if (d.draft) {
      doc.save();
      doc.rotate(-35, { origin: [doc.page.width / 2, doc.page.height / 2] });
      doc.font("Helvetica-Bold").fontSize(110).fillColor("#cc0000").fillOpacity(0.12);
      doc.text(t("doc.draft"), 0, doc.page.height / 2 - 60, {
        width: doc.page.width,
        align: "center",
        lineBreak: false,
      });
      doc.restore();
    }
    doc.font("Helvetica").fontSize(8).fillColor(GREY).fillOpacity(1);
    // Writing inside the bottom margin would make pdfkit open a page: lift the margin meanwhile.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.text(
      t("page", { n: i - range.start + 1, of: range.count }),
      MARGIN,
      doc.page.height - MARGIN + 10,
      { width, align: "center", lineBreak: false },
    );
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}

function party(
  doc: PDFKit.PDFDocument,
  label: string,
  p: Party,
  contact: string | null,
  x: number,
  y: number,
  width: number,
  t: (code: BillingTextCode, params?: Record<string, string | number>) => string,
) {
  doc.font("Helvetica-Bold").fontSize(9).fillColor(GREY).text(label, x, y, { width });
  doc.font("Helvetica-Bold").fontSize(11).fillColor("black").text(printable(p.name), { width });
  doc.font("Helvetica").fontSize(10);
  for (const line of p.address) doc.text(printable(line), { width });
  if (p.vatNumber) doc.text(t("doc.vat_number", { vatNumber: p.vatNumber }), { width });
  if (contact) doc.text(t("doc.contact", { name: contact }), { width });
}

/** One row of the lines' table at `y`; the cursor ends below its tallest cell. */
function cells(doc: PDFKit.PDFDocument, y: number, texts: string[]) {
  const widths = [COLS.description, COLS.quantity, COLS.unitPrice, COLS.amount];
  let x = MARGIN;
  let end = y;
  texts.forEach((text, i) => {
    doc.text(text, x, y, { width: widths[i]!, align: i === 0 ? "left" : "right" });
    end = Math.max(end, doc.y);
    x += widths[i]! + (i === 0 ? 10 : 0);
  });
  doc.y = end;
}
