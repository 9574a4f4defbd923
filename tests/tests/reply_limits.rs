//! Every reply, built from hostile input (long labels, emoji, right-to-left text, markup and
//! HTML-special characters), fits each platform's limit measured the way the platform counts:
//! Telegram counts the text left after parsing the HTML (the fake's parser) in UTF-16 code
//! units, 4,096 for a message and 1,024 for a caption; Discord counts 2,000 characters of
//! content (measured here in UTF-16 units, which is never fewer).

use chrono::{DateTime, TimeZone, Utc};
use mailping_bot::{discord, telegram};
use mailping_shared::commands::{Limited, privacy_words, words};
use mailping_shared::commands::{
    Reply, Span, TimelineEntry, TrackerLinks, alert_reply, reminder_reply,
};
use mailping_shared::domain::{LabelError, OpenKind, PrivacyMode, Reason, Token};
use mailping_shared::i18n::Lang;
use mailping_shared::models::account::{Account, Platform};
use mailping_shared::models::alert::ClaimedAlert;
use mailping_shared::models::reminder::{DueReminder, PendingReminder};
use mailping_shared::models::tracker::{Tracker, TrackerSummary};
use mailping_shared::schedule::{QuietHours, ReminderDelay};
use mailping_tests::fake_telegram::render_html;
use proptest::prelude::*;

const TELEGRAM_MESSAGE: usize = 4096;
const TELEGRAM_CAPTION: usize = 1024;
const DISCORD_CONTENT: usize = 2000;

/// Pieces hostile text is made of.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("🚀".to_owned()),
        Just("👩‍👩‍👧‍👦".to_owned()),
        Just("שלום".to_owned()),
        Just("مرحبا".to_owned()),
        Just("<b>&amp;</b>".to_owned()),
        Just("<>&\"'".to_owned()),
        Just("*_`~|>#-[]()@\\".to_owned()),
        Just("```".to_owned()),
        Just("@everyone".to_owned()),
        Just("\u{200F}".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("漢字".to_owned()),
        Just(" ".to_owned()),
        "[a-zA-Z0-9]{1,20}",
    ]
}

/// Hostile text of up to `max` characters.
fn hostile(max: usize) -> impl Strategy<Value = String> {
    // Pieces average several characters, so a quarter as many covers `max` often enough.
    prop::collection::vec(piece(), 0..max / 4 + 2).prop_map(move |pieces| {
        let text: String = pieces.concat();
        text.chars().take(max).collect()
    })
}

/// A label as the domain allows it: 1 to 200 characters.
fn label() -> impl Strategy<Value = String> {
    hostile(200).prop_map(|l| {
        if l.trim().is_empty() {
            "x".to_owned()
        } else {
            l
        }
    })
}

fn at(minute: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap() + chrono::Duration::minutes(minute)
}

const LONG_ZONE: &str = "America/Argentina/ComodRivadavia";

fn account() -> Account {
    Account {
        id: 1,
        platform: Platform::Telegram,
        chat_id: "1".into(),
        timezone: LONG_ZONE.into(),
        trackers_created: 1_000_000,
        alerts_blocked_at: None,
        created_at: at(0),
        remind_after: Some(chrono::Duration::days(3)),
        quiet_start: QuietHours::parse("22:00-08:00").map(|q| q.start),
        quiet_end: QuietHours::parse("22:00-08:00").map(|q| q.end),
        language: None,
        language_chosen: true,
        privacy: None,
        retention: None,
        notice_on: true,
        notice_text: None,
    }
}

fn tracker(number: i32, label: &str) -> Tracker {
    Tracker {
        id: 1,
        account_id: 1,
        number,
        token: Token::generate(),
        copy_token: Token::generate(),
        label: label.to_owned(),
        muted: number % 2 == 0,
        created_at: at(0),
        optout_token: Token::generate(),
        withdrawn_at: None,
    }
}

/// Every kind of reply the bot sends, worded from these hostile pieces.
fn every_reply(l: Lang, labels: &[String], client: &str, raw: &str) -> Vec<Reply> {
    let base = format!("https://{}.example.com", "mailping-".repeat(20));
    let trackers: Vec<Tracker> = labels
        .iter()
        .enumerate()
        .map(|(i, label)| tracker(999_990 + i as i32, label))
        .collect();
    let links: Vec<TrackerLinks<'_>> = trackers
        .iter()
        .map(|t| TrackerLinks {
            tracker: t,
            pixel_url: format!("{base}/i/{}.gif", t.token),
            copy_url: format!("{base}/c/{}", t.copy_token),
        })
        .collect();
    let account = account();
    let tz = account.tz();
    let delay = ReminderDelay::PRESETS[2];
    let t = &trackers[0];
    let summaries: Vec<TrackerSummary> = trackers
        .iter()
        .map(|t| TrackerSummary {
            number: t.number,
            label: t.label.clone(),
            muted: t.muted,
            reads: 1_000_000,
            last_read_at: Some(at(-5)),
            last_read_client: Some(client.to_owned()),
            reminder_due_at: Some(at(60)),
            machines: None,
        })
        .collect();
    let entries: Vec<TimelineEntry> = (0..40)
        .map(|i| TimelineEntry {
            first: at(-i * 2000),
            last: at(-i * 2000 + 1500),
            kind: OpenKind::ALL[i as usize % OpenKind::ALL.len()],
            client: client.to_owned(),
            reason: Reason::ALL[i as usize % Reason::ALL.len()],
            count: 1_000_000,
            reported: true,
        })
        .collect();
    let pending: Vec<PendingReminder> = (0..50)
        .map(|i| PendingReminder {
            number: 999_000 + i,
            label: labels[i as usize % labels.len()].clone(),
            due_at: at(i64::from(i)),
        })
        .collect();
    let alert = |apple: bool, count: i32, coalesced_minutes: Option<i32>| ClaimedAlert {
        id: 1,
        open_id: 1,
        version: 0,
        attempts: 1,
        apple_prefetch: apple,
        open_count: count,
        reminder_cancelled: true,
        tracker_id: 1,
        account_id: 1,
        platform: Platform::Telegram,
        chat_id: "1".into(),
        timezone: LONG_ZONE.into(),
        blocked: false,
        number: t.number,
        label: t.label.clone(),
        muted: false,
        opened_at: at(0),
        client: client.to_owned(),
        ordinal: 1_000_000,
        send_id: None,
        coalesced_minutes,
        new_client: true,
        new_network: true,
        language: Some(l.code().to_owned()),
    };
    let due = DueReminder {
        id: 1,
        due_at: at(0),
        attempts: 1,
        now: at(0),
        account_id: 1,
        platform: Platform::Telegram,
        chat_id: "1".into(),
        timezone: LONG_ZONE.into(),
        quiet_start: None,
        quiet_end: None,
        blocked: false,
        number: t.number,
        label: t.label.clone(),
        sent_at: at(-10_000),
        read: false,
        apple_prefetch_at: Some(at(-9_000)),
        language: Some(l.code().to_owned()),
    };
    let delay_error = ReminderDelay::parse(raw)
        .err()
        .unwrap_or_else(|| ReminderDelay::parse("junk").unwrap_err());
    vec![
        words::welcome(l),
        words::help(l),
        words::unknown_command(l, raw),
        words::not_a_command(l),
        words::bad_label(l, LabelError::TooLong(usize::MAX)),
        words::bad_label(l, LabelError::Missing),
        words::slow_down(l, u32::MAX, Limited::Commands),
        words::something_went_wrong(l),
        words::missing_number(l, raw),
        words::bad_number(l, raw, raw),
        words::no_such_tracker(l, i32::MAX),
        words::tracker_created(l, &links[0], Some(delay)),
        words::tracker_created(l, &links[0], None),
        words::trackers_created(l, &links, Some(delay)),
        words::trackers_created(l, &links, None),
        words::too_many_recipients(l, usize::MAX),
        words::bad_delay(l, &delay_error),
        words::missing_delay(l, raw),
        words::reminder_set(l, t, delay, at(600), &account),
        words::reminder_stopped(l, t),
        words::already_read(l, t),
        words::default_reminder_set(l, Some(delay)),
        words::reminders(l, &pending, &account),
        words::current_quiet_hours(l, &account),
        words::bad_quiet_hours(l, raw),
        words::quiet_hours_set(l, account.quiet_hours(), tz),
        words::confirm_forget(l),
        words::no_trackers(l),
        words::tracker_list(l, &summaries, 99_999, 100_000, at(0), tz),
        words::timeline(l, t, &entries, 25, i64::MAX, tz),
        words::muted(l, t, true),
        words::muted(l, t, false),
        words::confirm_delete(l, t),
        words::deleted(l, t),
        words::current_timezone(l, raw),
        words::bad_timezone(l, raw),
        words::timezone_set(l, raw),
        words::languages(l, true),
        words::unknown_language(l, raw, true),
        words::language_set(l),
        words::what_was_it(l, t, i64::MAX),
        alert_reply(&alert(false, 1, None)),
        alert_reply(&alert(false, i32::MAX, None)),
        alert_reply(&alert(false, i32::MAX, Some(i32::MAX))),
        alert_reply(&alert(true, 1, None)),
        reminder_reply(&due),
        privacy_words::privacy_screen(
            l,
            &privacy_words::PrivacyScreen {
                mode: PrivacyMode::Strict,
                mode_is_default: true,
                retention: Some(chrono::Duration::days(36_500)),
                operator_retention: None,
                notice_on: true,
                notice_text: Some(raw),
            },
        ),
        privacy_words::privacy_set(l, PrivacyMode::Strict, usize::MAX),
        privacy_words::privacy_set(l, PrivacyMode::Standard, 0),
        privacy_words::bad_privacy(l, raw),
        privacy_words::retention_set(l, Some(chrono::Duration::days(36_500)), None),
        privacy_words::current_retention(l, None, Some(chrono::Duration::days(365))),
        privacy_words::bad_retention(l, raw),
        privacy_words::retention_too_long(
            l,
            chrono::Duration::days(36_500),
            chrono::Duration::days(365),
        ),
        privacy_words::notice_state(l, true, Some(raw)),
        privacy_words::notice_state(l, false, None),
        privacy_words::notice_state(l, true, None),
        privacy_words::notice_too_long(l, usize::MAX),
        privacy_words::withdrawal_notice(l, t.number, &t.label),
        privacy_words::withdrawn_timeline(l, t.number, &t.label),
        trackers.iter().fold(
            words::trackers_created(l, &links, Some(delay)),
            |reply, t| {
                let line = privacy_words::notice_line(
                    l,
                    Some(raw),
                    &format!("{base}/o/{}", t.optout_token),
                );
                privacy_words::notice_for_tracker(l, reply, t, &line, true)
            },
        ),
    ]
}

/// What a Telegram user sees of an HTML message, in UTF-16 units.
fn telegram_length(html: &str) -> usize {
    let rendered = render_html(html).unwrap_or_else(|e| panic!("invalid HTML ({e}): {html}"));
    rendered.text.encode_utf16().count()
}

fn discord_length(content: &str) -> usize {
    content.encode_utf16().count()
}

fn check(reply: &Reply) -> Result<(), TestCaseError> {
    let message = telegram::render(reply);
    prop_assert!(
        telegram_length(&message) <= TELEGRAM_MESSAGE,
        "Telegram message of {} units: {}…",
        telegram_length(&message),
        words::truncate_chars(&reply.plain_text(), 80)
    );
    let caption = telegram::render_caption(reply);
    prop_assert!(
        telegram_length(&caption) <= TELEGRAM_CAPTION,
        "Telegram caption of {} units",
        telegram_length(&caption)
    );
    let content = discord::render(reply);
    prop_assert!(
        discord_length(&content) <= DISCORD_CONTENT,
        "Discord content of {} units: {}…",
        discord_length(&content),
        words::truncate_chars(&reply.plain_text(), 80)
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_reply_kind_fits_both_platforms(
        labels in prop::collection::vec(label(), 10),
        client in hostile(60),
        raw in hostile(5000),
    ) {
        // Every language: their words differ in length, and Persian and Arabic add isolates.
        for l in Lang::ALL {
            for reply in every_reply(l, &labels, &client, &raw) {
                check(&reply)?;
            }
        }
    }

    #[test]
    fn any_text_in_any_span_fits_both_platforms(
        spans in prop::collection::vec((0..6u8, hostile(3000)), 0..8),
    ) {
        let mut reply = Reply::new();
        for (kind, text) in spans {
            reply.spans.push(match kind {
                0 => Span::Plain(text),
                1 => Span::Bold(text),
                2 => Span::Italic(text),
                3 => Span::Code(text),
                4 => Span::Pre(text),
                _ => Span::Link { text, url: "https://example.com/c/x".into() },
            });
        }
        check(&reply)?;
    }
}

#[test]
fn a_reply_within_the_limits_is_not_changed() {
    let reply = Reply::new()
        .plain("📬 Opened: ")
        .bold("Proposal <ACME>")
        .code("/opens 3");
    assert_eq!(
        render_html(&telegram::render(&reply)).unwrap().text,
        reply.plain_text()
    );
    assert_eq!(
        discord::render(&reply),
        "📬 Opened: **Proposal \\<ACME\\>**`/opens 3`"
    );
}
