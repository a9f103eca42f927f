import type { ClarityLanguage, GlossaryTerm } from "./clarity.types.js";

/**
 * The glossary Otter ships: the terms of IoT connectivity a customer's technician may know and
 * their purchasing or finance colleague often does not, each with a plain explanation in English,
 * Italian and Swedish. The explanation is what the check offers to put in brackets after the term,
 * so it reads as a short noun phrase, uses no other term of the glossary, and says "equipment"
 * rather than "device" (a word the customer may not use: see the customer_term rule).
 */
const TERMS: [term: string, en: string, it: string, sv: string][] = [
  [
    "APN",
    "the access point name: the setting that tells the SIM which data network to use",
    "il nome del punto di accesso: l'impostazione che dice alla SIM quale rete dati usare",
    "namnet på åtkomstpunkten: inställningen som talar om för SIM-kortet vilket datanät det ska använda",
  ],
  [
    "PDP context",
    "the data session the SIM opens to send and receive data",
    "la sessione dati che la SIM apre per inviare e ricevere dati",
    "datasessionen som SIM-kortet öppnar för att skicka och ta emot data",
  ],
  [
    "PDP",
    "the data session the SIM opens to send and receive data",
    "la sessione dati che la SIM apre per inviare e ricevere dati",
    "datasessionen som SIM-kortet öppnar för att skicka och ta emot data",
  ],
  [
    "IMSI",
    "the number that identifies the SIM to the mobile network",
    "il numero che identifica la SIM verso la rete mobile",
    "numret som identifierar SIM-kortet mot mobilnätet",
  ],
  [
    "ICCID",
    "the serial number printed on the SIM card",
    "il numero di serie stampato sulla SIM",
    "serienumret som står tryckt på SIM-kortet",
  ],
  [
    "MSISDN",
    "the phone number of the SIM",
    "il numero di telefono della SIM",
    "SIM-kortets telefonnummer",
  ],
  [
    "IMEI",
    "the serial number of the equipment the SIM sits in",
    "il numero di serie dell'apparecchio in cui si trova la SIM",
    "serienumret på utrustningen som SIM-kortet sitter i",
  ],
  [
    "EID",
    "the serial number of an eSIM chip",
    "il numero di serie di un chip eSIM",
    "serienumret på ett eSIM-chip",
  ],
  [
    "eUICC",
    "a SIM chip that can take a new operator profile over the air",
    "un chip SIM il cui profilo d'operatore si può cambiare a distanza",
    "ett SIM-chip vars operatörsprofil kan bytas på distans",
  ],
  [
    "RAT",
    "the radio technology in use, such as 4G or 2G",
    "la tecnologia radio in uso, per esempio 4G o 2G",
    "radiotekniken som används, till exempel 4G eller 2G",
  ],
  [
    "PLMN",
    "a mobile network, identified by its country and operator codes",
    "una rete mobile, identificata dai codici del paese e dell'operatore",
    "ett mobilnät, identifierat med lands- och operatörskod",
  ],
  [
    "MCC",
    "the country code of a mobile network",
    "il codice del paese di una rete mobile",
    "landskoden för ett mobilnät",
  ],
  [
    "MNC",
    "the code of an operator within a country",
    "il codice di un operatore all'interno di un paese",
    "koden för en operatör inom ett land",
  ],
  [
    "HLR",
    "the mobile network's register of its SIMs and where they are",
    "il registro della rete mobile con le sue SIM e dove si trovano",
    "mobilnätets register över dess SIM-kort och var de befinner sig",
  ],
  [
    "HSS",
    "the 4G network's register of its SIMs and where they are",
    "il registro della rete 4G con le sue SIM e dove si trovano",
    "4G-nätets register över dess SIM-kort och var de befinner sig",
  ],
  [
    "RADIUS",
    "the protocol the network uses to report each data session to us",
    "il protocollo con cui la rete ci comunica ogni sessione dati",
    "protokollet som nätet använder för att rapportera varje datasession till oss",
  ],
  [
    "GGSN",
    "the gateway between the mobile network and the internet",
    "il gateway tra la rete mobile e internet",
    "gatewayen mellan mobilnätet och internet",
  ],
  [
    "PGW",
    "the gateway between the 4G network and the internet",
    "il gateway tra la rete 4G e internet",
    "gatewayen mellan 4G-nätet och internet",
  ],
  [
    "SMSC",
    "the centre that stores and delivers text messages",
    "il centro che conserva e consegna gli SMS",
    "centralen som lagrar och levererar sms",
  ],
  [
    "LTE-M",
    "a low-power version of 4G for small IoT equipment",
    "una versione a basso consumo del 4G per piccoli apparecchi IoT",
    "en strålsnål variant av 4G för liten IoT-utrustning",
  ],
  [
    "NB-IoT",
    "a narrow-band, very low-power mobile technology for equipment that sends little data",
    "una tecnologia mobile a banda stretta e bassissimo consumo per apparecchi che inviano pochi dati",
    "en smalbandig mobilteknik med mycket låg strömförbrukning för utrustning som skickar lite data",
  ],
  [
    "roaming",
    "using a partner's mobile network outside the home network's area",
    "l'uso della rete mobile di un partner fuori dall'area della rete di casa",
    "användning av en partners mobilnät utanför hemnätets område",
  ],
  [
    "IPsec",
    "an encrypted tunnel between our network and yours",
    "un tunnel cifrato tra la nostra rete e la vostra",
    "en krypterad tunnel mellan vårt nät och ert",
  ],
  [
    "CoA",
    "a message that changes or ends a running data session",
    "un messaggio che cambia o chiude una sessione dati in corso",
    "ett meddelande som ändrar eller avslutar en pågående datasession",
  ],
  [
    "steering of roaming",
    "our choice of which partner network a SIM uses abroad",
    "la nostra scelta della rete partner che una SIM usa all'estero",
    "vårt val av vilket partnernät ett SIM-kort använder utomlands",
  ],
];

const LANGUAGE_COLUMN: Record<ClarityLanguage, 1 | 2 | 3> = { en: 1, it: 2, sv: 3 };

/** The shipped glossary: one entry per term and language. */
export const CLARITY_GLOSSARY_SEED: GlossaryTerm[] = (["en", "it", "sv"] as const).flatMap(
  (language) =>
    TERMS.map((row) => ({ language, term: row[0], explanation: row[LANGUAGE_COLUMN[language]] })),
);
