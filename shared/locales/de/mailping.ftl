# MailPing auf Deutsch. Schlüssel und Variablen wie in locales/en/mailping.ftl (ein Test prüft
# das). Begriffe: Tracker, Lesen/gelesen (read), Abruf (fetch), Benachrichtigung (alert),
# Erinnerung, Ruhezeiten, Kopierseite.

language-name = Deutsch

example-track = /track Angebot an ACME
example-track-recipients =
    /track Angebot an ACME
    Anna
    Ben

commands-title = MailPing-Befehle
command-start = Begrüßung und eine Anleitung in drei Schritten
command-track = Tracker für eine E-Mail anlegen, z. B. /track Angebot an ACME; je Empfänger eine weitere Zeile
    .args = &lt;Bezeichnung&gt;
command-opens = Deine Tracker auflisten oder den Verlauf von Tracker n zeigen
    .args = [n]
command-mute = Benachrichtigungen für Tracker n stoppen (Öffnungen werden weiter erfasst)
    .args = &lt;n&gt;
command-unmute = Benachrichtigungen für Tracker n wieder einschalten
    .args = &lt;n&gt;
command-delete = Tracker n mit allen Öffnungen löschen
    .args = &lt;n&gt;
command-tz = Deine Zeitzone festlegen, z. B. /tz Europe/Berlin
    .args = &lt;Zone&gt;
command-remind = Erinnern, falls Tracker n bis dahin ungelesen ist, z. B. /remind 3 2d; allein: Erinnerungen
    .args = [n] [wann]
command-quiet = Ruhezeiten ohne Erinnerungen, z. B. /quiet 22:00-08:00 oder /quiet off
    .args = [Zeiten]
command-forget = Alles löschen, was MailPing zu diesem Chat speichert
command-help = Diese Liste zeigen
command-stats = Ein Diagramm deiner letzten 30 Tage oder der Abrufe von Tracker n
    .args = [n]
command-export = Deine erfassten Abrufe als CSV-Datei, oder nur die von Tracker n
    .args = [n]
command-language = Die Sprache wählen, in der ich schreibe, z. B. /language de
    .args = [Code]

option-label = bezeichnung
    .description = Welche E-Mail es ist, z. B. Angebot an ACME
option-recipients = empfänger
    .description = Ein Tracker pro Empfänger, durch Kommas getrennt, z. B. Anna, Ben
option-tracker = tracker
    .description = Trackernummer oder "default" für jeden neuen Tracker (leer lassen zum Auflisten)
option-when = wann
    .description = z. B. 2d, 36h, 1w, 3 days oder off
option-hours = zeiten
    .description = z. B. 22:00-08:00 oder off (leer lassen zum Anzeigen)
option-number = nummer
    .description = Trackernummer, siehe /opens
option-number-to-list = nummer
    .description = Trackernummer (leer lassen zum Auflisten)
option-number-or-all = nummer
    .description = Trackernummer (leer lassen für alle deine Tracker)
option-zone = zone
    .description = IANA-Zeitzone, z. B. Europe/Berlin
option-code = code
    .description = Ein Sprachcode wie de oder pt-BR (leer lassen für die Liste)

welcome =
    <b>👋 Willkommen bei MailPing.</b> Ich sage dir Bescheid, wenn jemand eine E-Mail öffnet, die du verschickt hast: ohne Zugriff auf dein Postfach, ohne umgeschriebene Links, nur mit einem unsichtbaren Bild.

    1. Sende <code>{ example-track }</code>, um einen Tracker zu bekommen.
    2. Füge den Schnipsel, den ich dir schicke, in deine E-Mail ein (im Webmail: kopiere das Bild von der Kopierseite).
    3. Ich schreibe dir hier, sobald sie geöffnet wird. <code>/opens</code> zeigt den Verlauf, <code>/help</code> den Rest.
unknown-command = 🤔 Den Befehl <code>/{ $name }</code> kenne ich nicht. Sende <code>/help</code>, um zu sehen, was ich kann.
not-a-command = Ich verstehe nur Befehle. Um eine E-Mail zu verfolgen, sende <code>{ example-track }</code>, oder <code>/help</code> für alles andere.
not-supported = Das wird nicht unterstützt.
button-expired = Diese Schaltfläche funktioniert nicht mehr. Sende /opens für eine aktuelle Liste.

label-missing = ⚠️ Gib der E-Mail bitte eine Bezeichnung, damit du deine Tracker auseinanderhalten kannst. Beispiel: <code>{ example-track }</code>
label-too-long = ⚠️ Diese Bezeichnung ist { $length } Zeichen lang; erlaubt sind { $limit }. Beispiel: <code>{ example-track }</code>
label-control-characters = ⚠️ Die Bezeichnung darf keine Steuerzeichen wie Tabulatoren oder Zeilenumbrüche enthalten. Beispiel: <code>{ example-track }</code>
label-invisible = ⚠️ Diese Bezeichnung wäre unsichtbar: Sie besteht nur aus unsichtbaren Zeichen. Es wurde nichts angelegt. Beispiel: <code>{ example-track }</code>
label-layout-characters = ⚠️ Die Bezeichnung darf keine Zeilentrenner und keine Steuerzeichen für die Schreibrichtung (wie U+202E) enthalten: Sie würden die Nachrichten durcheinanderbringen. Es wurde nichts angelegt. Beispiel: <code>{ example-track }</code>
slow-down-commands = ⏳ Langsamer bitte: Du kannst { $count } Befehle pro Minute senden. Versuch es gleich noch einmal.
slow-down-trackers = ⏳ Langsamer bitte: Du kannst { $count } neue Tracker pro Minute anlegen. Versuch es gleich noch einmal.
something-went-wrong = 😕 Bei uns ist etwas schiefgelaufen. Versuch es gleich noch einmal.
missing-number = ⚠️ Welcher Tracker? Gib seine Nummer an, z. B. <code>/{ $command } 3</code>. <code>/opens</code> listet sie auf.
bad-number = ⚠️ <code>{ $input }</code> ist keine Trackernummer. Beispiel: <code>/{ $command } 3</code>
no-such-tracker = ⚠️ Du hast keinen Tracker Nr. { $number }. <code>/opens</code> listet deine auf.
too-many-recipients = ⚠️ Das sind { $count } Empfänger; ein /track nimmt bis zu { $limit }. Es wurde nichts angelegt. Beispiel:
delay-unknown = ⚠️ Die Dauer „{ $input }“ verstehe ich nicht. Nimm eine Dauer zwischen einer Minute und einem Jahr, etwa <code>2d</code>, <code>36h</code>, <code>1w</code> oder <code>3 days</code>. Es wurde nichts geändert.
delay-too-short = ⚠️ Eine Erinnerung braucht mindestens eine Minute. Nimm eine Dauer zwischen einer Minute und einem Jahr, etwa <code>2d</code>, <code>36h</code>, <code>1w</code> oder <code>3 days</code>. Es wurde nichts geändert.
delay-too-long = ⚠️ Eine Erinnerung kann höchstens ein Jahr entfernt sein. Nimm eine Dauer zwischen einer Minute und einem Jahr, etwa <code>2d</code>, <code>36h</code>, <code>1w</code> oder <code>3 days</code>. Es wurde nichts geändert.
missing-delay = ⚠️ Wann? Gib eine Dauer an, z. B. <code>/remind { $target } 3d</code>, oder <code>/remind { $target } off</code>.

button-timeline = 🕓 Verlauf
button-mute = 🔕 Stumm
button-unmute = 🔔 Laut
button-delete = 🗑 Löschen
button-remind-in = ⏰ { $delay }
button-remind-again = ⏰ In { $delay } erneut erinnern
button-stop-reminding = 🛑 Nicht mehr erinnern
button-wrong = ❓ Falsch?
button-it-was-me = 👤 Das war ich
button-it-was-a-machine = 🤖 Das war eine Maschine
button-yes-delete = Ja, löschen
button-yes-delete-everything = Ja, alles löschen
button-cancel = Abbrechen
button-previous-page = ◀
button-next-page = ▶

duration-minutes = { $count ->
    [one] { $count } Minute
   *[other] { $count } Minuten
}
duration-hours = { $count ->
    [one] { $count } Stunde
   *[other] { $count } Stunden
}
duration-days = { $count ->
    [one] { $count } Tag
   *[other] { $count } Tage
}
duration-weeks = { $count ->
    [one] { $count } Woche
   *[other] { $count } Wochen
}
ago-just-now = gerade eben
ago-minutes = vor { $count } Min.
ago-hours = vor { $count } Std.
ago-yesterday = gestern
ago-days = { $count ->
    [one] vor { $count } Tag
   *[other] vor { $count } Tagen
}
short-seconds = { $count } s
short-minutes = { $count } Min.
short-hours = { $count } Std.
short-hours-minutes = { $hours } Std. { $minutes } Min.
short-days = { $count ->
    [one] { $count } Tag
   *[other] { $count } Tage
}
short-days-hours = { $days ->
    [one] { $days } Tag { $hours } Std.
   *[other] { $days } Tage { $hours } Std.
}

tracker-created =
    ✅ Tracker Nr. { $number } angelegt: <b>{ $label }</b>

    Füge dieses HTML in deine E-Mail ein:
tracker-image-url = Bild-URL: <code>{ $url }</code>
tracker-webmail = Du schreibst in Gmail oder Outlook im Browser? Öffne die <a href="{ $url }">Kopierseite</a> und kopiere das unsichtbare Bild von dort.
default-reminder-note = ⏰ Ich erinnere dich, wenn sie nicht innerhalb von { $delay } nachweislich gelesen wird (deine Voreinstellung).
ask-reminder = Soll ich dich erinnern, wenn sie niemand liest?
trackers-created = ✅ { $count } Tracker angelegt, einer pro Empfänger. Schick jedem Empfänger eine eigene Kopie der E-Mail mit seinem eigenen Bild:
trackers-created-line = Nr. { $number } <b>{ $label }</b>
copy-page = Kopierseite
trackers-snippet = Das HTML für jeden ist <code>{ $snippet }</code>.
image-url-placeholder = &lt;Bild-URL&gt;
trackers-reminder-hint = Für eine Erinnerung, falls eine davon ungelesen bleibt, sende <code>/remind { $number } 3d</code>.

reminder-set = ⏰ In { $delay }, am { $due } ({ $timezone }), erinnere ich dich, falls Nr. { $number } <b>{ $label }</b> nicht nachweislich gelesen wurde.
reminder-in-quiet-hours = Das fällt in deine Ruhezeiten, deshalb kommt sie erst am { $at }.
reminder-stopped = 🛑 Keine Erinnerung für Nr. { $number } <b>{ $label }</b>.
already-read = ✅ Nr. { $number } <b>{ $label }</b> wurde schon gelesen, es gibt also nichts zu erinnern.
default-reminder-set = ⏰ Ab jetzt erinnert dich jeder neue Tracker, wenn er nicht innerhalb von { $delay } nachweislich gelesen wird.
default-reminder-off = ⏰ Neue Tracker bekommen keine Erinnerung, außer du willst eine.
reminders-title = ⏰ Erinnerungen
reminders-none = Keine Erinnerung steht an.
reminders-line = Nr. { $number } <b>{ $label }</b> — { $due }
reminders-times-in = Zeiten in { $timezone }.
reminders-default = Neue Tracker erinnern dich nach { $delay }.
reminders-no-default = Neue Tracker erinnern standardmäßig nicht.
reminders-quiet-hours = Ruhezeiten: { $hours }.
reminders-how = Eine anlegen mit <code>/remind 3 2d</code>, beenden mit <code>/remind 3 off</code>, eine Voreinstellung mit <code>/remind default 3d</code>.
reminder-due = ⏰ <b>{ $label }</b> ist nach { $waited } noch nicht nachweislich gelesen (verschickt { $sent }).
reminder-apple-fetched = Apple Mail hat sie bei der Zustellung um { $at } abgerufen; das ist kein Lesen.
reminder-late = (Diese Erinnerung kommt { $late } zu spät: MailPing war offline, als sie fällig wurde.)

quiet-hours-on = 🌙 Ruhezeiten: { $hours } ({ $timezone }). Erinnerungen, die dann fällig werden, warten bis zum Ende.
quiet-hours-off-now = 🌙 Ruhezeiten sind aus.
quiet-hours-how = Lege sie fest mit <code>/quiet 22:00-08:00</code> oder schalte sie aus mit <code>/quiet off</code>.
bad-quiet-hours = ⚠️ <code>{ $input }</code> ist kein Zeitraum. Beispiel: <code>/quiet 22:00-08:00</code>. Es wurde nichts geändert.
quiet-hours-set = 🌙 Ruhezeiten auf { $hours } ({ $timezone }) gesetzt. Erinnerungen, die dann fällig werden, kommen danach; Benachrichtigungen über Öffnungen kommen weiterhin sofort.

confirm-forget = 🧹 Alles löschen, was MailPing zu diesem Chat speichert: deine Tracker, jede Öffnung, Benachrichtigung und Erinnerung, deine Einstellungen und die Netze, die von deinen Kopierseiten gelernt wurden? Das lässt sich nicht rückgängig machen, und die Bilder in deinen E-Mails melden dann nichts mehr.
forgotten = 🧹 Erledigt: MailPing speichert nichts mehr zu diesem Chat. Mit dem nächsten Befehl fängst du neu an.
kept-everything = Alles bleibt erhalten.

no-trackers = Du hast noch keine Tracker. Leg einen an mit <code>{ example-track }</code>.
trackers-title = 📋 Deine Tracker
trackers-page = (Seite { $page } von { $pages })
tracker-not-opened = noch nicht geöffnet
tracker-only-machines = zugestellt, noch nicht nachweislich gelesen (nur Maschinen haben sie abgerufen: { $machines })
tracker-opened = { $count }× geöffnet
tracker-last-read = , zuletzt { $ago }
trackers-details = Details: <code>/opens &lt;n&gt;</code>
muted-mark = 🔕 stumm

timeline-title = 🕓 Nr. { $number } <b>{ $label }</b> — Zeiten in { $timezone }
timeline-empty = Noch nicht geöffnet.
timeline-only-machines = 📭 Zugestellt, noch nicht nachweislich gelesen: Bisher haben sie nur Maschinen abgerufen. Jede Zeile unten sagt, welche.
timeline-skipped = … { $count } frühere Zeilen nicht gezeigt
timeline-reported = ❓ laut dir falsch
timeline-older = ({ $count } ältere Öffnungen nicht gezeigt)
timeline-through-relay = (über ein Datenschutz-Relay)
timeline-not-counted = nicht gezählt: { $why }

kind-direct = geöffnet
kind-gmail-proxy = geöffnet über den Bild-Proxy von Gmail
kind-yahoo-proxy = geöffnet über den Bild-Proxy von Yahoo
kind-apple-mpp = Vorabruf von Apple Mail (zugestellt, nicht nachweislich gelesen)
kind-link-preview = Linkvorschau-Bot (kein Lesen)
kind-scanner = Sicherheitsscanner oder Bot (kein Lesen)
kind-unverified = unbekannter Client (nicht nachweislich gelesen)
kind-self-view = deine eigene Ansicht (kein Lesen)
kind-duplicate = wiederholtes Laden (nicht gezählt)
why-grace = deine eigene Ansicht (kurz nach dem Anlegen des Trackers)
why-own-view = deine eigene Ansicht
why-repeat = wiederholtes Laden · { $client }
why-link-scan = Linkprüfung von { $client }
why-prefetch = Vorabruf von { $client } bei der Zustellung
why-crawler = Crawler von { $client }
why-known-bot = ein bekannter Bot
why-no-agent = ein Skript ohne User-Agent
why-data-centre = Rechenzentrum von { $client } (dort laufen Scanner, keine Menschen)
why-unrecognised = unbekannter Client { $client } (kein Hinweis auf einen Menschen)
why-implausible = { $client } (eine Browserkennung, die kein echter Browser sendet: eine Maschine)
why-bot-convention = { $client } (nennt sich selbst Bot oder Dienst)
why-reported-own-network = deine eigene Ansicht (ein Netz, das laut dir deins ist)
why-reported-machine = { $client } (laut dir eine Maschine)
why-link-preview = Linkvorschau von { $client }
why-scanner = { $client } (ein Sicherheitsscanner oder Skript)
why-apple-mpp = Vorabruf durch Apples Datenschutz für Mail (zugestellt, nicht nachweislich gelesen)

what-was-it = ❓ Was war dieser Abruf von Nr. { $number } <b>{ $label }</b>?
noted = 📝 Notiert für Nr. { $number } <b>{ $label }</b>.
learned-own-network = Ab jetzt sind Abrufe aus diesem Netz deine eigenen Ansichten, für diesen Tracker und deine künftigen.
learned-machine = Ab jetzt ist dieser Client aus diesem Netz eine Maschine, nie ein Lesen, für diesen Tracker und deine künftigen.
shared-network-own-view = Dieser Abruf kam über eine Adresse, die sich viele teilen (einen Bild-Proxy eines Webmailers, Apples Relay oder das Netz eines Anbieters), daher kann MailPing sie nicht als deine lernen.
shared-network-machine = Dieser Abruf kam über eine Adresse, die sich viele teilen (einen Bild-Proxy eines Webmailers, Apples Relay oder das Netz eines Anbieters), daher kann MailPing sie nicht als Maschine lernen, ohne echte Lesevorgänge zu verstecken.
opens-marks-it = <code>/opens { $number }</code> markiert ihn.
open-gone = ⚠️ Dieser Abruf von Nr. { $number } <b>{ $label }</b> ist nicht mehr gespeichert, es gibt also nichts zu melden.

muted = 🔕 Nr. { $number } <b>{ $label }</b> ist stumm. Öffnungen werden weiter erfasst, aber ich benachrichtige dich nicht.
unmuted = 🔔 Nr. { $number } <b>{ $label }</b> ist wieder laut. Ich benachrichtige dich, wenn sie geöffnet wird.
confirm-delete = 🗑 Nr. { $number } <b>{ $label }</b> mit allen Öffnungen löschen? Das lässt sich nicht rückgängig machen, und das Bild in deiner E-Mail meldet dann nichts mehr.
deleted = 🗑 Nr. { $number } <b>{ $label }</b> mit allen Öffnungen gelöscht.
kept = Nr. { $number } <b>{ $label }</b> bleibt erhalten.
current-timezone = 🌍 Deine Zeitzone ist { $timezone }. Zum Ändern sende <code>/tz Europe/Berlin</code> mit deiner eigenen Zone.
bad-timezone = ⚠️ <code>{ $input }</code> ist keine Zeitzone, die ich kenne. Nimm einen IANA-Namen wie <code>Europe/Berlin</code> oder <code>Europe/Vienna</code>.
timezone-set = 🌍 Zeitzone auf { $timezone } gesetzt. Zeiten werden jetzt darin angezeigt.

alert-apple = 📭 <b>{ $label }</b> ist in einem Apple-Mail-Postfach angekommen. Apple hat sie bei der Zustellung abgerufen; das ist also kein nachweisliches Lesen.
alert-opened = 📬 Geöffnet: <b>{ $label }</b> — { $time } ({ $timezone }) · { $client } · { $count }
alert-nth-open = { $ordinal }. Öffnung
alert-times-since = seit der letzten Benachrichtigung { $count }-mal geöffnet
alert-more-in-minutes = { $minutes ->
    [one] in der letzten Minute { $count }-mal mehr geöffnet
   *[other] in den letzten { $minutes } Minuten { $count }-mal mehr geöffnet
}
alert-reminder-cancelled = ⏰ Erinnerung aufgehoben
alert-again-client-network = 🔀 Wieder geöffnet, in { $client }, aus einem anderen Netz: weitergeleitet oder ein anderes Gerät.
alert-again-client = 🔀 Wieder geöffnet, in { $client }: ein anderes Gerät oder weitergeleitet.
alert-again-network = 🔀 Wieder geöffnet, aus einem anderen Netz: ein anderer Ort oder weitergeleitet.

stats-nothing = 📊 Noch nichts für ein Diagramm: keine Tracker und keine Abrufe in den letzten { $days } Tagen. Leg einen an mit <code>{ example-track }</code> und komm wieder, sobald er geöffnet wurde.
stats-no-fetches = 📭 Nr. { $number } <b>{ $label }</b> hat noch keine erfassten Abrufe, es gibt also nichts für ein Diagramm.
stats-tracker = 📊 Nr. { $number } <b>{ $label }</b>: { $fetches ->
    [one] { $fetches } Abruf
   *[other] { $fetches } Abrufe
}, davon { $reads } als Lesen gezählt.
stats-account = 📊 Letzte { $days } Tage: { $created } Tracker angelegt, { $read } gelesen, { $unread } noch ungelesen.
stats-median = Median bis zum ersten Lesen: <b>{ $median }</b>.

export-nothing = 📭 Noch nichts zu exportieren: Keiner deiner Tracker hat einen Abruf erfasst. <code>/opens</code> listet sie auf.
export-no-fetches = 📭 Nr. { $number } <b>{ $label }</b> hat noch keine erfassten Abrufe, es gibt also nichts zu exportieren.
export-too-large = ⚠️ Dieser Export lässt sich hier nicht senden: Die Upload-Grenze ist { $limit }. Versuch es mit einem Tracker nach dem anderen, z. B. <code>/export 3</code>.
export-all = 📤 Dein Export: jeder erfasste Abruf (eine Zeile pro Abruf, Zeiten in UTC und in deiner Zeitzone) und eine eigene Datei mit den Trackern.
export-tracker = 📤 Dein Export: die erfassten Abrufe von Tracker Nr. { $number } (eine Zeile pro Abruf, Zeiten in UTC und in deiner Zeitzone) und eine eigene Datei mit den Trackern.
export-parts = Selbst komprimiert ist er hier größer als die Upload-Grenze von { $limit }, deshalb kommt er in Teilen: { $fetches ->
    [one] die Abrufe in einer Datei
   *[other] die Abrufe in { $fetches } Dateien
}, { $trackers ->
    [one] die Tracker in einer Datei
   *[other] die Tracker in { $trackers } Dateien
} (.csv.gz, jede eine vollständige CSV mit Kopfzeile). Entpacke sie vor dem Öffnen.
export-compressed = Als .csv.gz komprimiert, damit er unter die Upload-Grenze von { $limit } passt; entpacke ihn vor dem Öffnen.
size-mib = { $count } MiB
size-mb = { $count } MB
size-kb = { $count } KB

language-current = 🗣 Sprache in diesem Chat: { $language }. Wähle eine andere:
language-set = 🗣 Sprache geändert: { $language }.
language-auto = 🗣 Ab jetzt schreibe ich in der Sprache deiner App (gerade { $language }).
language-unknown = ⚠️ <code>{ $input }</code> spreche ich nicht. Wähle eine dieser Sprachen:
button-language-auto = Sprache der App

chart-kind-direct = Direkt
chart-kind-gmail-proxy = Gmail-Proxy
chart-kind-yahoo-proxy = Yahoo-Proxy
chart-kind-apple-mpp = Apple-Vorabruf
chart-kind-link-preview = Linkvorschau
chart-kind-scanner = Scanner oder Bot
chart-kind-unverified = Unbekannter Client
chart-kind-self-view = Deine eigene Ansicht
chart-kind-duplicate = Wiederholung
chart-other-reads = Anderes Lesen
chart-account-title = Letzte { $days } Tage, in { $timezone }
chart-reads-per-day = Lesen pro Tag
chart-not-counted = Nicht als Lesen gezählt: Apple-Vorabrufe, Bots, deine eigenen Ansichten, Wiederholungen
chart-tracker-caption = { $fetches ->
    [one] { $fetches } Abruf
   *[other] { $fetches } Abrufe
}, davon { $reads } als Lesen gezählt (gefüllte Punkte). Zeiten in { $timezone }.

## Datenschutz (Issue 29)
command-privacy = Was gespeichert wird und wie lange; streng speichert kein Netz, keinen Agent, keinen Client
    .args = [strict|standard]
command-retention = Wie lange die Öffnungen dieses Chats gespeichert werden, im Rahmen des Serverlimits
    .args = [30d|90d|1y]
command-notice = Eine Zeile mit Abmeldelink für deinen Empfänger, die /track anhängt
    .args = [on|off|Text]
option-mode = modus
    .description = strict oder standard (leer lassen, um zu sehen, was gespeichert wird)
option-period = zeitraum
    .description = z. B. 30d, 90d, 1y oder default (leer lassen zum Anzeigen)
option-notice = hinweis
    .description = on, off, default oder dein eigener Satz mit {"{"}link{"}"}
not-kept = Client nicht gespeichert (strenger Datenschutz)
retention-forever = unbegrenzt
retention-days = { $count ->
    [one] { $count } Tag
   *[other] { $count } Tage
}
retention-years = { $count ->
    [one] { $count } Jahr
   *[other] { $count } Jahre
}
privacy-title = <b>🔒 Datenschutz in diesem Chat</b>
privacy-mode-strict = Modus: streng — jede Öffnung speichert nur ihren Tracker, ihre Uhrzeit, ihre Art (gelesen, Apple-Vorabruf, Scanner…) und den Grund. Kein Netz, kein User-Agent, kein Name des Mailprogramms.
privacy-mode-standard = Modus: Standard — jede Öffnung speichert Uhrzeit, Art und Grund, das /24- oder /48-Netz (nie die volle Adresse), bis zu 200 Bytes des User-Agents und den Namen des Mailprogramms.
privacy-server-default = (Voreinstellung des Servers)
privacy-kept-chat = Gespeichert: { $period } (Wahl dieses Chats), danach gelöscht.
privacy-kept-server = Gespeichert: { $period } (Limit des Servers), danach gelöscht.
privacy-also-kept = Außerdem gespeichert: die Bezeichnungen deiner Tracker, deine Einstellungen (Zeitzone, Erinnerungen, Ruhezeiten) und die Netze deiner eigenen Aufrufe der Kopierseite, damit sie nicht als Lesen zählen.
privacy-notice-on = Hinweis für Empfänger: an — /track hängt eine Zeile mit Abmeldelink für deinen Empfänger an.
privacy-notice-off = Hinweis für Empfänger: aus — mit /notice on hängt /track eine Zeile mit Abmeldelink an.
privacy-own-wording = (dein eigener Wortlaut)
privacy-change = Ändern: <code>/privacy strict</code> · <code>/privacy standard</code> · <code>/retention 30d</code> (oder 90d, 1y) · <code>/notice on</code>
privacy-forget = Alles löschen, was MailPing zu diesem Chat speichert: <code>/forget</code>
privacy-rules =
    Regeln zu E-Mail-Pixeln, die du lesen solltest (keine Rechtsberatung; was für dich gilt, entscheidest du):
    • EDSA-Leitlinien 2/2023 zu Art. 5 Abs. 3 ePrivacy-Richtlinie: Ein Tracking-Pixel in einer E-Mail ist ein Zugriff auf das Gerät des Empfängers.
    • CNIL-Beschluss 2026-042: Öffnungsmessung je Empfänger braucht eine Einwilligung, mit engen Ausnahmen; ein Widerruf gilt auch für bereits versandte E-Mails.
    • Garante-Maßnahme 284/2026: Über anonymisierte Gesamtzahlen, Sicherheits- und notwendige Servicenachrichten hinaus ist eine Einwilligung nötig.
    • ICO-Leitfaden zu Speicher- und Zugriffstechnologien (2026): Pixel fallen darunter; die Statistik-Ausnahme gilt nur für aggregierte Nutzung.
privacy-set-strict = 🔒 Strenger Datenschutz ist an. Neue Öffnungen speichern nur Tracker, Uhrzeit, Art und Grund. { $count ->
    [0] Keine frühere Öffnung enthielt mehr.
    [one] Netz, User-Agent und Client von { $count } früheren Öffnung sind gelöscht.
   *[other] Netze, User-Agents und Clients von { $count } früheren Öffnungen sind gelöscht.
} Benachrichtigungen und /opens unterscheiden weiter Lesen von Maschinen, können aber das Mailprogramm nicht mehr nennen.
privacy-set-standard = Standard-Datenschutz ist an: Neue Öffnungen speichern wieder das /24- oder /48-Netz, den User-Agent und den Namen des Clients. Bereits gelöschte Angaben bleiben gelöscht.
privacy-bad = 🤔 „{ $input }“ ist kein Datenschutzmodus. Sende <code>/privacy strict</code>, <code>/privacy standard</code> oder <code>/privacy</code>, um zu sehen, was gespeichert wird.
retention-set = 🗑 Öffnungen in diesem Chat werden jetzt gespeichert: { $period }; ältere werden innerhalb einer Stunde gelöscht.
retention-set-default = Öffnungen in diesem Chat werden jetzt so lange gespeichert wie vom Server: { $period }.
retention-current = Öffnungen in diesem Chat werden gespeichert: { $period }. Ändern mit <code>/retention 30d</code> (oder 90d, 1y), höchstens { $max }; <code>/retention default</code> stellt die Vorgabe des Servers wieder her.
retention-bad = 🤔 „{ $input }“ ist kein Zeitraum, den ich verstehe. Sende z. B. <code>/retention 30d</code>, <code>/retention 90d</code> oder <code>/retention 1y</code>.
retention-too-long = Dieser Server speichert Öffnungen höchstens { $max }, { $asked } ist hier also nicht möglich. Wähle { $max } oder weniger.
notice-default = Diese E-Mail meldet mir, wenn sie geöffnet wird. Falls du das nicht möchtest, sag es hier:
notice-for-tracker = Hinweis für die E-Mail zu #{ $number }:
notice-for-recipient = Hinweis für deinen Empfänger (in die E-Mail setzen, z. B. unter die Signatur):
notice-on = Der Hinweis für Empfänger ist an. /track hängt diese Zeile an, mit dem eigenen Abmeldelink jedes Trackers:
notice-off = Der Hinweis für Empfänger ist aus. Mit /notice on hängt /track diese Zeile an, mit dem eigenen Abmeldelink jedes Trackers:
notice-change = Wortlaut ändern mit <code>/notice Dein eigener Satz mit {"{"}link{"}"}</code>; <code>/notice default</code> stellt ihn wieder her, <code>/notice off</code> schaltet ihn ab.
notice-too-long = Dieser Hinweis ist zu lang: Bleib unter { $limit } Zeichen, damit er eine einfache Zeile bleibt.
withdrawal-notice = 🚫 Der Empfänger von #{ $number } <b>{ $label }</b> möchte nicht verfolgt werden. MailPing erfasst dafür nichts mehr, und seine Öffnungen sind gelöscht.
withdrawn-timeline = #{ $number } <b>{ $label }</b>: Der Empfänger möchte nicht verfolgt werden, daher wird nichts erfasst und die Öffnungen sind gelöscht.
export-strict-note = Im strengen Datenschutzmodus erfasste Öffnungen haben kein Netz, keinen User-Agent und keinen Client.
optout-title = Benachrichtigungen über das Öffnen abstellen
optout-ask = Der Absender der E-Mail, aus der du kommst, erfährt, wann sie geöffnet wird. Drück den Knopf, und er erfährt es nicht mehr: Für diese E-Mail wird nichts mehr erfasst, und was erfasst wurde, wird gelöscht.
optout-button = Benachrichtigungen für diese E-Mail abstellen
optout-done = Erledigt. Für diese E-Mail wird nichts mehr erfasst, das Erfasste ist gelöscht, und der Absender erfährt, dass du darum gebeten hast.
optout-already = Das wurde bereits erledigt: Für diese E-Mail wird nichts erfasst.
optout-unknown = Dieser Link ist ungültig.
optout-press-the-button = Es wurde nichts geändert. Um die Benachrichtigungen abzustellen, drück den Knopf auf dieser Seite.
optout-try-later = Etwas ist schiefgelaufen. Bitte versuch es gleich noch einmal.
optout-too-many = Zu viele Anfragen. Bitte versuch es in einer Minute noch einmal.
