import { defineCatalog } from "../../lib/messages/messages.js";

/**
 * The words of the diagnosis ladder (ladder.ts) and of registration reject causes (causes.ts), in
 * every language Otter speaks (src/lib/messages/messages.ts says how a template reads).
 */
export const diagnosisText = defineCatalog({
  en: {
    "state.refused": "The SIM is {state:state}: the network refuses it until it is activated.",
    "state.no_comm_plan":
      "The SIM is {state:state} but has no communication plan: the network will refuse its registrations and data sessions.",
    "state.ok": "The SIM is {state:state}, a state in which the network lets it connect.",
    "limits.none": "No data limit applies.",
    "limits.reached":
      "The data limit of {limit:bytes} for this cycle is reached ({used:bytes} used): the SIM is barred.",
    "limits.near": "The SIM has used {pct} % of its {limit:bytes} limit this cycle.",
    "limits.lifted": "The data limit is lifted ({override}).",
    "limits.within": "Within its data limit.",
    "registration.sessions_only":
      "No registration reported by the HSS, but data sessions prove the SIM attached.",
    "registration.none": "The network has reported no registration of this SIM.",
    "registration.purge":
      "The network reported purge {ago:duration} ago: the device must register again.",
    "registration.cancel_location":
      "The network reported cancel location {ago:duration} ago: the device must register again.",
    "registration.rejected":
      "The last registration, {ago:duration} ago, was rejected: {meaning:msg} ({name}, cause {cause}).",
    "registration.ok": "Registered {ago:duration} ago.",
    "registration.ok_in": "Registered {ago:duration} ago in {plmn}.",
    "registration.other": "The last network event is {event:msg}.",
    "roaming.no_network": "No serving network reported yet.",
    "roaming.no_comm_plan": "The SIM has no communication plan, so no network is allowed.",
    "roaming.zone_not_allowed":
      'The SIM is in {where:msg}, and its communication plan "{plan}" allows no zone that covers {country:country}.',
    "roaming.rat_not_allowed": 'The device uses {rat}, which plan "{plan}" does not allow.',
    "roaming.zone_not_priced":
      'Allowed in {where:msg} (zone {zone}), but rate plan "{ratePlan}" does not price that zone: usage there is charged at pay-per-use prices.',
    "roaming.ok": "Allowed in {where:msg} (zone {zone}).",
    "where.network": "{network} in {country:country} ({plmn})",
    "where.unknown_country": "{network} in an unknown country ({plmn})",
    "session.none": "No data session in the last days.",
    "session.hung":
      "A data session has been open since {since:date} but has carried no traffic for {silent:duration}: the session is hung at the gateway.",
    "session.silent":
      "No data session for {silent:duration} (last at {last:date}), while {usual:msg}.",
    "session.wrong_apn":
      'The device opened its session on APN "{apn}", which plan "{plan}" does not offer ({apns}).',
    "session.flapping":
      "{count} sessions in the last 24 h lasted under a minute: the connection is flapping.",
    "session.empty": "{count} of the last closed sessions carried no bytes.",
    "session.late":
      "The last data session is {silent:duration} old ({last:date}), later than usual: {usual:msg}.",
    "session.open": "A session is open on {apn} since {since:date}.",
    "session.open_any_apn": "A session is open on its APN since {since:date}.",
    "session.recent": "Last session {ago:duration} ago on {apn}.",
    "session.recent_any_apn": "Last session {ago:duration} ago on its APN.",
    "rhythm.sessions": "the device usually opens one every {gap:duration}",
    "rhythm.sessions_unknown": "a device without a known rhythm is expected at least daily",
    "rhythm.reports": "it usually reports every {gap:duration}",
    "rhythm.reports_unknown": "no usual rhythm known yet",
    "traffic.none": "No bytes have flowed in the recent sessions.",
    "traffic.no_sessions": "No sessions to measure traffic.",
    "traffic.last": "Last traffic {ago:duration} ago ({at:date}); {usual:msg}.",
    "device.unknown": "No device identity (IMEI) reported yet.",
    "device.moved":
      "The SIM moved to another device {ago:duration} ago (IMEI {previous} → {imei}).",
    "device.firmware":
      "The device's software version changed recently ({versions}): a firmware update.",
    "device.same": "Same device (IMEI {imei}).",
    "fix.activate": "Activate the SIM.",
    "fix.assign_comm_plan": "Assign a communication plan.",
    "fix.override_limit":
      "Lift the limit for this cycle (TEMPORARY_OVERRIDE) or move to a larger plan.",
    "fix.zone":
      "Move the SIM to a communication plan (and a rate plan that prices it) whose zones include {country:country}.",
    "fix.rat": "Allow {rat} in the plan, or configure the device for {rats}.",
    "fix.price_zone": "Add zone {zone} to the rate plan, or restrict the communication plan.",
    "fix.reset_hung": "Reset connectivity: tear the session down and make the device attach again.",
    "fix.reset_silent":
      "Reset connectivity so the device attaches again; if it stays silent, check the device (power, coverage).",
    "fix.apn": "Send the device its APN configuration, or add the APN to the plan.",
    "fix.moved": "Confirm with the customer that the SIM was moved on purpose.",
    "verdict.next_step": "Next step: {fix:msg}",
    "verdict.warning": "Connected, with a warning: {summary:msg}",
    "verdict.warnings": "Connected, with {count} warnings: {summary:msg}",
    "verdict.ok":
      "The SIM is connected and its traffic flows as usual (last traffic {ago:duration} ago).",
    "verdict.ready": "The SIM is ready; nothing suggests a problem.",
    "verdict.watching":
      "A {action:msg} requested at {at:date} is being watched: Otter is waiting for the network to prove it worked.",
    "verdict.watching_until":
      "A {action:msg} requested at {at:date} is being watched until {until:date}: Otter is waiting for the network to prove it worked.",
    "evidence.state": "state {state:state}",
    "evidence.state_no_plan": "state {state:state}, no communication plan",
    "evidence.used": "{used:bytes} used this cycle",
    "evidence.used_of": "{used:bytes} of {limit:bytes} this cycle",
    "evidence.rate_plan": "rate plan {name} v{version}",
    "evidence.comm_plan": "communication plan {name}: zones {zones}; RATs {rats}",
    "evidence.last_bytes": "last bytes seen",
    "evidence.imei_change": "IMEI {previous} → {imei}",
    "evidence.imeisv": "IMEISV {imeisv}",
    "evidence.imei": "IMEI {imei}",
    "evidence.registration": "{event:msg}",
    "evidence.registration_in": "{event:msg} in {plmn}",
    "evidence.session": "{status:msg} on {apn}, {bytes:bytes}",
    "evidence.session_ended": "{status:msg} on {apn}, {bytes:bytes}, ended {cause}",
    "session_status.open": "open",
    "session_status.closed": "closed",
    "event.location_update": "location update",
    "event.location_update_accepted": "location update accepted",
    "event.location_update_rejected": "location update rejected, cause {cause}",
    "event.purge": "purge",
    "event.cancel_location": "cancel location",
    "event.auth_failure": "authentication failure",
    "cause.unknown": "the network gave cause {cause}",
    "cause.s6a_5001": "the network does not know this SIM (the IMSI is not provisioned in the HSS)",
    "cause.roaming_not_allowed": "roaming is not allowed in the visited network",
    "cause.s6a_5420": "the SIM has no LTE (EPS) data subscription",
    "cause.s6a_5421": "the radio technology the device used is not allowed for this SIM",
    "cause.s6a_5422": "the network refused the device (IMEI check)",
    "cause.s6a_5423": "the serving network node is unknown to the home network",
    "cause.s6a_4181": "authentication data was briefly unavailable (usually transient)",
    "cause.map_1": "the network does not know this SIM",
    "cause.map_5": "the subscriber could not be identified",
    "cause.map_7": "the device (IMEI) is unknown to the network",
    "cause.map_9": "the SIM failed authentication (illegal subscriber)",
    "cause.map_11": "the requested service is not provisioned for this SIM",
    "cause.map_12": "the device is barred (illegal equipment)",
    "cause.map_13": "the SIM is barred",
    "cause.map_27": "the device is not reachable",
    "cause.map_34": "a network system failure (usually transient)",
    "cause.map_35": "subscription data is missing in the network",
    "cause.map_36": "the network received unexpected data",
    "action.activate": "activate",
    "action.change-plan": "change-plan",
    "action.override-limit": "override-limit",
    "action.reset-connectivity": "reset-connectivity",
    "action.send-sms": "send-sms",
    "action.check-device": "check-device",
  },
  it: {
    "state.refused":
      "La SIM è nello stato {state:state}: la rete la rifiuta finché non viene attivata.",
    "state.no_comm_plan":
      "La SIM è nello stato {state:state} ma non ha un piano di comunicazione: la rete ne rifiuterà le registrazioni e le sessioni dati.",
    "state.ok": "La SIM è nello stato {state:state}, in cui la rete le consente di connettersi.",
    "limits.none": "Non si applica alcun limite di traffico dati.",
    "limits.reached":
      "Il limite dati di {limit:bytes} per questo ciclo è stato raggiunto ({used:bytes} consumati): la SIM è bloccata.",
    "limits.near":
      "In questo ciclo la SIM ha consumato il {pct} % del suo limite di {limit:bytes}.",
    "limits.lifted": "Il limite dati è sospeso ({override}).",
    "limits.within": "Entro il limite dati.",
    "registration.sessions_only":
      "L'HSS non ha segnalato registrazioni, ma le sessioni dati dimostrano che la SIM si è agganciata alla rete.",
    "registration.none": "La rete non ha segnalato alcuna registrazione di questa SIM.",
    "registration.purge":
      "{ago:duration} fa la rete ha segnalato un purge: il dispositivo deve registrarsi di nuovo.",
    "registration.cancel_location":
      "{ago:duration} fa la rete ha segnalato un cancel location: il dispositivo deve registrarsi di nuovo.",
    "registration.rejected":
      "L'ultima registrazione, {ago:duration} fa, è stata rifiutata: {meaning:msg} ({name}, causa {cause}).",
    "registration.ok": "Registrata sulla rete {ago:duration} fa.",
    "registration.ok_in": "Registrata su {plmn} {ago:duration} fa.",
    "registration.other": "L'ultimo evento di rete è: {event:msg}.",
    "roaming.no_network": "Nessuna rete di servizio segnalata finora.",
    "roaming.no_comm_plan":
      "La SIM non ha un piano di comunicazione, quindi nessuna rete è consentita.",
    "roaming.zone_not_allowed":
      "La SIM si trova su {where:msg} e il suo piano di comunicazione «{plan}» non consente alcuna zona che copra {country:country}.",
    "roaming.rat_not_allowed": "Il dispositivo usa {rat}, che il piano «{plan}» non consente.",
    "roaming.zone_not_priced":
      "Consentita su {where:msg} (zona {zone}), ma il piano tariffario «{ratePlan}» non prevede un prezzo per quella zona: il traffico viene addebitato a consumo.",
    "roaming.ok": "Consentita su {where:msg} (zona {zone}).",
    "where.network": "{network} in {country:country} ({plmn})",
    "where.unknown_country": "{network} in un paese sconosciuto ({plmn})",
    "session.none": "Nessuna sessione dati negli ultimi giorni.",
    "session.hung":
      "Una sessione dati è aperta dal {since:date} ma non trasporta traffico da {silent:duration}: la sessione è bloccata sul gateway.",
    "session.silent":
      "Nessuna sessione dati da {silent:duration} (l'ultima il {last:date}), mentre {usual:msg}.",
    "session.wrong_apn":
      "Il dispositivo ha aperto la sessione sull'APN «{apn}», che il piano «{plan}» non prevede ({apns}).",
    "session.flapping":
      "{count} sessioni nelle ultime 24 ore sono durate meno di un minuto: la connessione è instabile.",
    "session.empty": "{count} delle ultime sessioni chiuse non hanno trasportato dati.",
    "session.late":
      "L'ultima sessione dati risale a {silent:duration} fa ({last:date}), più tardi del solito: {usual:msg}.",
    "session.open": "Una sessione è aperta su {apn} dal {since:date}.",
    "session.open_any_apn": "Una sessione è aperta sul suo APN dal {since:date}.",
    "session.recent": "Ultima sessione {ago:duration} fa su {apn}.",
    "session.recent_any_apn": "Ultima sessione {ago:duration} fa sul suo APN.",
    "rhythm.sessions": "di solito il dispositivo ne apre una ogni {gap:duration}",
    "rhythm.sessions_unknown":
      "da un dispositivo senza un ritmo noto ci si aspetta almeno una sessione al giorno",
    "rhythm.reports": "di solito trasmette ogni {gap:duration}",
    "rhythm.reports_unknown": "il suo ritmo abituale non è ancora noto",
    "traffic.none": "Nelle sessioni recenti non è passato alcun dato.",
    "traffic.no_sessions": "Nessuna sessione su cui misurare il traffico.",
    "traffic.last": "Ultimo traffico {ago:duration} fa ({at:date}); {usual:msg}.",
    "device.unknown": "Nessuna identità del dispositivo (IMEI) segnalata finora.",
    "device.moved":
      "La SIM è passata a un altro dispositivo {ago:duration} fa (IMEI {previous} → {imei}).",
    "device.firmware":
      "La versione software del dispositivo è cambiata di recente ({versions}): un aggiornamento del firmware.",
    "device.same": "Stesso dispositivo (IMEI {imei}).",
    "fix.activate": "Attivare la SIM.",
    "fix.assign_comm_plan": "Assegnare un piano di comunicazione.",
    "fix.override_limit":
      "Sospendere il limite per questo ciclo (TEMPORARY_OVERRIDE) o passare a un piano più capiente.",
    "fix.zone":
      "Spostare la SIM su un piano di comunicazione (e su un piano tariffario che ne preveda il prezzo) con zone che includano {country:country}.",
    "fix.rat": "Consentire {rat} nel piano, oppure configurare il dispositivo per {rats}.",
    "fix.price_zone":
      "Aggiungere la zona {zone} al piano tariffario, oppure restringere il piano di comunicazione.",
    "fix.reset_hung":
      "Reimpostare la connettività: chiudere la sessione e far riagganciare il dispositivo alla rete.",
    "fix.reset_silent":
      "Reimpostare la connettività perché il dispositivo si riagganci alla rete; se resta silenzioso, controllare il dispositivo (alimentazione, copertura).",
    "fix.apn":
      "Inviare al dispositivo la configurazione dell'APN, oppure aggiungere l'APN al piano.",
    "fix.moved": "Verificare con il cliente che la SIM sia stata spostata di proposito.",
    "verdict.next_step": "Prossimo passo: {fix:msg}",
    "verdict.warning": "Connessa, con un avviso: {summary:msg}",
    "verdict.warnings": "Connessa, con {count} avvisi: {summary:msg}",
    "verdict.ok":
      "La SIM è connessa e il traffico scorre regolarmente (ultimo traffico {ago:duration} fa).",
    "verdict.ready": "La SIM è pronta; nulla indica un problema.",
    "verdict.watching":
      "L'azione «{action:msg}» richiesta il {at:date} è sotto osservazione: Otter attende che la rete ne confermi l'esito.",
    "verdict.watching_until":
      "L'azione «{action:msg}» richiesta il {at:date} è sotto osservazione fino al {until:date}: Otter attende che la rete ne confermi l'esito.",
    "evidence.state": "stato {state:state}",
    "evidence.state_no_plan": "stato {state:state}, nessun piano di comunicazione",
    "evidence.used": "{used:bytes} consumati in questo ciclo",
    "evidence.used_of": "{used:bytes} su {limit:bytes} in questo ciclo",
    "evidence.rate_plan": "piano tariffario {name} v{version}",
    "evidence.comm_plan": "piano di comunicazione {name}: zone {zones}; tecnologie radio {rats}",
    "evidence.last_bytes": "ultimi dati visti",
    "evidence.imei_change": "IMEI {previous} → {imei}",
    "evidence.imeisv": "IMEISV {imeisv}",
    "evidence.imei": "IMEI {imei}",
    "evidence.registration": "{event:msg}",
    "evidence.registration_in": "{event:msg} su {plmn}",
    "evidence.session": "{status:msg} su {apn}, {bytes:bytes}",
    "evidence.session_ended": "{status:msg} su {apn}, {bytes:bytes}, chiusa con {cause}",
    "session_status.open": "aperta",
    "session_status.closed": "chiusa",
    "event.location_update": "aggiornamento di posizione",
    "event.location_update_accepted": "aggiornamento di posizione accettato",
    "event.location_update_rejected": "aggiornamento di posizione rifiutato, causa {cause}",
    "event.purge": "purge",
    "event.cancel_location": "cancel location",
    "event.auth_failure": "autenticazione fallita",
    "cause.unknown": "la rete ha restituito la causa {cause}",
    "cause.s6a_5001": "la rete non conosce questa SIM (l'IMSI non è configurato nell'HSS)",
    "cause.roaming_not_allowed": "il roaming non è consentito sulla rete visitata",
    "cause.s6a_5420": "la SIM non ha un abbonamento dati LTE (EPS)",
    "cause.s6a_5421": "la tecnologia radio usata dal dispositivo non è consentita per questa SIM",
    "cause.s6a_5422": "la rete ha rifiutato il dispositivo (controllo IMEI)",
    "cause.s6a_5423": "il nodo della rete visitata è sconosciuto alla rete di appartenenza",
    "cause.s6a_4181":
      "i dati di autenticazione non erano momentaneamente disponibili (di solito un problema passeggero)",
    "cause.map_1": "la rete non conosce questa SIM",
    "cause.map_5": "non è stato possibile identificare l'abbonato",
    "cause.map_7": "il dispositivo (IMEI) è sconosciuto alla rete",
    "cause.map_9": "la SIM non ha superato l'autenticazione (abbonato non valido)",
    "cause.map_11": "il servizio richiesto non è attivo per questa SIM",
    "cause.map_12": "il dispositivo è bloccato (apparato non valido)",
    "cause.map_13": "la SIM è bloccata",
    "cause.map_27": "il dispositivo non è raggiungibile",
    "cause.map_34": "un guasto di sistema della rete (di solito passeggero)",
    "cause.map_35": "nella rete mancano i dati dell'abbonamento",
    "cause.map_36": "la rete ha ricevuto dati inattesi",
    "action.activate": "Attiva SIM",
    "action.change-plan": "Cambia piano",
    "action.override-limit": "Sospendi limite",
    "action.reset-connectivity": "Reimposta connettività",
    "action.send-sms": "Invia SMS",
    "action.check-device": "Controlla dispositivo",
  },
  sv: {
    "state.refused": "SIM-kortet har status {state:state}: nätet nekar det tills det aktiveras.",
    "state.no_comm_plan":
      "SIM-kortet har status {state:state} men saknar kommunikationsplan: nätet kommer att neka dess registreringar och datasessioner.",
    "state.ok": "SIM-kortet har status {state:state}, och med den får det ansluta till nätet.",
    "limits.none": "Ingen datagräns gäller.",
    "limits.reached":
      "Datagränsen på {limit:bytes} för perioden är nådd ({used:bytes} använt): SIM-kortet är spärrat.",
    "limits.near": "SIM-kortet har använt {pct} % av sin gräns på {limit:bytes} under perioden.",
    "limits.lifted": "Datagränsen är hävd ({override}).",
    "limits.within": "Inom sin datagräns.",
    "registration.sessions_only":
      "HSS har inte rapporterat någon registrering, men datasessionerna visar att SIM-kortet har anslutit.",
    "registration.none": "Nätet har inte rapporterat någon registrering av det här SIM-kortet.",
    "registration.purge":
      "Nätet rapporterade purge för {ago:duration} sedan: enheten måste registrera sig igen.",
    "registration.cancel_location":
      "Nätet rapporterade cancel location för {ago:duration} sedan: enheten måste registrera sig igen.",
    "registration.rejected":
      "Den senaste registreringen, för {ago:duration} sedan, avvisades: {meaning:msg} ({name}, orsak {cause}).",
    "registration.ok": "Registrerades i nätet för {ago:duration} sedan.",
    "registration.ok_in": "Registrerades i {plmn} för {ago:duration} sedan.",
    "registration.other": "Den senaste nätverkshändelsen är: {event:msg}.",
    "roaming.no_network": "Inget betjänande nät har rapporterats ännu.",
    "roaming.no_comm_plan": "SIM-kortet saknar kommunikationsplan, så inget nät är tillåtet.",
    "roaming.zone_not_allowed":
      "SIM-kortet befinner sig i {where:msg}, och dess kommunikationsplan ”{plan}” tillåter ingen zon som täcker {country:country}.",
    "roaming.rat_not_allowed": "Enheten använder {rat}, som planen ”{plan}” inte tillåter.",
    "roaming.zone_not_priced":
      "Tillåtet i {where:msg} (zon {zone}), men prisplanen ”{ratePlan}” prissätter inte den zonen: trafik där debiteras till löpande pris.",
    "roaming.ok": "Tillåtet i {where:msg} (zon {zone}).",
    "where.network": "{network} i {country:country} ({plmn})",
    "where.unknown_country": "{network} i ett okänt land ({plmn})",
    "session.none": "Ingen datasession de senaste dagarna.",
    "session.hung":
      "En datasession har varit öppen sedan {since:date} men inte fört någon trafik på {silent:duration}: sessionen har hängt sig i gatewayen.",
    "session.silent":
      "Ingen datasession på {silent:duration} (den senaste {last:date}), trots att {usual:msg}.",
    "session.wrong_apn":
      "Enheten öppnade sin session på APN ”{apn}”, som planen ”{plan}” inte erbjuder ({apns}).",
    "session.flapping":
      "{count} sessioner de senaste 24 timmarna varade kortare än en minut: anslutningen fladdrar.",
    "session.empty": "{count} av de senaste stängda sessionerna förde ingen data.",
    "session.late":
      "Den senaste datasessionen är {silent:duration} gammal ({last:date}), senare än vanligt: {usual:msg}.",
    "session.open": "En session är öppen på {apn} sedan {since:date}.",
    "session.open_any_apn": "En session är öppen på sin APN sedan {since:date}.",
    "session.recent": "Senaste sessionen för {ago:duration} sedan på {apn}.",
    "session.recent_any_apn": "Senaste sessionen för {ago:duration} sedan på sin APN.",
    "rhythm.sessions": "enheten brukar öppna en var {gap:duration}",
    "rhythm.sessions_unknown": "en enhet utan känd rytm väntas höra av sig minst en gång om dagen",
    "rhythm.reports": "den brukar rapportera var {gap:duration}",
    "rhythm.reports_unknown": "ingen vanlig rytm är känd ännu",
    "traffic.none": "Ingen data har gått i de senaste sessionerna.",
    "traffic.no_sessions": "Inga sessioner att mäta trafik i.",
    "traffic.last": "Senaste trafik för {ago:duration} sedan ({at:date}); {usual:msg}.",
    "device.unknown": "Ingen enhetsidentitet (IMEI) har rapporterats ännu.",
    "device.moved":
      "SIM-kortet flyttades till en annan enhet för {ago:duration} sedan (IMEI {previous} → {imei}).",
    "device.firmware":
      "Enhetens programvaruversion har nyligen ändrats ({versions}): en firmwareuppdatering.",
    "device.same": "Samma enhet (IMEI {imei}).",
    "fix.activate": "Aktivera SIM-kortet.",
    "fix.assign_comm_plan": "Tilldela en kommunikationsplan.",
    "fix.override_limit":
      "Häv gränsen för perioden (TEMPORARY_OVERRIDE) eller byt till en större plan.",
    "fix.zone":
      "Flytta SIM-kortet till en kommunikationsplan (och en prisplan som prissätter den) vars zoner omfattar {country:country}.",
    "fix.rat": "Tillåt {rat} i planen, eller konfigurera enheten för {rats}.",
    "fix.price_zone": "Lägg till zon {zone} i prisplanen, eller begränsa kommunikationsplanen.",
    "fix.reset_hung":
      "Återställ anslutningen: koppla ned sessionen och låt enheten ansluta på nytt.",
    "fix.reset_silent":
      "Återställ anslutningen så att enheten ansluter på nytt; om den förblir tyst, kontrollera enheten (ström, täckning).",
    "fix.apn": "Skicka APN-inställningarna till enheten, eller lägg till APN:en i planen.",
    "fix.moved": "Bekräfta med kunden att SIM-kortet flyttades avsiktligt.",
    "verdict.next_step": "Nästa steg: {fix:msg}",
    "verdict.warning": "Ansluten, med en varning: {summary:msg}",
    "verdict.warnings": "Ansluten, med {count} varningar: {summary:msg}",
    "verdict.ok":
      "SIM-kortet är anslutet och trafiken flödar som vanligt (senaste trafik för {ago:duration} sedan).",
    "verdict.ready": "SIM-kortet är redo; inget tyder på något problem.",
    "verdict.watching":
      "Åtgärden ”{action:msg}” som begärdes {at:date} bevakas: Otter väntar på att nätet ska visa att den fungerade.",
    "verdict.watching_until":
      "Åtgärden ”{action:msg}” som begärdes {at:date} bevakas till {until:date}: Otter väntar på att nätet ska visa att den fungerade.",
    "evidence.state": "status {state:state}",
    "evidence.state_no_plan": "status {state:state}, ingen kommunikationsplan",
    "evidence.used": "{used:bytes} använt under perioden",
    "evidence.used_of": "{used:bytes} av {limit:bytes} under perioden",
    "evidence.rate_plan": "prisplan {name} v{version}",
    "evidence.comm_plan": "kommunikationsplan {name}: zoner {zones}; radioteknik {rats}",
    "evidence.last_bytes": "senast sedd data",
    "evidence.imei_change": "IMEI {previous} → {imei}",
    "evidence.imeisv": "IMEISV {imeisv}",
    "evidence.imei": "IMEI {imei}",
    "evidence.registration": "{event:msg}",
    "evidence.registration_in": "{event:msg} i {plmn}",
    "evidence.session": "{status:msg} på {apn}, {bytes:bytes}",
    "evidence.session_ended": "{status:msg} på {apn}, {bytes:bytes}, avslutad med {cause}",
    "session_status.open": "öppen",
    "session_status.closed": "stängd",
    "event.location_update": "lägesuppdatering",
    "event.location_update_accepted": "lägesuppdatering godkänd",
    "event.location_update_rejected": "lägesuppdatering avvisad, orsak {cause}",
    "event.purge": "purge",
    "event.cancel_location": "cancel location",
    "event.auth_failure": "misslyckad autentisering",
    "cause.unknown": "nätet angav orsak {cause}",
    "cause.s6a_5001": "nätet känner inte till SIM-kortet (IMSI:t är inte provisionerat i HSS)",
    "cause.roaming_not_allowed": "roaming är inte tillåten i det besökta nätet",
    "cause.s6a_5420": "SIM-kortet saknar LTE-dataabonnemang (EPS)",
    "cause.s6a_5421": "radiotekniken som enheten använde är inte tillåten för SIM-kortet",
    "cause.s6a_5422": "nätet nekade enheten (IMEI-kontroll)",
    "cause.s6a_5423": "den betjänande nätnoden är okänd för hemmanätet",
    "cause.s6a_4181": "autentiseringsdata var tillfälligt otillgängliga (oftast övergående)",
    "cause.map_1": "nätet känner inte till SIM-kortet",
    "cause.map_5": "abonnenten kunde inte identifieras",
    "cause.map_7": "enheten (IMEI) är okänd för nätet",
    "cause.map_9": "SIM-kortet klarade inte autentiseringen (ogiltig abonnent)",
    "cause.map_11": "den begärda tjänsten är inte provisionerad för SIM-kortet",
    "cause.map_12": "enheten är spärrad (ogiltig utrustning)",
    "cause.map_13": "SIM-kortet är spärrat",
    "cause.map_27": "enheten går inte att nå",
    "cause.map_34": "ett systemfel i nätet (oftast övergående)",
    "cause.map_35": "abonnemangsdata saknas i nätet",
    "cause.map_36": "nätet tog emot oväntade data",
    "action.activate": "Aktivera SIM-kort",
    "action.change-plan": "Byt plan",
    "action.override-limit": "Häv datagräns",
    "action.reset-connectivity": "Återställ anslutning",
    "action.send-sms": "Skicka SMS",
    "action.check-device": "Kontrollera enhet",
  },
});
