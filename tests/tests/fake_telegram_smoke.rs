//! Proves the fake Telegram server speaks teloxide's protocol, and that its HTML validator
//! accepts what Telegram accepts and refuses what Telegram refuses.

use std::time::{Duration, Instant};

use mailping_tests::eventually;
use mailping_tests::fake_telegram::{Failure, FakeTelegram, Limits, SentMessage, render_html};
use teloxide::ApiError;
use teloxide::RequestError;
use teloxide::prelude::*;
use teloxide::types::{
    BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, MessageEntityKind, ParseMode,
    UpdateKind,
};
use teloxide::utils::html;

const HOSTILE_LABEL: &str = "*_[]()~`>#+-=|{}.!<b>&";
const CHAT: i64 = 4242;

fn keyboard() -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[
        InlineKeyboardButton::callback("Mute", "mute:1"),
        InlineKeyboardButton::url("Open", "https://example.com/t/1".parse().unwrap()),
    ]])
}

#[tokio::test]
async fn get_me_returns_the_fake_bot() {
    let fake = FakeTelegram::start().await;
    let bot = Bot::new(FakeTelegram::TOKEN).set_api_url(fake.api_url());

    let me = bot.get_me().await.expect("getMe");

    assert_eq!(me.username(), FakeTelegram::BOT_USERNAME);
    assert_eq!(i64::try_from(me.id.0).unwrap(), FakeTelegram::BOT_ID);
    assert!(me.is_bot);
    assert_eq!(fake.call_count("getMe"), 1);
}

#[tokio::test]
async fn a_wrong_token_is_unauthorized() {
    let fake = FakeTelegram::start().await;
    let bot = Bot::new("999:WRONG").set_api_url(fake.api_url());

    let error = bot.get_me().await.unwrap_err();

    assert!(
        matches!(error, RequestError::Api(ApiError::InvalidToken)),
        "{error:?}"
    );
    assert_eq!(fake.rejected(), ["getMe: Unauthorized"]);
}

#[tokio::test]
async fn escaped_html_is_sent_and_rendered() {
    let fake = FakeTelegram::start().await;
    let bot = fake.bot();
    let raw = format!(
        "<b>Opened</b> {} &lt;3 <a href=\"https://example.com/t/1?a=1&b=2\">details</a>",
        html::escape("by Tom & Jerry <tj@example.com>")
    );

    let message = bot
        .send_message(ChatId(CHAT), &raw)
        .parse_mode(ParseMode::Html)
        .await
        .expect("valid HTML is accepted");

    let rendered = "Opened by Tom & Jerry <tj@example.com> <3 details";
    assert_eq!(message.text(), Some(rendered));
    let sent = &fake.sent_to(CHAT)[0];
    assert_eq!(sent.text, rendered);
    assert_eq!(sent.parse_mode.as_deref(), Some("HTML"));
    assert_eq!(sent.entities[0].kind, "bold");
    assert_eq!(
        sent.entities[1].url.as_deref(),
        Some("https://example.com/t/1?a=1&b=2")
    );
}

#[tokio::test]
async fn unescaped_html_is_refused() {
    let fake = FakeTelegram::start().await;
    let bot = fake.bot();

    for raw in [
        "Tom & Jerry",
        "1 < 2",
        "<blink>hi</blink>",
        "<b>bold",
        "<b><i>x</b></i>",
    ] {
        let error = bot
            .send_message(ChatId(CHAT), raw)
            .parse_mode(ParseMode::Html)
            .await
            .unwrap_err();
        assert!(
            matches!(&error, RequestError::Api(ApiError::CantParseEntities(d)) if d.contains("can't parse entities")),
            "{raw:?}: {error:?}"
        );
    }
    assert!(fake.sent().is_empty());
    assert_eq!(fake.rejected().len(), 5);
}

#[tokio::test]
async fn empty_and_too_long_texts_are_refused() {
    let fake = FakeTelegram::start().await;
    let bot = fake.bot();

    let empty = bot.send_message(ChatId(CHAT), " \n ").await.unwrap_err();
    assert!(
        matches!(empty, RequestError::Api(ApiError::MessageTextIsEmpty)),
        "{empty:?}"
    );

    let long = bot
        .send_message(ChatId(CHAT), "x".repeat(4097))
        .await
        .unwrap_err();
    assert!(
        matches!(long, RequestError::Api(ApiError::MessageIsTooLong)),
        "{long:?}"
    );

    // The limit applies after parsing: escapes don't count.
    bot.send_message(ChatId(CHAT), "&amp;".repeat(4096))
        .parse_mode(ParseMode::Html)
        .await
        .expect("4096 characters after parsing are fine");
}

#[tokio::test]
async fn bot_commands_are_recorded() {
    let fake = FakeTelegram::start().await;
    let bot = fake.bot();

    bot.set_my_commands([
        BotCommand::new("start", "Start"),
        BotCommand::new("new", "Create a tracking pixel"),
    ])
    .await
    .expect("setMyCommands");

    assert_eq!(
        fake.commands(),
        [
            ("start".to_owned(), "Start".to_owned()),
            ("new".to_owned(), "Create a tracking pixel".to_owned())
        ]
    );
    let listed = bot.get_my_commands().await.expect("getMyCommands");
    assert_eq!(listed[1].command, "new");

    let invalid = bot
        .set_my_commands([BotCommand::new("New", "Uppercase is not allowed")])
        .await;
    assert!(invalid.is_err());
    assert_eq!(fake.commands().len(), 2, "a refused call changes nothing");

    bot.delete_my_commands().await.expect("deleteMyCommands");
    assert!(fake.commands().is_empty());
}

#[tokio::test]
async fn a_429_surfaces_as_retry_after() {
    let fake = FakeTelegram::start().await;
    let bot = fake.bot();
    fake.fail_next(
        "sendMessage",
        Some(CHAT),
        Failure::TooManyRequests { retry_after: 3 },
    );

    let other_chat = bot.send_message(ChatId(CHAT + 1), "not affected").await;
    assert!(other_chat.is_ok(), "the failure is for CHAT only");

    let error = bot.send_message(ChatId(CHAT), "hello").await.unwrap_err();
    match error {
        RequestError::RetryAfter(seconds) => assert_eq!(seconds.seconds(), 3),
        other => panic!("expected RetryAfter, got {other:?}"),
    }
    assert!(
        fake.sent_to(CHAT).is_empty(),
        "failed calls are not recorded"
    );

    bot.send_message(ChatId(CHAT), "hello")
        .await
        .expect("only the next call fails");
    assert_eq!(fake.sent_to(CHAT).len(), 1);
    assert_eq!(fake.call_count("sendmessage"), 3);
    assert!(
        fake.rejected().is_empty(),
        "planned failures are not rejections"
    );
}

#[tokio::test]
async fn a_blocked_chat_surfaces_as_bot_blocked() {
    let fake = FakeTelegram::start().await;
    let bot = fake.bot();

    fake.fail_next("sendMessage", None, Failure::Forbidden);
    let once = bot.send_message(ChatId(CHAT), "hi").await.unwrap_err();
    assert!(
        matches!(once, RequestError::Api(ApiError::BotBlocked)),
        "{once:?}"
    );

    fake.block_chat(CHAT);
    for _ in 0..2 {
        let error = bot.send_message(ChatId(CHAT), "hi").await.unwrap_err();
        assert!(
            matches!(error, RequestError::Api(ApiError::BotBlocked)),
            "{error:?}"
        );
    }
    assert!(fake.sent().is_empty());

    fake.unblock_chat(CHAT);
    bot.send_message(ChatId(CHAT), "hi")
        .await
        .expect("unblocked");
}

#[tokio::test]
async fn a_queued_text_comes_back_from_get_updates() {
    let fake = FakeTelegram::start().await;
    let bot = fake.bot();

    let message_id = fake.send_text(CHAT, "/start abc");
    let updates = bot.get_updates().timeout(5).await.expect("getUpdates");

    assert_eq!(updates.len(), 1);
    let UpdateKind::Message(message) = &updates[0].kind else {
        panic!("expected a message update, got {:?}", updates[0].kind);
    };
    assert_eq!(message.text(), Some("/start abc"));
    assert_eq!(message.id.0, message_id);
    assert_eq!(message.chat.id, ChatId(CHAT));
    assert!(message.chat.is_private());
    assert_eq!(message.from.as_ref().map(|u| u.id.0), Some(CHAT as u64));
    let entities = message.entities().expect("entities");
    assert!(matches!(entities[0].kind, MessageEntityKind::BotCommand));
    assert_eq!((entities[0].offset, entities[0].length), (0, 6));

    let offset = i32::try_from(updates[0].id.0).unwrap() + 1;
    let started = Instant::now();
    let again = bot
        .get_updates()
        .offset(offset)
        .timeout(30)
        .await
        .expect("getUpdates");
    assert!(again.is_empty(), "confirmed updates are forgotten");
    // A deadline, not a speed: the poll asked for 30 s and the fake caps it at 1 s.
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "long polls are capped at about a second"
    );
    assert_eq!(fake.pending_updates(), 0);
}

#[tokio::test]
async fn a_long_poll_returns_as_soon_as_an_update_arrives() {
    let fake = FakeTelegram::start().await;
    // A poll left waiting would hold for 600 s, so only the update can end it inside the
    // test's 10 s deadline (at the default 1 s cap, a poll that was never woken would still
    // find the update when its wait ran out). 10 s, because teloxide's client gives up on a
    // request after 17.
    fake.set_max_poll_wait(Duration::from_secs(600));
    let bot = fake.bot();

    let poll = tokio::spawn({
        let bot = bot.clone();
        async move { bot.get_updates().timeout(600).await.expect("getUpdates") }
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    fake.send_text_from(-100, 7, "hello group");

    // The poll that was waiting gets the update as it arrives.
    let updates = tokio::time::timeout(Duration::from_secs(10), poll)
        .await
        .expect("the waiting poll was not woken by the update: it held for its 600 s")
        .unwrap();
    assert_eq!(updates.len(), 1, "{updates:?}");
    let UpdateKind::Message(message) = &updates[0].kind else {
        panic!("expected a message update");
    };
    assert_eq!(message.chat.id, ChatId(-100));
    assert!(message.chat.is_group());
    assert_eq!(message.from.as_ref().map(|u| u.id.0), Some(7));
}

#[tokio::test]
async fn a_button_press_comes_back_as_a_callback_query() {
    let fake = FakeTelegram::start().await;
    let bot = fake.bot();
    let sent = bot
        .send_message(ChatId(CHAT), "Tracker <b>ready</b>")
        .parse_mode(ParseMode::Html)
        .reply_markup(keyboard())
        .await
        .expect("sendMessage");

    let query_id = fake.press_button(CHAT, sent.id.0, "mute:1");
    let updates = bot.get_updates().timeout(5).await.expect("getUpdates");

    let UpdateKind::CallbackQuery(query) = &updates[0].kind else {
        panic!("expected a callback query, got {:?}", updates[0].kind);
    };
    assert_eq!(query.id.0, query_id);
    assert_eq!(query.data.as_deref(), Some("mute:1"));
    assert_eq!(query.from.id.0, CHAT as u64);
    let message = query.regular_message().expect("the bot's message");
    assert_eq!(message.id, sent.id);
    assert_eq!(message.text(), Some("Tracker ready"));
    assert!(message.reply_markup().is_some());

    bot.answer_callback_query(query.id.clone())
        .text("Muted")
        .await
        .expect("answerCallbackQuery");
    assert_eq!(fake.answered_callbacks(), 1);
    assert_eq!(fake.callback_answers()[0].text.as_deref(), Some("Muted"));

    let twice = bot
        .answer_callback_query(query.id.clone())
        .await
        .unwrap_err();
    assert!(
        matches!(twice, RequestError::Api(ApiError::InvalidQueryId)),
        "{twice:?}"
    );

    fake.press_button(CHAT, 999, "stale");
    let updates = bot
        .get_updates()
        .offset(i32::try_from(updates[0].id.0).unwrap() + 1)
        .await
        .expect("getUpdates");
    let UpdateKind::CallbackQuery(stale) = &updates[0].kind else {
        panic!("expected a callback query");
    };
    assert!(
        stale.regular_message().is_none(),
        "unknown messages are inaccessible"
    );
}

#[tokio::test]
async fn edits_are_recorded_and_drop_the_keyboard_unless_resent() {
    let fake = FakeTelegram::start().await;
    let bot = fake.bot();
    let sent = bot
        .send_message(ChatId(CHAT), "Tracker ready")
        .reply_markup(keyboard())
        .await
        .expect("sendMessage");

    let edited = bot
        .edit_message_text(ChatId(CHAT), sent.id, "Tracker <b>muted</b>")
        .parse_mode(ParseMode::Html)
        .await
        .expect("editMessageText");
    assert_eq!(edited.text(), Some("Tracker muted"));
    assert!(edited.edit_date().is_some());
    assert!(edited.reply_markup().is_none());

    let last = fake.sent().pop().unwrap();
    assert_eq!(last.method, "editMessageText");
    assert_eq!(last.message_id, sent.id.0);
    let current = fake.message(CHAT, sent.id.0).unwrap();
    assert_eq!(current.text, "Tracker muted");
    assert!(current.buttons().is_empty());

    let same = bot
        .edit_message_text(ChatId(CHAT), sent.id, "Tracker <b>muted</b>")
        .parse_mode(ParseMode::Html)
        .await
        .unwrap_err();
    assert!(
        matches!(same, RequestError::Api(ApiError::MessageNotModified)),
        "{same:?}"
    );

    bot.edit_message_reply_markup(ChatId(CHAT), sent.id)
        .reply_markup(keyboard())
        .await
        .expect("editMessageReplyMarkup");
    assert_eq!(fake.message(CHAT, sent.id.0).unwrap().buttons().len(), 2);

    let missing = bot
        .edit_message_text(ChatId(CHAT), teloxide::types::MessageId(777), "x")
        .await
        .unwrap_err();
    assert!(
        matches!(missing, RequestError::Api(ApiError::MessageToEditNotFound)),
        "{missing:?}"
    );
}

#[tokio::test]
async fn wait_for_sees_earlier_and_later_messages() {
    let fake = FakeTelegram::start().await;
    let bot = fake.bot();
    bot.send_message(ChatId(CHAT), "first").await.unwrap();

    let early = fake
        .wait_for(Duration::from_millis(10), |m| m.text == "first")
        .await;
    assert!(early.is_some());

    let later = tokio::spawn({
        let bot = bot.clone();
        async move {
            tokio::time::sleep(Duration::from_millis(50)).await;
            bot.send_message(ChatId(CHAT), "second").await.unwrap();
        }
    });
    let found: Option<SentMessage> = fake
        .wait_for(Duration::from_secs(5), |m| m.text == "second")
        .await;
    assert_eq!(found.map(|m| m.chat_id), Some(CHAT));
    later.await.unwrap();

    let missing = fake
        .wait_for(Duration::from_millis(50), |m| m.text == "never")
        .await;
    assert!(missing.is_none());
}

#[tokio::test]
async fn webhook_calls_including_multipart_set_webhook_are_served() {
    let fake = FakeTelegram::start().await;
    let bot = fake.bot();

    // teloxide always sends setWebhook as multipart/form-data.
    bot.set_webhook("https://example.com/hook".parse().unwrap())
        .await
        .expect("setWebhook");
    let info = bot.get_webhook_info().await.expect("getWebhookInfo");
    assert_eq!(
        info.url.as_ref().map(|u| u.as_str()),
        Some("https://example.com/hook")
    );
    let conflict = bot.get_updates().await.unwrap_err();
    assert!(
        conflict.to_string().contains("webhook is active"),
        "{conflict:?}"
    );

    bot.delete_webhook().await.expect("deleteWebhook");
    assert!(bot.get_webhook_info().await.unwrap().url.is_none());
    bot.get_updates().await.expect("polling works again");
}

#[tokio::test]
async fn unknown_methods_are_404_and_recorded() {
    let fake = FakeTelegram::start().await;
    // Not `Url::join`: "bot123456:TEST/..." would parse as a URL with scheme "bot123456".
    let url = format!(
        "{}bot{}/sendCarrierPigeon",
        fake.api_url(),
        FakeTelegram::TOKEN
    );

    let response = reqwest::Client::new()
        .post(url)
        .json(&serde_json::json!({ "chat_id": 1 }))
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), 404);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(
        body,
        serde_json::json!({
            "ok": false,
            "error_code": 404,
            "description": "Not Found: method not found"
        })
    );
    assert_eq!(
        fake.rejected(),
        ["sendCarrierPigeon: Not Found: method not found"]
    );
}

#[tokio::test]
async fn form_encoded_requests_are_understood() {
    let fake = FakeTelegram::start().await;
    // Not `Url::join`: "bot123456:TEST/..." would parse as a URL with scheme "bot123456".
    let url = format!("{}bot{}/SENDMESSAGE", fake.api_url(), FakeTelegram::TOKEN);

    let body: serde_json::Value = reqwest::Client::new()
        .post(url)
        .form(&[
            ("chat_id", "5"),
            ("text", "<i>hi</i>"),
            ("parse_mode", "HTML"),
            ("disable_web_page_preview", "true"),
            (
                "reply_markup",
                r#"{"inline_keyboard":[[{"text":"A","callback_data":"a"}]]}"#,
            ),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();

    assert_eq!(body["ok"], true, "{body}");
    let sent = &fake.sent_to(5)[0];
    assert_eq!(sent.text, "hi");
    assert!(sent.link_preview_disabled);
    assert_eq!(sent.callback_data("A").as_deref(), Some("a"));
}

#[tokio::test]
async fn a_teloxide_dispatcher_runs_against_the_fake() {
    let fake = FakeTelegram::start().await;
    let bot = fake.bot();
    let handler = Update::filter_message().endpoint(|bot: Bot, message: Message| async move {
        let reply = format!("echo: {}", message.text().unwrap_or_default());
        bot.send_message(message.chat.id, html::escape(&reply))
            .parse_mode(ParseMode::Html)
            .await?;
        respond(())
    });
    let mut dispatcher = Dispatcher::builder(bot, handler).build();
    let shutdown = dispatcher.shutdown_token();
    let running = tokio::spawn(async move { dispatcher.dispatch().await });

    fake.send_text(CHAT, "/start a.b");
    let reply = fake
        .wait_for(Duration::from_secs(10), |m| m.chat_id == CHAT)
        .await
        .expect("the dispatcher replies");
    assert_eq!(reply.text, "echo: /start a.b");
    assert_eq!(fake.call_count("getMe"), 1);

    // The handler only takes messages, so teloxide asks for `allowed_updates: ["message"]` and
    // the fake filters the press out; it must not hold up the message behind it.
    fake.press_button(CHAT, reply.message_id, "ignored");
    fake.send_text(CHAT, "second");
    fake.wait_for(Duration::from_secs(10), |m| m.text == "echo: second")
        .await
        .expect("second reply");

    // The dispatcher may not have started polling yet.
    let done = eventually(
        Duration::from_secs(10),
        "the dispatcher to accept a shutdown",
        async || shutdown.shutdown().ok(),
    )
    .await;
    done.await;
    running.await.unwrap();
    assert!(fake.rejected().is_empty(), "{:?}", fake.rejected());
}

// ---------------------------------------------------------------------------------------------
// The validators on their own

#[test]
fn html_hostile_label_escaped_renders_literally() {
    let escaped = html::escape(HOSTILE_LABEL);
    assert_eq!(escaped, "*_[]()~`&gt;#+-=|{}.!&lt;b&gt;&amp;");

    let rendered = render_html(&escaped).expect("escaped label is valid");
    assert_eq!(rendered.text, HOSTILE_LABEL);
    assert!(rendered.entities.is_empty());

    let in_link = render_html(&format!("<a href=\"https://example.com\">{escaped}</a>")).unwrap();
    assert_eq!(in_link.text, HOSTILE_LABEL);
    assert_eq!(in_link.entities[0].kind, "text_link");
}

#[test]
fn html_hostile_label_unescaped_is_refused() {
    let error = render_html(HOSTILE_LABEL).unwrap_err();
    assert!(error.contains("'&'"), "{error}");
    assert!(
        render_html("*_[]()~`>#+-=|{}.!<b>").is_err(),
        "unclosed <b>"
    );
}

#[test]
fn html_entities_and_tags_render() {
    let r = render_html(
        "<b>b</b> <strong>s</strong> <i>i</i><em>e</em> <u>u</u><ins>n</ins> <s>s</s><strike>t</strike><del>d</del> \
         <tg-spoiler>x</tg-spoiler><span class=\"tg-spoiler\">y</span> <code>c</code> \
         &lt;&gt;&amp;&quot;&#65;&#x42;",
    )
    .unwrap();
    assert_eq!(r.text, "b s ie un std xy c <>&\"AB");
    assert_eq!(r.entities.len(), 12);

    let pre =
        render_html("<pre><code class=\"language-python\">print(1 &lt; 2)</code></pre>").unwrap();
    assert_eq!(pre.text, "print(1 < 2)");
    assert_eq!(pre.entities.len(), 1);
    assert_eq!(pre.entities[0].language.as_deref(), Some("python"));

    let quote = render_html("<blockquote expandable>long</blockquote>").unwrap();
    assert_eq!(quote.entities[0].kind, "expandable_blockquote");

    assert_eq!(
        render_html("<b>x</i>").unwrap_err(),
        "Unmatched end tag at byte offset 4, expected \"</b>\", found \"</i>\""
    );
    assert!(
        render_html("<span>x</span>").is_err(),
        "span needs class tg-spoiler"
    );
    assert!(
        render_html("a &nbsp; b").is_err(),
        "only Telegram's four named entities"
    );
    assert!(render_html("x</b>").is_err());
    assert_eq!(render_html("a > b").unwrap().text, "a > b");
}

/// Past Telegram's documented flood limits the fake answers 429 with `retry_after`, which
/// teloxide reads as `RequestError::RetryAfter`: a chat gets short bursts only, a group 20
/// messages a minute, every chat together 30 a second.
#[tokio::test]
async fn sends_past_the_flood_limits_get_429_with_retry_after() {
    let fake = FakeTelegram::start().await;
    let bot = fake.bot();
    let send = async |chat: i64| bot.send_message(ChatId(chat), "hi").await.map(drop);
    let (burst, window) = Limits::default().per_chat;
    for _ in 0..burst {
        send(CHAT).await.expect("within the burst");
    }
    match send(CHAT).await {
        Err(RequestError::RetryAfter(after)) => {
            assert!(after.duration() >= Duration::from_secs(1));
            assert!(after.duration() <= window);
        }
        other => panic!("{other:?}"),
    }
    send(CHAT + 1)
        .await
        .expect("another chat has its own limit");
    assert_eq!(fake.throttled().len(), 1, "{:#?}", fake.throttled());
    assert!(fake.rejected().is_empty(), "a 429 is not a bot bug");

    let group = -1_001_234;
    for _ in 0..20 {
        send(group).await.expect("20 a minute in a group");
    }
    assert!(matches!(
        send(group).await,
        Err(RequestError::RetryAfter(_))
    ));

    fake.set_limits(Limits {
        per_chat: (usize::MAX, Duration::ZERO),
        ..Limits::default()
    });
    let mut refused = 0;
    for chat in 0..40 {
        refused += usize::from(send(5_000 + chat).await.is_err());
    }
    assert!(refused > 0, "past 30 a second overall");
}
