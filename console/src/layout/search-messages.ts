import { defineMessages } from "../i18n";

/** The search box's own words (its label, placeholder and group names are in i18n/common.ts). */
export const searchMessages = defineMessages({
  en: {
    hint: "Type at least 3 digits of an identifier or 2 letters of a customer's name.",
    searching: "Searching…",
    results: "{sims} SIMs and {accounts} customers found. Use the arrow keys to choose.",
    more: "More match: keep typing to narrow them down.",
    matchedIccid: "ICCID",
    matchedImsi: "IMSI",
    matchedMsisdn: "MSISDN",
    matchedImei: "IMEI",
    matchedNetworkImei: "IMEI seen by the network",
    openExact: "Press Enter to open SIM {q}.",
    subAccountOf: "under {parent}",
  },
  it: {
    hint: "Scrivi almeno 3 cifre di un identificativo o 2 lettere del nome di un cliente.",
    searching: "Ricerca in corso…",
    results: "Trovate {sims} SIM e {accounts} clienti. Usa le frecce per scegliere.",
    more: "Ci sono altri risultati: continua a scrivere per restringerli.",
    matchedIccid: "ICCID",
    matchedImsi: "IMSI",
    matchedMsisdn: "MSISDN",
    matchedImei: "IMEI",
    matchedNetworkImei: "IMEI visto dalla rete",
    openExact: "Premi Invio per aprire la SIM {q}.",
    subAccountOf: "sotto {parent}",
  },
  sv: {
    hint: "Skriv minst 3 siffror av en identifierare eller 2 bokstäver av ett kundnamn.",
    searching: "Söker…",
    results: "{sims} SIM-kort och {accounts} kunder hittades. Välj med piltangenterna.",
    more: "Fler träffar finns: skriv mer för att begränsa dem.",
    matchedIccid: "ICCID",
    matchedImsi: "IMSI",
    matchedMsisdn: "MSISDN",
    matchedImei: "IMEI",
    matchedNetworkImei: "IMEI som nätet såg",
    openExact: "Tryck Enter för att öppna SIM-kortet {q}.",
    subAccountOf: "under {parent}",
  },
});
