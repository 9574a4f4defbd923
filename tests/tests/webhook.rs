//! Telegram webhook mode: updates arrive on the bot's own listener, and only requests that
//! carry Telegram's secret token are accepted.

use mailping_tests::app::TestApp;
use serde_json::json;

fn update(update_id: i64, chat: i64, text: &str) -> serde_json::Value {
    json!({
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 1_700_000_000,
            "chat": { "id": chat, "type": "private", "first_name": "Ann" },
            "from": { "id": chat, "is_bot": false, "first_name": "Ann" },
            "text": text,
            "entities": [{ "type": "bot_command", "offset": 0, "length": text.split(' ').next().unwrap_or("").len() }]
        }
    })
}

#[tokio::test]
async fn webhook_updates_without_the_secret_token_are_refused() {
    let app = TestApp::spawn()
        .with_telegram()
        .bot_setting(
            "--telegram-webhook-url",
            "https://bot.example.com/telegram/hook",
        )
        .bot_setting("--telegram-webhook-secret", "s3cret-token")
        .await;
    let tg = app.telegram();
    assert_eq!(tg.call_count("setWebhook"), 1, "the webhook is registered");
    let client = reqwest::Client::new();
    let url = app.bot_url("/telegram/hook");
    let chat = 5001;

    let missing = client
        .post(&url)
        .json(&update(1, chat, "/start"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 401);
    let wrong = client
        .post(&url)
        .header("X-Telegram-Bot-Api-Secret-Token", "guess")
        .json(&update(2, chat, "/start"))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    let right = client
        .post(&url)
        .header("X-Telegram-Bot-Api-Secret-Token", "s3cret-token")
        .json(&update(3, chat, "/start"))
        .send()
        .await
        .unwrap();
    assert_eq!(right.status(), 200);
    let reply = app.next_message(chat, 0).await;
    assert!(reply.text.contains("Welcome to MailPing"), "{}", reply.text);
    assert_eq!(
        tg.sent_to(chat).len(),
        1,
        "the rejected updates did nothing"
    );
    assert_eq!(
        tg.call_count("getUpdates"),
        0,
        "no long polling in webhook mode"
    );
}
