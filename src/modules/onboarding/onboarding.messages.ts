import { defineCatalog } from "../../lib/messages/messages.js";
import { catalogText } from "../catalog/catalog.messages.js";

/**
 * The onboarding's own words (docs/onboarding.md, docs/languages.md): the feasibility check's
 * findings (feasibility.ts, ipsec-policy.ts, iccid-ranges.ts, spec-parse.ts) and the plan of
 * differences' objects (onboarding-plan.ts), in every language. A finding's message code is its
 * finding code, or `CODE.variant` where one finding code has several texts; the bill-shock warning
 * is the catalog's own (BILL_SHOCK_RISK).
 */
export const onboardingText = defineCatalog(
  {
    en: {
      // Accounts
      ACCOUNT_KEY_DUPLICATE: 'Account key "{key}" is used twice.',
      ACCOUNT_PARENT_UNKNOWN: 'No account has the key "{key}".',
      ACCOUNT_UNKNOWN: 'No account has the key "{key}".',
      ACCOUNT_CYCLE: 'Account "{key}" is its own ancestor.',
      ACCOUNT_NAME_DUPLICATE: 'Two sub-accounts of one parent are named "{name}".',
      CUSTOMER_NAME_EXISTS:
        'A customer account named "{name}" already exists; this onboarding creates another one.',
      // Plans
      "PLAN_DUPLICATE.communication": 'Communication plan "{name}" is listed twice.',
      "PLAN_DUPLICATE.rate": 'Rate plan "{name}" is listed twice.',
      "PLAN_UNKNOWN.reuse.communication": 'No communication plan named "{name}" exists to reuse.',
      "PLAN_UNKNOWN.reuse.rate": 'No rate plan named "{name}" exists to reuse.',
      "PLAN_UNKNOWN.allowance.communication":
        'No communication plan named "{name}" exists or is defined in plans.communication.',
      "PLAN_UNKNOWN.allowance.rate":
        'No rate plan named "{name}" exists or is defined in plans.rate.',
      "PLAN_UNKNOWN.communication": 'No communication plan named "{name}".',
      "PLAN_UNKNOWN.rate": 'No rate plan named "{name}".',
      "PLAN_REUSE_WITH_TERMS.communication":
        "A reused plan takes no terms; remove apns, rats and zones or set reuse: false.",
      "PLAN_REUSE_WITH_TERMS.rate":
        "A reused plan takes no terms; remove its prices or set reuse: false.",
      "PLAN_NAME_TAKEN.communication":
        'A communication plan named "{name}" already exists; set reuse: true to use it.',
      "PLAN_NAME_TAKEN.rate":
        'A rate plan named "{name}" already exists; set reuse: true to use it.',
      "PLAN_TERMS_MISSING.apns": "A new communication plan needs at least one APN.",
      "PLAN_TERMS_MISSING.rats": "A new communication plan needs its radio technologies.",
      "PLAN_TERMS_MISSING.zones": "A new communication plan needs the zones it allows.",
      "PLAN_TERMS_MISSING.monthlyFeePerSim": "A new rate plan needs its monthly fee per SIM.",
      "PLAN_TERMS_MISSING.rateZones": "A new rate plan needs a price for at least one zone.",
      "PLAN_TERMS_MISSING.currency": "A new rate plan needs its currency.",
      "PLAN_TERMS_MISSING.fixedPoolMB": "A fixed pool needs fixedPoolMB.",
      ZONE_UNKNOWN: 'No zone is named "{zone}"; zones are defined by the operator first.',
      "ZONE_UNKNOWN.rate": 'No zone is named "{zone}".',
      PRICE_NEGATIVE: "The price is negative ({price}).",
      PLAN_CURRENCY_MISMATCH:
        'Rate plan "{name}" is priced in {planCurrency}; the account bills in {accountCurrency}.',
      PLAN_NOT_ALLOWED:
        '"{name}" is not among the plans the account (or an account above it) may use.',
      // Services
      APN_INVALID: '"{apn}" is not an APN name such as iot.customer.example.',
      APN_DUPLICATE: 'APN "{apn}" is listed twice.',
      APN_TAKEN: 'APN "{apn}" is already used by {usedBy:msg}.',
      APN_SHARED: 'APN "{apn}" is a private APN of {usedBy:msg}.',
      "usedBy.plan": 'communication plan "{name}"',
      "usedBy.onboarding": "onboarding {reference}",
      CIDR_INVALID: '"{cidr}" is not a network address with its prefix (host bits must be zero).',
      "CIDR_INVALID.subnet": '"{cidr}" is not a network address with its prefix.',
      APN_POOL_OVERLAP: "The pool overlaps the pool of {other}.",
      "APN_POOL_OVERLAP.other":
        'The pool {pool} overlaps {otherPool} of APN "{apn}" ({usedBy:msg}).',
      "APN_POOL_OVERLAP.subnet":
        "The customer subnet {subnet} overlaps the APN pool {pool}; traffic could not be routed.",
      FIXED_IP_OUTSIDE_POOL: "{ip} is not in the APN's pool {pool}.",
      FIXED_IP_DUPLICATE: "{ip} is given to two SIMs.",
      FIXED_IP_SIM_NOT_IN_SPEC: "ICCID {iccid} is in none of the spec's SIM groups.",
      TUNNEL_WINDOW_MISSING:
        "The spec has an IPsec tunnel but no tunnel window; agree one with the customer.",
      // IPsec
      IPSEC_WEAK_CIPHER: "{algorithm} is not accepted; use AES-GCM or AES-256.",
      IPSEC_WEAK_INTEGRITY: "{algorithm} is not accepted for integrity; use SHA-256 or stronger.",
      IPSEC_WEAK_DH_GROUP:
        "Diffie-Hellman {algorithm} (group {group}) is refused; use group 14 (modp2048) or stronger, e.g. ecp384 or curve25519.",
      IPSEC_PROPOSAL_UNKNOWN:
        '"{algorithm}" is not an algorithm Otter knows in a strongSwan proposal.',
      IPSEC_PROPOSAL_INVALID: 'Proposal "{proposal}" names no encryption algorithm.',
      "IPSEC_PROPOSAL_INVALID.dh": 'IKE proposal "{proposal}" names no Diffie-Hellman group.',
      IPSEC_IKEV1: "IKEv1 is refused; the tunnel uses IKEv2.",
      IPSEC_IKE_VERSION: "IKE version {version} does not exist; use 2.",
      IPSEC_PSK_MISSING: "auth psk needs a psk.",
      IPSEC_PSK_TOO_SHORT: "The PSK has {length} characters; at least {minimum} are required.",
      IPSEC_PSK_AUTH:
        "Certificates are preferred to a pre-shared key; agree on certificates with the customer if you can.",
      IPSEC_PSK_WITH_CERT:
        "A psk was given with auth cert; remove it (it would be stored for nothing).",
      IPSEC_LIFETIMES: "The ESP (child SA) lifetime should be shorter than the IKE SA lifetime.",
      IPSEC_GATEWAYS_EQUAL: "The local and the remote gateway are the same address.",
      // SIMs
      SIM_GROUP_EMPTY: "A SIM group needs ranges or iccids.",
      ICCID_MISSING: "ICCID is required.",
      ICCID_SCIENTIFIC_NOTATION:
        'ICCID "{iccid}" was turned into a number by a spreadsheet; format the column as text and export again.',
      ICCID_NOT_DIGITS: 'ICCID "{iccid}" must contain digits only.',
      ICCID_LENGTH: 'ICCID "{iccid}" has {digits} digits; an ICCID has 19 or 20.',
      ICCID_CHECK_DIGIT: 'ICCID "{iccid}" fails the Luhn check digit.',
      ICCID_INVALID: '"{iccid}" is not a valid ICCID.',
      ICCID_RANGE_LENGTHS:
        "ICCIDs {from} and {to} have different lengths; a range is between ICCIDs of one length.",
      ICCID_RANGE_REVERSED: "The range ends ({to}) before it starts ({from}).",
      ICCID_RANGE_TOO_LARGE:
        "The range holds {size:number} ICCIDs; at most 100,000,000 in one range.",
      SIMS_NOT_IN_STOCK:
        "{missing:number} of the {size:number} ICCIDs from {from} to {to} are not in the operator's stock (root account, state INVENTORY or TEST_READY).",
      "SIMS_NOT_IN_STOCK.list":
        "{missing:number} of the listed ICCIDs are not in the operator's stock, e.g. {examples}.",
      ICCID_DUPLICATE: "ICCID {iccid} is also listed at {other}.",
      "ICCID_DUPLICATE.range": "ICCID {iccid} is also in the range at {other}.",
      SIM_QUANTITY_MISMATCH:
        "The group promises {quantity:number} SIMs; its ranges and list hold {count:number}.",
      ICCID_RANGES_OVERLAP: "This range shares ICCIDs with {other}.",
      SIM_STOCK_SHORT:
        "The spec asks for {requested:number} SIMs; the operator's stock holds {stock:number}.",
      // Desk, dates, people
      SLA_INVALID_TARGET:
        '{field}: "{value}" must be an ISO 8601 duration of support time in hours and minutes, such as PT4H or PT30M.',
      "SLA_INVALID_TARGET.range":
        '{field}: "{value}" must be more than zero and at most 10,000 hours.',
      DATES_GO_LIVE_BEFORE_SIGNATURE:
        "Go-live {goLive} is before the contract was signed ({signed}).",
      DATES_WINDOW_REVERSED: "The tunnel window ends before it starts.",
      DATES_TUNNEL_BEFORE_SIGNATURE: "The tunnel window opens before the contract was signed.",
      DATES_TUNNEL_AFTER_GO_LIVE:
        "The tunnel window opens after the requested go-live; SIMs on the private APN will not reach the customer until then.",
      OWNER_UNKNOWN: "No user has the e-mail {email}.",
      OWNER_DISABLED: "The user {email} is disabled.",
      OWNER_NOT_OPERATOR: "{email} is not a user of the operator.",
      CONTACT_UNKNOWN: "{email} is not the e-mail of one of customer.contacts.",
      // The spec's shape
      SPEC_SYNTAX: "The spec is not valid YAML or JSON.",
      "SPEC_SYNTAX.line": "The spec is not valid YAML or JSON (line {line}, column {column}).",
      "SPEC_SYNTAX.indent":
        "The spec is not valid YAML (line {line}, column {column}): the indentation is wrong here, or a bracket above is not closed.",
      "SPEC_SYNTAX.missing":
        "The spec is not valid YAML or JSON (line {line}, column {column}): a closing bracket or quote is missing.",
      "SPEC_SYNTAX.duplicate":
        "The spec is not valid YAML or JSON (line {line}, column {column}): a key is written twice.",
      "SPEC_SYNTAX.tab":
        "The spec is not valid YAML (line {line}, column {column}): a tab indents the line; YAML indents with spaces.",
      SPEC_UNKNOWN_FIELD: '"{field}" is not a field of the onboarding spec here.',
      SPEC_INVALID_TYPE: "Expected {expected:msg} here, found {received:msg}.",
      "SPEC_INVALID_TYPE.missing": "Missing: this field needs {expected:msg}.",
      "SPEC_TYPE.string": "text",
      "SPEC_TYPE.number": "a number",
      "SPEC_TYPE.int": "a whole number",
      "SPEC_TYPE.boolean": "true or false",
      "SPEC_TYPE.array": "a list",
      "SPEC_TYPE.object": "a set of fields",
      "SPEC_TYPE.null": "an empty value (null)",
      "SPEC_TYPE.other": "another kind of value",
      SPEC_INVALID_VALUE: "This value is not valid here.",
      "SPEC_INVALID_VALUE.one_of": "Expected one of {expected}.",
      "SPEC_INVALID_VALUE.exactly": "Expected {expected}.",
      "SPEC_INVALID_VALUE.currency": "Expected an ISO 4217 currency code such as EUR.",
      "SPEC_INVALID_VALUE.language": "Expected a language tag such as en, it or sv-SE.",
      "SPEC_INVALID_VALUE.timeZone": "Expected an IANA time zone such as Africa/Nairobi.",
      SPEC_INVALID_FORMAT: "The value does not have the expected form ({format}).",
      "SPEC_INVALID_FORMAT.pattern": "The value does not match the pattern {pattern}.",
      "SPEC_INVALID_FORMAT.email": "Expected an e-mail address.",
      "SPEC_INVALID_FORMAT.date": "Expected a calendar date written YYYY-MM-DD.",
      "SPEC_INVALID_FORMAT.cidr": "Expected an IPv4 network such as 10.20.0.0/16.",
      "SPEC_INVALID_FORMAT.ipv4": "Expected an IPv4 address such as 203.0.113.10.",
      "SPEC_INVALID_FORMAT.key": "Expected a short key such as kenya or north-1.",
      "SPEC_INVALID_FORMAT.reference": "Expected a contract reference such as CTR-2026-0042.",
      SPEC_TOO_SMALL: "Too small: at least {minimum:number}.",
      "SPEC_TOO_SMALL.exclusive": "Too small: more than {minimum:number}.",
      "SPEC_TOO_SMALL.empty": "Must not be empty.",
      "SPEC_TOO_SMALL.string": "Too short: at least {minimum:number} characters.",
      "SPEC_TOO_SMALL.array": "Too few entries: at least {minimum:number}.",
      SPEC_TOO_BIG: "Too large: at most {maximum:number}.",
      "SPEC_TOO_BIG.exclusive": "Too large: less than {maximum:number}.",
      "SPEC_TOO_BIG.string": "Too long: at most {maximum:number} characters.",
      "SPEC_TOO_BIG.array": "Too many entries: at most {maximum:number}.",
      // The plan of differences: what an entry is about
      "plan.account": 'account "{name}"',
      "plan.communicationPlan": 'communication plan "{name}"',
      "plan.ratePlan": 'rate plan "{name}"',
      "plan.offer.communication": 'offer of communication plan "{name}" to account "{account}"',
      "plan.offer.rate": 'offer of rate plan "{name}" to account "{account}"',
      "plan.agreement": 'desk agreement of account "{account}"',
      "plan.simGroup": "SIM group {group}",
      "plan.simGroupTo": 'SIM group {group} to account "{account}"',
      "plan.simsLeaving": "SIMs that left SIM group {group}",
      "plan.contact": 'contact "{name}" of account "{account}"',
      "plan.billingAddress": 'billing address of account "{account}"',
    },
    it: {
      ACCOUNT_KEY_DUPLICATE: "La chiave di account «{key}» è usata due volte.",
      ACCOUNT_PARENT_UNKNOWN: "Nessun account ha la chiave «{key}».",
      ACCOUNT_UNKNOWN: "Nessun account ha la chiave «{key}».",
      ACCOUNT_CYCLE: "L'account «{key}» risulta antenato di sé stesso.",
      ACCOUNT_NAME_DUPLICATE: "Due sotto-account dello stesso padre si chiamano «{name}».",
      CUSTOMER_NAME_EXISTS:
        "Esiste già un account cliente di nome «{name}»; questo onboarding ne crea un altro.",
      "PLAN_DUPLICATE.communication": "Il piano di comunicazione «{name}» compare due volte.",
      "PLAN_DUPLICATE.rate": "Il piano tariffario «{name}» compare due volte.",
      "PLAN_UNKNOWN.reuse.communication":
        "Non esiste alcun piano di comunicazione «{name}» da riutilizzare.",
      "PLAN_UNKNOWN.reuse.rate": "Non esiste alcun piano tariffario «{name}» da riutilizzare.",
      "PLAN_UNKNOWN.allowance.communication":
        "Nessun piano di comunicazione «{name}» esiste o è definito in plans.communication.",
      "PLAN_UNKNOWN.allowance.rate":
        "Nessun piano tariffario «{name}» esiste o è definito in plans.rate.",
      "PLAN_UNKNOWN.communication": "Nessun piano di comunicazione si chiama «{name}».",
      "PLAN_UNKNOWN.rate": "Nessun piano tariffario si chiama «{name}».",
      "PLAN_REUSE_WITH_TERMS.communication":
        "Un piano riutilizzato non accetta condizioni: togliere apns, rats e zones oppure impostare reuse: false.",
      "PLAN_REUSE_WITH_TERMS.rate":
        "Un piano riutilizzato non accetta condizioni: togliere i prezzi oppure impostare reuse: false.",
      "PLAN_NAME_TAKEN.communication":
        "Esiste già un piano di comunicazione «{name}»; impostare reuse: true per usarlo.",
      "PLAN_NAME_TAKEN.rate":
        "Esiste già un piano tariffario «{name}»; impostare reuse: true per usarlo.",
      "PLAN_TERMS_MISSING.apns": "Un nuovo piano di comunicazione richiede almeno un APN.",
      "PLAN_TERMS_MISSING.rats":
        "Un nuovo piano di comunicazione richiede le tecnologie di accesso radio.",
      "PLAN_TERMS_MISSING.zones":
        "Un nuovo piano di comunicazione richiede le zone in cui è consentito.",
      "PLAN_TERMS_MISSING.monthlyFeePerSim":
        "Un nuovo piano tariffario richiede il canone mensile per SIM.",
      "PLAN_TERMS_MISSING.rateZones":
        "Un nuovo piano tariffario richiede il prezzo di almeno una zona.",
      "PLAN_TERMS_MISSING.currency": "Un nuovo piano tariffario richiede la valuta.",
      "PLAN_TERMS_MISSING.fixedPoolMB": "Un pool fisso richiede fixedPoolMB.",
      ZONE_UNKNOWN: "Nessuna zona si chiama «{zone}»; le zone le definisce prima l'operatore.",
      "ZONE_UNKNOWN.rate": "Nessuna zona si chiama «{zone}».",
      PRICE_NEGATIVE: "Il prezzo è negativo ({price}).",
      PLAN_CURRENCY_MISMATCH:
        "Il piano tariffario «{name}» è in {planCurrency}; l'account fattura in {accountCurrency}.",
      PLAN_NOT_ALLOWED:
        "«{name}» non è tra i piani che l'account (o un account sopra di esso) può usare.",
      APN_INVALID: "«{apn}» non è un nome di APN valido, come iot.cliente.example.",
      APN_DUPLICATE: "L'APN «{apn}» compare due volte.",
      APN_TAKEN: "L'APN «{apn}» è già usato da {usedBy:msg}.",
      APN_SHARED: "L'APN «{apn}» è un APN privato di {usedBy:msg}.",
      "usedBy.plan": "il piano di comunicazione «{name}»",
      "usedBy.onboarding": "l'onboarding {reference}",
      CIDR_INVALID:
        "«{cidr}» non è un indirizzo di rete con il suo prefisso (i bit di host devono essere a zero).",
      "CIDR_INVALID.subnet": "«{cidr}» non è un indirizzo di rete con il suo prefisso.",
      APN_POOL_OVERLAP: "Il pool si sovrappone al pool di {other}.",
      "APN_POOL_OVERLAP.other":
        "Il pool {pool} si sovrappone a {otherPool} dell'APN «{apn}» ({usedBy:msg}).",
      "APN_POOL_OVERLAP.subnet":
        "La sottorete del cliente {subnet} si sovrappone al pool dell'APN {pool}: il traffico non sarebbe instradabile.",
      FIXED_IP_OUTSIDE_POOL: "{ip} non appartiene al pool dell'APN {pool}.",
      FIXED_IP_DUPLICATE: "{ip} è assegnato a due SIM.",
      FIXED_IP_SIM_NOT_IN_SPEC: "L'ICCID {iccid} non è in nessun gruppo di SIM della specifica.",
      TUNNEL_WINDOW_MISSING:
        "La specifica prevede un tunnel IPsec ma nessuna finestra per il tunnel: concordarne una con il cliente.",
      IPSEC_WEAK_CIPHER: "{algorithm} non è accettato; usare AES-GCM o AES-256.",
      IPSEC_WEAK_INTEGRITY:
        "{algorithm} non è accettato per l'integrità; usare SHA-256 o superiore.",
      IPSEC_WEAK_DH_GROUP:
        "Diffie-Hellman {algorithm} (gruppo {group}) è rifiutato; usare il gruppo 14 (modp2048) o superiore, ad esempio ecp384 o curve25519.",
      IPSEC_PROPOSAL_UNKNOWN:
        "«{algorithm}» non è un algoritmo che Otter conosca in una proposta strongSwan.",
      IPSEC_PROPOSAL_INVALID: "La proposta «{proposal}» non indica alcun algoritmo di cifratura.",
      "IPSEC_PROPOSAL_INVALID.dh":
        "La proposta IKE «{proposal}» non indica alcun gruppo Diffie-Hellman.",
      IPSEC_IKEV1: "IKEv1 è rifiutato; il tunnel usa IKEv2.",
      IPSEC_IKE_VERSION: "La versione IKE {version} non esiste; usare la 2.",
      IPSEC_PSK_MISSING: "Con auth psk serve una psk.",
      IPSEC_PSK_TOO_SHORT: "La PSK ha {length} caratteri; ne servono almeno {minimum}.",
      IPSEC_PSK_AUTH:
        "I certificati sono preferibili a una chiave pre-condivisa; se possibile concordare i certificati con il cliente.",
      IPSEC_PSK_WITH_CERT:
        "È stata indicata una psk con auth cert: toglierla (verrebbe conservata inutilmente).",
      IPSEC_LIFETIMES:
        "La durata della SA ESP (child SA) dovrebbe essere inferiore a quella della SA IKE.",
      IPSEC_GATEWAYS_EQUAL: "Il gateway locale e quello remoto hanno lo stesso indirizzo.",
      SIM_GROUP_EMPTY: "Un gruppo di SIM richiede ranges o iccids.",
      ICCID_MISSING: "L'ICCID è obbligatorio.",
      ICCID_SCIENTIFIC_NOTATION:
        "L'ICCID «{iccid}» è stato trasformato in numero da un foglio di calcolo; formattare la colonna come testo ed esportare di nuovo.",
      ICCID_NOT_DIGITS: "L'ICCID «{iccid}» deve contenere solo cifre.",
      ICCID_LENGTH: "L'ICCID «{iccid}» ha {digits} cifre; un ICCID ne ha 19 o 20.",
      ICCID_CHECK_DIGIT: "L'ICCID «{iccid}» non supera la cifra di controllo di Luhn.",
      ICCID_INVALID: "«{iccid}» non è un ICCID valido.",
      ICCID_RANGE_LENGTHS:
        "Gli ICCID {from} e {to} hanno lunghezze diverse; un intervallo va tra ICCID della stessa lunghezza.",
      ICCID_RANGE_REVERSED: "L'intervallo finisce ({to}) prima di iniziare ({from}).",
      ICCID_RANGE_TOO_LARGE:
        "L'intervallo contiene {size:number} ICCID; al massimo 100.000.000 per intervallo.",
      SIMS_NOT_IN_STOCK:
        "{missing:number} dei {size:number} ICCID da {from} a {to} non sono nel magazzino dell'operatore (account radice, stato INVENTORY o TEST_READY).",
      "SIMS_NOT_IN_STOCK.list":
        "{missing:number} degli ICCID elencati non sono nel magazzino dell'operatore, ad esempio {examples}.",
      ICCID_DUPLICATE: "L'ICCID {iccid} è elencato anche in {other}.",
      "ICCID_DUPLICATE.range": "L'ICCID {iccid} è anche nell'intervallo in {other}.",
      SIM_QUANTITY_MISMATCH:
        "Il gruppo promette {quantity:number} SIM; i suoi intervalli e il suo elenco ne contengono {count:number}.",
      ICCID_RANGES_OVERLAP: "Questo intervallo ha ICCID in comune con {other}.",
      SIM_STOCK_SHORT:
        "La specifica chiede {requested:number} SIM; il magazzino dell'operatore ne contiene {stock:number}.",
      SLA_INVALID_TARGET:
        "{field}: «{value}» deve essere una durata ISO 8601 di orario di assistenza in ore e minuti, come PT4H o PT30M.",
      "SLA_INVALID_TARGET.range":
        "{field}: «{value}» deve essere maggiore di zero e al massimo 10.000 ore.",
      DATES_GO_LIVE_BEFORE_SIGNATURE:
        "Il go-live {goLive} è precedente alla firma del contratto ({signed}).",
      DATES_WINDOW_REVERSED: "La finestra per il tunnel finisce prima di iniziare.",
      DATES_TUNNEL_BEFORE_SIGNATURE:
        "La finestra per il tunnel si apre prima della firma del contratto.",
      DATES_TUNNEL_AFTER_GO_LIVE:
        "La finestra per il tunnel si apre dopo il go-live richiesto; fino ad allora le SIM sull'APN privato non raggiungeranno il cliente.",
      OWNER_UNKNOWN: "Nessun utente ha l'e-mail {email}.",
      OWNER_DISABLED: "L'utente {email} è disabilitato.",
      OWNER_NOT_OPERATOR: "{email} non è un utente dell'operatore.",
      CONTACT_UNKNOWN: "{email} non è l'e-mail di nessuno dei customer.contacts.",
      SPEC_SYNTAX: "La specifica non è YAML o JSON valido.",
      "SPEC_SYNTAX.line": "La specifica non è YAML o JSON valido (riga {line}, colonna {column}).",
      "SPEC_SYNTAX.indent":
        "La specifica non è YAML valido (riga {line}, colonna {column}): qui il rientro è sbagliato, oppure una parentesi aperta prima non è chiusa.",
      "SPEC_SYNTAX.missing":
        "La specifica non è YAML o JSON valido (riga {line}, colonna {column}): manca una parentesi o una virgoletta di chiusura.",
      "SPEC_SYNTAX.duplicate":
        "La specifica non è YAML o JSON valido (riga {line}, colonna {column}): una chiave è scritta due volte.",
      "SPEC_SYNTAX.tab":
        "La specifica non è YAML valido (riga {line}, colonna {column}): la riga è rientrata con un tab; YAML usa gli spazi.",
      SPEC_UNKNOWN_FIELD: "«{field}» non è un campo della specifica di onboarding in questo punto.",
      SPEC_INVALID_TYPE: "Qui è atteso {expected:msg}, trovato {received:msg}.",
      "SPEC_INVALID_TYPE.missing": "Campo obbligatorio: serve {expected:msg}.",
      "SPEC_TYPE.string": "un testo",
      "SPEC_TYPE.number": "un numero",
      "SPEC_TYPE.int": "un numero intero",
      "SPEC_TYPE.boolean": "true o false",
      "SPEC_TYPE.array": "un elenco",
      "SPEC_TYPE.object": "un insieme di campi",
      "SPEC_TYPE.null": "un valore vuoto (null)",
      "SPEC_TYPE.other": "un altro tipo di valore",
      SPEC_INVALID_VALUE: "Questo valore non è valido qui.",
      "SPEC_INVALID_VALUE.one_of": "Atteso uno tra {expected}.",
      "SPEC_INVALID_VALUE.exactly": "Atteso {expected}.",
      "SPEC_INVALID_VALUE.currency": "Atteso un codice di valuta ISO 4217, per esempio EUR.",
      "SPEC_INVALID_VALUE.language": "Atteso un tag di lingua, per esempio en, it o sv-SE.",
      "SPEC_INVALID_VALUE.timeZone": "Atteso un fuso orario IANA, per esempio Africa/Nairobi.",
      SPEC_INVALID_FORMAT: "Il valore non ha la forma attesa ({format}).",
      "SPEC_INVALID_FORMAT.pattern": "Il valore non corrisponde al modello {pattern}.",
      "SPEC_INVALID_FORMAT.email": "Atteso un indirizzo e-mail.",
      "SPEC_INVALID_FORMAT.date": "Attesa una data nella forma AAAA-MM-GG (YYYY-MM-DD).",
      "SPEC_INVALID_FORMAT.cidr": "Attesa una rete IPv4, per esempio 10.20.0.0/16.",
      "SPEC_INVALID_FORMAT.ipv4": "Atteso un indirizzo IPv4, per esempio 203.0.113.10.",
      "SPEC_INVALID_FORMAT.key": "Attesa una chiave breve, per esempio kenya o north-1.",
      "SPEC_INVALID_FORMAT.reference":
        "Atteso un riferimento di contratto, per esempio CTR-2026-0042.",
      SPEC_TOO_SMALL: "Troppo piccolo: almeno {minimum:number}.",
      "SPEC_TOO_SMALL.exclusive": "Troppo piccolo: più di {minimum:number}.",
      "SPEC_TOO_SMALL.empty": "Non può essere vuoto.",
      "SPEC_TOO_SMALL.string": "Troppo corto: almeno {minimum:number} caratteri.",
      "SPEC_TOO_SMALL.array": "Troppo poche voci: almeno {minimum:number}.",
      SPEC_TOO_BIG: "Troppo grande: al massimo {maximum:number}.",
      "SPEC_TOO_BIG.exclusive": "Troppo grande: meno di {maximum:number}.",
      "SPEC_TOO_BIG.string": "Troppo lungo: al massimo {maximum:number} caratteri.",
      "SPEC_TOO_BIG.array": "Troppe voci: al massimo {maximum:number}.",
      "plan.account": "account «{name}»",
      "plan.communicationPlan": "piano di comunicazione «{name}»",
      "plan.ratePlan": "piano tariffario «{name}»",
      "plan.offer.communication":
        "offerta del piano di comunicazione «{name}» all'account «{account}»",
      "plan.offer.rate": "offerta del piano tariffario «{name}» all'account «{account}»",
      "plan.agreement": "accordo di assistenza dell'account «{account}»",
      "plan.simGroup": "gruppo di SIM {group}",
      "plan.simGroupTo": "gruppo di SIM {group} verso l'account «{account}»",
      "plan.simsLeaving": "SIM uscite dal gruppo di SIM {group}",
      "plan.contact": "contatto «{name}» dell'account «{account}»",
      "plan.billingAddress": "indirizzo di fatturazione dell'account «{account}»",
    },
    sv: {
      ACCOUNT_KEY_DUPLICATE: "Kontonyckeln ”{key}” används två gånger.",
      ACCOUNT_PARENT_UNKNOWN: "Inget konto har nyckeln ”{key}”.",
      ACCOUNT_UNKNOWN: "Inget konto har nyckeln ”{key}”.",
      ACCOUNT_CYCLE: "Kontot ”{key}” är sin egen förfader.",
      ACCOUNT_NAME_DUPLICATE: "Två underkonton till samma överordnade konto heter ”{name}”.",
      CUSTOMER_NAME_EXISTS:
        "Det finns redan ett kundkonto som heter ”{name}”; den här onboardingen skapar ett till.",
      "PLAN_DUPLICATE.communication": "Kommunikationsplanen ”{name}” står med två gånger.",
      "PLAN_DUPLICATE.rate": "Prisplanen ”{name}” står med två gånger.",
      "PLAN_UNKNOWN.reuse.communication":
        "Det finns ingen kommunikationsplan ”{name}” att återanvända.",
      "PLAN_UNKNOWN.reuse.rate": "Det finns ingen prisplan ”{name}” att återanvända.",
      "PLAN_UNKNOWN.allowance.communication":
        "Ingen kommunikationsplan ”{name}” finns eller definieras i plans.communication.",
      "PLAN_UNKNOWN.allowance.rate": "Ingen prisplan ”{name}” finns eller definieras i plans.rate.",
      "PLAN_UNKNOWN.communication": "Ingen kommunikationsplan heter ”{name}”.",
      "PLAN_UNKNOWN.rate": "Ingen prisplan heter ”{name}”.",
      "PLAN_REUSE_WITH_TERMS.communication":
        "En återanvänd plan tar inga villkor: ta bort apns, rats och zones eller sätt reuse: false.",
      "PLAN_REUSE_WITH_TERMS.rate":
        "En återanvänd plan tar inga villkor: ta bort priserna eller sätt reuse: false.",
      "PLAN_NAME_TAKEN.communication":
        "Det finns redan en kommunikationsplan som heter ”{name}”; sätt reuse: true för att använda den.",
      "PLAN_NAME_TAKEN.rate":
        "Det finns redan en prisplan som heter ”{name}”; sätt reuse: true för att använda den.",
      "PLAN_TERMS_MISSING.apns": "En ny kommunikationsplan behöver minst en APN.",
      "PLAN_TERMS_MISSING.rats": "En ny kommunikationsplan behöver sina radiotekniker.",
      "PLAN_TERMS_MISSING.zones": "En ny kommunikationsplan behöver de zoner den tillåter.",
      "PLAN_TERMS_MISSING.monthlyFeePerSim":
        "En ny prisplan behöver sin månadsavgift per SIM-kort.",
      "PLAN_TERMS_MISSING.rateZones": "En ny prisplan behöver ett pris för minst en zon.",
      "PLAN_TERMS_MISSING.currency": "En ny prisplan behöver sin valuta.",
      "PLAN_TERMS_MISSING.fixedPoolMB": "En fast pool behöver fixedPoolMB.",
      ZONE_UNKNOWN: "Ingen zon heter ”{zone}”; zonerna definieras först av operatören.",
      "ZONE_UNKNOWN.rate": "Ingen zon heter ”{zone}”.",
      PRICE_NEGATIVE: "Priset är negativt ({price}).",
      PLAN_CURRENCY_MISMATCH:
        "Prisplanen ”{name}” är prissatt i {planCurrency}; kontot faktureras i {accountCurrency}.",
      PLAN_NOT_ALLOWED:
        "”{name}” finns inte bland de planer som kontot (eller ett konto ovanför) får använda.",
      APN_INVALID: "”{apn}” är inte ett APN-namn som iot.kund.example.",
      APN_DUPLICATE: "APN ”{apn}” står med två gånger.",
      APN_TAKEN: "APN ”{apn}” används redan av {usedBy:msg}.",
      APN_SHARED: "APN ”{apn}” är en privat APN för {usedBy:msg}.",
      "usedBy.plan": "kommunikationsplanen ”{name}”",
      "usedBy.onboarding": "onboardingen {reference}",
      CIDR_INVALID: "”{cidr}” är inte en nätverksadress med prefix (värdbitarna måste vara noll).",
      "CIDR_INVALID.subnet": "”{cidr}” är inte en nätverksadress med prefix.",
      APN_POOL_OVERLAP: "Poolen överlappar poolen i {other}.",
      "APN_POOL_OVERLAP.other":
        "Poolen {pool} överlappar {otherPool} för APN ”{apn}” ({usedBy:msg}).",
      "APN_POOL_OVERLAP.subnet":
        "Kundens subnät {subnet} överlappar APN-poolen {pool}; trafiken skulle inte gå att routa.",
      FIXED_IP_OUTSIDE_POOL: "{ip} ligger inte i APN-poolen {pool}.",
      FIXED_IP_DUPLICATE: "{ip} är tilldelad två SIM-kort.",
      FIXED_IP_SIM_NOT_IN_SPEC: "ICCID {iccid} finns inte i någon av specens SIM-grupper.",
      TUNNEL_WINDOW_MISSING:
        "Specen har en IPsec-tunnel men inget tunnelfönster; kom överens om ett med kunden.",
      IPSEC_WEAK_CIPHER: "{algorithm} godtas inte; använd AES-GCM eller AES-256.",
      IPSEC_WEAK_INTEGRITY:
        "{algorithm} godtas inte för integritet; använd SHA-256 eller starkare.",
      IPSEC_WEAK_DH_GROUP:
        "Diffie-Hellman {algorithm} (grupp {group}) nekas; använd grupp 14 (modp2048) eller starkare, t.ex. ecp384 eller curve25519.",
      IPSEC_PROPOSAL_UNKNOWN:
        "”{algorithm}” är ingen algoritm som Otter känner till i ett strongSwan-förslag.",
      IPSEC_PROPOSAL_INVALID: "Förslaget ”{proposal}” anger ingen krypteringsalgoritm.",
      "IPSEC_PROPOSAL_INVALID.dh": "IKE-förslaget ”{proposal}” anger ingen Diffie-Hellman-grupp.",
      IPSEC_IKEV1: "IKEv1 nekas; tunneln använder IKEv2.",
      IPSEC_IKE_VERSION: "IKE-version {version} finns inte; använd 2.",
      IPSEC_PSK_MISSING: "auth psk kräver en psk.",
      IPSEC_PSK_TOO_SHORT: "PSK:n har {length} tecken; minst {minimum} krävs.",
      IPSEC_PSK_AUTH:
        "Certifikat är att föredra framför en i förväg delad nyckel; kom överens med kunden om certifikat om det går.",
      IPSEC_PSK_WITH_CERT:
        "En psk angavs tillsammans med auth cert; ta bort den (den skulle sparas i onödan).",
      IPSEC_LIFETIMES: "ESP-livstiden (child SA) bör vara kortare än IKE SA:ns livstid.",
      IPSEC_GATEWAYS_EQUAL: "Den lokala och den fjärranslutna gatewayen har samma adress.",
      SIM_GROUP_EMPTY: "En SIM-grupp behöver ranges eller iccids.",
      ICCID_MISSING: "ICCID måste anges.",
      ICCID_SCIENTIFIC_NOTATION:
        "ICCID ”{iccid}” har gjorts om till ett tal av ett kalkylprogram; formatera kolumnen som text och exportera igen.",
      ICCID_NOT_DIGITS: "ICCID ”{iccid}” får bara innehålla siffror.",
      ICCID_LENGTH: "ICCID ”{iccid}” har {digits} siffror; ett ICCID har 19 eller 20.",
      ICCID_CHECK_DIGIT: "ICCID ”{iccid}” klarar inte Luhn-kontrollsiffran.",
      ICCID_INVALID: "”{iccid}” är inget giltigt ICCID.",
      ICCID_RANGE_LENGTHS:
        "ICCID {from} och {to} har olika längd; ett intervall går mellan ICCID av samma längd.",
      ICCID_RANGE_REVERSED: "Intervallet slutar ({to}) innan det börjar ({from}).",
      ICCID_RANGE_TOO_LARGE:
        "Intervallet innehåller {size:number} ICCID; högst 100 000 000 i ett intervall.",
      SIMS_NOT_IN_STOCK:
        "{missing:number} av de {size:number} ICCID från {from} till {to} finns inte i operatörens lager (rotkontot, status INVENTORY eller TEST_READY).",
      "SIMS_NOT_IN_STOCK.list":
        "{missing:number} av de listade ICCID finns inte i operatörens lager, t.ex. {examples}.",
      ICCID_DUPLICATE: "ICCID {iccid} står också på {other}.",
      "ICCID_DUPLICATE.range": "ICCID {iccid} ligger också i intervallet på {other}.",
      SIM_QUANTITY_MISMATCH:
        "Gruppen utlovar {quantity:number} SIM-kort; dess intervall och lista innehåller {count:number}.",
      ICCID_RANGES_OVERLAP: "Det här intervallet delar ICCID med {other}.",
      SIM_STOCK_SHORT:
        "Specen begär {requested:number} SIM-kort; operatörens lager innehåller {stock:number}.",
      SLA_INVALID_TARGET:
        "{field}: ”{value}” måste vara en ISO 8601-längd i supporttid, i timmar och minuter, t.ex. PT4H eller PT30M.",
      "SLA_INVALID_TARGET.range":
        "{field}: ”{value}” måste vara större än noll och högst 10 000 timmar.",
      DATES_GO_LIVE_BEFORE_SIGNATURE:
        "Driftstarten {goLive} ligger före avtalets undertecknande ({signed}).",
      DATES_WINDOW_REVERSED: "Tunnelfönstret slutar innan det börjar.",
      DATES_TUNNEL_BEFORE_SIGNATURE: "Tunnelfönstret öppnar innan avtalet undertecknades.",
      DATES_TUNNEL_AFTER_GO_LIVE:
        "Tunnelfönstret öppnar efter den begärda driftstarten; SIM-kort på den privata APN:en når inte kunden förrän då.",
      OWNER_UNKNOWN: "Ingen användare har e-postadressen {email}.",
      OWNER_DISABLED: "Användaren {email} är inaktiverad.",
      OWNER_NOT_OPERATOR: "{email} är inte en användare hos operatören.",
      CONTACT_UNKNOWN: "{email} är inte e-postadressen till någon i customer.contacts.",
      SPEC_SYNTAX: "Specen är inte giltig YAML eller JSON.",
      "SPEC_SYNTAX.line": "Specen är inte giltig YAML eller JSON (rad {line}, kolumn {column}).",
      "SPEC_SYNTAX.indent":
        "Specen är inte giltig YAML (rad {line}, kolumn {column}): indraget är fel här, eller så är en parentes ovanför inte stängd.",
      "SPEC_SYNTAX.missing":
        "Specen är inte giltig YAML eller JSON (rad {line}, kolumn {column}): en avslutande parentes eller ett citattecken saknas.",
      "SPEC_SYNTAX.duplicate":
        "Specen är inte giltig YAML eller JSON (rad {line}, kolumn {column}): en nyckel står två gånger.",
      "SPEC_SYNTAX.tab":
        "Specen är inte giltig YAML (rad {line}, kolumn {column}): raden är indragen med tabb; YAML drar in med mellanslag.",
      SPEC_UNKNOWN_FIELD: "”{field}” är inte ett fält i onboardingspecen här.",
      SPEC_INVALID_TYPE: "Här förväntas {expected:msg}, men värdet är {received:msg}.",
      "SPEC_INVALID_TYPE.missing": "Fältet är obligatoriskt: det behöver {expected:msg}.",
      "SPEC_TYPE.string": "en text",
      "SPEC_TYPE.number": "ett tal",
      "SPEC_TYPE.int": "ett heltal",
      "SPEC_TYPE.boolean": "true eller false",
      "SPEC_TYPE.array": "en lista",
      "SPEC_TYPE.object": "en uppsättning fält",
      "SPEC_TYPE.null": "ett tomt värde (null)",
      "SPEC_TYPE.other": "en annan sorts värde",
      SPEC_INVALID_VALUE: "Värdet är inte giltigt här.",
      "SPEC_INVALID_VALUE.one_of": "Förväntade ett av {expected}.",
      "SPEC_INVALID_VALUE.exactly": "Förväntade {expected}.",
      "SPEC_INVALID_VALUE.currency": "Förväntade en valutakod enligt ISO 4217, till exempel EUR.",
      "SPEC_INVALID_VALUE.language": "Förväntade en språktagg, till exempel en, it eller sv-SE.",
      "SPEC_INVALID_VALUE.timeZone":
        "Förväntade en tidszon enligt IANA, till exempel Africa/Nairobi.",
      SPEC_INVALID_FORMAT: "Värdet har inte den förväntade formen ({format}).",
      "SPEC_INVALID_FORMAT.pattern": "Värdet matchar inte mönstret {pattern}.",
      "SPEC_INVALID_FORMAT.email": "Förväntade en e-postadress.",
      "SPEC_INVALID_FORMAT.date": "Förväntade ett datum skrivet ÅÅÅÅ-MM-DD (YYYY-MM-DD).",
      "SPEC_INVALID_FORMAT.cidr": "Förväntade ett IPv4-nät, till exempel 10.20.0.0/16.",
      "SPEC_INVALID_FORMAT.ipv4": "Förväntade en IPv4-adress, till exempel 203.0.113.10.",
      "SPEC_INVALID_FORMAT.key": "Förväntade en kort nyckel, till exempel kenya eller north-1.",
      "SPEC_INVALID_FORMAT.reference": "Förväntade en avtalsreferens, till exempel CTR-2026-0042.",
      SPEC_TOO_SMALL: "För litet: minst {minimum:number}.",
      "SPEC_TOO_SMALL.exclusive": "För litet: mer än {minimum:number}.",
      "SPEC_TOO_SMALL.empty": "Får inte vara tomt.",
      "SPEC_TOO_SMALL.string": "För kort: minst {minimum:number} tecken.",
      "SPEC_TOO_SMALL.array": "För få poster: minst {minimum:number}.",
      SPEC_TOO_BIG: "För stort: högst {maximum:number}.",
      "SPEC_TOO_BIG.exclusive": "För stort: mindre än {maximum:number}.",
      "SPEC_TOO_BIG.string": "För långt: högst {maximum:number} tecken.",
      "SPEC_TOO_BIG.array": "För många poster: högst {maximum:number}.",
      "plan.account": "kontot ”{name}”",
      "plan.communicationPlan": "kommunikationsplanen ”{name}”",
      "plan.ratePlan": "prisplanen ”{name}”",
      "plan.offer.communication":
        "erbjudandet av kommunikationsplanen ”{name}” till kontot ”{account}”",
      "plan.offer.rate": "erbjudandet av prisplanen ”{name}” till kontot ”{account}”",
      "plan.agreement": "supportavtalet för kontot ”{account}”",
      "plan.simGroup": "SIM-grupp {group}",
      "plan.simGroupTo": "SIM-grupp {group} till kontot ”{account}”",
      "plan.simsLeaving": "SIM-kort som lämnat SIM-grupp {group}",
      "plan.contact": "kontakten ”{name}” för kontot ”{account}”",
      "plan.billingAddress": "faktureringsadressen för kontot ”{account}”",
    },
  },
  catalogText,
);

export type OnboardingCode = keyof (typeof onboardingText.templates)["en"];
