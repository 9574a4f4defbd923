//! Proves that serenity 0.12.5 talks to `FakeDiscord` as it would to Discord, and that signed
//! interaction bodies pass serenity's `Verifier` and deserialize as `Interaction`s.

use std::time::Duration;

use mailping_tests::fake_discord::{
    Failure, FakeDiscord, InteractionSigner, button_press, command_id, ping, route, slash_command,
};
use serde_json::json;
use serenity::builder::{CreateAllowedMentions, CreateCommand, CreateCommandOption, CreateMessage};
use serenity::http::{HttpBuilder, HttpError, StatusCode};
use serenity::interactions_endpoint::Verifier;
use serenity::model::application::{
    Command, CommandDataOptionValue, CommandOptionType, ComponentInteractionDataKind, Interaction,
};
use serenity::model::channel::MessageFlags;
use serenity::model::id::{ChannelId, GuildId, UserId};

const ALICE: u64 = 1_100_000_000_000_000_042;
const GUILD: u64 = 1_100_000_000_000_000_900;

/// The `ErrorResponse` inside serenity's error, or a panic naming what came instead.
fn unsuccessful(err: serenity::Error) -> serenity::http::ErrorResponse {
    match err {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(response)) => response,
        other => panic!("expected an unsuccessful request, got {other:?}"),
    }
}

#[tokio::test]
async fn dm_is_recorded_without_mentions_and_with_embeds_suppressed() {
    let fake = FakeDiscord::start().await;
    let http = fake.http();

    let channel = UserId::new(ALICE).create_dm_channel(&http).await.unwrap();
    assert_eq!(channel.id.get(), FakeDiscord::dm_channel_id(ALICE));
    assert_eq!(channel.recipient.id.get(), ALICE);

    let message = channel
        .id
        .send_message(
            &http,
            CreateMessage::new()
                .content("Opened: https://example.com/report")
                .allowed_mentions(CreateAllowedMentions::new())
                .flags(MessageFlags::SUPPRESS_EMBEDS),
        )
        .await
        .unwrap();
    assert_eq!(message.content, "Opened: https://example.com/report");
    assert_eq!(message.flags, Some(MessageFlags::SUPPRESS_EMBEDS));
    assert!(message.author.bot);

    let dms = fake.dms_to(ALICE);
    assert_eq!(dms.len(), 1);
    let dm = &dms[0];
    assert_eq!(dm.message_id, message.id.get());
    assert_eq!(dm.recipient_user_id, Some(ALICE));
    assert_eq!(dm.flags, 1 << 2);
    assert!(dm.embeds_suppressed);
    assert!(dm.unfurled_links().is_empty());
    let mentions = dm.allowed_mentions.clone().unwrap();
    assert_eq!(mentions["parse"], json!([]));
    assert_eq!(fake.call_count(route::CREATE_DM), 1);
    assert_eq!(fake.call_count(route::CREATE_MESSAGE), 1);
}

#[tokio::test]
async fn message_without_suppressed_embeds_would_unfurl_its_links() {
    let fake = FakeDiscord::start().await;
    let http = fake.http();
    let channel = UserId::new(ALICE).create_dm_channel(&http).await.unwrap();

    channel
        .id
        .say(&http, "see https://a.example/x and <https://b.example/y>")
        .await
        .unwrap();

    let dm = &fake.dms_to(ALICE)[0];
    assert!(!dm.embeds_suppressed);
    assert_eq!(dm.unfurled_links(), vec!["https://a.example/x".to_owned()]);
}

#[tokio::test]
async fn too_many_requests_surfaces_as_a_429_once() {
    let fake = FakeDiscord::start().await;
    let http = fake.http();
    let channel = UserId::new(ALICE).create_dm_channel(&http).await.unwrap();
    fake.fail_next(Failure::TooManyRequests { retry_after: 1.5 });

    let err = channel.id.say(&http, "hello").await.unwrap_err();

    let response = unsuccessful(err);
    assert_eq!(response.status_code, StatusCode::TOO_MANY_REQUESTS);
    // Discord's 429 body has no `code`, so serenity cannot decode it and keeps neither the
    // body's retry_after nor the Retry-After header: callers only get the status.
    assert_eq!(response.error.code, -1);
    assert!(
        response.error.message.contains("Could not decode json"),
        "{response:?}"
    );
    assert!(fake.sent().is_empty());
    channel.id.say(&http, "hello").await.unwrap();
    assert_eq!(fake.sent().len(), 1);
}

#[tokio::test]
async fn too_many_requests_carries_retry_after_on_the_wire() {
    let fake = FakeDiscord::start().await;
    fake.fail_next(Failure::TooManyRequests { retry_after: 1.5 });
    let url = format!(
        "{}/api/v10/channels/{}/messages",
        fake.url(),
        FakeDiscord::dm_channel_id(ALICE)
    );

    let response = reqwest::Client::new()
        .post(url)
        .header("Authorization", format!("Bot {}", FakeDiscord::TOKEN))
        .json(&json!({ "content": "hello" }))
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "2");
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["retry_after"], 1.5);
    assert_eq!(body["global"], false);
}

#[tokio::test]
async fn closed_dms_surface_code_50007() {
    let fake = FakeDiscord::start().await;
    let http = fake.http();
    fake.close_dms(ALICE);

    let channel = UserId::new(ALICE).create_dm_channel(&http).await.unwrap();
    let err = channel.id.say(&http, "hello").await.unwrap_err();

    let response = unsuccessful(err);
    assert_eq!(response.status_code, StatusCode::FORBIDDEN);
    assert_eq!(response.error.code, 50007);
    assert_eq!(response.error.message, "Cannot send messages to this user");
    assert!(fake.sent().is_empty());
}

#[tokio::test]
async fn injected_dm_and_server_failures_hit_the_next_message_only() {
    let fake = FakeDiscord::start().await;
    let http = fake.http();
    let channel = UserId::new(ALICE).create_dm_channel(&http).await.unwrap();
    fake.fail_next(Failure::CannotDmUser);
    fake.fail_next(Failure::ServerError);

    let first = unsuccessful(channel.id.say(&http, "1").await.unwrap_err());
    let second = unsuccessful(channel.id.say(&http, "2").await.unwrap_err());
    channel.id.say(&http, "3").await.unwrap();

    assert_eq!(first.error.code, 50007);
    assert_eq!(second.status_code, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(fake.dms_to(ALICE).len(), 1);
    assert_eq!(fake.call_count(route::CREATE_MESSAGE), 3);
}

#[tokio::test]
async fn a_user_id_used_as_a_channel_id_is_an_unknown_channel() {
    let fake = FakeDiscord::start().await;
    let http = fake.http();

    let err = ChannelId::new(ALICE).say(&http, "hello").await.unwrap_err();

    let response = unsuccessful(err);
    assert_eq!(response.status_code, StatusCode::NOT_FOUND);
    assert_eq!(response.error.code, 10003);
}

#[tokio::test]
async fn empty_and_too_long_messages_are_rejected_like_discord() {
    let fake = FakeDiscord::start().await;
    let http = fake.http();
    let channel = ChannelId::new(FakeDiscord::GUILD_CHANNEL_ID);

    let empty = unsuccessful(
        channel
            .send_message(&http, CreateMessage::new())
            .await
            .unwrap_err(),
    );
    // serenity checks length itself, so send the raw JSON past it.
    let long = json!({ "content": "x".repeat(2001) });
    let too_long = unsuccessful(http.send_message(channel, vec![], &long).await.unwrap_err());

    assert_eq!(empty.error.code, 50006);
    assert_eq!(too_long.error.code, 50035);
    assert_eq!(too_long.error.errors[0].path, "content");
}

#[tokio::test]
async fn global_and_guild_commands_are_registered() {
    let fake = FakeDiscord::start().await;
    let http = fake.http();
    let track = CreateCommand::new("track")
        .description("Create a tracking pixel")
        .add_option(
            CreateCommandOption::new(CommandOptionType::String, "label", "What the email is")
                .required(true),
        );

    let global = Command::set_global_commands(&http, vec![track.clone()])
        .await
        .unwrap();
    assert_eq!(global[0].name, "track");
    assert_eq!(global[0].id.get(), command_id("track"));
    assert_eq!(global[0].options[0].name, "label");
    assert_eq!(fake.registered_guild(), None);
    assert_eq!(fake.registered_commands()[0]["name"], "track");

    let list = CreateCommand::new("list").description("Your trackers");
    let guild = GuildId::new(GUILD)
        .set_commands(&http, vec![track, list])
        .await
        .unwrap();
    assert_eq!(guild.len(), 2);
    assert_eq!(guild[1].guild_id, Some(GuildId::new(GUILD)));
    assert_eq!(fake.registered_guild(), Some(GUILD));
    assert_eq!(fake.registered_commands().len(), 2);
    assert_eq!(fake.global_commands().len(), 1);
    assert_eq!(fake.call_count(route::SET_GLOBAL_COMMANDS), 1);
    assert_eq!(fake.call_count(route::SET_GUILD_COMMANDS), 1);
}

#[tokio::test]
async fn a_command_without_description_is_rejected() {
    let fake = FakeDiscord::start().await;
    let http = fake.http();

    let err = Command::set_global_commands(&http, vec![CreateCommand::new("track")])
        .await
        .unwrap_err();

    let response = unsuccessful(err);
    assert_eq!(response.error.code, 50035);
    assert_eq!(response.error.errors[0].path, "0.description");
}

#[tokio::test]
async fn a_wrong_token_is_unauthorized() {
    let fake = FakeDiscord::start().await;
    let http = HttpBuilder::new("not-the-token")
        .proxy(fake.url())
        .ratelimiter_disabled(true)
        .build();

    let err = UserId::new(ALICE)
        .create_dm_channel(&http)
        .await
        .unwrap_err();

    let response = unsuccessful(err);
    assert_eq!(response.status_code, StatusCode::UNAUTHORIZED);
    assert_eq!(response.error.message, "401: Unauthorized");
}

#[tokio::test]
async fn wait_for_sees_a_message_sent_later() {
    let fake = FakeDiscord::start().await;
    let http = fake.http();
    let channel = UserId::new(ALICE).create_dm_channel(&http).await.unwrap();

    let send = async {
        tokio::time::sleep(Duration::from_millis(50)).await;
        channel.id.say(&http, "first open").await.unwrap();
    };
    let wait = fake.wait_for(Duration::from_secs(5), |m| m.content.contains("open"));
    let ((), found) = tokio::join!(send, wait);

    assert_eq!(found.unwrap().recipient_user_id, Some(ALICE));
    let missing = fake
        .wait_for(Duration::from_millis(50), |m| m.content == "never")
        .await;
    assert!(missing.is_none());
}

#[test]
fn verifier_accepts_the_signature_and_rejects_a_tampered_body() {
    let signer = InteractionSigner::generate();
    let verifier = Verifier::new(&signer.public_key_hex());
    let body = slash_command("list", &[], ALICE, None).to_string();

    let (timestamp, signature) = signer.sign(&body);

    assert!(
        verifier
            .verify(&signature, &timestamp, body.as_bytes())
            .is_ok()
    );
    let tampered = body.replace("list", "lisT");
    assert!(
        verifier
            .verify(&signature, &timestamp, tampered.as_bytes())
            .is_err()
    );
    assert!(verifier.verify(&signature, "1", body.as_bytes()).is_err());
    let other = InteractionSigner::generate();
    let (timestamp, signature) = other.sign(&body);
    assert!(
        verifier
            .verify(&signature, &timestamp, body.as_bytes())
            .is_err()
    );
}

#[test]
fn guild_slash_command_deserializes_with_member_user_and_options() {
    let options = [
        ("label", json!("Invoice March")),
        ("days", json!(7)),
        ("notify", json!(true)),
        ("ratio", json!(0.5)),
        ("who", json!({ "type": 6, "value": ALICE.to_string() })),
    ];
    let body = slash_command("track", &options, ALICE, Some(GUILD));

    let Interaction::Command(command) = serde_json::from_value(body).unwrap() else {
        panic!("not a command");
    };

    assert_eq!(command.data.name, "track");
    assert_eq!(command.data.id.get(), command_id("track"));
    assert_eq!(command.user.id.get(), ALICE);
    assert_eq!(command.member.as_ref().unwrap().user.id.get(), ALICE);
    assert_eq!(command.guild_id, Some(GuildId::new(GUILD)));
    assert_eq!(command.channel_id.get(), FakeDiscord::GUILD_CHANNEL_ID);
    let values: Vec<_> = command
        .data
        .options
        .iter()
        .map(|o| o.value.clone())
        .collect();
    assert_eq!(
        values,
        vec![
            CommandDataOptionValue::String("Invoice March".into()),
            CommandDataOptionValue::Integer(7),
            CommandDataOptionValue::Boolean(true),
            CommandDataOptionValue::Number(0.5),
            CommandDataOptionValue::User(UserId::new(ALICE)),
        ]
    );
}

#[test]
fn dm_slash_command_deserializes_with_top_level_user() {
    let body = slash_command("list", &[], ALICE, None);

    let Interaction::Command(command) = serde_json::from_value(body).unwrap() else {
        panic!("not a command");
    };

    assert_eq!(command.user.id.get(), ALICE);
    assert!(command.member.is_none());
    assert_eq!(command.guild_id, None);
    assert_eq!(command.channel_id.get(), FakeDiscord::dm_channel_id(ALICE));
}

#[test]
fn button_press_and_ping_deserialize() {
    let press = serde_json::from_value(button_press("stop:1234", ALICE, None)).unwrap();
    let Interaction::Component(component) = press else {
        panic!("not a component interaction");
    };
    assert_eq!(component.data.custom_id, "stop:1234");
    assert!(matches!(
        component.data.kind,
        ComponentInteractionDataKind::Button
    ));
    assert_eq!(component.user.id.get(), ALICE);

    let in_guild = serde_json::from_value(button_press("stop:1", ALICE, Some(GUILD))).unwrap();
    let Interaction::Component(component) = in_guild else {
        panic!("not a component interaction");
    };
    assert_eq!(component.user.id.get(), ALICE);

    let ping = serde_json::from_value(ping()).unwrap();
    assert!(matches!(ping, Interaction::Ping(_)));
}

/// Interaction responses are checked by type, as Discord does: a type must answer the kind of
/// interaction it is sent for, a message needs valid data, a deferral carries only flags.
#[tokio::test]
async fn interaction_responses_are_checked_by_type() {
    let fake = FakeDiscord::start().await;
    let command = slash_command("opens", &[], ALICE, Some(GUILD));
    let button = button_press("opens:1", ALICE, Some(GUILD));
    let message = json!({ "type": 4, "data": { "content": "hello" } });
    let cases = [
        (&command, message.clone(), true),
        (
            &command,
            json!({ "type": 5, "data": { "flags": 64 } }),
            true,
        ),
        (&command, json!({ "type": 5 }), true),
        (
            &button,
            json!({ "type": 7, "data": { "content": "page 2" } }),
            true,
        ),
        (&button, json!({ "type": 6 }), true),
        (
            &command,
            json!({ "type": 7, "data": { "content": "x" } }),
            false,
        ),
        (&command, json!({ "type": 1 }), false),
        (&command, json!({ "type": 4 }), false),
        (
            &command,
            json!({ "type": 4, "data": { "content": "" } }),
            false,
        ),
        (
            &command,
            json!({ "type": 4, "data": { "content": "x".repeat(2001) } }),
            false,
        ),
        (
            &command,
            json!({ "type": 5, "data": { "content": "x" } }),
            false,
        ),
        (&command, json!({ "type": 42 }), false),
        (
            &button,
            json!({ "type": 7, "data": { "content": "x".repeat(2001) } }),
            false,
        ),
    ];
    for (interaction, response, valid) in cases {
        fake.interaction_sent(interaction);
        let outcome = fake.interaction_answered(interaction, 200, &response);
        assert_eq!(outcome.is_ok(), valid, "{response}: {outcome:?}");
    }
    let ping = ping();
    fake.interaction_sent(&ping);
    assert!(
        fake.interaction_answered(&ping, 200, &json!({ "type": 1 }))
            .is_ok()
    );
    assert!(fake.interaction_answered(&ping, 200, &message).is_err());
}
