//! The replies of the privacy features (issue 29): `/privacy`, `/retention`, `/notice`, the
//! recipient notice line, the owner's one-time withdrawal notice, and the recipient's opt-out
//! page. As in `words.rs`, the sentences live in the catalogues (`shared/locales`); only
//! spacing is written here.

use chrono::Duration;

use super::reply::Reply;
use crate::domain::PrivacyMode;
use crate::i18n::{Args, Lang};
use crate::models::tracker::Tracker;

fn tracker_args(number: i32, label: &str) -> Args {
    Args::new().id("number", number).text("label", label)
}

/// What a screen says where strict mode kept nothing to show.
pub fn not_kept(l: Lang) -> String {
    l.word("not-kept")
}

/// A retention as the user reads it: "30 days", "1 year", "forever".
pub fn retention_text(l: Lang, retention: Option<Duration>) -> String {
    match retention {
        None => l.word("retention-forever"),
        Some(d) if d.num_days() % 365 == 0 && d.num_days() >= 365 => l.text(
            "retention-years",
            &Args::new().number("count", (d.num_days() / 365) as f64),
        ),
        Some(d) => l.text(
            "retention-days",
            &Args::new().number("count", d.num_days() as f64),
        ),
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

pub fn privacy_screen(l: Lang, s: &PrivacyScreen<'_>) -> Reply {
    let kept = match s.retention {
        Some(r) => l.reply(
            "privacy-kept-chat",
            &Args::new().text("period", retention_text(l, Some(r))),
        ),
        None => l.reply(
            "privacy-kept-server",
            &Args::new().text("period", retention_text(l, s.operator_retention)),
        ),
    };
    let mut reply = l
        .say("privacy-title")
        .plain("\n\n")
        .then(l.say(match s.mode {
            PrivacyMode::Strict => "privacy-mode-strict",
            PrivacyMode::Standard => "privacy-mode-standard",
        }));
    if s.mode_is_default {
        reply = reply.plain(" ").then(l.say("privacy-server-default"));
    }
    reply = reply
        .plain("\n")
        .then(kept)
        .plain("\n")
        .then(l.say("privacy-also-kept"))
        .plain("\n")
        .then(l.say(if s.notice_on {
            "privacy-notice-on"
        } else {
            "privacy-notice-off"
        }));
    if let (true, Some(_)) = (s.notice_on, s.notice_text) {
        reply = reply.plain(" ").then(l.say("privacy-own-wording"));
    }
    reply
        .plain("\n\n")
        .then(l.say("privacy-change"))
        .plain("\n")
        .then(l.say("privacy-forget"))
        .plain("\n\n")
        .then(l.say("privacy-rules"))
}

/// After `/privacy strict` or `/privacy standard`.
pub fn privacy_set(l: Lang, mode: PrivacyMode, erased: usize) -> Reply {
    match mode {
        PrivacyMode::Strict => l.reply(
            "privacy-set-strict",
            &Args::new().number("count", erased as f64),
        ),
        PrivacyMode::Standard => l.say("privacy-set-standard"),
    }
}

pub fn bad_privacy(l: Lang, raw: &str) -> Reply {
    l.reply(
        "privacy-bad",
        &Args::new().text("input", crate::text::truncate_chars(raw, 40)),
    )
}

pub fn retention_set(l: Lang, retention: Option<Duration>, operator: Option<Duration>) -> Reply {
    match retention {
        Some(r) => l.reply(
            "retention-set",
            &Args::new().text("period", retention_text(l, Some(r))),
        ),
        None => l.reply(
            "retention-set-default",
            &Args::new().text("period", retention_text(l, operator)),
        ),
    }
}

pub fn current_retention(
    l: Lang,
    retention: Option<Duration>,
    operator: Option<Duration>,
) -> Reply {
    l.reply(
        "retention-current",
        &Args::new()
            .text("period", retention_text(l, retention.or(operator)))
            .text("max", retention_text(l, operator)),
    )
}

pub fn bad_retention(l: Lang, raw: &str) -> Reply {
    l.reply(
        "retention-bad",
        &Args::new().text("input", crate::text::truncate_chars(raw, 40)),
    )
}

pub fn retention_too_long(l: Lang, asked: Duration, operator: Duration) -> Reply {
    l.reply(
        "retention-too-long",
        &Args::new()
            .text("asked", retention_text(l, Some(asked)))
            .text("max", retention_text(l, Some(operator))),
    )
}

/// The notice line for one tracker, with its link put in: the chat's own text as typed
/// (the link where it says `{link}`, else at the end), or the default in the chat's
/// language with the link at the end.
pub fn notice_line(l: Lang, text: Option<&str>, link: &str) -> String {
    match text {
        Some(text) if text.contains("{link}") => text.replace("{link}", link),
        Some(text) => format!("{text} {link}"),
        None => format!("{} {link}", l.word("notice-default")),
    }
}

/// What `/track` adds when the notice is on.
pub fn notice_for_tracker(
    l: Lang,
    reply: Reply,
    tracker: &Tracker,
    line: &str,
    several: bool,
) -> Reply {
    let reply = if several {
        reply
            .plain("\n")
            .then(l.reply(
                "notice-for-tracker",
                &Args::new().id("number", tracker.number),
            ))
            .plain(" ")
    } else {
        reply
            .plain("\n\n")
            .then(l.say("notice-for-recipient"))
            .plain("\n")
    };
    reply.code(line)
}

pub fn notice_state(l: Lang, on: bool, text: Option<&str>) -> Reply {
    let example = notice_line(l, text, "https://…");
    l.say(if on { "notice-on" } else { "notice-off" })
        .plain("\n")
        .code(example)
        .plain("\n")
        .then(l.say("notice-change"))
}

pub fn notice_too_long(l: Lang, max: usize) -> Reply {
    l.reply("notice-too-long", &Args::new().number("limit", max as f64))
}

/// Told to the owner once, through the outbox, when a recipient withdraws. It names the
/// tracker, never who withdrew.
pub fn withdrawal_notice(l: Lang, number: i32, label: &str) -> Reply {
    l.reply("withdrawal-notice", &tracker_args(number, label))
}

/// A withdrawn tracker in a timeline.
pub fn withdrawn_timeline(l: Lang, number: i32, label: &str) -> Reply {
    l.reply("withdrawn-timeline", &tracker_args(number, label))
}

/// The note `/export` adds when some of what it exports was recorded in strict mode.
pub fn export_strict_note(l: Lang) -> String {
    l.word("export-strict-note")
}

/// The recipient's opt-out page, in one language: plain strings, put into HTML escaped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptOutPage {
    /// The page's `lang`, a BCP 47 tag.
    pub lang: &'static str,
    /// Whether the page is written right to left (`dir="rtl"`).
    pub right_to_left: bool,
    pub title: String,
    /// Above the button.
    pub ask: String,
    pub button: String,
    /// After pressing it.
    pub done: String,
    /// A second press.
    pub already: String,
    /// The link matches nothing.
    pub unknown: String,
    /// A request that cannot withdraw (a scanner, a form from elsewhere): press the button.
    pub press_the_button: String,
    pub try_later: String,
    pub too_many: String,
}

impl OptOutPage {
    /// The page's words from a language's catalogue.
    pub fn new(l: Lang) -> OptOutPage {
        OptOutPage {
            lang: l.code(),
            right_to_left: l.right_to_left(),
            title: l.word("optout-title"),
            ask: l.word("optout-ask"),
            button: l.word("optout-button"),
            done: l.word("optout-done"),
            already: l.word("optout-already"),
            unknown: l.word("optout-unknown"),
            press_the_button: l.word("optout-press-the-button"),
            try_later: l.word("optout-try-later"),
            too_many: l.word("optout-too-many"),
        }
    }
}

/// The first language of the browser's `Accept-Language` (by `q`, then order) that MailPing
/// speaks, read as the bot reads a platform's code ([`Lang::negotiate`]: the region dropped,
/// Portuguese as Brazilian Portuguese), or English.
pub fn optout_lang(accept_language: Option<&str>) -> Lang {
    let mut wanted: Vec<(f32, usize, &str)> = accept_language
        .unwrap_or("")
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
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
        .find_map(|(_, _, tag)| Lang::negotiate(tag))
        .unwrap_or_default()
}

/// The page's words in the browser's language where MailPing has it, else English.
pub fn optout_page_words(accept_language: Option<&str>) -> OptOutPage {
    OptOutPage::new(optout_lang(accept_language))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_puts_the_link_where_the_text_says_or_at_the_end() {
        let l = Lang::En;
        assert_eq!(notice_line(l, Some("Opt out: {link}."), "U"), "Opt out: U.");
        assert_eq!(
            notice_line(l, Some("No pixel please"), "U"),
            "No pixel please U"
        );
        assert!(notice_line(l, None, "U").ends_with(": U"));
        assert!(notice_line(Lang::De, None, "U").ends_with(" U"));
    }

    #[test]
    fn the_page_falls_back_to_english_and_reads_quality_values() {
        assert_eq!(optout_lang(None), Lang::En);
        assert_eq!(optout_lang(Some("fr-FR,fr;q=0.9")), Lang::Fr);
        assert_eq!(optout_lang(Some("de;q=0.5, en-GB;q=0.8")), Lang::En);
        assert_eq!(optout_lang(Some("xx, pt-PT;q=0.7, de;q=0.5")), Lang::PtBr);
        assert_eq!(optout_lang(Some("nl-NL, fa;q=0.1")), Lang::Fa);
        assert_eq!(optout_lang(Some("de;q=0, zz")), Lang::En);
        assert_eq!(optout_lang(Some("garbage;;q=x,,")), Lang::En);
        assert!(optout_page_words(Some("ar")).right_to_left);
    }

    #[test]
    fn retention_reads_in_days_and_years() {
        let l = Lang::En;
        assert_eq!(retention_text(l, Some(Duration::days(30))), "30 days");
        assert_eq!(retention_text(l, Some(Duration::days(1))), "1 day");
        assert_eq!(retention_text(l, Some(Duration::days(365))), "1 year");
        assert_eq!(retention_text(l, Some(Duration::days(730))), "2 years");
        assert_eq!(retention_text(l, None), "forever");
    }
}
