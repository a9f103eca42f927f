import { defineCatalog } from "../../lib/messages/messages.js";
import { catalogText } from "../catalog/catalog.messages.js";

/**
 * The warnings of a SIM's detail and of a change to it (sims.service.ts), in every language; the
 * bill-shock warning of its plans is the catalog's own (BILL_SHOCK_RISK), rendered through this
 * catalog. A change's warning keeps the code it always had; where one code has two sentences the
 * message code is `CODE.variant` (the scheduled form of NO_COMMUNICATION_PLAN).
 */
export const simText = defineCatalog(
  {
    en: {
      NO_COMMUNICATION_PLAN:
        "The SIM is {state:state} without a communication plan: the network will refuse its registrations and data sessions until one is assigned.",
      "NO_COMMUNICATION_PLAN.scheduled":
        "On {at:date} the SIM becomes {state:state} without a communication plan: the network will refuse it unless one is assigned by then.",
      EFFECTIVE_DATE_BACKDATED:
        "effectiveDate {effective:date} is in the past: the change was applied now ({now:date}) and is recorded as backdated to {effective:date}.",
      SCHEDULED_CHANGE_CANCELLED:
        "The change scheduled for {at:date} ({id}) had nothing left to do after this one ({fields} already set): Otter cancelled it.",
      SCHEDULED_CHANGE_CONFLICTS:
        "A change scheduled for {at:date} ({id}) will set {sets}, undoing this change. If it no longer applies: otter sims scheduled cancel {iccid} {id}",
      /** One field a scheduled change sets, in SCHEDULED_CHANGE_CONFLICTS's list. */
      SCHEDULED_CHANGE_SETS: "{field} to {value}",
    },
    it: {
      NO_COMMUNICATION_PLAN:
        "La SIM è nello stato {state:state} senza piano di comunicazione: la rete rifiuterà registrazioni e sessioni dati finché non gliene viene assegnato uno.",
      "NO_COMMUNICATION_PLAN.scheduled":
        "Il {at:date} la SIM passa allo stato {state:state} senza piano di comunicazione: la rete la rifiuterà a meno che nel frattempo non gliene venga assegnato uno.",
      EFFECTIVE_DATE_BACKDATED:
        "effectiveDate {effective:date} è nel passato: la modifica è stata applicata ora ({now:date}) ed è registrata con data retroattiva {effective:date}.",
      SCHEDULED_CHANGE_CANCELLED:
        "La modifica pianificata per il {at:date} ({id}) non aveva più nulla da fare dopo questa ({fields} già impostati): Otter l'ha annullata.",
      SCHEDULED_CHANGE_CONFLICTS:
        "Una modifica pianificata per il {at:date} ({id}) imposterà {sets}, annullando questa modifica. Se non serve più: otter sims scheduled cancel {iccid} {id}",
      SCHEDULED_CHANGE_SETS: "{field} a {value}",
    },
    sv: {
      NO_COMMUNICATION_PLAN:
        "SIM-kortet har status {state:state} utan kommunikationsplan: nätet nekar dess registreringar och datasessioner tills en tilldelas.",
      "NO_COMMUNICATION_PLAN.scheduled":
        "Den {at:date} får SIM-kortet status {state:state} utan kommunikationsplan: nätet nekar det om ingen har tilldelats till dess.",
      EFFECTIVE_DATE_BACKDATED:
        "effectiveDate {effective:date} har redan passerat: ändringen gjordes nu ({now:date}) och registreras som bakdaterad till {effective:date}.",
      SCHEDULED_CHANGE_CANCELLED:
        "Ändringen som var planerad till {at:date} ({id}) hade inget kvar att göra efter den här ({fields} redan satta): Otter avbröt den.",
      SCHEDULED_CHANGE_CONFLICTS:
        "En ändring planerad till {at:date} ({id}) kommer att sätta {sets} och därmed ångra den här ändringen. Om den inte längre gäller: otter sims scheduled cancel {iccid} {id}",
      SCHEDULED_CHANGE_SETS: "{field} till {value}",
    },
  },
  catalogText,
);
