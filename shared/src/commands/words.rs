//! The replies the commands give, built from the catalogues' messages (`crate::i18n`): which
//! messages, in which order, with which buttons. The sentences themselves live in
//! `shared/locales`; only spacing and separators (" — ", " · ") are written here.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use super::action::Action;
use super::command::{COMMANDS, MAX_RECIPIENTS, TrackerLinks};
use super::reply::{Button, Reply};
use super::timeline::TimelineEntry;
use crate::domain::{LabelError, OpenKind, Reason, Said};
use crate::i18n::{Args, Lang, format, kind_key};
use crate::links;
use crate::models::account::Account;
use crate::models::open::Learned;
use crate::models::reminder::PendingReminder;
use crate::models::tracker::{Tracker, TrackerSummary};
use crate::schedule::{DelayError, QuietHours, ReminderDelay};

/// A tracker's number and label, the arguments most messages take.
fn tracker_args(number: i32, label: &str) -> Args {
    Args::new().id("number", number).text("label", label)
}

fn of(t: &Tracker) -> Args {
    tracker_args(t.number, &t.label)
}

pub fn welcome(l: Lang) -> Reply {
    l.say("welcome")
}

pub fn help(l: Lang) -> Reply {
    let mut reply = Reply::new().bold(l.word("commands-title")).plain("\n");
    for (name, args) in COMMANDS {
        let usage = match args {
            Some(_) => format!("/{name} {}", l.word(&format!("command-{name}.args"))),
            None => format!("/{name}"),
        };
        reply = reply
            .plain("\n")
            .code(usage)
            .plain(format!(" — {}", command_description(l, name)));
    }
    reply
}

/// A command's one-line description (`/help`, Telegram's menu, Discord's slash commands).
pub fn command_description(l: Lang, name: &str) -> String {
    l.word(&format!("command-{name}"))
}

pub fn unknown_command(l: Lang, name: &str) -> Reply {
    l.reply(
        "unknown-command",
        &Args::new().text("name", truncate_chars(name, 40)),
    )
}

pub fn not_a_command(l: Lang) -> Reply {
    l.say("not-a-command")
}

pub fn bad_label(l: Lang, e: LabelError) -> Reply {
    match e {
        LabelError::Missing => l.say("label-missing"),
        LabelError::TooLong(n) => l.reply(
            "label-too-long",
            &Args::new()
                .number("length", n as f64)
                .number("limit", crate::domain::Label::MAX_CHARS as f64),
        ),
        LabelError::ControlCharacters => l.say("label-control-characters"),
        LabelError::Invisible => l.say("label-invisible"),
        LabelError::LayoutCharacters => l.say("label-layout-characters"),
    }
}

/// What a limit counts: commands, or new trackers.
#[derive(Debug, Clone, Copy)]
pub enum Limited {
    Commands,
    NewTrackers,
}

pub fn slow_down(l: Lang, per_minute: u32, what: Limited) -> Reply {
    let key = match what {
        Limited::Commands => "slow-down-commands",
        Limited::NewTrackers => "slow-down-trackers",
    };
    l.reply(key, &Args::new().number("count", per_minute))
}

pub fn something_went_wrong(l: Lang) -> Reply {
    l.say("something-went-wrong")
}

pub fn missing_number(l: Lang, command: &str) -> Reply {
    l.reply("missing-number", &Args::new().text("command", command))
}

pub fn bad_number(l: Lang, arg: &str, command: &str) -> Reply {
    l.reply(
        "bad-number",
        &Args::new()
            .text("input", truncate_chars(arg, 40))
            .text("command", command),
    )
}

/// Said for a number that doesn't exist and for another chat's tracker alike.
pub fn no_such_tracker(l: Lang, number: i32) -> Reply {
    l.reply("no-such-tracker", &Args::new().id("number", number))
}

fn tracker_buttons(l: Lang, number: i32, muted: bool) -> Vec<Button> {
    vec![
        l.button("button-timeline", &Args::new(), Action::Timeline(number)),
        if muted {
            l.button("button-unmute", &Args::new(), Action::Unmute(number))
        } else {
            l.button("button-mute", &Args::new(), Action::Mute(number))
        },
    ]
}

/// "3 days", "1 week", "36 hours", "90 minutes": the largest unit that divides it.
pub fn duration(l: Lang, d: Duration) -> String {
    let minutes = d.num_minutes().max(0);
    let (n, key) = if minutes > 0 && minutes % (7 * 24 * 60) == 0 {
        (minutes / (7 * 24 * 60), "duration-weeks")
    } else if minutes > 0 && minutes % (24 * 60) == 0 {
        (minutes / (24 * 60), "duration-days")
    } else if minutes > 0 && minutes % 60 == 0 {
        (minutes / 60, "duration-hours")
    } else {
        (minutes, "duration-minutes")
    };
    l.text(key, &Args::new().number("count", n as f64))
}

fn delay(l: Lang, d: ReminderDelay) -> String {
    duration(l, d.duration())
}

/// Buttons that set a reminder: one per preset delay.
fn remind_buttons(l: Lang, number: i32) -> Vec<Button> {
    ReminderDelay::PRESETS
        .iter()
        .map(|d| {
            l.button(
                "button-remind-in",
                &Args::new().text("delay", delay(l, *d)),
                Action::Remind(number, d.minutes() as u32),
            )
        })
        .collect()
}

fn default_reminder_note(l: Lang, reply: Reply, reminder: Option<ReminderDelay>) -> Reply {
    let note = match reminder {
        Some(d) => l.reply(
            "default-reminder-note",
            &Args::new().text("delay", delay(l, d)),
        ),
        None => l.say("ask-reminder"),
    };
    reply.plain("\n").then(note)
}

pub fn tracker_created(l: Lang, new: &TrackerLinks<'_>, reminder: Option<ReminderDelay>) -> Reply {
    let t = new.tracker;
    let reply = l
        .reply("tracker-created", &of(t))
        .plain("\n")
        .pre(links::snippet(&new.pixel_url))
        .plain("\n")
        .then(l.reply(
            "tracker-image-url",
            &Args::new().text("url", &new.pixel_url),
        ))
        .plain("\n")
        .then(l.reply("tracker-webmail", &Args::new().text("url", &new.copy_url)));
    default_reminder_note(l, reply, reminder)
        .button_row(tracker_buttons(l, t.number, false))
        .button_row(remind_buttons(l, t.number))
}

/// One tracker per recipient: each gets their own copy of the email with their own image.
pub fn trackers_created(
    l: Lang,
    new: &[TrackerLinks<'_>],
    reminder: Option<ReminderDelay>,
) -> Reply {
    let mut reply = l
        .reply(
            "trackers-created",
            &Args::new().number("count", new.len() as f64),
        )
        .plain("\n");
    for n in new {
        // Ten long labels would crowd the links out of one message; `/opens` shows them whole.
        reply = reply
            .plain("\n")
            .then(l.reply(
                "trackers-created-line",
                &tracker_args(n.tracker.number, &truncate_chars(&n.tracker.label, 60)),
            ))
            .plain("\n")
            .code(&n.pixel_url)
            .plain(" · ")
            .link(l.word("copy-page"), &n.copy_url);
    }
    let placeholder = l.word("image-url-placeholder");
    let reply = reply.plain("\n\n").then(l.reply(
        "trackers-snippet",
        &Args::new().text("snippet", links::snippet(&placeholder)),
    ));
    match reminder {
        Some(_) => default_reminder_note(l, reply, reminder),
        None => reply.plain("\n").then(l.reply(
            "trackers-reminder-hint",
            &Args::new().id("number", new[0].tracker.number),
        )),
    }
}

pub fn too_many_recipients(l: Lang, n: usize) -> Reply {
    l.reply(
        "too-many-recipients",
        &Args::new()
            .number("count", n as f64)
            .number("limit", MAX_RECIPIENTS as f64),
    )
    .plain("\n")
    .pre(l.word("example-track-recipients"))
}

pub fn bad_delay(l: Lang, e: &DelayError) -> Reply {
    match e {
        DelayError::Unknown(input) => l.reply("delay-unknown", &Args::new().text("input", input)),
        DelayError::TooShort => l.say("delay-too-short"),
        DelayError::TooLong => l.say("delay-too-long"),
    }
}

pub fn missing_delay(l: Lang, target: &str) -> Reply {
    l.reply("missing-delay", &Args::new().text("target", target))
}

fn local(l: Lang, at: DateTime<Utc>, tz: Tz) -> String {
    format::weekday_day_time(l, at, tz)
}

pub fn reminder_set(
    l: Lang,
    t: &Tracker,
    d: ReminderDelay,
    due: DateTime<Utc>,
    account: &Account,
) -> Reply {
    let tz = account.tz();
    let mut reply = l.reply(
        "reminder-set",
        &of(t)
            .text("delay", delay(l, d))
            .text("due", local(l, due, tz))
            .text("timezone", tz.name()),
    );
    if let Some(q) = account.quiet_hours() {
        let allowed = q.next_allowed(due, tz);
        if allowed != due {
            reply = reply.plain(" ").then(l.reply(
                "reminder-in-quiet-hours",
                &Args::new().text("at", local(l, allowed, tz)),
            ));
        }
    }
    reply.button_row(vec![l.button(
        "button-stop-reminding",
        &Args::new(),
        Action::StopReminding(t.number),
    )])
}

pub fn reminder_stopped(l: Lang, t: &Tracker) -> Reply {
    l.reply("reminder-stopped", &of(t))
}

pub fn already_read(l: Lang, t: &Tracker) -> Reply {
    l.reply("already-read", &of(t)).button_row(vec![l.button(
        "button-timeline",
        &Args::new(),
        Action::Timeline(t.number),
    )])
}

pub fn default_reminder_set(l: Lang, d: Option<ReminderDelay>) -> Reply {
    match d {
        Some(d) => l.reply(
            "default-reminder-set",
            &Args::new().text("delay", delay(l, d)),
        ),
        None => l.say("default-reminder-off"),
    }
}

pub fn reminders(l: Lang, pending: &[PendingReminder], account: &Account) -> Reply {
    let tz = account.tz();
    let mut reply = Reply::new().bold(l.word("reminders-title"));
    if pending.is_empty() {
        reply = reply.plain("\n\n").then(l.say("reminders-none"));
    }
    for r in pending {
        reply = reply.plain("\n").then(l.reply(
            "reminders-line",
            &tracker_args(r.number, &r.label).text("due", local(l, r.due_at, tz)),
        ));
    }
    reply = reply.plain("\n\n").then(l.reply(
        "reminders-times-in",
        &Args::new().text("timezone", tz.name()),
    ));
    reply = reply.plain(" ").then(match account.default_reminder() {
        Some(d) => l.reply("reminders-default", &Args::new().text("delay", delay(l, d))),
        None => l.say("reminders-no-default"),
    });
    if let Some(q) = account.quiet_hours() {
        reply = reply.plain(" ").then(l.reply(
            "reminders-quiet-hours",
            &Args::new().text("hours", q.to_string()),
        ));
    }
    reply.plain("\n").then(l.say("reminders-how"))
}

pub fn current_quiet_hours(l: Lang, account: &Account) -> Reply {
    match account.quiet_hours() {
        Some(q) => l.reply(
            "quiet-hours-on",
            &Args::new()
                .text("hours", q.to_string())
                .text("timezone", account.tz().name()),
        ),
        None => l.say("quiet-hours-off-now"),
    }
    .plain(" ")
    .then(l.say("quiet-hours-how"))
}

pub fn bad_quiet_hours(l: Lang, raw: &str) -> Reply {
    l.reply(
        "bad-quiet-hours",
        &Args::new().text("input", truncate_chars(raw, 40)),
    )
}

pub fn quiet_hours_set(l: Lang, quiet: Option<QuietHours>, tz: Tz) -> Reply {
    match quiet {
        Some(q) => l.reply(
            "quiet-hours-set",
            &Args::new()
                .text("hours", q.to_string())
                .text("timezone", tz.name()),
        ),
        None => l.say("quiet-hours-off-now"),
    }
}

pub fn confirm_forget(l: Lang) -> Reply {
    l.say("confirm-forget").button_row(vec![
        l.button(
            "button-yes-delete-everything",
            &Args::new(),
            Action::ConfirmForget,
        ),
        l.button("button-cancel", &Args::new(), Action::CancelForget),
    ])
}

pub fn forgotten(l: Lang) -> Reply {
    l.say("forgotten")
}

pub fn kept_everything(l: Lang) -> Reply {
    l.say("kept-everything")
}

pub fn kept(l: Lang, t: &Tracker) -> Reply {
    l.reply("kept", &of(t))
}

pub fn no_trackers(l: Lang) -> Reply {
    l.say("no-trackers")
}

pub fn tracker_list(
    l: Lang,
    items: &[TrackerSummary],
    page: u32,
    pages: u32,
    now: DateTime<Utc>,
    tz: Tz,
) -> Reply {
    let mut reply = Reply::new().bold(l.word("trackers-title"));
    if pages > 1 {
        reply = reply.plain(" ").then(l.reply(
            "trackers-page",
            &Args::new().number("page", page + 1).number("pages", pages),
        ));
    }
    reply = reply.plain("\n");
    for item in items {
        reply = reply
            .plain("\n")
            .then(l.reply(
                "trackers-created-line",
                &tracker_args(item.number, &item.label),
            ))
            .plain(" — ");
        let status = match (item.reads, &item.machines) {
            (0, None) => l.say("tracker-not-opened"),
            (0, Some(machines)) => l.reply(
                "tracker-only-machines",
                &Args::new().text("machines", machines),
            ),
            (n, _) => l.reply("tracker-opened", &Args::new().number("count", n as f64)),
        };
        reply = reply.then(status);
        if let Some(at) = item.last_read_at {
            reply = reply.then(l.reply(
                "tracker-last-read",
                &Args::new().text("ago", relative_time(l, at, now)),
            ));
            if let Some(client) = &item.last_read_client {
                reply = reply.plain(format!(" · {client}"));
            }
        }
        if item.muted {
            reply = reply.plain(format!(" · {}", l.word("muted-mark")));
        }
        if let Some(due) = item.reminder_due_at {
            reply = reply.plain(format!(" · ⏰ {}", local(l, due, tz)));
        }
    }
    reply = reply.plain("\n\n").then(l.say("trackers-details"));
    let mut nav = Vec::new();
    if page > 0 {
        nav.push(l.button("button-previous-page", &Args::new(), Action::Page(page - 1)));
    }
    if page + 1 < pages {
        nav.push(l.button("button-next-page", &Args::new(), Action::Page(page + 1)));
    }
    reply.button_row(nav)
}

pub fn timeline(
    l: Lang,
    t: &Tracker,
    entries: &[TimelineEntry],
    max_lines: usize,
    total_opens: i64,
    tz: Tz,
) -> Reply {
    let mut reply = l.reply("timeline-title", &of(t).text("timezone", tz.name()));
    if t.muted {
        reply = reply.plain(format!(" · {}", l.word("muted-mark")));
    }
    reply = reply.plain("\n");
    if entries.is_empty() {
        reply = reply.plain("\n").then(l.say("timeline-empty"));
    } else if !entries.iter().any(|e| e.kind.counts_as_read())
        && entries
            .iter()
            .any(|e| e.kind.is_machine() || e.kind == OpenKind::AppleMpp)
    {
        reply = reply.plain("\n").then(l.say("timeline-only-machines"));
    }
    let skipped = entries.len().saturating_sub(max_lines);
    if skipped > 0 {
        reply = reply.plain("\n").then(l.reply(
            "timeline-skipped",
            &Args::new().number("count", skipped as f64),
        ));
    }
    for e in &entries[skipped..] {
        let first = format::day_time(l, e.first, tz);
        let when = if e.count == 1 {
            first
        } else {
            let same_day =
                e.first.with_timezone(&tz).date_naive() == e.last.with_timezone(&tz).date_naive();
            let last = if same_day {
                format::time(l, e.last, tz)
            } else {
                format::day_time(l, e.last, tz)
            };
            format!("{first}–{last} ×{}", format::integer(l, e.count as i64))
        };
        reply = reply.plain(format!("\n• {when} — {}", timeline_verdict(l, e)));
        if e.reported {
            reply = reply.plain(format!(" · {}", l.word("timeline-reported")));
        }
    }
    let shown: usize = entries.iter().map(|e| e.count).sum();
    if (shown as i64) < total_opens {
        reply = reply.plain("\n").then(l.reply(
            "timeline-older",
            &Args::new().number("count", (total_opens - shown as i64) as f64),
        ));
    }
    let mut row = tracker_buttons(l, t.number, t.muted);
    row[0] = l.button("button-delete", &Args::new(), Action::AskDelete(t.number));
    reply.button_row(row)
}

/// What a timeline line says about an open: a read and its client, or why it did not count.
fn timeline_verdict(l: Lang, e: &TimelineEntry) -> String {
    if e.kind.counts_as_read() {
        let mut line = format!("{} · {}", l.word(kind_key(e.kind)), e.client);
        if e.reason == Reason::NetworkRelay {
            line.push(' ');
            line.push_str(&l.word("timeline-through-relay"));
        }
        return line;
    }
    l.text(
        "timeline-not-counted",
        &Args::new().text("why", not_counted(l, e.kind, e.reason, &e.client)),
    )
}

/// Why an open did not count, in plain words: "Microsoft 365 link scan", "your own view".
/// docs/classification.md ("Why: `opens.reason`") lists the English words next to each code.
pub fn not_counted(l: Lang, kind: OpenKind, reason: Reason, client: &str) -> String {
    let key = match reason {
        Reason::Grace => "why-grace",
        Reason::OwnerNetwork => "why-own-view",
        Reason::Dedup => "why-repeat",
        Reason::NetworkScan => "why-link-scan",
        Reason::NetworkPrefetch => "why-prefetch",
        Reason::NetworkCrawler => "why-crawler",
        Reason::BotList => "why-known-bot",
        Reason::NoAgent => "why-no-agent",
        Reason::NetworkHosting => "why-data-centre",
        Reason::UnrecognisedAgent => "why-unrecognised",
        Reason::ImplausibleAgent => "why-implausible",
        Reason::BotConvention => "why-bot-convention",
        Reason::ReportedOwnNetwork => "why-reported-own-network",
        Reason::ReportedMachine => "why-reported-machine",
        Reason::Agent | Reason::UnknownAgent | Reason::NetworkRelay | Reason::Legacy => {
            match kind {
                OpenKind::LinkPreview => "why-link-preview",
                OpenKind::Scanner => "why-scanner",
                OpenKind::Unverified => "why-unrecognised",
                OpenKind::AppleMpp => "why-apple-mpp",
                OpenKind::SelfView => "why-own-view",
                OpenKind::Duplicate => "why-repeat",
                OpenKind::Direct | OpenKind::GmailProxy | OpenKind::YahooProxy => {
                    return format!("{} · {client}", l.word(kind_key(kind)));
                }
            }
        }
    };
    l.text(key, &Args::new().text("client", client))
}

/// "Wrong?" on an alert: what was that fetch? Each answer teaches MailPing something else.
pub fn what_was_it(l: Lang, t: &Tracker, open_id: i64) -> Reply {
    l.reply("what-was-it", &of(t)).button_row(vec![
        l.button(
            "button-it-was-me",
            &Args::new(),
            Action::WrongSaid(t.number, open_id, Said::OwnView),
        ),
        l.button(
            "button-it-was-a-machine",
            &Args::new(),
            Action::WrongSaid(t.number, open_id, Said::Machine),
        ),
    ])
}

/// The answer to "It was me" or "It was a machine": what MailPing learned, if anything.
pub fn verdict_reported(l: Lang, t: &Tracker, said: Said, learned: Learned) -> Reply {
    let key = match learned {
        Learned::OwnNetwork => "learned-own-network",
        Learned::Machine => "learned-machine",
        Learned::Shared => match said {
            Said::OwnView => "shared-network-own-view",
            Said::Machine => "shared-network-machine",
        },
    };
    l.reply("noted", &of(t))
        .plain(" ")
        .then(l.say(key))
        .plain(" ")
        .then(l.reply("opens-marks-it", &Args::new().id("number", t.number)))
}

/// "Wrong?" on an open that is not recorded (any more): retention removed it, or the button's
/// payload names another tracker's open.
pub fn open_gone(l: Lang, t: &Tracker) -> Reply {
    l.reply("open-gone", &of(t))
}

pub fn muted(l: Lang, t: &Tracker, muted: bool) -> Reply {
    if muted {
        l.reply("muted", &of(t)).button_row(vec![l.button(
            "button-unmute",
            &Args::new(),
            Action::Unmute(t.number),
        )])
    } else {
        l.reply("unmuted", &of(t)).button_row(vec![l.button(
            "button-mute",
            &Args::new(),
            Action::Mute(t.number),
        )])
    }
}

pub fn confirm_delete(l: Lang, t: &Tracker) -> Reply {
    l.reply("confirm-delete", &of(t)).button_row(vec![
        l.button(
            "button-yes-delete",
            &Args::new(),
            Action::ConfirmDelete(t.number),
        ),
        l.button(
            "button-cancel",
            &Args::new(),
            Action::CancelDelete(t.number),
        ),
    ])
}

pub fn deleted(l: Lang, t: &Tracker) -> Reply {
    l.reply("deleted", &of(t))
}

pub fn current_timezone(l: Lang, tz: &str) -> Reply {
    l.reply("current-timezone", &Args::new().text("timezone", tz))
}

pub fn bad_timezone(l: Lang, raw: &str) -> Reply {
    l.reply(
        "bad-timezone",
        &Args::new().text("input", truncate_chars(raw, 60)),
    )
}

pub fn timezone_set(l: Lang, tz: &str) -> Reply {
    l.reply("timezone-set", &Args::new().text("timezone", tz))
}

/// `/language` alone: the language spoken here, and a button for each.
pub fn languages(l: Lang, chosen: bool) -> Reply {
    let current = Args::new().text("language", l.word("language-name"));
    language_buttons(l.reply("language-current", &current), l, chosen)
}

/// `/language xx` for a language we don't speak.
pub fn unknown_language(l: Lang, raw: &str, chosen: bool) -> Reply {
    let reply = l.reply(
        "language-unknown",
        &Args::new().text("input", truncate_chars(raw, 20)),
    );
    language_buttons(reply, l, chosen)
}

fn language_buttons(reply: Reply, l: Lang, chosen: bool) -> Reply {
    // Each language's name in its own words, three to a row.
    let mut reply = Lang::ALL.chunks(3).fold(reply, |reply, row| {
        reply.button_row(
            row.iter()
                .map(|&lang| Button::new(lang.word("language-name"), Action::Language(Some(lang))))
                .collect(),
        )
    });
    if chosen {
        reply = reply.button_row(vec![l.button(
            "button-language-auto",
            &Args::new(),
            Action::Language(None),
        )]);
    }
    reply
}

/// The answer to choosing a language, in that language.
pub fn language_set(l: Lang) -> Reply {
    l.reply(
        "language-set",
        &Args::new().text("language", l.word("language-name")),
    )
}

/// The answer to going back to the app's language.
pub fn language_auto(l: Lang) -> Reply {
    l.reply(
        "language-auto",
        &Args::new().text("language", l.word("language-name")),
    )
}

/// "just now", "5 min ago", "3 h ago", "yesterday", "2 days ago".
pub fn relative_time(l: Lang, at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let secs = (now - at).num_seconds().max(0);
    let (key, n) = match secs {
        0..60 => ("ago-just-now", 0),
        60..3600 => ("ago-minutes", secs / 60),
        3600..86_400 => ("ago-hours", secs / 3600),
        86_400..172_800 => ("ago-yesterday", 1),
        _ => ("ago-days", secs / 86_400),
    };
    l.text(key, &Args::new().number("count", n as f64))
}

pub use crate::text::truncate_chars;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_did_not_count_says_why_in_plain_words() {
        for (kind, reason, client, words) in [
            (
                OpenKind::Scanner,
                Reason::NetworkScan,
                "Microsoft 365",
                "Microsoft 365 link scan",
            ),
            (
                OpenKind::Scanner,
                Reason::NetworkPrefetch,
                "Gmail",
                "Gmail prefetch on delivery",
            ),
            (
                OpenKind::Scanner,
                Reason::NetworkCrawler,
                "Google",
                "Google crawler",
            ),
            (
                OpenKind::SelfView,
                Reason::OwnerNetwork,
                "Chrome",
                "your own view",
            ),
            (
                OpenKind::SelfView,
                Reason::Grace,
                "Chrome",
                "your own view (just after you created the tracker)",
            ),
            (
                OpenKind::Duplicate,
                Reason::Dedup,
                "Gmail",
                "repeat load · Gmail",
            ),
            (OpenKind::Scanner, Reason::BotList, "bot", "a known bot"),
            (
                OpenKind::Scanner,
                Reason::NoAgent,
                "unknown",
                "a script that sent no User-Agent",
            ),
            (
                OpenKind::LinkPreview,
                Reason::Agent,
                "Slack",
                "Slack link preview",
            ),
            (
                OpenKind::Scanner,
                Reason::Agent,
                "curl",
                "curl (a security scanner or script)",
            ),
        ] {
            assert_eq!(
                not_counted(Lang::En, kind, reason, client),
                words,
                "{reason}"
            );
        }
    }

    #[test]
    fn relative_times() {
        let now = Utc::now();
        let ago = |s: i64| relative_time(Lang::En, now - chrono::Duration::seconds(s), now);
        assert_eq!(ago(5), "just now");
        assert_eq!(ago(300), "5 min ago");
        assert_eq!(ago(7200), "2 h ago");
        assert_eq!(ago(90_000), "yesterday");
        assert_eq!(ago(3 * 86_400), "3 days ago");
    }

    #[test]
    fn help_lists_every_command_with_a_description() {
        let text = help(Lang::En).plain_text();
        for (name, _) in COMMANDS {
            let description = command_description(Lang::En, name);
            assert!(
                text.contains(&format!("/{name}")) && text.contains(&description),
                "{name}"
            );
        }
    }

    #[test]
    fn long_arguments_are_cut_in_errors() {
        let text = bad_number(Lang::En, &"9".repeat(10_000), "opens").plain_text();
        assert!(text.chars().count() < 200);
    }

    #[test]
    fn command_descriptions_fit_discords_100_character_limit() {
        for lang in Lang::ALL {
            for (name, _) in COMMANDS {
                let description = command_description(lang, name);
                assert!(
                    (1..=100).contains(&description.chars().count()),
                    "{lang:?} /{name}: {description}"
                );
            }
        }
    }
}
