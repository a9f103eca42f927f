import { defineMessages } from "../i18n";

export const authMessages = defineMessages({
  en: {
    signInTitle: "Sign in to Otter",
    email: "E-mail",
    password: "Password",
    signIn: "Sign in",
    signingIn: "Signing in…",
    forgot: "Forgot your password?",
    resetTitle: "Reset your password",
    resetIntro:
      "Enter your e-mail address: if it belongs to a user, Otter mails a link to set a new password. The link works once, for one hour.",
    resetSend: "Send the link",
    resetSent: "If that address belongs to a user, a link is on its way. Check your mail.",
    setTitle: "Set your password",
    setIntro:
      "Choose a password of at least 12 characters that is not easy to guess. This link works once.",
    newPassword: "New password",
    repeatPassword: "Repeat the password",
    mismatch: "The two passwords differ.",
    setDone: "Your password is set for {email}. Sign in with it now.",
    noToken:
      "This page needs the link from your invitation or reset mail. Open the link from the mail again, or ask for a new one.",
    backToSignIn: "Back to sign in",
  },
  it: {
    signInTitle: "Accedi a Otter",
    email: "E-mail",
    password: "Password",
    signIn: "Accedi",
    signingIn: "Accesso in corso…",
    forgot: "Password dimenticata?",
    resetTitle: "Reimposta la password",
    resetIntro:
      "Inserisci il tuo indirizzo e-mail: se appartiene a un utente, Otter invia un link per impostare una nuova password. Il link si può usare una sola volta ed è valido per un'ora.",
    resetSend: "Invia il link",
    resetSent: "Se l'indirizzo appartiene a un utente, il link è in arrivo. Controlla la posta.",
    setTitle: "Imposta la password",
    setIntro:
      "Scegli una password di almeno 12 caratteri, difficile da indovinare. Questo link si può usare una sola volta.",
    newPassword: "Nuova password",
    repeatPassword: "Ripeti la password",
    mismatch: "Le due password sono diverse.",
    setDone: "La password per {email} è stata impostata. Ora puoi accedere.",
    noToken:
      "Questa pagina richiede il link della mail di invito o di reimpostazione. Riapri il link dalla mail o chiedine uno nuovo.",
    backToSignIn: "Torna all'accesso",
  },
  sv: {
    signInTitle: "Logga in på Otter",
    email: "E-post",
    password: "Lösenord",
    signIn: "Logga in",
    signingIn: "Loggar in…",
    forgot: "Glömt lösenordet?",
    resetTitle: "Återställ lösenordet",
    resetIntro:
      "Ange din e-postadress: om den hör till en användare skickar Otter en länk för att välja ett nytt lösenord. Länken kan användas en gång och gäller i en timme.",
    resetSend: "Skicka länken",
    resetSent: "Om adressen hör till en användare är en länk på väg. Titta i din e-post.",
    setTitle: "Välj ditt lösenord",
    setIntro:
      "Välj ett lösenord på minst 12 tecken som inte är lätt att gissa. Länken kan bara användas en gång.",
    newPassword: "Nytt lösenord",
    repeatPassword: "Upprepa lösenordet",
    mismatch: "Lösenorden stämmer inte överens.",
    setDone: "Lösenordet för {email} är sparat. Logga in med det nu.",
    noToken:
      "Den här sidan behöver länken i ditt inbjudnings- eller återställningsmejl. Öppna länken i mejlet igen eller be om en ny.",
    backToSignIn: "Tillbaka till inloggningen",
  },
});
