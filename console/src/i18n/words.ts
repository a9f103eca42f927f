import { useLocale } from "./index";
import { CONNECTIVITY_WORDS, SIM_STATE_WORDS } from "./state-words";

/** A SIM state's or connectivity state's word in the signed-in user's language (the code when unknown). */
export function useWords() {
  const { language } = useLocale();
  return {
    state: (code: string) => SIM_STATE_WORDS[language][code] ?? code,
    connectivity: (code: string) => CONNECTIVITY_WORDS[language][code] ?? code,
  };
}
