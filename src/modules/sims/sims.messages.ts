import { defineCatalog } from "../../lib/messages/messages.js";
import { catalogText } from "../catalog/catalog.messages.js";

/**
 * The warnings of a SIM's detail (sims.service.ts), in every language; the bill-shock warning of
 * its plans is the catalog's own (BILL_SHOCK_RISK), rendered through this catalog.
 */
export const simText = defineCatalog(
  {
    en: {
      NO_COMMUNICATION_PLAN:
        "The SIM is {state:state} without a communication plan: the network will refuse its registrations and data sessions until one is assigned.",
    },
    it: {
      NO_COMMUNICATION_PLAN:
        "La SIM è nello stato {state:state} senza piano di comunicazione: la rete rifiuterà registrazioni e sessioni dati finché non gliene viene assegnato uno.",
    },
    sv: {
      NO_COMMUNICATION_PLAN:
        "SIM-kortet har status {state:state} utan kommunikationsplan: nätet nekar dess registreringar och datasessioner tills en tilldelas.",
    },
  },
  catalogText,
);
