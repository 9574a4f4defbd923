# MailPing's words in English. Every sentence the bot says is here, keyed by meaning; the other
# languages have one file each with the same keys and the same variables (checked by a test).
#
# Markup: <b>bold</b>, <i>italic</i>, <code>code</code>, <pre>block</pre> and
# <a href="{ $url }">a link</a>; write &lt; &gt; &amp; for a literal < > &. Variables are
# inserted as plain text, never as markup. Numbers arrive formatted for the language; a tracker
# number ($number) is an identifier the user types back, so it is plain digits.

## The language itself, as its speakers call it (the /language list).
language-name = English

## Examples the bot shows; they are typed back, so keep the command names.
example-track = /track Proposal to ACME
example-track-recipients =
    /track Proposal to ACME
    Alice
    Bob

## /help, Telegram's command menu and Discord's slash commands.
commands-title = MailPing commands
command-start = Welcome and a three-step guide
command-track = Create a tracker for one email, e.g. /track Proposal to ACME; one per recipient on the next lines
    .args = &lt;label&gt;
command-opens = List your trackers, or show tracker n's timeline
    .args = [n]
command-mute = Stop alerts for tracker n (opens are still recorded)
    .args = &lt;n&gt;
command-unmute = Resume alerts for tracker n
    .args = &lt;n&gt;
command-delete = Delete tracker n and all its opens
    .args = &lt;n&gt;
command-tz = Set your timezone, e.g. /tz Europe/Berlin
    .args = &lt;zone&gt;
command-remind = Remind me if tracker n has no read by then, e.g. /remind 3 2d; alone, lists reminders
    .args = [n] [when]
command-quiet = Hours without reminders, e.g. /quiet 22:00-08:00 or /quiet off
    .args = [hours]
command-forget = Delete everything MailPing holds for this chat
command-help = Show this list
command-stats = A chart of your last 30 days, or of tracker n's fetches
    .args = [n]
command-export = Your recorded fetches as a CSV file, or only tracker n's
    .args = [n]
command-language = Choose the language I speak, e.g. /language de
    .args = [code]
command-privacy = What is kept and for how long; strict keeps no network, agent or client
    .args = [strict|standard]
command-retention = How long this chat's opens are kept, within the server's limit
    .args = [30d|90d|1y]
command-notice = A line with an opt-out link for your recipient, added by /track
    .args = [on|off|text]

## Discord's slash-command options: a name (lowercase, no spaces) and a description.
option-label = label
    .description = What the email is, e.g. Proposal to ACME
option-recipients = recipients
    .description = One tracker per recipient, comma-separated, e.g. Alice, Bob
option-tracker = tracker
    .description = Tracker number, or "default" for every new tracker (leave empty to list)
option-when = when
    .description = e.g. 2d, 36h, 1w, 3 days, or off
option-hours = hours
    .description = e.g. 22:00-08:00, or off (leave empty to show)
option-number = number
    .description = Tracker number, see /opens
option-number-to-list = number
    .description = Tracker number (leave empty to list)
option-number-or-all = number
    .description = Tracker number (leave empty for all your trackers)
option-zone = zone
    .description = IANA timezone, e.g. Europe/Berlin
option-code = code
    .description = A language code such as de or pt-BR (leave empty to list them)
option-mode = mode
    .description = strict or standard (leave empty to see what is kept)
option-period = period
    .description = e.g. 30d, 90d, 1y, or default (leave empty to show)
option-notice = notice
    .description = on, off, default, or your own sentence with {"{"}link{"}"}

## Welcome and the replies to what is not a command.
welcome =
    <b>👋 Welcome to MailPing.</b> I tell you when someone opens an email you sent: no inbox access, no link rewriting, just an invisible image.

    1. Send <code>{ example-track }</code> to get a tracker.
    2. Paste the snippet I send into your email (webmail users: copy the image from the copy page).
    3. I message you here when it's opened. <code>/opens</code> shows the history, <code>/help</code> the rest.
unknown-command = 🤔 I don't know the command <code>/{ $name }</code>. Send <code>/help</code> to see what I can do.
not-a-command = I only understand commands. To track an email, send <code>{ example-track }</code>, or <code>/help</code> for the rest.
not-supported = This isn't supported.
button-expired = This button no longer works. Send /opens for a fresh list.

## Errors.
label-missing = ⚠️ Please give the email a label so you can tell your trackers apart. Example: <code>{ example-track }</code>
label-too-long = ⚠️ That label is { $length } characters long; the limit is { $limit }. Example: <code>{ example-track }</code>
label-control-characters = ⚠️ The label can't contain control characters such as tabs or line breaks. Example: <code>{ example-track }</code>
label-invisible = ⚠️ That label would show as nothing: it has only invisible characters. Nothing was created. Example: <code>{ example-track }</code>
label-layout-characters = ⚠️ The label can't contain line separators or text direction controls (such as U+202E): they would scramble the messages around it. Nothing was created. Example: <code>{ example-track }</code>
slow-down-commands = ⏳ Slow down: you can send { $count } commands a minute. Please try again in a moment.
slow-down-trackers = ⏳ Slow down: you can send { $count } new trackers a minute. Please try again in a moment.
something-went-wrong = 😕 Something went wrong on our side. Please try again in a moment.
missing-number = ⚠️ Which tracker? Give its number, e.g. <code>/{ $command } 3</code>. <code>/opens</code> lists them.
bad-number = ⚠️ <code>{ $input }</code> is not a tracker number. Example: <code>/{ $command } 3</code>
no-such-tracker = ⚠️ You have no tracker #{ $number }. <code>/opens</code> lists yours.
too-many-recipients = ⚠️ That's { $count } recipients; one /track takes up to { $limit }. Nothing was created. Example:
delay-unknown = ⚠️ "{ $input }" is not a duration I understand. Use a duration from one minute to one year, such as <code>2d</code>, <code>36h</code>, <code>1w</code> or <code>3 days</code>. Nothing was changed.
delay-too-short = ⚠️ A reminder needs at least one minute. Use a duration from one minute to one year, such as <code>2d</code>, <code>36h</code>, <code>1w</code> or <code>3 days</code>. Nothing was changed.
delay-too-long = ⚠️ A reminder can be at most one year away. Use a duration from one minute to one year, such as <code>2d</code>, <code>36h</code>, <code>1w</code> or <code>3 days</code>. Nothing was changed.
missing-delay = ⚠️ When? Give a duration, e.g. <code>/remind { $target } 3d</code>, or <code>/remind { $target } off</code>.

## Buttons.
button-timeline = 🕓 Timeline
button-mute = 🔕 Mute
button-unmute = 🔔 Unmute
button-delete = 🗑 Delete
button-remind-in = ⏰ { $delay }
button-remind-again = ⏰ Remind again in { $delay }
button-stop-reminding = 🛑 Stop reminding
button-wrong = ❓ Wrong?
button-it-was-me = 👤 It was me
button-it-was-a-machine = 🤖 It was a machine
button-yes-delete = Yes, delete
button-yes-delete-everything = Yes, delete everything
button-cancel = Cancel
button-previous-page = ◀
button-next-page = ▶

## Durations ("3 days"), and how long ago ("5 min ago").
duration-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
duration-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
duration-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
duration-weeks = { $count ->
    [one] { $count } week
   *[other] { $count } weeks
}
ago-just-now = just now
ago-minutes = { $count } min ago
ago-hours = { $count } h ago
ago-yesterday = yesterday
ago-days = { $count ->
    [one] { $count } day ago
   *[other] { $count } days ago
}
# The median time to a first read, short: "45 s", "12 min", "3 h 5 min", "2 days 4 h".
short-seconds = { $count } s
short-minutes = { $count } min
short-hours = { $count } h
short-hours-minutes = { $hours } h { $minutes } min
short-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
short-days-hours = { $days ->
    [one] { $days } day { $hours } h
   *[other] { $days } days { $hours } h
}

## /track.
tracker-created =
    ✅ Tracker #{ $number } created: <b>{ $label }</b>

    Paste this HTML into your email:
tracker-image-url = Image URL: <code>{ $url }</code>
tracker-webmail = Writing in Gmail or Outlook on the web? Open the <a href="{ $url }">copy page</a> and copy the invisible image from there.
default-reminder-note = ⏰ I'll remind you if there's no confirmed read within { $delay } (your default).
ask-reminder = Remind you if nobody reads it?
trackers-created = ✅ { $count } trackers created, one per recipient. Send each recipient their own copy of the email with their own image:
trackers-created-line = #{ $number } <b>{ $label }</b>
copy-page = copy page
trackers-snippet = The HTML for each is <code>{ $snippet }</code>.
image-url-placeholder = &lt;image URL&gt;
trackers-reminder-hint = For a reminder if one of them isn't read, send <code>/remind { $number } 3d</code>.

## Reminders.
reminder-set = ⏰ In { $delay }, on { $due } ({ $timezone }), I'll remind you if #{ $number } <b>{ $label }</b> has no confirmed read.
reminder-in-quiet-hours = That falls in your quiet hours, so it will come at { $at }.
reminder-stopped = 🛑 No reminder for #{ $number } <b>{ $label }</b>.
already-read = ✅ #{ $number } <b>{ $label }</b> has already been read, so there's nothing to remind you of.
default-reminder-set = ⏰ From now on, every new tracker reminds you if it has no confirmed read within { $delay }.
default-reminder-off = ⏰ New trackers get no reminder unless you ask for one.
reminders-title = ⏰ Reminders
reminders-none = No reminder is pending.
reminders-line = #{ $number } <b>{ $label }</b> — { $due }
reminders-times-in = Times in { $timezone }.
reminders-default = New trackers remind you after { $delay }.
reminders-no-default = New trackers get no reminder by default.
reminders-quiet-hours = Quiet hours: { $hours }.
reminders-how = Set one with <code>/remind 3 2d</code>, stop it with <code>/remind 3 off</code>, or set a default with <code>/remind default 3d</code>.
reminder-due = ⏰ No confirmed read of <b>{ $label }</b> after { $waited } (sent { $sent }).
reminder-apple-fetched = Apple Mail fetched it on delivery at { $at }, which is not a read.
reminder-late = (This reminder is { $late } late: MailPing was offline when it fell due.)

## Quiet hours.
quiet-hours-on = 🌙 Quiet hours: { $hours } ({ $timezone }). Reminders due then wait until they end.
quiet-hours-off-now = 🌙 Quiet hours are off.
quiet-hours-how = Set them with <code>/quiet 22:00-08:00</code> or turn them off with <code>/quiet off</code>.
bad-quiet-hours = ⚠️ <code>{ $input }</code> is not a time range. Example: <code>/quiet 22:00-08:00</code>. Nothing was changed.
quiet-hours-set = 🌙 Quiet hours set to { $hours } ({ $timezone }). Reminders due then come when they end; open alerts still arrive at once.

## /forget.
confirm-forget = 🧹 Delete everything MailPing holds for this chat: your trackers, every open, alert and reminder, your settings, and the networks learned from your copy pages? This can't be undone, and the images in your emails will stop reporting.
forgotten = 🧹 Done: MailPing holds nothing of this chat any more. If you send another command, you start afresh.
kept-everything = Kept everything.

## /opens: the list.
no-trackers = You have no trackers yet. Create one with <code>{ example-track }</code>.
trackers-title = 📋 Your trackers
trackers-page = (page { $page } of { $pages })
tracker-not-opened = not opened yet
tracker-only-machines = delivered, not yet confirmed read (only machines fetched it: { $machines })
tracker-opened = opened { $count }×
tracker-last-read = , last { $ago }
trackers-details = Details: <code>/opens &lt;n&gt;</code>
muted-mark = 🔕 muted

## /opens n: the timeline.
timeline-title = 🕓 #{ $number } <b>{ $label }</b> — times in { $timezone }
timeline-empty = Not opened yet.
timeline-only-machines = 📭 Delivered, not yet confirmed read: only machines have fetched it so far. Each line below says which.
timeline-skipped = … { $count } earlier lines not shown
timeline-reported = ❓ you said this was wrong
timeline-older = ({ $count } older opens not shown)
timeline-through-relay = (through a privacy relay)
timeline-not-counted = not counted: { $why }

## What a fetch was ("opened via Gmail's image proxy"), and why one did not count.
kind-direct = opened
kind-gmail-proxy = opened via Gmail's image proxy
kind-yahoo-proxy = opened via Yahoo's image proxy
kind-apple-mpp = Apple Mail prefetch (delivered, not a confirmed read)
kind-link-preview = link preview bot (not a read)
kind-scanner = security scanner or bot (not a read)
kind-unverified = unrecognised client (not a confirmed read)
kind-self-view = your own view (not a read)
kind-duplicate = repeat load (not counted)
why-grace = your own view (just after you created the tracker)
why-own-view = your own view
why-repeat = repeat load · { $client }
why-link-scan = { $client } link scan
why-prefetch = { $client } prefetch on delivery
why-crawler = { $client } crawler
why-known-bot = a known bot
why-no-agent = a script that sent no User-Agent
why-data-centre = { $client } data centre (scanners run there, people don't)
why-unrecognised = unrecognised client { $client } (no sign of a person)
why-implausible = { $client } (a browser agent no real browser sends: a machine)
why-bot-convention = { $client } (names itself a bot or service)
why-reported-own-network = your own view (a network you said is yours)
why-reported-machine = { $client } (you said this was a machine)
why-link-preview = { $client } link preview
why-scanner = { $client } (a security scanner or script)
why-apple-mpp = Apple Mail Privacy Protection prefetch (delivered, not a confirmed read)

## "Wrong?" on an alert.
what-was-it = ❓ What was that fetch of #{ $number } <b>{ $label }</b>?
noted = 📝 Noted for #{ $number } <b>{ $label }</b>.
learned-own-network = From now on, fetches from that network are your own views, for this tracker and your later ones.
learned-machine = From now on, that client from that network is a machine, never a read, for this tracker and your later ones.
shared-network-own-view = That fetch came through an address many people share (a webmail image proxy, Apple's relay, or a provider's network), so MailPing can't learn it as yours.
shared-network-machine = That fetch came through an address many people share (a webmail image proxy, Apple's relay, or a provider's network), so MailPing can't learn it as a machine without hiding real reads.
opens-marks-it = <code>/opens { $number }</code> marks it.
open-gone = ⚠️ That fetch of #{ $number } <b>{ $label }</b> is no longer recorded, so there is nothing to report.

## Mute, delete, timezone.
muted = 🔕 Muted #{ $number } <b>{ $label }</b>. Opens are still recorded, but I won't alert you.
unmuted = 🔔 Unmuted #{ $number } <b>{ $label }</b>. I'll alert you when it's opened.
confirm-delete = 🗑 Delete #{ $number } <b>{ $label }</b> and all of its opens? This can't be undone, and the image in your email will stop reporting.
deleted = 🗑 Deleted #{ $number } <b>{ $label }</b> and all of its opens.
kept = Kept #{ $number } <b>{ $label }</b>.
current-timezone = 🌍 Your timezone is { $timezone }. To change it, send <code>/tz Europe/Berlin</code> with your own zone.
bad-timezone = ⚠️ <code>{ $input }</code> is not a timezone I know. Use an IANA name such as <code>Europe/Berlin</code> or <code>America/New_York</code>.
timezone-set = 🌍 Timezone set to { $timezone }. Times are now shown in it.

## Alerts.
alert-apple = 📭 <b>{ $label }</b> reached an Apple Mail inbox. Apple fetched it on delivery, so this is not a confirmed read.
alert-opened = 📬 Opened: <b>{ $label }</b> — { $time } ({ $timezone }) · { $client } · { $count }
alert-nth-open = { $ordinal ->
    [one] { $ordinal }st open
    [two] { $ordinal }nd open
    [few] { $ordinal }rd open
   *[other] { $ordinal }th open
}
alert-times-since = opened { $count } times since the last alert
alert-more-in-minutes = { $minutes ->
    [one] { $count ->
        [one] opened { $count } more time in the last minute
       *[other] opened { $count } more times in the last minute
    }
   *[other] { $count ->
        [one] opened { $count } more time in the last { $minutes } minutes
       *[other] opened { $count } more times in the last { $minutes } minutes
    }
}
alert-reminder-cancelled = ⏰ reminder cancelled
alert-again-client-network = 🔀 Opened again, in { $client }, on another network: forwarded, or another device.
alert-again-client = 🔀 Opened again, in { $client }: another device, or forwarded.
alert-again-network = 🔀 Opened again, on another network: another place, or forwarded.

## /stats.
stats-nothing = 📊 Nothing to chart yet: no trackers and no fetches in the last { $days } days. Create one with <code>{ example-track }</code>, and come back once it has been opened.
stats-no-fetches = 📭 #{ $number } <b>{ $label }</b> has no recorded fetches yet, so there is nothing to chart.
stats-tracker = 📊 #{ $number } <b>{ $label }</b>: { $fetches ->
    [one] { $fetches } fetch
   *[other] { $fetches } fetches
}, { $reads ->
    [one] { $reads } counted as read
   *[other] { $reads } counted as reads
}.
stats-account = 📊 Last { $days } days: { $created ->
    [one] { $created } tracker
   *[other] { $created } trackers
} created, { $read } read, { $unread } not yet read.
stats-median = Median time to the first read: <b>{ $median }</b>.

## /export. The CSV files keep English column names: they are an interface for scripts.
export-nothing = 📭 Nothing to export yet: none of your trackers has recorded a fetch. <code>/opens</code> lists them.
export-no-fetches = 📭 #{ $number } <b>{ $label }</b> has no recorded fetches yet, so there is nothing to export.
export-too-large = ⚠️ This export cannot be sent here: the upload limit is { $limit }. Try one tracker at a time, e.g. <code>/export 3</code>.
export-all = 📤 Your export: every recorded fetch (one row each, times in UTC and in your timezone), and a separate file listing the trackers.
export-tracker = 📤 Your export: tracker #{ $number }'s recorded fetches (one row each, times in UTC and in your timezone), and a separate file listing the trackers.
export-parts = Even compressed it is over the { $limit } upload limit here, so it comes in parts: { $fetches ->
    [one] the fetches in one file
   *[other] the fetches in { $fetches } files
}, { $trackers ->
    [one] the trackers in one file
   *[other] the trackers in { $trackers } files
} (.csv.gz, each a complete CSV with the header row). Unzip them before opening.
export-compressed = Compressed as .csv.gz to fit the { $limit } upload limit; unzip it before opening.
size-mib = { $count } MiB
size-mb = { $count } MB
size-kb = { $count } KB

## /language.
language-current = 🗣 I speak { $language } here. Choose another:
language-set = 🗣 From now on I speak { $language } here.
language-auto = 🗣 From now on I speak the language your app is set to ({ $language } now).
language-unknown = ⚠️ I don't speak <code>{ $input }</code>. Choose one of these:
button-language-auto = Your app's language

## Chart words (the /stats pictures).
chart-kind-direct = Direct
chart-kind-gmail-proxy = Gmail proxy
chart-kind-yahoo-proxy = Yahoo proxy
chart-kind-apple-mpp = Apple prefetch
chart-kind-link-preview = Link preview
chart-kind-scanner = Scanner or bot
chart-kind-unverified = Unrecognised client
chart-kind-self-view = Your own view
chart-kind-duplicate = Repeat
chart-other-reads = Other reads
chart-account-title = Last { $days } days, in { $timezone }
chart-reads-per-day = Reads per day
chart-not-counted = Not counted as reads: Apple prefetches, bots, your own views, repeats
chart-tracker-caption = { $fetches ->
    [one] { $fetches } fetch
   *[other] { $fetches } fetches
}, { $reads } counted as { $reads ->
    [one] a read
   *[other] reads
} (filled dots). Times in { $timezone }.

## Privacy (issue 29): /privacy, /retention, /notice, the recipient notice, withdrawals.
# Where strict mode kept no mail client's name.
not-kept = client not kept (strict privacy)
# A retention period, as in "kept 30 days".
retention-forever = forever
retention-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
retention-years = { $count ->
    [one] { $count } year
   *[other] { $count } years
}
privacy-title = <b>🔒 Privacy in this chat</b>
privacy-mode-strict = Mode: strict — each open keeps only its tracker, its time, its kind (read, Apple prefetch, scanner…) and why. No network, no User-Agent, no mail client's name.
privacy-mode-standard = Mode: standard — each open keeps its time, kind and why, the /24 or /48 network (never the full address), up to 200 bytes of User-Agent and the mail client's name.
privacy-server-default = (the server's default)
privacy-kept-chat = Kept for: { $period } (this chat's choice), then deleted.
privacy-kept-server = Kept for: { $period } (the server's limit), then deleted.
privacy-also-kept = Also kept: your trackers' labels, your settings (timezone, reminders, quiet hours), and the networks of your own copy-page views, so that your own views are not counted as reads.
privacy-notice-on = Recipient notice: on — /track adds a line with an opt-out link for your recipient.
privacy-notice-off = Recipient notice: off — /notice on adds a line with an opt-out link under /track's snippet.
privacy-own-wording = (your own wording)
privacy-change = Change: <code>/privacy strict</code> · <code>/privacy standard</code> · <code>/retention 30d</code> (or 90d, 1y) · <code>/notice on</code>
privacy-forget = Delete everything MailPing holds for this chat: <code>/forget</code>
privacy-rules =
    Rules on email pixels you may want to read (this is not legal advice; you decide what applies to you):
    • EDPB Guidelines 2/2023 on Art. 5(3) ePrivacy: a tracking pixel in an email is access to the recipient's device.
    • CNIL deliberation 2026-042: per-recipient open measurement needs consent, with narrow exceptions; withdrawal covers emails already sent.
    • Garante provision 284/2026: beyond anonymised aggregate counts, security and required service messages, consent is needed.
    • ICO guidance on storage and access technologies (2026): pixels are covered; its statistics exception is for aggregate use.
privacy-set-strict = 🔒 Strict privacy is on. New opens keep only their tracker, time, kind and why. { $count ->
    [0] No earlier open held more.
    [one] The network, User-Agent and client of { $count } earlier open are erased.
   *[other] The networks, User-Agents and clients of { $count } earlier opens are erased.
} Alerts and /opens still tell reads from machines; they can no longer name the mail client.
privacy-set-standard = Standard privacy is on: new opens keep the /24 or /48 network, the User-Agent and the client's name again. Opens erased before stay erased.
privacy-bad = 🤔 "{ $input }" is not a privacy mode. Send <code>/privacy strict</code>, <code>/privacy standard</code>, or <code>/privacy</code> to see what is kept.
retention-set = 🗑 This chat's opens are now kept { $period }; older ones are deleted within the hour.
retention-set-default = This chat's opens are now kept as long as the server keeps them: { $period }.
retention-current = Opens in this chat are kept { $period }. Change it with <code>/retention 30d</code> (or 90d, 1y), up to { $max }; <code>/retention default</code> goes back to the server's.
retention-bad = 🤔 "{ $input }" is not a period I understand. Send e.g. <code>/retention 30d</code>, <code>/retention 90d</code> or <code>/retention 1y</code>.
retention-too-long = This server keeps opens at most { $max }, so { $asked } is not possible here. Choose { $max } or less.
# The recipient notice's default wording; the opt-out link follows it after a space.
notice-default = This email tells me when it is opened. If you would rather it did not, say so here:
notice-for-tracker = Notice for #{ $number }'s email:
notice-for-recipient = Notice for your recipient (put it in the email, e.g. under your signature):
notice-on = The recipient notice is on. /track adds this line, with each tracker's own opt-out link:
notice-off = The recipient notice is off. With /notice on, /track adds this line, with each tracker's own opt-out link:
# {link} is typed as it is: the bot puts the opt-out link there.
notice-change = Change the wording with <code>/notice Your own sentence with {"{"}link{"}"}</code>; <code>/notice default</code> restores it, <code>/notice off</code> stops it.
notice-too-long = That notice is too long: keep it under { $limit } characters, so it stays one plain line.
withdrawal-notice = 🚫 The recipient of #{ $number } <b>{ $label }</b> asked not to be tracked. MailPing records nothing more for it, and its opens are deleted.
withdrawn-timeline = #{ $number } <b>{ $label }</b>: its recipient asked not to be tracked, so nothing is recorded for it and its opens are deleted.
export-strict-note = Opens recorded in strict privacy mode have no network, User-Agent or client.

## The recipient's opt-out page (a web page, plain text: no markup).
optout-title = Stop open notifications
optout-ask = The sender of the email you came from is told when it is opened. Press the button, and they will not be told any more: nothing more is recorded for that email, and what was recorded is deleted.
optout-button = Stop notifications for this email
optout-done = Done. Nothing more is recorded for that email, what was recorded is deleted, and the sender is told that you asked.
optout-already = This was done before: nothing is recorded for that email.
optout-unknown = This link is not valid.
optout-press-the-button = Nothing was changed. To stop notifications, press the button on this page.
optout-try-later = Something went wrong. Please try again in a moment.
optout-too-many = Too many requests. Please try again in a minute.
