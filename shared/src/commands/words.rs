//! Every sentence the bot says, in one place.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{Action, Button, COMMANDS, MAX_RECIPIENTS, Reply, TimelineEntry, TrackerLinks};
use crate::domain::{LabelError, OpenKind, Reason, Said};
use crate::links;
use crate::models::account::Account;
use crate::models::open::Learned;
use crate::models::reminder::PendingReminder;
use crate::models::tracker::{Tracker, TrackerSummary};
use crate::schedule::{DelayError, QuietHours, ReminderDelay};

const EXAMPLE_LABEL: &str = "/track Proposal to ACME";

pub fn welcome() -> Reply {
    Reply::new()
        .bold("👋 Welcome to MailPing.")
        .plain(" I tell you when someone opens an email you sent: no inbox access, no link rewriting, just an invisible image.\n\n")
        .plain("1. Send ")
        .code(EXAMPLE_LABEL)
        .plain(" to get a tracker.\n2. Paste the snippet I send into your email (webmail users: copy the image from the copy page).\n3. I message you here when it's opened. ")
        .code("/opens")
        .plain(" shows the history, ")
        .code("/help")
        .plain(" the rest.")
}

pub fn help() -> Reply {
    let mut reply = Reply::new().bold("MailPing commands").plain("\n");
    for (name, args, description) in COMMANDS {
        let usage = if args.is_empty() {
            format!("/{name}")
        } else {
            format!("/{name} {args}")
        };
        reply = reply
            .plain("\n")
            .code(usage)
            .plain(format!(" — {description}"));
    }
    reply
}

pub fn unknown_command(name: &str) -> Reply {
    Reply::new()
        .plain("🤔 I don't know the command ")
        .code(format!("/{}", truncate_chars(name, 40)))
        .plain(". Send ")
        .code("/help")
        .plain(" to see what I can do.")
}

pub fn not_a_command() -> Reply {
    Reply::new()
        .plain("I only understand commands. To track an email, send ")
        .code(EXAMPLE_LABEL)
        .plain(", or ")
        .code("/help")
        .plain(" for the rest.")
}

pub fn bad_label(e: LabelError) -> Reply {
    let why = match e {
        LabelError::Missing => {
            "Please give the email a label so you can tell your trackers apart.".to_owned()
        }
        LabelError::TooLong(n) => format!("That label is {n} characters long; the limit is 200."),
        LabelError::ControlCharacters => {
            "The label can't contain control characters such as tabs or line breaks.".to_owned()
        }
        LabelError::Invisible => {
            "That label would show as nothing: it has only invisible characters. Nothing was created.".to_owned()
        }
        LabelError::LayoutCharacters => {
            "The label can't contain line separators or text direction controls (such as U+202E): they would scramble the messages around it. Nothing was created.".to_owned()
        }
    };
    Reply::new()
        .plain(format!("⚠️ {why} Example: "))
        .code(EXAMPLE_LABEL)
}

pub fn slow_down(per_minute: u32, what: &str) -> Reply {
    Reply::new().plain(format!(
        "⏳ Slow down: you can send {per_minute} {what} a minute. Please try again in a moment."
    ))
}

pub fn something_went_wrong() -> Reply {
    Reply::new().plain("😕 Something went wrong on our side. Please try again in a moment.")
}

pub fn missing_number(command: &str) -> Reply {
    Reply::new()
        .plain("⚠️ Which tracker? Give its number, e.g. ")
        .code(format!("/{command} 3"))
        .plain(". ")
        .code("/opens")
        .plain(" lists them.")
}

pub fn bad_number(arg: &str, command: &str) -> Reply {
    Reply::new()
        .plain("⚠️ ")
        .code(truncate_chars(arg, 40))
        .plain(" is not a tracker number. Example: ")
        .code(format!("/{command} 3"))
}

/// Said for a number that doesn't exist and for another chat's tracker alike.
pub fn no_such_tracker(number: i32) -> Reply {
    Reply::new()
        .plain(format!("⚠️ You have no tracker #{number}. "))
        .code("/opens")
        .plain(" lists yours.")
}

fn tracker_buttons(number: i32, muted: bool) -> Vec<Button> {
    vec![
        Button::new("🕓 Timeline", Action::Timeline(number)),
        if muted {
            Button::new("🔔 Unmute", Action::Unmute(number))
        } else {
            Button::new("🔕 Mute", Action::Mute(number))
        },
    ]
}

/// Buttons that set a reminder: one per preset delay.
fn remind_buttons(number: i32) -> Vec<Button> {
    ReminderDelay::PRESETS
        .iter()
        .map(|d| {
            Button::new(
                format!("⏰ {d}"),
                Action::Remind(number, d.minutes() as u32),
            )
        })
        .collect()
}

fn default_reminder_note(reply: Reply, reminder: Option<ReminderDelay>) -> Reply {
    match reminder {
        Some(d) => reply.plain(format!(
            "\n⏰ I'll remind you if there's no confirmed read within {d} (your default)."
        )),
        None => reply.plain("\nRemind you if nobody reads it?"),
    }
}

pub fn tracker_created(new: &TrackerLinks<'_>, reminder: Option<ReminderDelay>) -> Reply {
    let t = new.tracker;
    let reply = Reply::new()
        .plain(format!("✅ Tracker #{} created: ", t.number))
        .bold(&t.label)
        .plain("\n\nPaste this HTML into your email:\n")
        .pre(links::snippet(&new.pixel_url))
        .plain("\nImage URL: ")
        .code(&new.pixel_url)
        .plain("\nWriting in Gmail or Outlook on the web? Open the ")
        .link("copy page", &new.copy_url)
        .plain(" and copy the invisible image from there.");
    default_reminder_note(reply, reminder)
        .button_row(tracker_buttons(t.number, false))
        .button_row(remind_buttons(t.number))
}

/// One tracker per recipient: each gets their own copy of the email with their own image.
pub fn trackers_created(new: &[TrackerLinks<'_>], reminder: Option<ReminderDelay>) -> Reply {
    let mut reply = Reply::new().plain(format!(
        "✅ {} trackers created, one per recipient. Send each recipient their own copy of the email with their own image:\n",
        new.len()
    ));
    for n in new {
        // Ten long labels would crowd the links out of one message; `/opens` shows them whole.
        reply = reply
            .plain(format!("\n#{} ", n.tracker.number))
            .bold(truncate_chars(&n.tracker.label, 60))
            .plain("\n")
            .code(&n.pixel_url)
            .plain(" · ")
            .link("copy page", &n.copy_url);
    }
    let reply = reply
        .plain("\n\nThe HTML for each is ")
        .code(links::snippet("<image URL>"))
        .plain(".");
    match reminder {
        Some(_) => default_reminder_note(reply, reminder),
        None => reply
            .plain("\nFor a reminder if one of them isn't read, send ")
            .code(format!("/remind {} 3d", new[0].tracker.number))
            .plain("."),
    }
}

pub fn too_many_recipients(n: usize) -> Reply {
    Reply::new()
        .plain(format!(
            "⚠️ That's {n} recipients; one /track takes up to {MAX_RECIPIENTS}. Nothing was created. Example:\n"
        ))
        .pre("/track Proposal to ACME\nAlice\nBob")
}

pub fn bad_delay(e: &DelayError) -> Reply {
    Reply::new()
        .plain(format!("⚠️ {}. ", capitalise(&e.to_string())))
        .plain("Use a duration from one minute to one year, such as ")
        .code("2d")
        .plain(", ")
        .code("36h")
        .plain(", ")
        .code("1w")
        .plain(" or ")
        .code("3 days")
        .plain(". Nothing was changed.")
}

pub fn missing_delay(target: &str) -> Reply {
    Reply::new()
        .plain("⚠️ When? Give a duration, e.g. ")
        .code(format!("/remind {target} 3d"))
        .plain(", or ")
        .code(format!("/remind {target} off"))
        .plain(".")
}

fn local(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz).format("%a %-d %b %H:%M").to_string()
}

pub fn reminder_set(
    t: &Tracker,
    delay: ReminderDelay,
    due: DateTime<Utc>,
    account: &Account,
) -> Reply {
    let tz = account.tz();
    let mut reply = Reply::new()
        .plain(format!(
            "⏰ In {delay}, on {} ({}), I'll remind you if #{} ",
            local(due, tz),
            tz.name(),
            t.number
        ))
        .bold(&t.label)
        .plain(" has no confirmed read.");
    if let Some(q) = account.quiet_hours() {
        let allowed = q.next_allowed(due, tz);
        if allowed != due {
            reply = reply.plain(format!(
                " That falls in your quiet hours, so it will come at {}.",
                local(allowed, tz)
            ));
        }
    }
    reply.button_row(vec![Button::new(
        "🛑 Stop reminding",
        Action::StopReminding(t.number),
    )])
}

pub fn reminder_stopped(t: &Tracker) -> Reply {
    Reply::new()
        .plain(format!("🛑 No reminder for #{} ", t.number))
        .bold(&t.label)
        .plain(".")
}

pub fn already_read(t: &Tracker) -> Reply {
    Reply::new()
        .plain(format!("✅ #{} ", t.number))
        .bold(&t.label)
        .plain(" has already been read, so there's nothing to remind you of.")
        .button_row(vec![Button::new("🕓 Timeline", Action::Timeline(t.number))])
}

pub fn default_reminder_set(delay: Option<ReminderDelay>) -> Reply {
    match delay {
        Some(d) => Reply::new().plain(format!(
            "⏰ From now on, every new tracker reminds you if it has no confirmed read within {d}."
        )),
        None => Reply::new().plain("⏰ New trackers get no reminder unless you ask for one."),
    }
}

pub fn reminders(pending: &[PendingReminder], account: &Account) -> Reply {
    let tz = account.tz();
    let mut reply = Reply::new().bold("⏰ Reminders");
    if pending.is_empty() {
        reply = reply.plain("\n\nNo reminder is pending.");
    }
    for r in pending {
        reply = reply
            .plain(format!("\n#{} ", r.number))
            .bold(&r.label)
            .plain(format!(" — {}", local(r.due_at, tz)));
    }
    reply = reply.plain(format!("\n\nTimes in {}.", tz.name()));
    reply = match account.default_reminder() {
        Some(d) => reply.plain(format!(" New trackers remind you after {d}.")),
        None => reply.plain(" New trackers get no reminder by default."),
    };
    if let Some(q) = account.quiet_hours() {
        reply = reply.plain(format!(" Quiet hours: {q}."));
    }
    reply
        .plain("\nSet one with ")
        .code("/remind 3 2d")
        .plain(", stop it with ")
        .code("/remind 3 off")
        .plain(", or set a default with ")
        .code("/remind default 3d")
        .plain(".")
}

pub fn current_quiet_hours(account: &Account) -> Reply {
    match account.quiet_hours() {
        Some(q) => Reply::new().plain(format!(
            "🌙 Quiet hours: {q} ({}). Reminders due then wait until they end. ",
            account.tz().name()
        )),
        None => Reply::new().plain("🌙 Quiet hours are off. "),
    }
    .plain("Set them with ")
    .code("/quiet 22:00-08:00")
    .plain(" or turn them off with ")
    .code("/quiet off")
    .plain(".")
}

pub fn bad_quiet_hours(raw: &str) -> Reply {
    Reply::new()
        .plain("⚠️ ")
        .code(truncate_chars(raw, 40))
        .plain(" is not a time range. Example: ")
        .code("/quiet 22:00-08:00")
        .plain(". Nothing was changed.")
}

pub fn quiet_hours_set(quiet: Option<QuietHours>, tz: Tz) -> Reply {
    match quiet {
        Some(q) => Reply::new().plain(format!(
            "🌙 Quiet hours set to {q} ({}). Reminders due then come when they end; open alerts still arrive at once.",
            tz.name()
        )),
        None => Reply::new().plain("🌙 Quiet hours are off."),
    }
}

pub fn confirm_forget() -> Reply {
    Reply::new()
        .plain("🧹 Delete everything MailPing holds for this chat: your trackers, every open, alert and reminder, your settings, and the networks learned from your copy pages? This can't be undone, and the images in your emails will stop reporting.")
        .button_row(vec![
            Button::new("Yes, delete everything", Action::ConfirmForget),
            Button::new("Cancel", Action::CancelForget),
        ])
}

pub fn forgotten() -> Reply {
    Reply::new().plain("🧹 Done: MailPing holds nothing of this chat any more. If you send another command, you start afresh.")
}

pub fn kept_everything() -> Reply {
    Reply::new().plain("Kept everything.")
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

pub fn no_trackers() -> Reply {
    Reply::new()
        .plain("You have no trackers yet. Create one with ")
        .code(EXAMPLE_LABEL)
        .plain(".")
}

pub fn tracker_list(
    items: &[TrackerSummary],
    page: u32,
    pages: u32,
    now: DateTime<Utc>,
    tz: Tz,
) -> Reply {
    let mut reply = Reply::new().bold("📋 Your trackers");
    if pages > 1 {
        reply = reply.plain(format!(" (page {} of {pages})", page + 1));
    }
    reply = reply.plain("\n");
    for item in items {
        reply = reply
            .plain(format!("\n#{} ", item.number))
            .bold(&item.label)
            .plain(" — ");
        let status = match (item.reads, &item.machines) {
            (0, None) => "not opened yet".to_owned(),
            (0, Some(machines)) => {
                format!("delivered, not yet confirmed read (only machines fetched it: {machines})")
            }
            (n, _) => format!("opened {n}×"),
        };
        reply = reply.plain(status);
        if let Some(at) = item.last_read_at {
            reply = reply.plain(format!(", last {}", relative_time(at, now)));
            if let Some(client) = &item.last_read_client {
                reply = reply.plain(format!(" · {client}"));
            }
        }
        if item.muted {
            reply = reply.plain(" · 🔕 muted");
        }
        if let Some(due) = item.reminder_due_at {
            reply = reply.plain(format!(" · ⏰ {}", local(due, tz)));
        }
    }
    reply = reply.plain("\n\nDetails: ").code("/opens <n>");
    let mut nav = Vec::new();
    if page > 0 {
        nav.push(Button::new("◀", Action::Page(page - 1)));
    }
    if page + 1 < pages {
        nav.push(Button::new("▶", Action::Page(page + 1)));
    }
    reply.button_row(nav)
}

pub fn timeline(
    t: &Tracker,
    entries: &[TimelineEntry],
    max_lines: usize,
    total_opens: i64,
    tz: Tz,
) -> Reply {
    let mut reply = Reply::new()
        .plain(format!("🕓 #{} ", t.number))
        .bold(&t.label)
        .plain(format!(" — times in {}", tz.name()));
    if t.muted {
        reply = reply.plain(" · 🔕 muted");
    }
    reply = reply.plain("\n");
    if entries.is_empty() {
        reply = reply.plain("\nNot opened yet.");
    } else if !entries.iter().any(|e| e.kind.counts_as_read())
        && entries
            .iter()
            .any(|e| e.kind.is_machine() || e.kind == OpenKind::AppleMpp)
    {
        reply = reply.plain(
            "\n📭 Delivered, not yet confirmed read: only machines have fetched it so far. Each line below says which.",
        );
    }
    let skipped = entries.len().saturating_sub(max_lines);
    if skipped > 0 {
        reply = reply.plain(format!("\n… {skipped} earlier lines not shown"));
    }
    for e in &entries[skipped..] {
        let first = e.first.with_timezone(&tz);
        let last = e.last.with_timezone(&tz);
        let when = if e.count == 1 {
            first.format("%d %b %H:%M").to_string()
        } else if first.date_naive() == last.date_naive() {
            format!(
                "{}–{} ×{}",
                first.format("%d %b %H:%M"),
                last.format("%H:%M"),
                e.count
            )
        } else {
            format!(
                "{}–{} ×{}",
                first.format("%d %b %H:%M"),
                last.format("%d %b %H:%M"),
                e.count
            )
        };
        reply = reply.plain(format!("\n• {when} — {}", timeline_verdict(e)));
        if e.reported {
            reply = reply.plain(" · ❓ you said this was wrong");
        }
    }
    let shown: usize = entries.iter().map(|e| e.count).sum();
    if (shown as i64) < total_opens {
        reply = reply.plain(format!(
            "\n({} older opens not shown)",
            total_opens - shown as i64
        ));
    }
    let mut row = tracker_buttons(t.number, t.muted);
    row[0] = Button::new("🗑 Delete", Action::AskDelete(t.number));
    reply.button_row(row)
}

/// What a timeline line says about an open: a read and its client, or why it did not count.
fn timeline_verdict(e: &TimelineEntry) -> String {
    if e.kind.counts_as_read() {
        let hidden = match e.reason {
            Reason::NetworkRelay => " (through a privacy relay)",
            _ => "",
        };
        return format!("{} · {}{hidden}", e.kind.describe(), e.client);
    }
    format!("not counted: {}", not_counted(e.kind, e.reason, &e.client))
}

/// Why an open did not count, in plain words: "Microsoft 365 link scan", "your own view".
/// docs/classification.md ("Why: `opens.reason`") lists these words next to each code.
pub fn not_counted(kind: OpenKind, reason: Reason, client: &str) -> String {
    match reason {
        Reason::Grace => "your own view (just after you created the tracker)".to_owned(),
        Reason::OwnerNetwork => "your own view".to_owned(),
        Reason::Dedup => format!("repeat load · {client}"),
        Reason::NetworkScan => format!("{client} link scan"),
        Reason::NetworkPrefetch => format!("{client} prefetch on delivery"),
        Reason::NetworkCrawler => format!("{client} crawler"),
        Reason::BotList => "a known bot".to_owned(),
        Reason::NoAgent => "a script that sent no User-Agent".to_owned(),
        Reason::NetworkHosting => {
            format!("{client} data centre (scanners run there, people don't)")
        }
        Reason::UnrecognisedAgent => format!("unrecognised client {client} (no sign of a person)"),
        Reason::ImplausibleAgent => {
            format!("{client} (a browser agent no real browser sends: a machine)")
        }
        Reason::BotConvention => format!("{client} (names itself a bot or service)"),
        Reason::ReportedOwnNetwork => "your own view (a network you said is yours)".to_owned(),
        Reason::ReportedMachine => format!("{client} (you said this was a machine)"),
        Reason::Agent | Reason::UnknownAgent | Reason::NetworkRelay | Reason::Legacy => {
            match kind {
                OpenKind::LinkPreview => format!("{client} link preview"),
                OpenKind::Scanner => format!("{client} (a security scanner or script)"),
                OpenKind::Unverified => {
                    format!("unrecognised client {client} (no sign of a person)")
                }
                OpenKind::AppleMpp => {
                    "Apple Mail Privacy Protection prefetch (delivered, not a confirmed read)"
                        .to_owned()
                }
                OpenKind::SelfView => "your own view".to_owned(),
                OpenKind::Duplicate => format!("repeat load · {client}"),
                OpenKind::Direct | OpenKind::GmailProxy | OpenKind::YahooProxy => {
                    format!("{} · {client}", kind.describe())
                }
            }
        }
    }
}

/// "Wrong?" on an alert: what was that fetch? Each answer teaches MailPing something else.
pub fn what_was_it(t: &Tracker, open_id: i64) -> Reply {
    Reply::new()
        .plain(format!("❓ What was that fetch of #{} ", t.number))
        .bold(&t.label)
        .plain("?")
        .button_row(vec![
            Button::new(
                "👤 It was me",
                Action::WrongSaid(t.number, open_id, Said::OwnView),
            ),
            Button::new(
                "🤖 It was a machine",
                Action::WrongSaid(t.number, open_id, Said::Machine),
            ),
        ])
}

/// The answer to "It was me" or "It was a machine": what MailPing learned, if anything.
pub fn verdict_reported(t: &Tracker, said: Said, learned: Learned) -> Reply {
    let reply = Reply::new()
        .plain(format!("📝 Noted for #{} ", t.number))
        .bold(&t.label)
        .plain(". ");
    let reply = match learned {
        Learned::OwnNetwork => reply.plain(
            "From now on, fetches from that network are your own views, for this tracker and your later ones.",
        ),
        Learned::Machine => reply.plain(
            "From now on, that client from that network is a machine, never a read, for this tracker and your later ones.",
        ),
        Learned::Shared => reply.plain(match said {
            Said::OwnView => "That fetch came through an address many people share (a webmail image proxy, Apple's relay, or a provider's network), so MailPing can't learn it as yours.",
            Said::Machine => "That fetch came through an address many people share (a webmail image proxy, Apple's relay, or a provider's network), so MailPing can't learn it as a machine without hiding real reads.",
        }),
    };
    reply
        .plain(" ")
        .code(format!("/opens {}", t.number))
        .plain(" marks it.")
}

/// "Wrong?" on an open that is not recorded (any more): retention removed it, or the button's
/// payload names another tracker's open.
pub fn open_gone(t: &Tracker) -> Reply {
    Reply::new()
        .plain(format!("⚠️ That fetch of #{} ", t.number))
        .bold(&t.label)
        .plain(" is no longer recorded, so there is nothing to report.")
}

pub fn muted(t: &Tracker, muted: bool) -> Reply {
    let reply = Reply::new().plain(if muted {
        "🔕 Muted #"
    } else {
        "🔔 Unmuted #"
    });
    let reply = reply.plain(format!("{} ", t.number)).bold(&t.label);
    if muted {
        reply
            .plain(". Opens are still recorded, but I won't alert you.")
            .button_row(vec![Button::new("🔔 Unmute", Action::Unmute(t.number))])
    } else {
        reply
            .plain(". I'll alert you when it's opened.")
            .button_row(vec![Button::new("🔕 Mute", Action::Mute(t.number))])
    }
}

pub fn confirm_delete(t: &Tracker) -> Reply {
    Reply::new()
        .plain(format!("🗑 Delete #{} ", t.number))
        .bold(&t.label)
        .plain(" and all of its opens? This can't be undone, and the image in your email will stop reporting.")
        .button_row(vec![
            Button::new("Yes, delete", Action::ConfirmDelete(t.number)),
            Button::new("Cancel", Action::CancelDelete(t.number)),
        ])
}

pub fn deleted(t: &Tracker) -> Reply {
    Reply::new()
        .plain(format!("🗑 Deleted #{} ", t.number))
        .bold(&t.label)
        .plain(" and all of its opens.")
}

pub fn current_timezone(tz: &str) -> Reply {
    Reply::new()
        .plain(format!("🌍 Your timezone is {tz}. To change it, send "))
        .code("/tz Europe/Berlin")
        .plain(" with your own zone.")
}

pub fn bad_timezone(raw: &str) -> Reply {
    Reply::new()
        .plain("⚠️ ")
        .code(truncate_chars(raw, 60))
        .plain(" is not a timezone I know. Use an IANA name such as ")
        .code("Europe/Berlin")
        .plain(" or ")
        .code("America/New_York")
        .plain(".")
}

pub fn timezone_set(tz: &str) -> Reply {
    Reply::new().plain(format!(
        "🌍 Timezone set to {tz}. Times are now shown in it."
    ))
}

/// "just now", "5 min ago", "3 h ago", "2 days ago".
pub fn relative_time(at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let secs = (now - at).num_seconds().max(0);
    match secs {
        0..60 => "just now".to_owned(),
        60..3600 => format!("{} min ago", secs / 60),
        3600..86_400 => format!("{} h ago", secs / 3600),
        86_400..172_800 => "yesterday".to_owned(),
        _ => format!("{} days ago", secs / 86_400),
    }
}

/// 1st, 2nd, 3rd, 4th, 11th, 21st…
pub fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

pub use crate::text::truncate_chars;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        let got: Vec<_> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111]
            .into_iter()
            .map(ordinal)
            .collect();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st",
                "111th"
            ]
        );
    }

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
            assert_eq!(not_counted(kind, reason, client), words, "{reason}");
        }
    }

    #[test]
    fn relative_times() {
        let now = Utc::now();
        let ago = |s: i64| relative_time(now - chrono::Duration::seconds(s), now);
        assert_eq!(ago(5), "just now");
        assert_eq!(ago(300), "5 min ago");
        assert_eq!(ago(7200), "2 h ago");
        assert_eq!(ago(90_000), "yesterday");
        assert_eq!(ago(3 * 86_400), "3 days ago");
    }

    #[test]
    fn help_lists_every_command_with_a_description() {
        let text = help().plain_text();
        for (name, _, description) in COMMANDS {
            assert!(
                text.contains(&format!("/{name}")) && text.contains(description),
                "{name}"
            );
        }
    }

    #[test]
    fn long_arguments_are_cut_in_errors() {
        let text = bad_number(&"9".repeat(10_000), "opens").plain_text();
        assert!(text.chars().count() < 200);
    }
}
