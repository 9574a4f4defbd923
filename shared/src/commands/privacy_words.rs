//! Every sentence of the privacy features (issue 29): `/privacy`, `/retention`, `/notice`, the
//! recipient notice line, the owner's one-time withdrawal notice, and the recipient's opt-out
//! page. Kept apart from `words.rs` so that they move into the message catalogues in one piece;
//! the page's words are picked by [`optout_page_words`], the one place a catalogue lookup
//! plugs in.

use chrono::Duration;

use super::reply::Reply;
use crate::domain::PrivacyMode;
use crate::models::tracker::Tracker;

/// What a screen says where strict mode kept nothing to show.
pub fn not_kept() -> &'static str {
    "client not kept (strict privacy)"
}

/// A retention as the user reads it: "30 days", "1 year", "forever".
pub fn retention_text(retention: Option<Duration>) -> String {
    match retention {
        None => "forever".to_owned(),
        Some(d) if d.num_days() % 365 == 0 && d.num_days() >= 365 => match d.num_days() / 365 {
            1 => "1 year".to_owned(),
            n => format!("{n} years"),
        },
        Some(d) if d.num_days() == 1 => "1 day".to_owned(),
        Some(d) => format!("{} days", d.num_days()),
    }
}

fn mode_text(mode: PrivacyMode) -> &'static str {
    match mode {
        PrivacyMode::Strict => {
            "strict — each open keeps only its tracker, its time, its kind (read, Apple prefetch, scanner…) and why. No network, no User-Agent, no mail client's name."
        }
        PrivacyMode::Standard => {
            "standard — each open keeps its time, kind and why, the /24 or /48 network (never the full address), up to 200 bytes of User-Agent and the mail client's name."
        }
    }
}

/// What `/privacy` shows: one screen.
pub struct PrivacyScreen<'a> {
    pub mode: PrivacyMode,
    /// Whether the mode is the operator's default rather than the chat's choice.
    pub mode_is_default: bool,
    /// The chat's retention; `None`: the operator's.
    pub retention: Option<Duration>,
    pub operator_retention: Option<Duration>,
    pub notice_on: bool,
    pub notice_text: Option<&'a str>,
}

pub fn privacy_screen(s: &PrivacyScreen<'_>) -> Reply {
    let kept = match s.retention {
        Some(r) => format!("{} (this chat's choice)", retention_text(Some(r))),
        None => format!(
            "{} (the server's limit)",
            retention_text(s.operator_retention)
        ),
    };
    Reply::new()
        .bold("🔒 Privacy in this chat")
        .plain("\n\nMode: ")
        .plain(mode_text(s.mode))
        .plain(if s.mode_is_default {
            " (the server's default)"
        } else {
            ""
        })
        .plain("\nKept for: ")
        .plain(kept)
        .plain(", then deleted.")
        .plain("\nAlso kept: your trackers' labels, your settings (timezone, reminders, quiet hours), and the networks of your own copy-page views, so that your own views are not counted as reads.")
        .plain("\nRecipient notice: ")
        .plain(if s.notice_on {
            "on — /track adds a line with an opt-out link for your recipient."
        } else {
            "off — /notice on adds a line with an opt-out link under /track's snippet."
        })
        .plain(match (s.notice_on, s.notice_text) {
            (true, Some(_)) => " (your own wording)",
            _ => "",
        })
        .plain("\n\nChange: ")
        .code("/privacy strict")
        .plain(" · ")
        .code("/privacy standard")
        .plain(" · ")
        .code("/retention 30d")
        .plain(" (or 90d, 1y) · ")
        .code("/notice on")
        .plain("\nDelete everything MailPing holds for this chat: ")
        .code("/forget")
        .plain("\n\nRules on email pixels you may want to read (this is not legal advice; you decide what applies to you):")
        .plain("\n• EDPB Guidelines 2/2023 on Art. 5(3) ePrivacy: a tracking pixel in an email is access to the recipient's device.")
        .plain("\n• CNIL deliberation 2026-042: per-recipient open measurement needs consent, with narrow exceptions; withdrawal covers emails already sent.")
        .plain("\n• Garante provision 284/2026: beyond anonymised aggregate counts, security and required service messages, consent is needed.")
        .plain("\n• ICO guidance on storage and access technologies (2026): pixels are covered; its statistics exception is for aggregate use.")
}

/// After `/privacy strict` or `/privacy standard`.
pub fn privacy_set(mode: PrivacyMode, erased: usize) -> Reply {
    match mode {
        PrivacyMode::Strict => Reply::new()
            .plain("🔒 Strict privacy is on. New opens keep only their tracker, time, kind and why. ")
            .plain(match erased {
                0 => "No earlier open held more.".to_owned(),
                1 => "The network, User-Agent and client of 1 earlier open are erased.".to_owned(),
                n => format!("The networks, User-Agents and clients of {n} earlier opens are erased."),
            })
            .plain(" Alerts and /opens still tell reads from machines; they can no longer name the mail client."),
        PrivacyMode::Standard => Reply::new().plain(
            "Standard privacy is on: new opens keep the /24 or /48 network, the User-Agent and the client's name again. Opens erased before stay erased.",
        ),
    }
}

pub fn bad_privacy(raw: &str) -> Reply {
    Reply::new()
        .plain(format!(
            "🤔 \"{}\" is not a privacy mode. Send ",
            crate::text::truncate_chars(raw, 40)
        ))
        .code("/privacy strict")
        .plain(", ")
        .code("/privacy standard")
        .plain(", or ")
        .code("/privacy")
        .plain(" to see what is kept.")
}

pub fn retention_set(retention: Option<Duration>, operator: Option<Duration>) -> Reply {
    match retention {
        Some(r) => Reply::new().plain(format!(
            "🗑 This chat's opens are now kept {}; older ones are deleted within the hour.",
            retention_text(Some(r))
        )),
        None => Reply::new().plain(format!(
            "This chat's opens are now kept as long as the server keeps them: {}.",
            retention_text(operator)
        )),
    }
}

pub fn current_retention(retention: Option<Duration>, operator: Option<Duration>) -> Reply {
    Reply::new()
        .plain(format!(
            "Opens in this chat are kept {}. Change it with ",
            retention_text(retention.or(operator))
        ))
        .code("/retention 30d")
        .plain(" (or 90d, 1y), up to ")
        .plain(retention_text(operator))
        .plain("; ")
        .code("/retention default")
        .plain(" goes back to the server's.")
}

pub fn bad_retention(raw: &str) -> Reply {
    Reply::new()
        .plain(format!(
            "🤔 \"{}\" is not a period I understand. Send e.g. ",
            crate::text::truncate_chars(raw, 40)
        ))
        .code("/retention 30d")
        .plain(", ")
        .code("/retention 90d")
        .plain(" or ")
        .code("/retention 1y")
        .plain(".")
}

pub fn retention_too_long(asked: Duration, operator: Duration) -> Reply {
    Reply::new().plain(format!(
        "This server keeps opens at most {}, so {} is not possible here. Choose {} or less.",
        retention_text(Some(operator)),
        retention_text(Some(asked)),
        retention_text(Some(operator)),
    ))
}

/// The recipient notice's default wording; `{link}` stands for the opt-out link.
pub fn default_notice() -> &'static str {
    "This email tells me when it is opened. If you would rather it did not, say so here: {link}"
}

/// The notice line for one tracker, with its link put in.
pub fn notice_line(text: Option<&str>, link: &str) -> String {
    let text = text.unwrap_or(default_notice());
    if text.contains("{link}") {
        text.replace("{link}", link)
    } else {
        format!("{text} {link}")
    }
}

/// What `/track` adds when the notice is on.
pub fn notice_for_tracker(reply: Reply, tracker: &Tracker, line: &str, several: bool) -> Reply {
    let reply = if several {
        reply.plain(format!("\nNotice for #{}'s email: ", tracker.number))
    } else {
        reply.plain(
            "\n\nNotice for your recipient (put it in the email, e.g. under your signature):\n",
        )
    };
    reply.code(line)
}

pub fn notice_state(on: bool, text: Option<&str>) -> Reply {
    let example = notice_line(text, "https://…");
    Reply::new()
        .plain(if on {
            "The recipient notice is on. /track adds this line, with each tracker's own opt-out link:\n"
        } else {
            "The recipient notice is off. With "
        })
        .plain(if on { "" } else { "/notice on, /track adds this line, with each tracker's own opt-out link:\n" })
        .code(example)
        .plain("\nChange the wording with ")
        .code("/notice Your own sentence with {link}")
        .plain("; ")
        .code("/notice default")
        .plain(" restores it, ")
        .code("/notice off")
        .plain(" stops it.")
}

pub fn notice_too_long(max: usize) -> Reply {
    Reply::new().plain(format!(
        "That notice is too long: keep it under {max} characters, so it stays one plain line."
    ))
}

/// Told to the owner once, through the outbox, when a recipient withdraws. It names the
/// tracker, never who withdrew.
pub fn withdrawal_notice(number: i32, label: &str) -> Reply {
    Reply::new()
        .plain("🚫 The recipient of #")
        .plain(number.to_string())
        .plain(" ")
        .bold(label)
        .plain(" asked not to be tracked. MailPing records nothing more for it, and its opens are deleted.")
}

/// A withdrawn tracker in a timeline.
pub fn withdrawn_timeline(number: i32, label: &str) -> Reply {
    Reply::new()
        .plain(format!("#{number} "))
        .bold(label)
        .plain(": its recipient asked not to be tracked, so nothing is recorded for it and its opens are deleted.")
}

/// The note `/export` adds when some of what it exports was recorded in strict mode.
pub fn export_strict_note() -> &'static str {
    "Opens recorded in strict privacy mode have no network, User-Agent or client."
}

/// The recipient's opt-out page, in one language: plain strings, put into HTML escaped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptOutPage {
    /// The page's `lang`, a BCP 47 tag.
    pub lang: &'static str,
    pub title: &'static str,
    /// Above the button.
    pub ask: &'static str,
    pub button: &'static str,
    /// After pressing it.
    pub done: &'static str,
    /// A second press.
    pub already: &'static str,
    /// The link matches nothing.
    pub unknown: &'static str,
    /// A request that cannot withdraw (a scanner, a form from elsewhere): press the button.
    pub press_the_button: &'static str,
    pub try_later: &'static str,
    pub too_many: &'static str,
}

impl OptOutPage {
    pub fn english() -> OptOutPage {
        OptOutPage {
            lang: "en",
            title: "Stop open notifications",
            ask: "The sender of the email you came from is told when it is opened. Press the button, and they will not be told any more: nothing more is recorded for that email, and what was recorded is deleted.",
            button: "Stop notifications for this email",
            done: "Done. Nothing more is recorded for that email, what was recorded is deleted, and the sender is told that you asked.",
            already: "This was done before: nothing is recorded for that email.",
            unknown: "This link is not valid.",
            press_the_button: "Nothing was changed. To stop notifications, press the button on this page.",
            try_later: "Something went wrong. Please try again in a moment.",
            too_many: "Too many requests. Please try again in a minute.",
        }
    }
}

/// The languages the page is written in, best first for nobody.
fn optout_catalogue(lang: &str) -> Option<OptOutPage> {
    match lang {
        "en" => Some(OptOutPage::english()),
        _ => None,
    }
}

/// The page's words in the first language of the browser's `Accept-Language` (by `q`, then
/// order) that MailPing has, or English. The one place a message catalogue plugs in.
pub fn optout_page_words(accept_language: Option<&str>) -> OptOutPage {
    let mut wanted: Vec<(f32, usize, String)> = accept_language
        .unwrap_or("")
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim().to_ascii_lowercase();
            if tag.is_empty() || tag == "*" {
                return None;
            }
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q=").map(str::to_owned))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            (q > 0.0).then_some((q, i, tag))
        })
        .collect();
    wanted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    wanted
        .iter()
        .find_map(|(_, _, tag)| {
            optout_catalogue(tag).or_else(|| optout_catalogue(tag.split('-').next().unwrap_or(tag)))
        })
        .unwrap_or_else(OptOutPage::english)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_puts_the_link_where_the_text_says_or_at_the_end() {
        assert_eq!(notice_line(Some("Opt out: {link}."), "U"), "Opt out: U.");
        assert_eq!(
            notice_line(Some("No pixel please"), "U"),
            "No pixel please U"
        );
        assert!(notice_line(None, "U").ends_with(": U"));
    }

    #[test]
    fn the_page_falls_back_to_english_and_reads_quality_values() {
        assert_eq!(optout_page_words(None).lang, "en");
        assert_eq!(optout_page_words(Some("fr-FR,fr;q=0.9")).lang, "en");
        assert_eq!(optout_page_words(Some("de;q=0.5, en-GB;q=0.8")).lang, "en");
        assert_eq!(optout_page_words(Some("garbage;;q=x,,")).lang, "en");
    }

    #[test]
    fn retention_reads_in_days_and_years() {
        assert_eq!(retention_text(Some(Duration::days(30))), "30 days");
        assert_eq!(retention_text(Some(Duration::days(365))), "1 year");
        assert_eq!(retention_text(Some(Duration::days(730))), "2 years");
        assert_eq!(retention_text(None), "forever");
    }
}
