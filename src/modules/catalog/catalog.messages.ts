import { defineCatalog } from "../../lib/messages/messages.js";

/** The catalog's warnings (sim-plans.ts), keyed by the warning's own code, in every language. */
export const catalogText = defineCatalog({
  en: {
    BILL_SHOCK_RISK:
      'Communication plan "{communicationPlan}" allows zone "{zone}", which rate plan "{ratePlan}" (version {version}) does not price: usage there would be charged at pay-per-use prices. Restrict the communication plan or add the zone to the rate plan.',
  },
  it: {
    BILL_SHOCK_RISK:
      "Il piano di comunicazione «{communicationPlan}» consente la zona «{zone}», per la quale il piano tariffario «{ratePlan}» (versione {version}) non prevede un prezzo: il traffico in quella zona verrebbe addebitato a consumo. Restringere il piano di comunicazione o aggiungere la zona al piano tariffario.",
  },
  sv: {
    BILL_SHOCK_RISK:
      "Kommunikationsplanen ”{communicationPlan}” tillåter zonen ”{zone}”, som prisplanen ”{ratePlan}” (version {version}) inte prissätter: trafik där skulle debiteras till löpande pris. Begränsa kommunikationsplanen eller lägg till zonen i prisplanen.",
  },
});
