/**
 * The words for the codes people meet everywhere: SIM lifecycle states (Control Center's codes) and
 * connectivity states. The console shows the same words (console/src/i18n/words.ts keeps its copy
 * in step; test/structure/messages.test.ts compares them).
 */
export const SIM_STATE_WORDS: Record<"en" | "it" | "sv", Record<string, string>> = {
  en: {
    TEST_READY: "Test ready",
    INVENTORY: "In inventory",
    ACTIVATION_READY: "Activation ready",
    ACTIVATED: "Activated",
    DEACTIVATED: "Deactivated",
    RETIRED: "Retired",
    PURGED: "Purged",
    REPLACED: "Replaced",
  },
  it: {
    TEST_READY: "Pronta per il test",
    INVENTORY: "In magazzino",
    ACTIVATION_READY: "Pronta per l'attivazione",
    ACTIVATED: "Attiva",
    DEACTIVATED: "Disattivata",
    RETIRED: "Dismessa",
    PURGED: "Eliminata",
    REPLACED: "Sostituita",
  },
  sv: {
    TEST_READY: "Testklar",
    INVENTORY: "I lager",
    ACTIVATION_READY: "Klar för aktivering",
    ACTIVATED: "Aktiv",
    DEACTIVATED: "Avaktiverad",
    RETIRED: "Avvecklad",
    PURGED: "Raderad",
    REPLACED: "Ersatt",
  },
};

export const CONNECTIVITY_WORDS: Record<"en" | "it" | "sv", Record<string, string>> = {
  en: { BLOCKED: "Blocked", ONLINE: "Online", ATTACHED: "Attached", OFFLINE: "Offline" },
  it: {
    BLOCKED: "Bloccata",
    ONLINE: "Online",
    ATTACHED: "Registrata",
    OFFLINE: "Non raggiungibile",
  },
  sv: { BLOCKED: "Spärrad", ONLINE: "Online", ATTACHED: "Ansluten", OFFLINE: "Offline" },
};
