/**
 * VAT on an invoice for connectivity services (telecommunications: taxed where the customer is,
 * Directive 2006/112/EC art. 44 for businesses and art. 58 for consumers). Standard rates of the EU
 * member states as published by the European Commission (2025); outside the EU Otter charges no
 * VAT and says so.
 */
export const EU_VAT_RATES: Readonly<Record<string, string>> = {
  AT: "20",
  BE: "21",
  BG: "20",
  CY: "19",
  CZ: "21",
  DE: "19",
  DK: "25",
  EE: "24",
  ES: "21",
  FI: "25.5",
  FR: "20",
  GR: "24",
  HR: "25",
  HU: "27",
  IE: "23",
  IT: "22",
  LT: "21",
  LU: "17",
  LV: "21",
  MT: "18",
  NL: "21",
  PL: "23",
  PT: "23",
  RO: "21",
  SE: "25",
  SI: "22",
  SK: "23",
};

export interface VatDecision {
  /** Percent, as a decimal string. */
  rate: string;
  reverseCharge: boolean;
  /** The sentence printed on the invoice. */
  note: string;
}

/**
 * The VAT rate and the sentence behind it, from the operator's country and the customer's country
 * and VAT number.
 */
export function vatFor(input: {
  operatorCountry: string;
  customerCountry: string;
  customerVatNumber: string | null;
}): VatDecision {
  const { operatorCountry, customerCountry, customerVatNumber } = input;
  const customerRate = EU_VAT_RATES[customerCountry];
  if (!EU_VAT_RATES[operatorCountry])
    return {
      rate: "0",
      reverseCharge: false,
      note: `No VAT: the operator (${operatorCountry}) is not in the EU VAT area.`,
    };
  if (!customerRate)
    return {
      rate: "0",
      reverseCharge: false,
      note: `No VAT: services to a customer in ${customerCountry}, outside the EU, are outside the scope of EU VAT.`,
    };
  if (customerCountry === operatorCountry)
    return {
      rate: customerRate,
      reverseCharge: false,
      note: `VAT ${customerRate}% (${customerCountry}).`,
    };
  if (customerVatNumber)
    return {
      rate: "0",
      reverseCharge: true,
      note: `Reverse charge: VAT to be accounted for by the recipient, ${customerVatNumber} (Article 196, Directive 2006/112/EC).`,
    };
  return {
    rate: customerRate,
    reverseCharge: false,
    note: `VAT ${customerRate}% of ${customerCountry}, where the customer is (no VAT number on file).`,
  };
}
