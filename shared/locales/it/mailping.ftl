# MailPing in italiano. Stesse chiavi e variabili di locales/en/mailping.ftl (lo verifica un
# test). Termini: tracker, lettura (read), caricamento (fetch), avviso (alert), promemoria,
# ore di silenzio, pagina di copia.

language-name = Italiano

example-track = /track Proposta per ACME
example-track-recipients =
    /track Proposta per ACME
    Alice
    Bruno

commands-title = Comandi di MailPing
command-start = Benvenuto e guida in tre passi
command-track = Crea un tracker per un'email, es. /track Proposta per ACME; un destinatario per riga sotto
    .args = &lt;etichetta&gt;
command-opens = Elenca i tuoi tracker o mostra la cronologia del tracker n
    .args = [n]
command-mute = Ferma gli avvisi del tracker n (le aperture restano registrate)
    .args = &lt;n&gt;
command-unmute = Riattiva gli avvisi del tracker n
    .args = &lt;n&gt;
command-delete = Elimina il tracker n e tutte le sue aperture
    .args = &lt;n&gt;
command-tz = Imposta il tuo fuso orario, es. /tz Europe/Rome
    .args = &lt;fuso&gt;
command-remind = Avvisami se il tracker n non è letto entro allora, es. /remind 3 2d; da solo, elenca i promemoria
    .args = [n] [quando]
command-quiet = Ore senza promemoria, es. /quiet 22:00-08:00 o /quiet off
    .args = [ore]
command-forget = Cancella tutto ciò che MailPing conserva di questa chat
command-help = Mostra questo elenco
command-stats = Un grafico dei tuoi ultimi 30 giorni o dei caricamenti del tracker n
    .args = [n]
command-export = I tuoi caricamenti registrati in un file CSV, o solo quelli del tracker n
    .args = [n]
command-language = Scegli la lingua in cui ti scrivo, es. /language it
    .args = [codice]

option-label = etichetta
    .description = Di quale email si tratta, es. Proposta per ACME
option-recipients = destinatari
    .description = Un tracker per destinatario, separati da virgole, es. Alice, Bruno
option-tracker = tracker
    .description = Numero del tracker, o "default" per ogni nuovo tracker (vuoto per l'elenco)
option-when = quando
    .description = es. 2d, 36h, 1w, 3 days, o off
option-hours = ore
    .description = es. 22:00-08:00, o off (vuoto per vederle)
option-number = numero
    .description = Numero del tracker, vedi /opens
option-number-to-list = numero
    .description = Numero del tracker (vuoto per l'elenco)
option-number-or-all = numero
    .description = Numero del tracker (vuoto per tutti i tuoi tracker)
option-zone = fuso
    .description = Fuso orario IANA, es. Europe/Rome
option-code = codice
    .description = Un codice di lingua come it o pt-BR (vuoto per l'elenco)

welcome =
    <b>👋 Benvenuto in MailPing.</b> Ti avviso quando qualcuno apre un'email che hai inviato: nessun accesso alla tua casella, nessun link riscritto, solo un'immagine invisibile.

    1. Invia <code>{ example-track }</code> per ottenere un tracker.
    2. Incolla nella tua email lo snippet che ti mando (se usi la webmail, copia l'immagine dalla pagina di copia).
    3. Ti scrivo qui quando viene aperta. <code>/opens</code> mostra la cronologia, <code>/help</code> il resto.
unknown-command = 🤔 Non conosco il comando <code>/{ $name }</code>. Invia <code>/help</code> per vedere cosa so fare.
not-a-command = Capisco solo i comandi. Per tracciare un'email, invia <code>{ example-track }</code>, oppure <code>/help</code> per il resto.
not-supported = Questo non è supportato.
button-expired = Questo pulsante non funziona più. Invia /opens per un elenco aggiornato.

label-missing = ⚠️ Dai un'etichetta all'email, così distingui i tuoi tracker. Esempio: <code>{ example-track }</code>
label-too-long = ⚠️ Quell'etichetta è lunga { $length } caratteri; il limite è { $limit }. Esempio: <code>{ example-track }</code>
label-control-characters = ⚠️ L'etichetta non può contenere caratteri di controllo come tabulazioni o a capo. Esempio: <code>{ example-track }</code>
label-invisible = ⚠️ Quell'etichetta non si vedrebbe: contiene solo caratteri invisibili. Non è stato creato nulla. Esempio: <code>{ example-track }</code>
label-layout-characters = ⚠️ L'etichetta non può contenere separatori di riga né controlli della direzione del testo (come U+202E): scompiglierebbero i messaggi. Non è stato creato nulla. Esempio: <code>{ example-track }</code>
slow-down-commands = ⏳ Piano: puoi inviare { $count } comandi al minuto. Riprova tra un momento.
slow-down-trackers = ⏳ Piano: puoi creare { $count } tracker al minuto. Riprova tra un momento.
something-went-wrong = 😕 Qualcosa è andato storto da parte nostra. Riprova tra un momento.
missing-number = ⚠️ Quale tracker? Indica il numero, es. <code>/{ $command } 3</code>. <code>/opens</code> li elenca.
bad-number = ⚠️ <code>{ $input }</code> non è un numero di tracker. Esempio: <code>/{ $command } 3</code>
no-such-tracker = ⚠️ Non hai il tracker n. { $number }. <code>/opens</code> elenca i tuoi.
too-many-recipients = ⚠️ Sono { $count } destinatari; un /track ne accetta al massimo { $limit }. Non è stato creato nulla. Esempio:
delay-unknown = ⚠️ Non capisco la durata "{ $input }". Usa una durata da un minuto a un anno, come <code>2d</code>, <code>36h</code>, <code>1w</code> o <code>3 days</code>. Non è cambiato nulla.
delay-too-short = ⚠️ Un promemoria richiede almeno un minuto. Usa una durata da un minuto a un anno, come <code>2d</code>, <code>36h</code>, <code>1w</code> o <code>3 days</code>. Non è cambiato nulla.
delay-too-long = ⚠️ Un promemoria può essere al massimo tra un anno. Usa una durata da un minuto a un anno, come <code>2d</code>, <code>36h</code>, <code>1w</code> o <code>3 days</code>. Non è cambiato nulla.
missing-delay = ⚠️ Quando? Indica una durata, es. <code>/remind { $target } 3d</code>, oppure <code>/remind { $target } off</code>.

button-timeline = 🕓 Cronologia
button-mute = 🔕 Silenzia
button-unmute = 🔔 Riattiva
button-delete = 🗑 Elimina
button-remind-in = ⏰ { $delay }
button-remind-again = ⏰ Ricordamelo tra { $delay }
button-stop-reminding = 🛑 Basta promemoria
button-wrong = ❓ Sbagliato?
button-it-was-me = 👤 Ero io
button-it-was-a-machine = 🤖 Era una macchina
button-yes-delete = Sì, elimina
button-yes-delete-everything = Sì, cancella tutto
button-cancel = Annulla
button-previous-page = ◀
button-next-page = ▶

duration-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minuti
}
duration-hours = { $count ->
    [one] { $count } ora
   *[other] { $count } ore
}
duration-days = { $count ->
    [one] { $count } giorno
   *[other] { $count } giorni
}
duration-weeks = { $count ->
    [one] { $count } settimana
   *[other] { $count } settimane
}
ago-just-now = proprio ora
ago-minutes = { $count } min fa
ago-hours = { $count } h fa
ago-yesterday = ieri
ago-days = { $count ->
    [one] { $count } giorno fa
   *[other] { $count } giorni fa
}
short-seconds = { $count } s
short-minutes = { $count } min
short-hours = { $count } h
short-hours-minutes = { $hours } h { $minutes } min
short-days = { $count ->
    [one] { $count } giorno
   *[other] { $count } giorni
}
short-days-hours = { $days ->
    [one] { $days } giorno { $hours } h
   *[other] { $days } giorni { $hours } h
}

tracker-created =
    ✅ Tracker n. { $number } creato: <b>{ $label }</b>

    Incolla questo HTML nella tua email:
tracker-image-url = URL dell'immagine: <code>{ $url }</code>
tracker-webmail = Scrivi con Gmail o Outlook sul web? Apri la <a href="{ $url }">pagina di copia</a> e copia da lì l'immagine invisibile.
default-reminder-note = ⏰ Ti avviso se non c'è una lettura confermata entro { $delay } (la tua impostazione predefinita).
ask-reminder = Vuoi un promemoria se nessuno la legge?
trackers-created = ✅ { $count } tracker creati, uno per destinatario. Invia a ciascun destinatario la sua copia dell'email con la sua immagine:
trackers-created-line = n. { $number } <b>{ $label }</b>
copy-page = pagina di copia
trackers-snippet = L'HTML di ciascuno è <code>{ $snippet }</code>.
image-url-placeholder = &lt;URL dell'immagine&gt;
trackers-reminder-hint = Per un promemoria se uno di loro non viene letto, invia <code>/remind { $number } 3d</code>.

reminder-set = ⏰ Tra { $delay }, il { $due } ({ $timezone }), ti avviso se il n. { $number } <b>{ $label }</b> non ha una lettura confermata.
reminder-in-quiet-hours = Cade nelle tue ore di silenzio, quindi arriverà il { $at }.
reminder-stopped = 🛑 Nessun promemoria per il n. { $number } <b>{ $label }</b>.
already-read = ✅ Il n. { $number } <b>{ $label }</b> è già stato letto, quindi non c'è niente da ricordarti.
default-reminder-set = ⏰ D'ora in poi ogni nuovo tracker ti avvisa se non ha una lettura confermata entro { $delay }.
default-reminder-off = ⏰ I nuovi tracker non hanno promemoria, a meno che tu non ne chieda uno.
reminders-title = ⏰ Promemoria
reminders-none = Nessun promemoria in attesa.
reminders-line = n. { $number } <b>{ $label }</b> — { $due }
reminders-times-in = Orari in { $timezone }.
reminders-default = I nuovi tracker ti avvisano dopo { $delay }.
reminders-no-default = I nuovi tracker non hanno promemoria predefiniti.
reminders-quiet-hours = Ore di silenzio: { $hours }.
reminders-how = Creane uno con <code>/remind 3 2d</code>, fermalo con <code>/remind 3 off</code>, o imposta un predefinito con <code>/remind default 3d</code>.
reminder-due = ⏰ Nessuna lettura confermata di <b>{ $label }</b> dopo { $waited } (inviata { $sent }).
reminder-apple-fetched = Apple Mail l'ha caricata alla consegna ({ $at }), e questa non è una lettura.
reminder-late = (Questo promemoria arriva con { $late } di ritardo: MailPing era offline alla scadenza.)

quiet-hours-on = 🌙 Ore di silenzio: { $hours } ({ $timezone }). I promemoria in scadenza in quelle ore aspettano che finiscano.
quiet-hours-off-now = 🌙 Le ore di silenzio sono disattivate.
quiet-hours-how = Impostale con <code>/quiet 22:00-08:00</code> o disattivale con <code>/quiet off</code>.
bad-quiet-hours = ⚠️ <code>{ $input }</code> non è un intervallo orario. Esempio: <code>/quiet 22:00-08:00</code>. Non è cambiato nulla.
quiet-hours-set = 🌙 Ore di silenzio impostate su { $hours } ({ $timezone }). I promemoria in scadenza in quelle ore arrivano alla fine; gli avvisi di apertura arrivano comunque subito.

confirm-forget = 🧹 Cancellare tutto ciò che MailPing conserva di questa chat: i tuoi tracker, ogni apertura, avviso e promemoria, le tue impostazioni e le reti apprese dalle tue pagine di copia? Non si può annullare, e le immagini nelle tue email smetteranno di segnalare.
forgotten = 🧹 Fatto: MailPing non conserva più nulla di questa chat. Se invii un altro comando, ricominci da capo.
kept-everything = Tutto è stato conservato.

no-trackers = Non hai ancora tracker. Creane uno con <code>{ example-track }</code>.
trackers-title = 📋 I tuoi tracker
trackers-page = (pagina { $page } di { $pages })
tracker-not-opened = non ancora aperta
tracker-only-machines = consegnata, lettura non ancora confermata (l'hanno caricata solo macchine: { $machines })
tracker-opened = aperta { $count }×
tracker-last-read = , l'ultima { $ago }
trackers-details = Dettagli: <code>/opens &lt;n&gt;</code>
muted-mark = 🔕 silenziato

timeline-title = 🕓 n. { $number } <b>{ $label }</b> — orari in { $timezone }
timeline-empty = Non ancora aperta.
timeline-only-machines = 📭 Consegnata, lettura non ancora confermata: finora l'hanno caricata solo macchine. Ogni riga qui sotto dice quale.
timeline-skipped = … { $count } righe precedenti non mostrate
timeline-reported = ❓ hai segnalato un errore
timeline-older = ({ $count } aperture precedenti non mostrate)
timeline-through-relay = (tramite un relay per la privacy)
timeline-not-counted = non conteggiato: { $why }

kind-direct = aperta
kind-gmail-proxy = aperta tramite il proxy immagini di Gmail
kind-yahoo-proxy = aperta tramite il proxy immagini di Yahoo
kind-apple-mpp = precaricamento di Apple Mail (consegnata, lettura non confermata)
kind-link-preview = bot di anteprima dei link (non è una lettura)
kind-scanner = scanner di sicurezza o bot (non è una lettura)
kind-unverified = client non riconosciuto (lettura non confermata)
kind-self-view = una tua visualizzazione (non è una lettura)
kind-duplicate = caricamento ripetuto (non conteggiato)
why-grace = una tua visualizzazione (subito dopo aver creato il tracker)
why-own-view = una tua visualizzazione
why-repeat = caricamento ripetuto · { $client }
why-link-scan = scansione dei link di { $client }
why-prefetch = precaricamento di { $client } alla consegna
why-crawler = crawler di { $client }
why-known-bot = un bot noto
why-no-agent = uno script senza User-Agent
why-data-centre = data center di { $client } (lì girano scanner, non persone)
why-unrecognised = client non riconosciuto { $client } (nessun segno di una persona)
why-implausible = { $client } (un agente di browser che nessun browser reale invia: una macchina)
why-bot-convention = { $client } (si presenta come bot o servizio)
why-reported-own-network = una tua visualizzazione (una rete che hai detto essere tua)
why-reported-machine = { $client } (hai detto che era una macchina)
why-link-preview = anteprima del link di { $client }
why-scanner = { $client } (uno scanner di sicurezza o uno script)
why-apple-mpp = precaricamento della Protezione privacy di Mail di Apple (consegnata, lettura non confermata)

what-was-it = ❓ Cos'era quel caricamento del n. { $number } <b>{ $label }</b>?
noted = 📝 Annotato per il n. { $number } <b>{ $label }</b>.
learned-own-network = D'ora in poi i caricamenti da quella rete sono tue visualizzazioni, per questo tracker e per i prossimi.
learned-machine = D'ora in poi quel client da quella rete è una macchina, mai una lettura, per questo tracker e per i prossimi.
shared-network-own-view = Quel caricamento è arrivato da un indirizzo condiviso da molte persone (un proxy immagini di una webmail, il relay di Apple o la rete di un provider), quindi MailPing non può impararlo come tuo.
shared-network-machine = Quel caricamento è arrivato da un indirizzo condiviso da molte persone (un proxy immagini di una webmail, il relay di Apple o la rete di un provider), quindi MailPing non può impararlo come macchina senza nascondere letture reali.
opens-marks-it = <code>/opens { $number }</code> lo segnala.
open-gone = ⚠️ Quel caricamento del n. { $number } <b>{ $label }</b> non è più registrato, quindi non c'è nulla da segnalare.

muted = 🔕 Silenziato il n. { $number } <b>{ $label }</b>. Le aperture restano registrate, ma non ti avviserò.
unmuted = 🔔 Riattivato il n. { $number } <b>{ $label }</b>. Ti avviserò quando viene aperta.
confirm-delete = 🗑 Eliminare il n. { $number } <b>{ $label }</b> e tutte le sue aperture? Non si può annullare, e l'immagine nella tua email smetterà di segnalare.
deleted = 🗑 Eliminato il n. { $number } <b>{ $label }</b> con tutte le sue aperture.
kept = Conservato il n. { $number } <b>{ $label }</b>.
current-timezone = 🌍 Il tuo fuso orario è { $timezone }. Per cambiarlo, invia <code>/tz Europe/Rome</code> con il tuo fuso.
bad-timezone = ⚠️ <code>{ $input }</code> non è un fuso orario che conosco. Usa un nome IANA come <code>Europe/Rome</code> o <code>Europe/Zurich</code>.
timezone-set = 🌍 Fuso orario impostato su { $timezone }. Gli orari ora sono mostrati in questo fuso.

alert-apple = 📭 <b>{ $label }</b> è arrivata in una casella di Apple Mail. Apple l'ha caricata alla consegna, quindi non è una lettura confermata.
alert-opened = 📬 Aperta: <b>{ $label }</b> — { $time } ({ $timezone }) · { $client } · { $count }
alert-nth-open = { $ordinal }ª apertura
alert-times-since = aperta { $count } volte dall'ultimo avviso
alert-more-in-minutes = { $minutes ->
    [one] { $count ->
        [one] aperta { $count } altra volta nell'ultimo minuto
       *[other] aperta altre { $count } volte nell'ultimo minuto
    }
   *[other] { $count ->
        [one] aperta { $count } altra volta negli ultimi { $minutes } minuti
       *[other] aperta altre { $count } volte negli ultimi { $minutes } minuti
    }
}
alert-reminder-cancelled = ⏰ promemoria annullato
alert-again-client-network = 🔀 Riaperta, in { $client }, da un'altra rete: inoltrata, o un altro dispositivo.
alert-again-client = 🔀 Riaperta, in { $client }: un altro dispositivo, o inoltrata.
alert-again-network = 🔀 Riaperta, da un'altra rete: un altro posto, o inoltrata.

stats-nothing = 📊 Ancora niente da mostrare: nessun tracker e nessun caricamento negli ultimi { $days } giorni. Creane uno con <code>{ example-track }</code> e torna quando sarà stato aperto.
stats-no-fetches = 📭 Il n. { $number } <b>{ $label }</b> non ha ancora caricamenti registrati, quindi non c'è niente da mostrare.
stats-tracker = 📊 n. { $number } <b>{ $label }</b>: { $fetches ->
    [one] { $fetches } caricamento
   *[other] { $fetches } caricamenti
}, { $reads ->
    [one] { $reads } conteggiato come lettura
   *[other] { $reads } conteggiati come letture
}.
stats-account = 📊 Ultimi { $days } giorni: { $created ->
    [one] { $created } tracker creato
   *[other] { $created } tracker creati
}, { $read } letti, { $unread } non ancora letti.
stats-median = Tempo mediano fino alla prima lettura: <b>{ $median }</b>.

export-nothing = 📭 Ancora niente da esportare: nessuno dei tuoi tracker ha registrato un caricamento. <code>/opens</code> li elenca.
export-no-fetches = 📭 Il n. { $number } <b>{ $label }</b> non ha ancora caricamenti registrati, quindi non c'è niente da esportare.
export-too-large = ⚠️ Questa esportazione non si può inviare qui: il limite di caricamento è { $limit }. Prova un tracker alla volta, es. <code>/export 3</code>.
export-all = 📤 La tua esportazione: ogni caricamento registrato (una riga ciascuno, orari in UTC e nel tuo fuso) e un file a parte con l'elenco dei tracker.
export-tracker = 📤 La tua esportazione: i caricamenti registrati del tracker n. { $number } (una riga ciascuno, orari in UTC e nel tuo fuso) e un file a parte con l'elenco dei tracker.
export-parts = Anche compressa supera qui il limite di caricamento di { $limit }, quindi arriva in parti: { $fetches ->
    [one] i caricamenti in un file
   *[other] i caricamenti in { $fetches } file
}, { $trackers ->
    [one] i tracker in un file
   *[other] i tracker in { $trackers } file
} (.csv.gz, ognuno un CSV completo con la riga di intestazione). Decomprimili prima di aprirli.
export-compressed = Compressa come .csv.gz per stare nel limite di caricamento di { $limit }; decomprimila prima di aprirla.
size-mib = { $count } MiB
size-mb = { $count } MB
size-kb = { $count } KB

language-current = 🗣 Lingua di questa chat: { $language }. Scegline un'altra:
language-set = 🗣 Lingua cambiata: { $language }.
language-auto = 🗣 D'ora in poi uso la lingua della tua app (ora { $language }).
language-unknown = ⚠️ Non parlo <code>{ $input }</code>. Scegli una di queste lingue:
button-language-auto = Lingua dell'app

chart-kind-direct = Diretta
chart-kind-gmail-proxy = Proxy di Gmail
chart-kind-yahoo-proxy = Proxy di Yahoo
chart-kind-apple-mpp = Precaricamento Apple
chart-kind-link-preview = Anteprima link
chart-kind-scanner = Scanner o bot
chart-kind-unverified = Client non riconosciuto
chart-kind-self-view = Tua visualizzazione
chart-kind-duplicate = Ripetizione
chart-other-reads = Altre letture
chart-account-title = Ultimi { $days } giorni, fuso { $timezone }
chart-reads-per-day = Letture al giorno
chart-not-counted = Non conteggiati come letture: precaricamenti Apple, bot, tue visualizzazioni, ripetizioni
chart-tracker-caption = { $fetches ->
    [one] { $fetches } caricamento
   *[other] { $fetches } caricamenti
}, { $reads } { $reads ->
    [one] conteggiato come lettura
   *[other] conteggiati come letture
} (punti pieni). Orari in { $timezone }.

## Privacy (issue 29)
command-privacy = Cosa viene conservato e per quanto; la modalità rigorosa non conserva rete, agent né client
    .args = [strict|standard]
command-retention = Per quanto tempo si conservano le aperture di questa chat, entro il limite del server
    .args = [30d|90d|1y]
command-notice = Una riga con un link di disiscrizione per il tuo destinatario, aggiunta da /track
    .args = [on|off|testo]
option-mode = modalità
    .description = strict o standard (lascia vuoto per vedere cosa si conserva)
option-period = periodo
    .description = es. 30d, 90d, 1y o default (lascia vuoto per vederlo)
option-notice = informativa
    .description = on, off, default o una tua frase con {"{"}link{"}"}
not-kept = client non conservato (privacy rigorosa)
retention-forever = senza limite
retention-days = { $count ->
    [one] { $count } giorno
   *[other] { $count } giorni
}
retention-years = { $count ->
    [one] { $count } anno
   *[other] { $count } anni
}
privacy-title = <b>🔒 Privacy in questa chat</b>
privacy-mode-strict = Modalità: rigorosa — ogni apertura conserva solo il tracker, l'ora, il tipo (lettura, precaricamento Apple, scanner…) e il motivo. Niente rete, niente User-Agent, niente nome del programma di posta.
privacy-mode-standard = Modalità: standard — ogni apertura conserva ora, tipo e motivo, la rete /24 o /48 (mai l'indirizzo completo), fino a 200 byte di User-Agent e il nome del programma di posta.
privacy-server-default = (impostazione predefinita del server)
privacy-kept-chat = Conservazione: { $period } (scelta di questa chat), poi cancellazione.
privacy-kept-server = Conservazione: { $period } (limite del server), poi cancellazione.
privacy-also-kept = Si conservano anche: i nomi dei tuoi tracker, le tue impostazioni (fuso orario, promemoria, ore di silenzio) e le reti delle tue visite alla pagina di copia, così che non contino come letture.
privacy-notice-on = Informativa al destinatario: attiva — /track aggiunge una riga con un link di disiscrizione per il tuo destinatario.
privacy-notice-off = Informativa al destinatario: disattivata — /notice on aggiunge una riga con un link di disiscrizione sotto lo snippet di /track.
privacy-own-wording = (con un tuo testo)
privacy-change = Cambia: <code>/privacy strict</code> · <code>/privacy standard</code> · <code>/retention 30d</code> (o 90d, 1y) · <code>/notice on</code>
privacy-forget = Cancella tutto ciò che MailPing conserva di questa chat: <code>/forget</code>
privacy-rules =
    Norme sui pixel nelle email che potresti voler leggere (non è una consulenza legale; decidi tu cosa vale per te):
    • Linee guida EDPB 2/2023 sull'art. 5(3) ePrivacy: un pixel di tracciamento in un'email è un accesso al dispositivo del destinatario.
    • Delibera CNIL 2026-042: misurare le aperture per destinatario richiede il consenso, salvo eccezioni ristrette; la revoca vale anche per le email già inviate.
    • Provvedimento del Garante 284/2026: oltre ai conteggi aggregati anonimi, ai messaggi di sicurezza e a quelli di servizio obbligatori, serve il consenso.
    • Linee guida ICO sulle tecnologie di archiviazione e accesso (2026): i pixel rientrano; l'eccezione statistica riguarda l'uso aggregato.
privacy-set-strict = 🔒 La privacy rigorosa è attiva. Le nuove aperture conservano solo tracker, ora, tipo e motivo. { $count ->
    [0] Nessuna apertura precedente conservava di più.
    [one] Rete, User-Agent e client di { $count } apertura precedente sono stati cancellati.
   *[other] Reti, User-Agent e client di { $count } aperture precedenti sono stati cancellati.
} Gli avvisi e /opens distinguono ancora le letture dalle macchine, ma non possono più indicare il programma di posta.
privacy-set-standard = La privacy standard è attiva: le nuove aperture conservano di nuovo la rete /24 o /48, lo User-Agent e il nome del client. Ciò che è stato cancellato resta cancellato.
privacy-bad = 🤔 «{ $input }» non è una modalità di privacy. Invia <code>/privacy strict</code>, <code>/privacy standard</code> o <code>/privacy</code> per vedere cosa si conserva.
retention-set = 🗑 Le aperture di questa chat ora si conservano: { $period }; quelle più vecchie vengono cancellate entro un'ora.
retention-set-default = Le aperture di questa chat ora si conservano quanto le conserva il server: { $period }.
retention-current = Le aperture di questa chat si conservano: { $period }. Cambialo con <code>/retention 30d</code> (o 90d, 1y), fino a { $max }; <code>/retention default</code> torna a quello del server.
retention-bad = 🤔 «{ $input }» non è un periodo che capisco. Invia ad es. <code>/retention 30d</code>, <code>/retention 90d</code> o <code>/retention 1y</code>.
retention-too-long = Questo server conserva le aperture al massimo { $max }, quindi { $asked } qui non è possibile. Scegli { $max } o meno.
notice-default = Questa email mi avvisa quando viene aperta. Se preferisci di no, dimmelo qui:
notice-for-tracker = Informativa per l'email di #{ $number }:
notice-for-recipient = Informativa per il tuo destinatario (mettila nell'email, ad es. sotto la firma):
notice-on = L'informativa al destinatario è attiva. /track aggiunge questa riga, con il link di disiscrizione di ogni tracker:
notice-off = L'informativa al destinatario è disattivata. Con /notice on, /track aggiunge questa riga, con il link di disiscrizione di ogni tracker:
notice-change = Cambia il testo con <code>/notice Una tua frase con {"{"}link{"}"}</code>; <code>/notice default</code> lo ripristina, <code>/notice off</code> la disattiva.
notice-too-long = Questa informativa è troppo lunga: resta sotto i { $limit } caratteri, così rimane una semplice riga.
withdrawal-notice = 🚫 Il destinatario di #{ $number } <b>{ $label }</b> ha chiesto di non essere tracciato. MailPing non registra più nulla per questo tracker e le sue aperture sono state cancellate.
withdrawn-timeline = #{ $number } <b>{ $label }</b>: il destinatario ha chiesto di non essere tracciato, quindi non si registra nulla e le aperture sono state cancellate.
export-strict-note = Le aperture registrate in modalità di privacy rigorosa non hanno rete, User-Agent né client.
optout-title = Interrompere gli avvisi di apertura
optout-ask = Il mittente dell'email da cui arrivi viene avvisato quando viene aperta. Premi il pulsante e non lo sarà più: per quell'email non si registra più nulla, e ciò che è stato registrato viene cancellato.
optout-button = Interrompi gli avvisi per questa email
optout-done = Fatto. Per quell'email non si registra più nulla, ciò che era stato registrato è cancellato e il mittente viene informato della tua richiesta.
optout-already = Era già stato fatto: per quell'email non si registra nulla.
optout-unknown = Questo link non è valido.
optout-press-the-button = Non è stato cambiato nulla. Per interrompere gli avvisi, premi il pulsante in questa pagina.
optout-try-later = Qualcosa è andato storto. Riprova tra un momento.
optout-too-many = Troppe richieste. Riprova tra un minuto.
