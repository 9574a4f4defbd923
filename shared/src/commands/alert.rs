//! The wording of "your email was opened" alerts.

use super::action::Action;
use super::reply::Reply;
use crate::i18n::{Args, Lang, format};
use crate::models::alert::ClaimedAlert;

/// The message for a claimed alert, in the owner's language and timezone.
pub fn alert_reply(a: &ClaimedAlert) -> Reply {
    let l = Lang::from_platform(a.language.as_deref());
    let none = Args::new();
    let buttons = vec![
        l.button("button-timeline", &none, Action::Timeline(a.number)),
        l.button("button-mute", &none, Action::Mute(a.number)),
        // The owner's disagreement, recorded for the operator; no rule reads it.
        l.button("button-wrong", &none, Action::Wrong(a.number, a.open_id)),
    ];
    if a.apple_prefetch {
        return l
            .reply("alert-apple", &Args::new().text("label", &a.label))
            .button_row(buttons);
    }
    let tz = crate::schedule::timezone(&a.timezone);
    // A strict chat's opens keep no client name.
    let client = match a.client.as_str() {
        "" => super::privacy_words::not_kept(l),
        named => named.to_owned(),
    };
    let count = match a.coalesced_minutes {
        Some(minutes) => l.text(
            "alert-more-in-minutes",
            &Args::new()
                .number("count", a.open_count)
                .number("minutes", minutes),
        ),
        None if a.open_count > 1 => l.text(
            "alert-times-since",
            &Args::new().number("count", a.open_count),
        ),
        None => l.text(
            "alert-nth-open",
            &Args::new().ordinal("ordinal", a.ordinal.max(1)),
        ),
    };
    let reply = l.reply(
        "alert-opened",
        &Args::new()
            .text("label", &a.label)
            .text("time", format::time(l, a.opened_at, tz))
            .text("timezone", tz.name())
            .text("client", client)
            .text("count", count),
    );
    let reply = if a.reminder_cancelled {
        reply.plain(format!(" · {}", l.word("alert-reminder-cancelled")))
    } else {
        reply
    };
    // Read before, now from somewhere it never was: forwarded, or the reader's other device.
    let client = Args::new().text("client", &a.client);
    let again = match (a.new_client && !a.client.is_empty(), a.new_network) {
        (true, true) => Some(l.reply("alert-again-client-network", &client)),
        (true, false) => Some(l.reply("alert-again-client", &client)),
        (false, true) => Some(l.say("alert-again-network")),
        (false, false) => None,
    };
    let reply = match again {
        Some(again) => reply.plain("\n").then(again),
        None => reply,
    };
    reply.button_row(buttons)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn claimed(apple: bool, count: i32, ordinal: i64) -> ClaimedAlert {
        coalesced(apple, count, ordinal, None)
    }

    fn coalesced(apple: bool, count: i32, ordinal: i64, minutes: Option<i32>) -> ClaimedAlert {
        ClaimedAlert {
            id: 1,
            open_id: 77,
            version: 0,
            attempts: 1,
            apple_prefetch: apple,
            open_count: count,
            reminder_cancelled: false,
            tracker_id: 1,
            account_id: 1,
            platform: crate::domain::Platform::Telegram,
            chat_id: "1".into(),
            timezone: "Europe/Berlin".into(),
            blocked: false,
            number: 3,
            label: "Proposal".into(),
            muted: false,
            opened_at: Utc.with_ymd_and_hms(2026, 6, 1, 12, 32, 0).unwrap(),
            client: "Gmail".into(),
            ordinal,
            send_id: None,
            coalesced_minutes: minutes,
            new_client: false,
            new_network: false,
            language: None,
        }
    }

    #[test]
    fn a_read_from_a_new_client_or_network_says_so() {
        let again = |new_client, new_network| {
            alert_reply(&ClaimedAlert {
                client: "Outlook".into(),
                new_client,
                new_network,
                ..claimed(false, 1, 2)
            })
            .plain_text()
        };
        assert!(!again(false, false).contains("Opened again"));
        assert!(
            again(true, true).ends_with(
                "\n🔀 Opened again, in Outlook, on another network: forwarded, or another device."
            ),
            "{}",
            again(true, true)
        );
        assert!(again(true, false).ends_with("in Outlook: another device, or forwarded."));
        assert!(again(false, true).ends_with("on another network: another place, or forwarded."));
    }

    #[test]
    fn a_single_open_names_time_zone_client_and_ordinal() {
        assert_eq!(
            alert_reply(&claimed(false, 1, 2)).plain_text(),
            "📬 Opened: Proposal — 14:32 (Europe/Berlin) · Gmail · 2nd open"
        );
    }

    #[test]
    fn coalesced_opens_say_how_many() {
        assert!(
            alert_reply(&claimed(false, 3, 5))
                .plain_text()
                .ends_with("opened 3 times since the last alert")
        );
    }

    #[test]
    fn every_alert_carries_a_wrong_button_for_its_open() {
        for apple in [false, true] {
            let buttons = &alert_reply(&claimed(apple, 1, 1)).buttons;
            assert!(
                buttons
                    .iter()
                    .flatten()
                    .any(|b| b.action == Action::Wrong(3, 77)),
                "{buttons:?}"
            );
        }
    }

    #[test]
    fn reads_held_back_from_a_flooded_tracker_say_how_many_and_over_how_long() {
        assert!(
            alert_reply(&coalesced(false, 497, 500, Some(10)))
                .plain_text()
                .ends_with("· Gmail · opened 497 more times in the last 10 minutes")
        );
        assert!(
            alert_reply(&coalesced(false, 1, 4, Some(1)))
                .plain_text()
                .ends_with("opened 1 more time in the last minute")
        );
    }

    #[test]
    fn apple_prefetch_is_not_called_a_read() {
        let text = alert_reply(&claimed(true, 1, 0)).plain_text();
        assert!(text.starts_with("📭 Proposal reached an Apple Mail inbox."));
        assert!(text.contains("not a confirmed read"));
    }
}
