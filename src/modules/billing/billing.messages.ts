import { defineCatalog } from "../../lib/messages/messages.js";

/**
 * The words of an invoice as a document (the PDF, docs/billing.md "Exports"), in the customer's
 * language. Amounts and dates are formatted by the PDF itself (Intl, from decimal strings), so the
 * templates take them as ready text.
 */
export const billingText = defineCatalog({
  en: {
    "doc.invoice": "Invoice",
    "doc.credit_note": "Credit note",
    "doc.draft": "DRAFT",
    "doc.draft_note":
      "Draft for review: not yet issued, it has no number and its amounts may still change.",
    "doc.from": "From",
    "doc.to": "Bill to",
    "doc.number": "Number",
    "doc.issued": "Date of issue",
    "doc.cycle": "Billing period",
    "doc.credits": "Credits invoice {number}",
    "doc.vat_number": "VAT number {vatNumber}",
    "doc.contact": "Attention of {name}",
    "doc.sub_account": "Sub-account",
    "doc.scope": "Covers",
    "doc.own_account_only": "SIMs on the main account (sub-accounts are invoiced separately)",
    "col.description": "Description",
    "col.quantity": "Quantity",
    "col.unit_price": "Unit price",
    "col.amount": "Amount",
    "sum.subtotal": "Subtotal",
    "sum.vat": "VAT {rate}%",
    "sum.total": "Total",
    "line.subscription": "{plan}: monthly fees",
    "line.activation": "{plan}: activation fees",
    "line.pool": "{plan}: data in {zone} beyond the pool",
    "line.allowance": "{plan}: data in {zone} beyond each SIM's allowance",
    "line.zone_data": "{plan}: data in {zone}",
    "line.sms": "{plan}: SMS in {zone}",
    "line.unpriced": "{plan}: usage in {zone}, which the plan does not price",
    "line.test_excess": "{plan}: test usage beyond the test allowance",
    "line.late_usage":
      "Usage of {start:day} – {end:day} received after invoice {invoice} was issued",
    "unit.SIM-month": "SIM-months",
    "unit.SIM": "SIMs",
    "unit.MB": "MB",
    "unit.SMS": "SMS",
    "unit.credit": "credit",
    "unit.late usage": "late usage",
    "zone.none": "networks in no zone",
    "vat.domestic": "VAT at {rate}% ({country:country}).",
    "vat.reverse_charge":
      "Reverse charge: VAT to be accounted for by the recipient, {vatNumber} (Article 196, Directive 2006/112/EC).",
    "vat.customer_country":
      "VAT at {rate}% of {country:country}, where the customer is (no VAT number on file).",
    "vat.outside_eu":
      "No VAT: services to a customer in {country:country}, outside the EU, are outside the scope of EU VAT.",
    "vat.operator_outside_eu": "No VAT: the supplier is not in the EU VAT area.",
    rounding:
      "Each line is the exact sum of its parts rounded half-up to {places} decimal places; the subtotal is the sum of the rounded lines and the VAT is rounded half-up the same way.",
    page: "Page {n} of {of}",
  },
  it: {
    "doc.invoice": "Fattura",
    "doc.credit_note": "Nota di credito",
    "doc.draft": "BOZZA",
    "doc.draft_note":
      "Bozza da verificare: non ancora emessa, non ha numero e gli importi possono ancora cambiare.",
    "doc.from": "Fornitore",
    "doc.to": "Intestatario",
    "doc.number": "Numero",
    "doc.issued": "Data di emissione",
    "doc.cycle": "Periodo di fatturazione",
    "doc.credits": "Storna la fattura {number}",
    "doc.vat_number": "Partita IVA {vatNumber}",
    "doc.contact": "All'attenzione di {name}",
    "doc.sub_account": "Sottoconto",
    "doc.scope": "Comprende",
    "doc.own_account_only": "SIM del conto principale (i sottoconti sono fatturati a parte)",
    "col.description": "Descrizione",
    "col.quantity": "Quantità",
    "col.unit_price": "Prezzo unitario",
    "col.amount": "Importo",
    "sum.subtotal": "Imponibile",
    "sum.vat": "IVA {rate}%",
    "sum.total": "Totale",
    "line.subscription": "{plan}: canoni mensili",
    "line.activation": "{plan}: costi di attivazione",
    "line.pool": "{plan}: dati in {zone} oltre il pool",
    "line.allowance": "{plan}: dati in {zone} oltre la soglia inclusa di ogni SIM",
    "line.zone_data": "{plan}: dati in {zone}",
    "line.sms": "{plan}: SMS in {zone}",
    "line.unpriced": "{plan}: traffico in {zone}, per cui il piano non prevede un prezzo",
    "line.test_excess": "{plan}: traffico di prova oltre la soglia di prova",
    "line.late_usage":
      "Traffico dal {start:day} al {end:day} ricevuto dopo l'emissione della fattura {invoice}",
    "unit.SIM-month": "mesi-SIM",
    "unit.SIM": "SIM",
    "unit.MB": "MB",
    "unit.SMS": "SMS",
    "unit.credit": "accredito",
    "unit.late usage": "traffico tardivo",
    "zone.none": "reti fuori zona",
    "vat.domestic": "IVA al {rate}% ({country:country}).",
    "vat.reverse_charge":
      "Inversione contabile: IVA da assolvere a cura del destinatario, {vatNumber} (articolo 196, direttiva 2006/112/CE).",
    "vat.customer_country":
      "IVA al {rate}% di {country:country}, paese del cliente (nessuna partita IVA registrata).",
    "vat.outside_eu":
      "Senza IVA: servizi a un cliente in {country:country}, fuori dall'UE, fuori campo IVA UE.",
    "vat.operator_outside_eu": "Senza IVA: il fornitore non è nell'area IVA dell'UE.",
    rounding:
      "Ogni riga è la somma esatta delle sue parti arrotondata per eccesso dal mezzo a {places} decimali; l'imponibile è la somma delle righe arrotondate e l'IVA è arrotondata allo stesso modo.",
    page: "Pagina {n} di {of}",
  },
  sv: {
    "doc.invoice": "Faktura",
    "doc.credit_note": "Kreditnota",
    "doc.draft": "UTKAST",
    "doc.draft_note":
      "Utkast för granskning: ännu inte utfärdat, det har inget nummer och beloppen kan ändras.",
    "doc.from": "Leverantör",
    "doc.to": "Faktureras",
    "doc.number": "Nummer",
    "doc.issued": "Fakturadatum",
    "doc.cycle": "Faktureringsperiod",
    "doc.credits": "Krediterar faktura {number}",
    "doc.vat_number": "Momsregistreringsnummer {vatNumber}",
    "doc.contact": "Att: {name}",
    "doc.sub_account": "Underkonto",
    "doc.scope": "Omfattar",
    "doc.own_account_only": "SIM-kort på huvudkontot (underkonton faktureras separat)",
    "col.description": "Beskrivning",
    "col.quantity": "Antal",
    "col.unit_price": "Á-pris",
    "col.amount": "Belopp",
    "sum.subtotal": "Summa exkl. moms",
    "sum.vat": "Moms {rate}%",
    "sum.total": "Att betala",
    "line.subscription": "{plan}: månadsavgifter",
    "line.activation": "{plan}: aktiveringsavgifter",
    "line.pool": "{plan}: data i {zone} utöver poolen",
    "line.allowance": "{plan}: data i {zone} utöver varje SIM-korts ingående mängd",
    "line.zone_data": "{plan}: data i {zone}",
    "line.sms": "{plan}: SMS i {zone}",
    "line.unpriced": "{plan}: trafik i {zone}, som planen inte prissätter",
    "line.test_excess": "{plan}: testtrafik utöver testkvoten",
    "line.late_usage":
      "Trafik {start:day} – {end:day} som kom in efter att faktura {invoice} utfärdats",
    "unit.SIM-month": "SIM-månader",
    "unit.SIM": "SIM-kort",
    "unit.MB": "MB",
    "unit.SMS": "sms",
    "unit.credit": "kredit",
    "unit.late usage": "sen trafik",
    "zone.none": "nät utanför zonerna",
    "vat.domestic": "Moms {rate} % ({country:country}).",
    "vat.reverse_charge":
      "Omvänd betalningsskyldighet: mottagaren redovisar momsen, {vatNumber} (artikel 196, direktiv 2006/112/EG).",
    "vat.customer_country":
      "Moms {rate} % i {country:country}, där kunden finns (inget momsregistreringsnummer registrerat).",
    "vat.outside_eu":
      "Ingen moms: tjänster till en kund i {country:country}, utanför EU, omfattas inte av EU-moms.",
    "vat.operator_outside_eu": "Ingen moms: leverantören finns inte inom EU:s momsområde.",
    rounding:
      "Varje rad är den exakta summan av sina delar avrundad (från mitten uppåt) till {places} decimaler; summan exkl. moms är summan av de avrundade raderna och momsen avrundas på samma sätt.",
    page: "Sida {n} av {of}",
  },
});

export type BillingTextCode = keyof (typeof billingText.templates)["en"];

/**
 * The words of an invoice line's explanation as plain text for a reply to the customer
 * (explanation-text.ts), in the customer's language. Figures arrive already formatted for the
 * language (decimal comma, currency), so the templates take them as text.
 */
export const explanationText = defineCatalog({
  en: {
    "doc.invoice": "Invoice {number}",
    "doc.credit_note": "Credit note {number}",
    "doc.draft": "Draft invoice",
    title: "{doc:msg}, line {n}: {line:msg} — {amount}",
    "line.subscription": "{plan}: monthly fees",
    "line.activation": "{plan}: activation fees",
    "line.pool": "{plan}: data in {zone} beyond the {pool:msg} pool",
    "line.allowance": "{plan}: data in {zone} beyond each SIM's allowance",
    "line.zone_data": "{plan}: data in {zone}",
    "line.unpriced": "{plan}: data in {zone}, which the plan does not price",
    "line.unpriced_sms": "{plan}: SMS in {zone}, which the plan does not price",
    "line.sms": "{plan}: SMS in {zone}",
    "line.test_excess": "{plan}: test usage beyond the test allowance",
    "line.late_usage": "Usage of {start} – {end} received after invoice {invoice} was issued",
    "pool.flex": "flexible",
    "pool.fixed": "fixed",
    "zone.none": "a network in no zone",
    cycle: "Billing cycle: {start} – {end} ({days} days).",
    cycle_version: "Billing cycle: {start} – {end} ({days} days), plan version {version}.",
    arithmetic: "How the amount is made:",
    part: "{quantity} {unit:msg} × {price} = {amount}",
    part_version: "{quantity} {unit:msg} × {price} (plan version {version}) = {amount}",
    sum: "Sum of the parts: {exact}, rounded half-up to {places} decimals: {amount}.",
    "unit.MB": "MB",
    "unit.SMS": "SMS",
    "unit.SIM-month": "SIM-months",
    "unit.SIM": "SIMs",
    "unit.credit": "credit",
    "sims.all": "The SIMs behind this line:",
    "sims.first": "The first {count} SIMs behind this line:",
    "sim.fee": "{iccid}: {days} billable days, {share}",
    "sim.activation": "{iccid}: activated on {date}",
    "sim.usage": "{iccid}: {MB} MB on {days} days, {sessions} data sessions",
    "sim.sms": "{iccid}: {mo} SMS sent and {mt} received on {days} days",
    "sim.late":
      "{iccid}: {MB} MB and {sms} SMS more in {zone:msg}, used there on {days} days (on {billed} when billed)",
  },
  it: {
    "doc.invoice": "Fattura {number}",
    "doc.credit_note": "Nota di credito {number}",
    "doc.draft": "Bozza di fattura",
    title: "{doc:msg}, riga {n}: {line:msg} — {amount}",
    "line.subscription": "{plan}: canoni mensili",
    "line.activation": "{plan}: costi di attivazione",
    "line.pool": "{plan}: dati in {zone} oltre il pool {pool:msg}",
    "line.allowance": "{plan}: dati in {zone} oltre la soglia inclusa di ogni SIM",
    "line.zone_data": "{plan}: dati in {zone}",
    "line.unpriced": "{plan}: dati in {zone}, zona senza prezzo nel piano",
    "line.unpriced_sms": "{plan}: SMS in {zone}, zona senza prezzo nel piano",
    "line.sms": "{plan}: SMS in {zone}",
    "line.test_excess": "{plan}: traffico di prova oltre la soglia di prova",
    "line.late_usage":
      "Traffico dal {start} al {end} ricevuto dopo l'emissione della fattura {invoice}",
    "pool.flex": "flessibile",
    "pool.fixed": "fisso",
    "zone.none": "una rete che non appartiene a nessuna zona",
    cycle: "Ciclo di fatturazione: {start} – {end} ({days} giorni).",
    cycle_version:
      "Ciclo di fatturazione: {start} – {end} ({days} giorni), versione del piano {version}.",
    arithmetic: "Come si arriva all'importo:",
    part: "{quantity} {unit:msg} × {price} = {amount}",
    part_version: "{quantity} {unit:msg} × {price} (versione del piano {version}) = {amount}",
    sum: "Somma delle parti: {exact}, arrotondata per eccesso a {places} decimali: {amount}.",
    "unit.MB": "MB",
    "unit.SMS": "SMS",
    "unit.SIM-month": "mesi-SIM",
    "unit.SIM": "SIM",
    "unit.credit": "accredito",
    "sims.all": "Le SIM dietro questa riga:",
    "sims.first": "Le prime {count} SIM dietro questa riga:",
    "sim.fee": "{iccid}: {days} giorni fatturabili, {share}",
    "sim.activation": "{iccid}: attivata il {date}",
    "sim.usage": "{iccid}: {MB} MB in {days} giorni, {sessions} sessioni dati",
    "sim.sms": "{iccid}: {mo} SMS inviati e {mt} ricevuti in {days} giorni",
    "sim.late":
      "{iccid}: {MB} MB e {sms} SMS in più in {zone:msg}, usata lì in {days} giorni ({billed} alla fatturazione)",
  },
  sv: {
    "doc.invoice": "Faktura {number}",
    "doc.credit_note": "Kreditnota {number}",
    "doc.draft": "Fakturautkast",
    title: "{doc:msg}, rad {n}: {line:msg} — {amount}",
    "line.subscription": "{plan}: månadsavgifter",
    "line.activation": "{plan}: aktiveringsavgifter",
    "line.pool": "{plan}: data i {zone} utöver den {pool:msg} poolen",
    "line.allowance": "{plan}: data i {zone} utöver varje SIM-korts inkluderade mängd",
    "line.zone_data": "{plan}: data i {zone}",
    "line.unpriced": "{plan}: data i {zone}, som planen inte prissätter",
    "line.unpriced_sms": "{plan}: sms i {zone}, som planen inte prissätter",
    "line.sms": "{plan}: sms i {zone}",
    "line.test_excess": "{plan}: testtrafik utöver testkvoten",
    "line.late_usage": "Trafik {start} – {end} som kom in efter att faktura {invoice} utfärdats",
    "pool.flex": "flexibla",
    "pool.fixed": "fasta",
    "zone.none": "ett nät utanför alla zoner",
    cycle: "Faktureringsperiod: {start} – {end} ({days} dagar).",
    cycle_version: "Faktureringsperiod: {start} – {end} ({days} dagar), planversion {version}.",
    arithmetic: "Så räknas beloppet fram:",
    part: "{quantity} {unit:msg} × {price} = {amount}",
    part_version: "{quantity} {unit:msg} × {price} (planversion {version}) = {amount}",
    sum: "Summan av delarna: {exact}, avrundad uppåt vid hälften till {places} decimaler: {amount}.",
    "unit.MB": "MB",
    "unit.SMS": "sms",
    "unit.SIM-month": "SIM-månader",
    "unit.SIM": "SIM-kort",
    "unit.credit": "kredit",
    "sims.all": "SIM-korten bakom denna rad:",
    "sims.first": "De första {count} SIM-korten bakom denna rad:",
    "sim.fee": "{iccid}: {days} debiterbara dagar, {share}",
    "sim.activation": "{iccid}: aktiverat {date}",
    "sim.usage": "{iccid}: {MB} MB på {days} dagar, {sessions} datasessioner",
    "sim.sms": "{iccid}: {mo} sms skickade och {mt} mottagna på {days} dagar",
    "sim.late":
      "{iccid}: {MB} MB och {sms} sms till i {zone:msg}, använt där på {days} dagar ({billed} vid faktureringen)",
  },
});

/**
 * The sentences of a comparison of two cycles (`GET /api/v1/accounts/{id}/billing/compare`), in the
 * reader's language. Money is `{x:money}` ("12.50 EUR"), megabytes are numbers with one decimal.
 */
export const compareText = defineCatalog({
  en: {
    "compare.total_same": "The total is the same as in the cycle from {from}: {total:money}.",
    "compare.total_up": "The total went up by {difference:money}, from {from:money} to {to:money}.",
    "compare.total_down":
      "The total went down by {difference:money}, from {from:money} to {to:money}.",
    "compare.sims_more": "{count:number} more SIMs were active ({from:number} → {to:number}).",
    "compare.sims_fewer": "{count:number} fewer SIMs were active ({from:number} → {to:number}).",
    "compare.data_more":
      "{mb:number} MB more data were used in {zone} ({from:number} MB → {to:number} MB).",
    "compare.data_less":
      "{mb:number} MB less data were used in {zone} ({from:number} MB → {to:number} MB).",
    "compare.data_more_priced":
      "{mb:number} MB more data were used in {zone}, which your plan prices at {price:money}/MB ({from:number} MB → {to:number} MB).",
    "compare.data_less_priced":
      "{mb:number} MB less data were used in {zone}, which your plan prices at {price:money}/MB ({from:number} MB → {to:number} MB).",
    "compare.pool_grew": "The pool grew by {mb:number} MB ({from:number} MB → {to:number} MB).",
    "compare.pool_shrank": "The pool shrank by {mb:number} MB ({from:number} MB → {to:number} MB).",
    "compare.no_zone": "networks in no zone",
  },
  it: {
    "compare.total_same": "Il totale è uguale a quello del ciclo dal {from}: {total:money}.",
    "compare.total_up":
      "Il totale è aumentato di {difference:money}, da {from:money} a {to:money}.",
    "compare.total_down":
      "Il totale è diminuito di {difference:money}, da {from:money} a {to:money}.",
    "compare.sims_more": "Erano attive {count:number} SIM in più ({from:number} → {to:number}).",
    "compare.sims_fewer": "Erano attive {count:number} SIM in meno ({from:number} → {to:number}).",
    "compare.data_more":
      "Sono stati usati {mb:number} MB di dati in più in {zone} ({from:number} MB → {to:number} MB).",
    "compare.data_less":
      "Sono stati usati {mb:number} MB di dati in meno in {zone} ({from:number} MB → {to:number} MB).",
    "compare.data_more_priced":
      "Sono stati usati {mb:number} MB di dati in più in {zone}, che il piano tariffa {price:money}/MB ({from:number} MB → {to:number} MB).",
    "compare.data_less_priced":
      "Sono stati usati {mb:number} MB di dati in meno in {zone}, che il piano tariffa {price:money}/MB ({from:number} MB → {to:number} MB).",
    "compare.pool_grew":
      "Il pool è cresciuto di {mb:number} MB ({from:number} MB → {to:number} MB).",
    "compare.pool_shrank":
      "Il pool si è ridotto di {mb:number} MB ({from:number} MB → {to:number} MB).",
    "compare.no_zone": "reti fuori da ogni zona",
  },
  sv: {
    "compare.total_same": "Totalen är densamma som i perioden från {from}: {total:money}.",
    "compare.total_up": "Totalen ökade med {difference:money}, från {from:money} till {to:money}.",
    "compare.total_down":
      "Totalen minskade med {difference:money}, från {from:money} till {to:money}.",
    "compare.sims_more": "{count:number} fler SIM-kort var aktiva ({from:number} → {to:number}).",
    "compare.sims_fewer": "{count:number} färre SIM-kort var aktiva ({from:number} → {to:number}).",
    "compare.data_more":
      "{mb:number} MB mer data användes i {zone} ({from:number} MB → {to:number} MB).",
    "compare.data_less":
      "{mb:number} MB mindre data användes i {zone} ({from:number} MB → {to:number} MB).",
    "compare.data_more_priced":
      "{mb:number} MB mer data användes i {zone}, som din plan prissätter till {price:money}/MB ({from:number} MB → {to:number} MB).",
    "compare.data_less_priced":
      "{mb:number} MB mindre data användes i {zone}, som din plan prissätter till {price:money}/MB ({from:number} MB → {to:number} MB).",
    "compare.pool_grew": "Poolen växte med {mb:number} MB ({from:number} MB → {to:number} MB).",
    "compare.pool_shrank": "Poolen krympte med {mb:number} MB ({from:number} MB → {to:number} MB).",
    "compare.no_zone": "nät utanför alla zoner",
  },
});

/**
 * An invoice line in one or two plain sentences: the explanation's `summaryMessage` (API and
 * console) and the summary of the explanation as text, in the reader's language. The parameters
 * are the line's own figures, raw: byte counts (`{x:mb}`, megabytes as billing counts them), money
 * as "7.00 EUR" (`{x:money}`), counts (`{x:number}`), calendar days (`{x:day}`).
 */
export const lineSummaryText = defineCatalog({
  en: {
    "pool.flex": "flexible",
    "pool.fixed": "fixed",
    "zone.none": "a network in no zone",
    "summary.subscription":
      "{simDays:number} days in a billable state across the plan's {sims:number} SIMs, each day at 1/{cycleDays:number} of the monthly fee.",
    "summary.activation": "{sims:number} SIMs were activated for the first time in this cycle.",
    "summary.pool":
      "The {pool:msg} pool held {poolBytes:mb} MB for {zone:msg}; {homeBytes:mb} MB were used there, {overBytes:mb} MB beyond the pool.",
    "summary.pool_within":
      "The {pool:msg} pool held {poolBytes:mb} MB for {zone:msg}; {homeBytes:mb} MB were used there, all within the pool.",
    "summary.allowance":
      "Each SIM includes {allowanceBytes:mb} MB in {zone:msg}; {overBytes:mb} MB were used beyond the SIMs' own allowances.",
    "summary.zone_data":
      "{bytes:mb} MB were used in {zone:msg}, which the plan prices at {price:money} per MB from the first byte (not from the pool).",
    "summary.unpriced":
      "{bytes:mb} MB were used in {zone:msg}, which the rate plan does not price yet: it will be priced before the invoice is issued.",
    "summary.unpriced_sms":
      "{sms:number} SMS were sent or received in {zone:msg}, which the rate plan does not price yet: they will be priced before the invoice is issued.",
    "summary.sms":
      "{sms:number} SMS beyond the {included:number} included were sent or received in {zone:msg}.",
    "summary.test_excess":
      "{sims:number} SIMs used more than their free test allowance before activation; the excess is charged at the prices of {zone:msg}.",
    "summary.credit": "Credit on invoice {invoice}: {reason}",
    "summary.late_usage":
      "{bytes:mb} MB and {sms:number} SMS of the cycle {start:day} – {end:day} were recorded after invoice {invoice} was issued; rated with the rest of that cycle's usage, they add {amount:money}.",
  },
  it: {
    "pool.flex": "flessibile",
    "pool.fixed": "fisso",
    "zone.none": "una rete che non appartiene a nessuna zona",
    "summary.subscription":
      "{simDays:number} giorni in uno stato fatturabile per le {sims:number} SIM del piano, ogni giorno a 1/{cycleDays:number} del canone mensile.",
    "summary.activation":
      "{sims:number} SIM sono state attivate per la prima volta in questo ciclo.",
    "summary.pool":
      "Il pool {pool:msg} conteneva {poolBytes:mb} MB per {zone:msg}; ne sono stati usati {homeBytes:mb} MB, {overBytes:mb} MB oltre il pool.",
    "summary.pool_within":
      "Il pool {pool:msg} conteneva {poolBytes:mb} MB per {zone:msg}; ne sono stati usati {homeBytes:mb} MB, tutti entro il pool.",
    "summary.allowance":
      "Ogni SIM include {allowanceBytes:mb} MB in {zone:msg}; {overBytes:mb} MB sono stati usati oltre le soglie delle singole SIM.",
    "summary.zone_data":
      "Sono stati usati {bytes:mb} MB in {zone:msg}, che il piano tariffa a {price:money} per MB dal primo byte (non dal pool).",
    "summary.unpriced":
      "Sono stati usati {bytes:mb} MB in {zone:msg}, che il piano tariffario non prezza ancora: il prezzo sarà fissato prima dell'emissione della fattura.",
    "summary.unpriced_sms":
      "{sms:number} SMS sono stati inviati o ricevuti in {zone:msg}, che il piano tariffario non prezza ancora: il prezzo sarà fissato prima dell'emissione della fattura.",
    "summary.sms":
      "{sms:number} SMS oltre i {included:number} inclusi sono stati inviati o ricevuti in {zone:msg}.",
    "summary.test_excess":
      "{sims:number} SIM hanno superato la soglia di prova gratuita prima dell'attivazione; l'eccedenza è addebitata ai prezzi di {zone:msg}.",
    "summary.credit": "Accredito sulla fattura {invoice}: {reason}",
    "summary.late_usage":
      "{bytes:mb} MB e {sms:number} SMS del ciclo {start:day} – {end:day} sono stati registrati dopo l'emissione della fattura {invoice}; tariffati con il resto del traffico di quel ciclo, aggiungono {amount:money}.",
  },
  sv: {
    "pool.flex": "flexibla",
    "pool.fixed": "fasta",
    "zone.none": "ett nät utanför alla zoner",
    "summary.subscription":
      "{simDays:number} dagar i debiterbar status för planens {sims:number} SIM-kort, varje dag till 1/{cycleDays:number} av månadsavgiften.",
    "summary.activation": "{sims:number} SIM-kort aktiverades för första gången i denna period.",
    "summary.pool":
      "Den {pool:msg} poolen rymde {poolBytes:mb} MB för {zone:msg}; {homeBytes:mb} MB användes där, {overBytes:mb} MB utöver poolen.",
    "summary.pool_within":
      "Den {pool:msg} poolen rymde {poolBytes:mb} MB för {zone:msg}; {homeBytes:mb} MB användes där, allt inom poolen.",
    "summary.allowance":
      "Varje SIM-kort har {allowanceBytes:mb} MB inkluderat i {zone:msg}; {overBytes:mb} MB användes utöver SIM-kortens egna mängder.",
    "summary.zone_data":
      "{bytes:mb} MB användes i {zone:msg}, som planen prissätter till {price:money} per MB från första byten (inte från poolen).",
    "summary.unpriced":
      "{bytes:mb} MB användes i {zone:msg}, som prisplanen ännu inte prissätter: den prissätts innan fakturan utfärdas.",
    "summary.unpriced_sms":
      "{sms:number} sms skickades eller togs emot i {zone:msg}, som prisplanen ännu inte prissätter: de prissätts innan fakturan utfärdas.",
    "summary.sms":
      "{sms:number} sms utöver de {included:number} inkluderade skickades eller togs emot i {zone:msg}.",
    "summary.test_excess":
      "{sims:number} SIM-kort använde mer än sin fria testkvot före aktivering; överskottet debiteras till priserna för {zone:msg}.",
    "summary.credit": "Kredit på faktura {invoice}: {reason}",
    "summary.late_usage":
      "{bytes:mb} MB och {sms:number} sms från perioden {start:day} – {end:day} registrerades efter att faktura {invoice} utfärdats; prissatta med resten av periodens trafik tillkommer {amount:money}.",
  },
});

export type LineSummaryCode = keyof (typeof lineSummaryText.templates)["en"];

/**
 * The mail that carries an issued invoice's PDF to the customer's billing contact, in the
 * customer's language (the PDF's). Money is `{x:money}` ("1468.88 EUR"), days `{x:day}`.
 */
export const invoiceMailText = defineCatalog({
  en: {
    "subject.invoice": "Invoice {number}, {start:day} – {end:day}",
    "subject.credit_note": "Credit note {number} for invoice {credited}",
    greeting: "Dear {name},",
    greeting_none: "Hello,",
    "intro.invoice":
      "Please find attached invoice {number} for the billing period {start:day} – {end:day}.",
    "intro.credit_note":
      "Please find attached credit note {number}, which credits invoice {credited} for the billing period {start:day} – {end:day}.",
    subtotal: "Subtotal: {amount:money}",
    vat: "VAT {rate}%: {amount:money}",
    reverse_charge: "VAT: reverse charge, to be accounted for by the recipient",
    "total.invoice": "Total: {amount:money}",
    "total.credit_note": "Total credited: {amount:money}",
    attached: "The PDF attached ({file}) is the document for your records.",
    closing: "Kind regards,",
  },
  it: {
    "subject.invoice": "Fattura {number}, {start:day} – {end:day}",
    "subject.credit_note": "Nota di credito {number} per la fattura {credited}",
    greeting: "Gentile {name},",
    greeting_none: "Buongiorno,",
    "intro.invoice":
      "in allegato trova la fattura {number} per il periodo di fatturazione {start:day} – {end:day}.",
    "intro.credit_note":
      "in allegato trova la nota di credito {number}, che storna la fattura {credited} per il periodo di fatturazione {start:day} – {end:day}.",
    subtotal: "Imponibile: {amount:money}",
    vat: "IVA {rate}%: {amount:money}",
    reverse_charge: "IVA: inversione contabile, da assolvere a cura del destinatario",
    "total.invoice": "Totale: {amount:money}",
    "total.credit_note": "Totale stornato: {amount:money}",
    attached: "Il PDF allegato ({file}) è il documento da conservare.",
    closing: "Cordiali saluti,",
  },
  sv: {
    "subject.invoice": "Faktura {number}, {start:day} – {end:day}",
    "subject.credit_note": "Kreditnota {number} för faktura {credited}",
    greeting: "Hej {name},",
    greeting_none: "Hej,",
    "intro.invoice":
      "Bifogat finns faktura {number} för faktureringsperioden {start:day} – {end:day}.",
    "intro.credit_note":
      "Bifogat finns kreditnota {number}, som krediterar faktura {credited} för faktureringsperioden {start:day} – {end:day}.",
    subtotal: "Summa exkl. moms: {amount:money}",
    vat: "Moms {rate} %: {amount:money}",
    reverse_charge: "Moms: omvänd betalningsskyldighet, mottagaren redovisar momsen",
    "total.invoice": "Att betala: {amount:money}",
    "total.credit_note": "Krediterat belopp: {amount:money}",
    attached: "Den bifogade PDF-filen ({file}) är dokumentet för er bokföring.",
    closing: "Med vänliga hälsningar",
  },
});
