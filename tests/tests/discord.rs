//! The Discord user's story end to end: signed interactions to the bot's endpoint, ephemeral
//! replies, and alerts by DM through a fake Discord API.

use std::time::Duration;

use mailping_tests::app::{DISCORD_GUILD, TestApp, token_in};
use mailping_tests::fake_discord::{self, Failure, InteractionSigner};
use mailping_tests::seed;
use serde_json::{Value, json};

const GMAIL: &str =
    "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";
const THUNDERBIRD: &str =
    "Mozilla/5.0 (X11; Linux x86_64; rv:24.0) Gecko/20100101 Thunderbird/24.4.0 Lightning/2.6.4";
const EPHEMERAL: u64 = 1 << 6;
const SUPPRESS_EMBEDS: u64 = 1 << 2;

/// The raw markdown of a response.
fn raw(data: &Value) -> &str {
    data["content"].as_str().unwrap_or_default()
}

/// What a user sees: Discord's escapes and bold markers removed.
fn shown(markdown: &str) -> String {
    let mut out = String::new();
    let mut chars = markdown
        .replace("**", "")
        .chars()
        .collect::<Vec<_>>()
        .into_iter()
        .peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            out.push(chars.next().unwrap_or('\\'));
        } else {
            out.push(c);
        }
    }
    out
}

fn content(data: &Value) -> String {
    shown(raw(data))
}

/// `allowed_mentions` that let nobody be pinged.
fn pings_nobody(allowed: &Value) -> bool {
    allowed["parse"] == json!([])
        && allowed["users"].as_array().is_none_or(Vec::is_empty)
        && allowed["roles"].as_array().is_none_or(Vec::is_empty)
}

/// Every reply is ephemeral, pings nobody and is never unfurled.
fn assert_private_and_quiet(data: &Value) {
    let flags = data["flags"].as_u64().unwrap_or(0);
    assert_eq!(flags & EPHEMERAL, EPHEMERAL, "not ephemeral: {data}");
    assert_eq!(
        flags & SUPPRESS_EMBEDS,
        SUPPRESS_EMBEDS,
        "embeds not suppressed: {data}"
    );
    assert!(
        pings_nobody(&data["allowed_mentions"]),
        "mentions allowed: {data}"
    );
}

#[tokio::test]
async fn the_whole_story_on_discord() {
    let app = TestApp::spawn().with_discord().await;
    let dc = app.discord();
    let user = 4_000_000_000_000_001;
    let names: Vec<String> = dc
        .global_commands()
        .iter()
        .map(|c| c["name"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        names.len(),
        mailping_shared::commands::COMMANDS.len(),
        "slash commands registered globally: {names:?}"
    );

    let tracked = app
        .command(user, "track", &[("label", json!("Proposal to ACME"))])
        .await;
    assert_private_and_quiet(&tracked);
    let text = content(&tracked);
    assert!(text.contains("Proposal to ACME"), "{text}");
    assert!(text.contains("<img src=\""), "{text}");
    let token = token_in(&text);

    app.fetch_pixel(&token, Some(GMAIL)).await;
    let dms = app.dms(user, 1).await;
    assert_eq!(dms.len(), 1, "the alert arrives by DM");
    let alert = shown(&dms[0].content);
    assert!(
        alert.starts_with("📬 Opened: Proposal to ACME — "),
        "{alert}"
    );
    assert!(alert.contains("Gmail · 1st open"), "{alert}");
    assert!(dms[0].embeds_suppressed);
    assert!(pings_nobody(
        dms[0]
            .allowed_mentions
            .as_ref()
            .expect("allowed_mentions set")
    ));

    let list = app.command(user, "opens", &[]).await;
    assert_private_and_quiet(&list);
    assert!(
        content(&list).contains("#1 Proposal to ACME — opened 1×"),
        "{}",
        content(&list)
    );
    let timeline = app.command(user, "opens", &[("number", json!(1))]).await;
    assert!(
        content(&timeline).contains("Gmail"),
        "{}",
        content(&timeline)
    );

    let muted = app.command(user, "mute", &[("number", json!(1))]).await;
    assert!(content(&muted).contains("Muted #1"), "{}", content(&muted));
    app.fetch_pixel(&token, Some(THUNDERBIRD)).await;
    app.wait_until_settled(2).await;
    assert_eq!(dc.dms_to(user).len(), 1, "a muted tracker sends nothing");

    let ask = app.command(user, "delete", &[("number", json!(1))]).await;
    assert!(content(&ask).contains("Delete #1"), "{}", content(&ask));
    let ids: Vec<String> = ask["components"][0]["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["custom_id"].as_str().unwrap().to_owned())
        .collect();
    assert!(ids.contains(&"dy:1".to_owned()), "{ids:?}");
    let done = app.click(user, "dy:1").await;
    assert_eq!(done["type"], 7, "the confirmation replaces the question");
    assert!(
        content(&done["data"]).contains("Deleted #1"),
        "{}",
        done["data"]
    );
    let mut conn = app.conn().await;
    assert_eq!(seed::tracker_count(&mut conn).await, 0);
}

#[tokio::test]
async fn unsigned_or_forged_interactions_are_rejected_with_401() {
    let app = TestApp::spawn().with_discord().await;
    let body = fake_discord::slash_command("opens", &[], 1, None).to_string();
    let (timestamp, signature) = app.signer().sign(&body);
    assert_eq!(
        app.post_interaction(&body, &timestamp, &signature).await.0,
        200
    );
    assert_eq!(
        app.post_interaction(&body.replace("opens", "track"), &timestamp, &signature)
            .await
            .0,
        401,
        "tampered body"
    );
    assert_eq!(
        app.post_interaction(&body, "0", &signature).await.0,
        401,
        "other timestamp"
    );
    let stranger = InteractionSigner::generate();
    let (t, s) = stranger.sign(&body);
    assert_eq!(
        app.post_interaction(&body, &t, &s).await.0,
        401,
        "someone else's key"
    );
    let resp = reqwest::Client::new()
        .post(app.bot_url("/discord/interactions"))
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401, "no signature at all");
    let (status, pong) = app.interact(&fake_discord::ping()).await;
    assert_eq!(
        (status, pong["type"].clone()),
        (200, json!(1)),
        "a signed ping gets a pong"
    );
    let mut conn = app.conn().await;
    assert_eq!(seed::tracker_count(&mut conn).await, 0);
}

#[tokio::test]
async fn stale_malformed_or_replayed_interactions_are_rejected_and_change_nothing() {
    let mut app = TestApp::spawn().with_discord().await;
    let track = |label: &str| {
        fake_discord::slash_command("track", &[("label", json!(label))], 7, None).to_string()
    };
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    for (label, timestamp) in [
        ("year old", (now - 365 * 86_400).to_string()),
        ("ten minutes ahead", (now + 600).to_string()),
        ("not a time", "not-a-time".to_owned()),
        ("fractional", format!("{now}.5")),
    ] {
        let body = track(label);
        let (timestamp, signature) = app.signer().sign_at(&body, &timestamp);
        let (status, answer) = app.post_interaction(&body, &timestamp, &signature).await;
        assert_eq!(status, 401, "{label}: {answer}");
    }
    assert_eq!(app.tracker_and_open_counts().await, (0, 0));

    // The same signed request twice, to the same replica and to another one.
    app.start_bot().await;
    let body = track("Proposal");
    let (timestamp, signature) = app.signer().sign(&body);
    assert_eq!(
        app.post_interaction(&body, &timestamp, &signature).await.0,
        200
    );
    for replica in [0, 1] {
        let (status, answer) = app
            .post_interaction_to(replica, &body, &timestamp, &signature)
            .await;
        assert_eq!(status, 401, "replay to replica {replica}: {answer}");
    }
    assert_eq!(app.tracker_and_open_counts().await, (1, 0));
}

#[tokio::test]
async fn everyone_in_a_label_pings_no_one() {
    let app = TestApp::spawn().with_discord().await;
    let user = 4_000_000_000_000_002;
    let label = "@everyone @here <@123> <@&456> *_[]()~`>#|";
    let tracked = app.command(user, "track", &[("label", json!(label))]).await;
    assert_private_and_quiet(&tracked);
    let markdown = raw(&tracked);
    assert!(
        !markdown.replace("\\@", "").contains('@'),
        "an unescaped @ in {markdown}"
    );
    assert!(
        content(&tracked).contains(label),
        "the label shows exactly as typed: {}",
        content(&tracked)
    );
    app.fetch_pixel(&token_in(markdown), Some(GMAIL)).await;
    let dms = app.dms(user, 1).await;
    assert!(pings_nobody(
        dms[0]
            .allowed_mentions
            .as_ref()
            .expect("allowed_mentions set")
    ));
    assert!(
        !dms[0].content.replace("\\@", "").contains('@'),
        "an unescaped @ in {}",
        dms[0].content
    );
    assert!(shown(&dms[0].content).contains(label), "{}", dms[0].content);
    let mut conn = app.conn().await;
    let stored = seed::labels(&mut conn).await.remove(0);
    assert_eq!(stored, label, "stored verbatim");
}

#[tokio::test]
async fn users_see_only_their_own_trackers() {
    let app = TestApp::spawn().with_discord().await;
    let (alice, mallory) = (4_000_000_000_000_003, 4_000_000_000_000_004);
    app.command(alice, "track", &[("label", json!("Alice's"))])
        .await;
    for name in ["opens", "mute", "unmute", "delete"] {
        let reply = app.command(mallory, name, &[("number", json!(1))]).await;
        assert!(
            content(&reply).contains("You have no tracker #1"),
            "{name}: {}",
            content(&reply)
        );
    }
    for forged in ["tl:1", "mu:1", "dy:1", "da:1"] {
        let reply = app.click(mallory, forged).await;
        assert!(
            content(&reply["data"]).contains("You have no tracker #1"),
            "{forged}: {reply}"
        );
    }
    // In a DM with the bot Alice still sees hers: trackers belong to the user, not the guild.
    let (_, dm) = app
        .interact(&fake_discord::slash_command("opens", &[], alice, None))
        .await;
    assert!(content(&dm["data"]).contains("Alice's"), "{dm}");
    let mut conn = app.conn().await;
    let (_, muted) = seed::numbers_and_muted(&mut conn).await[0];
    assert!(!muted);
    assert_eq!(seed::tracker_count(&mut conn).await, 1);
}

#[tokio::test]
async fn a_telegram_chat_and_a_discord_user_never_see_each_others_trackers() {
    let app = TestApp::spawn().with_telegram().with_discord().await;
    // The same numeric id on both platforms.
    let id = 777;
    app.send(id, "/track Telegram secret").await;
    let (_, reply) = app
        .interact(&fake_discord::slash_command("opens", &[], id as u64, None))
        .await;
    assert!(
        content(&reply["data"]).contains("no trackers yet"),
        "{reply}"
    );
    let (_, reply) = app
        .interact(&fake_discord::slash_command(
            "opens",
            &[("number", json!(1))],
            id as u64,
            None,
        ))
        .await;
    assert!(
        content(&reply["data"]).contains("You have no tracker #1"),
        "{reply}"
    );
    let (status, tracked) = app
        .interact(&fake_discord::slash_command(
            "track",
            &[("label", json!("Discord secret"))],
            id as u64,
            None,
        ))
        .await;
    assert_eq!(status, 200);
    assert!(
        content(&tracked["data"]).contains("Discord secret"),
        "{tracked}"
    );
    let (_, listed) = app
        .interact(&fake_discord::slash_command("opens", &[], id as u64, None))
        .await;
    assert!(
        content(&listed["data"]).contains("Discord secret")
            && !content(&listed["data"]).contains("Telegram secret"),
        "{listed}"
    );
    let list = app.send(id, "/opens").await;
    assert!(
        list.text.contains("Telegram secret") && !list.text.contains("Discord secret"),
        "{}",
        list.text
    );
}

#[tokio::test]
async fn a_discord_429_is_retried_and_the_alert_arrives_once() {
    let app = TestApp::spawn().with_discord().await;
    let dc = app.discord();
    let user = 4_000_000_000_000_005;
    let token = token_in(&content(
        &app.command(user, "track", &[("label", json!("Proposal"))])
            .await,
    ));
    dc.fail_next(Failure::TooManyRequests { retry_after: 0.5 });
    app.fetch_pixel(&token, Some(GMAIL)).await;
    assert_eq!(app.dms(user, 1).await.len(), 1);
    app.wait_until_settled(1).await;
    assert_eq!(dc.dms_to(user).len(), 1, "delivered once");
    assert_eq!(
        dc.call_count(fake_discord::route::CREATE_MESSAGE),
        2,
        "the 429 and its retry"
    );
    assert_eq!(
        seed::retried_alert_count(&mut app.conn().await).await,
        0,
        "serenity's rate limiter waited out Retry-After and sent again; the outbox saw one send"
    );
}

/// The bot keeps serenity's rate limiter on in tests as in production: it reaches the fake as
/// https://discord.com, which answers with Discord's rate-limit headers and refuses a spent
/// bucket with 429. A burst of alerts to one user spends the DM channel's bucket
/// (`BUCKET_LIMIT` a `BUCKET_WINDOW`): serenity waits for the window the headers give, so every
/// alert arrives once and none comes back to the outbox as a failure.
#[tokio::test]
async fn a_burst_of_alerts_to_one_user_waits_for_discords_bucket() {
    let app = TestApp::spawn().with_discord().await;
    let dc = app.discord();
    let user = 4_000_000_000_000_009;
    let alerts = 3 * fake_discord::BUCKET_LIMIT as usize;
    let mut tokens = Vec::new();
    for i in 0..alerts {
        let label = format!("Proposal {i}");
        tokens.push(token_in(&content(
            &app.command(user, "track", &[("label", json!(label))]).await,
        )));
    }
    futures_util::future::join_all(tokens.iter().map(|t| app.fetch_pixel(t, Some(GMAIL)))).await;
    assert_eq!(app.dms(user, alerts).await.len(), alerts);
    app.wait_until_settled(alerts as i64).await;
    assert_eq!(dc.dms_to(user).len(), alerts, "each alert once");
    assert_eq!(
        seed::retried_alert_count(&mut app.conn().await).await,
        0,
        "no alert failed with a 429 (429s the fake answered: {:?})",
        dc.rate_limited()
    );
}

#[tokio::test]
async fn closed_dms_stop_alerts_without_a_retry_storm() {
    let app = TestApp::spawn().with_discord().await;
    let dc = app.discord();
    let user = 4_000_000_000_000_006;
    let token = token_in(&content(
        &app.command(user, "track", &[("label", json!("Proposal"))])
            .await,
    ));
    dc.close_dms(user);
    app.fetch_pixel(&token, Some(GMAIL)).await;
    app.wait_until_alerts_blocked().await;
    let calls = dc.call_count(fake_discord::route::CREATE_MESSAGE);
    app.fetch_pixel(&token, Some(THUNDERBIRD)).await;
    app.wait_until_settled(2).await;
    assert_eq!(
        dc.call_count(fake_discord::route::CREATE_MESSAGE),
        calls,
        "no retries, no new alerts"
    );
}

#[tokio::test]
async fn commands_are_registered_in_one_guild_when_configured() {
    let app = TestApp::spawn()
        .with_discord()
        .bot_setting("--discord-guild-id", DISCORD_GUILD)
        .await;
    let dc = app.discord();
    assert_eq!(dc.registered_guild(), Some(DISCORD_GUILD));
    assert_eq!(
        dc.guild_commands(DISCORD_GUILD).len(),
        mailping_shared::commands::COMMANDS.len()
    );
    assert!(dc.global_commands().is_empty());
}

#[tokio::test]
async fn discord_server_errors_are_retried_with_backoff() {
    let app = TestApp::spawn().with_discord().await;
    let dc = app.discord();
    let user = 4_000_000_000_000_007;
    let token = token_in(&content(
        &app.command(user, "track", &[("label", json!("Proposal"))])
            .await,
    ));
    dc.fail_next(Failure::ServerError);
    dc.fail_next(Failure::ServerError);
    let fetched = tokio::time::Instant::now();
    app.fetch_pixel(&token, Some(GMAIL)).await;
    assert_eq!(app.dms(user, 1).await.len(), 1, "delivered after two 500s");
    assert!(
        fetched.elapsed() >= Duration::from_secs(2),
        "backed off 1 s, then 2 s"
    );
    app.wait_until_settled(1).await;
    assert_eq!(dc.dms_to(user).len(), 1, "delivered once");
}

#[tokio::test]
async fn wrong_on_a_dm_alert_is_recorded_and_the_timeline_shows_it() {
    let app = TestApp::spawn().with_discord().await;
    let user = 4_000_000_000_000_009;
    let token = token_in(&content(
        &app.command(user, "track", &[("label", json!("Proposal"))])
            .await,
    ));
    app.fetch_pixel(&token, Some(GMAIL)).await;
    let dms = app.dms(user, 1).await;
    let ids: Vec<String> = dms[0].components.as_ref().expect("buttons")[0]["components"]
        .as_array()
        .expect("a row of buttons")
        .iter()
        .filter(|b| b["label"].as_str().is_some_and(|l| l.contains("Wrong?")))
        .map(|b| b["custom_id"].as_str().unwrap().to_owned())
        .collect();
    let [wrong] = &ids[..] else {
        panic!("one Wrong? button: {:?}", dms[0].components)
    };
    // Another user clicking the same payload reaches nothing of this user's.
    let forged = app.click(4_000_000_000_000_010, wrong).await;
    assert!(
        content(&forged["data"]).contains("no tracker #1"),
        "{forged}"
    );
    let question = app.click(user, wrong).await;
    assert!(
        content(&question["data"]).starts_with("❓ What was that fetch of #1"),
        "{question}"
    );
    let machine = wrong.replacen("wr:", "wm:", 1);
    assert!(
        question.to_string().contains(&machine),
        "an \"It was a machine\" button: {question}"
    );
    let noted = app.click(user, &machine).await;
    assert_eq!(noted["type"], 4, "the acknowledgement is a new reply");
    assert_private_and_quiet(&noted["data"]);
    assert!(content(&noted["data"]).starts_with("📝 Noted"), "{noted}");
    let timeline = content(&app.command(user, "opens", &[("number", json!(1))]).await);
    assert!(
        timeline.contains("Gmail · ❓ you said this was wrong"),
        "{timeline}"
    );
    // /forget deletes the report with everything else.
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    let mut conn = app.conn().await;
    let reports = async |conn: &mut diesel_async::AsyncPgConnection| -> i64 {
        mailping_shared::schema::verdict_reports::table
            .count()
            .get_result(conn)
            .await
            .expect("count")
    };
    assert_eq!(reports(&mut conn).await, 1);
    app.click(user, "fy:0").await;
    assert_eq!(seed::open_count(&mut conn).await, 0);
    assert_eq!(reports(&mut conn).await, 0);
}

/// Discord takes follow-ups on an interaction only once the bot's answer to it has arrived; a
/// follow-up sent before (a quick `/stats 99`) is refused with 404 Unknown Webhook, and the user
/// would wait on "thinking…" forever. The answer here takes 400 ms to reach Discord.
#[tokio::test]
async fn a_quick_follow_up_waits_until_discord_has_the_acknowledgement() {
    let app = TestApp::spawn().with_discord().await;
    let dc = app.discord();
    dc.delay_answers(Duration::from_millis(400));
    let user = 1_500_000_000_000_000_051;
    for (name, number) in [("stats", 99), ("export", 98)] {
        let interaction = fake_discord::slash_command(
            name,
            &[("number", json!(number))],
            user,
            Some(DISCORD_GUILD),
        );
        let token = interaction["token"].as_str().expect("a token").to_owned();
        let (status, body) = app.interact(&interaction).await;
        assert_eq!((status, body["type"].as_u64()), (200, Some(5)), "{body}");
        let followup = dc
            .wait_for(mailping_tests::app::PATIENCE, |m| {
                m.interaction_token.as_deref() == Some(&token)
            })
            .await
            .unwrap_or_else(|| panic!("no follow-up to /{name}; refused: {:#?}", dc.refused()));
        assert!(
            followup
                .content
                .contains(&format!("no tracker \\#{number}")),
            "{}",
            followup.content
        );
        assert_eq!(dc.followups(&token).len(), 1, "exactly one answer");
    }
}

/// A follow-up on a token older than Discord's 15 minutes is refused with 401 Invalid Webhook
/// Token (50027), as on Discord; and one on a token no interaction carried with 404 (10015).
#[tokio::test]
async fn the_fake_refuses_follow_ups_on_expired_or_unknown_tokens() {
    let app = TestApp::spawn().with_discord().await;
    let dc = app.discord();
    let user = 1_500_000_000_000_000_052;
    let interaction =
        fake_discord::slash_command("stats", &[("number", json!(3))], user, Some(DISCORD_GUILD));
    let token = interaction["token"].as_str().expect("a token").to_owned();
    let (status, _) = app.interact(&interaction).await;
    assert_eq!(status, 200);
    dc.wait_for(mailping_tests::app::PATIENCE, |m| {
        m.interaction_token.as_deref() == Some(&token)
    })
    .await
    .expect("the follow-up within the token's lifetime");

    let http = dc.http();
    let send = async |token: &str| {
        let builder = serenity::all::CreateInteractionResponseFollowup::new().content("late");
        match serenity::builder::Builder::execute(builder, &http, (None, token)).await {
            Ok(_) => None,
            Err(serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(r))) => {
                Some((r.status_code.as_u16(), r.error.code))
            }
            Err(other) => panic!("{other}"),
        }
    };
    assert_eq!(send(&token).await, None, "still valid");
    dc.age_interaction(&token, fake_discord::INTERACTION_TOKEN_LIFETIME);
    assert_eq!(send(&token).await, Some((401, 50027)));
    assert_eq!(send("aW50ZXJhY3Rpb24.1.2").await, Some((404, 10015)));
}
