import { defineCatalog } from "../../lib/messages/messages.js";

/** Why a SIM has the connectivity it has (network-view.service.ts), in every language. */
export const connectivityText = defineCatalog({
  en: {
    "connectivity.not_connecting": "The SIM is {state:state}; the network refuses it.",
    "connectivity.limit_reached":
      "The data limit of {limit:bytes} for this cycle is reached ({used:bytes} used).",
    "connectivity.session_open": "A data session on {apn} is open since {since:date}.",
    "connectivity.session_open_unknown_apn":
      "A data session on an unknown APN is open since {since:date}.",
    "connectivity.attached": "Registered on the network, no data session open.",
    "connectivity.rejected": "The last registration was rejected (cause {cause}).",
    "connectivity.purge": "The network reported purge.",
    "connectivity.cancel_location": "The network reported cancel location.",
    "connectivity.timed_out": "Nothing heard for longer than the registration timeout.",
    "connectivity.never_seen": "The network has never reported this SIM.",
  },
  it: {
    "connectivity.not_connecting": "La SIM è nello stato {state:state}; la rete la rifiuta.",
    "connectivity.limit_reached":
      "Il limite dati di {limit:bytes} per questo ciclo è stato raggiunto ({used:bytes} consumati).",
    "connectivity.session_open": "Una sessione dati su {apn} è aperta dal {since:date}.",
    "connectivity.session_open_unknown_apn":
      "Una sessione dati su un APN sconosciuto è aperta dal {since:date}.",
    "connectivity.attached": "Registrata sulla rete, nessuna sessione dati aperta.",
    "connectivity.rejected": "L'ultima registrazione è stata rifiutata (causa {cause}).",
    "connectivity.purge": "La rete ha segnalato un purge.",
    "connectivity.cancel_location": "La rete ha segnalato un cancel location.",
    "connectivity.timed_out": "Nessun segnale da più del timeout di registrazione.",
    "connectivity.never_seen": "La rete non ha mai segnalato questa SIM.",
  },
  sv: {
    "connectivity.not_connecting": "SIM-kortet har status {state:state}; nätet nekar det.",
    "connectivity.limit_reached":
      "Datagränsen på {limit:bytes} för perioden är nådd ({used:bytes} använt).",
    "connectivity.session_open": "En datasession på {apn} är öppen sedan {since:date}.",
    "connectivity.session_open_unknown_apn":
      "En datasession på en okänd APN är öppen sedan {since:date}.",
    "connectivity.attached": "Registrerat i nätet, ingen datasession öppen.",
    "connectivity.rejected": "Den senaste registreringen avvisades (orsak {cause}).",
    "connectivity.purge": "Nätet rapporterade purge.",
    "connectivity.cancel_location": "Nätet rapporterade cancel location.",
    "connectivity.timed_out": "Inget hörts på längre tid än registreringens tidsgräns.",
    "connectivity.never_seen": "Nätet har aldrig rapporterat det här SIM-kortet.",
  },
});
