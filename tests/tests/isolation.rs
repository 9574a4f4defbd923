//! Nobody reaches anything that isn't theirs: a table of every command and button, run by
//! every owner against every other owner's trackers, through the shared command logic that
//! both platforms call.

use mailping_shared::commands::{Action, Chat, Command, CommandLimits};
use mailping_shared::models::Platform;
use mailping_tests::app::TestApp;
use mailping_tests::seed;

fn owners() -> Vec<Chat> {
    vec![
        Chat::new(Platform::Telegram, 42),
        Chat::new(Platform::Discord, 42),
        Chat::new(Platform::Telegram, -100_123),
    ]
}

/// A label only `owner` has: two Telegram chats (or a Telegram chat and a Discord user with
/// the same id) never share one, so a leak between any two owners shows.
fn secret(owner: &Chat, i: i32) -> String {
    format!("{} {} secret {i}", owner.platform.as_str(), owner.chat_id)
}

#[tokio::test]
async fn no_owner_can_list_view_mute_or_delete_anothers_trackers() {
    let app = TestApp::spawn().await;
    let commands = app.commands(CommandLimits {
        trackers_per_minute: 100,
        commands_per_minute: 10_000,
    });
    let owners = owners();
    // Each owner has trackers #1..#3; actors first delete their own #2 and #3, so those
    // numbers exist only in the other owners' accounts.
    for owner in &owners {
        for i in 1..=3 {
            commands.run(owner, Command::Track(secret(owner, i))).await;
        }
    }
    let mut conn = app.conn().await;
    let tokens: Vec<(String, String)> = seed::all_trackers(&mut conn)
        .await
        .into_iter()
        .map(|t| (t.token, t.copy_token))
        .collect();
    assert_eq!(tokens.len(), 9);
    for actor in &owners {
        for n in [2, 3] {
            commands.press(actor, Action::ConfirmDelete(n)).await;
        }
    }
    let missing = |n: i32| format!("You have no tracker #{n}.");
    let mut failures = Vec::new();
    for actor in &owners {
        let listing = commands
            .run(actor, Command::Opens(String::new()))
            .await
            .plain_text();
        assert!(listing.contains(&secret(actor, 1)), "{actor:?}: {listing}");
        for other in owners.iter().filter(|o| *o != actor) {
            let theirs = secret(other, 1);
            if listing.contains(&theirs) {
                failures.push(format!("{actor:?} lists {other:?}'s trackers: {listing}"));
            }
        }
        for n in [2, 3] {
            let arg = n.to_string();
            let attempts = [
                (
                    "/opens n",
                    commands.run(actor, Command::Opens(arg.clone())).await,
                ),
                (
                    "/mute n",
                    commands.run(actor, Command::Mute(arg.clone())).await,
                ),
                (
                    "/unmute n",
                    commands.run(actor, Command::Unmute(arg.clone())).await,
                ),
                (
                    "/delete n",
                    commands.run(actor, Command::Delete(arg.clone())).await,
                ),
                (
                    "button timeline",
                    commands.press(actor, Action::Timeline(n)).await,
                ),
                ("button mute", commands.press(actor, Action::Mute(n)).await),
                (
                    "button unmute",
                    commands.press(actor, Action::Unmute(n)).await,
                ),
                (
                    "button ask delete",
                    commands.press(actor, Action::AskDelete(n)).await,
                ),
                (
                    "button confirm delete",
                    commands.press(actor, Action::ConfirmDelete(n)).await,
                ),
                (
                    "button cancel delete",
                    commands.press(actor, Action::CancelDelete(n)).await,
                ),
            ];
            for (what, reply) in attempts {
                let text = reply.plain_text();
                if !text.contains(&missing(n)) || !reply.buttons.is_empty() {
                    failures.push(format!("{actor:?} {what} {n}: {text:?}"));
                }
            }
        }
        for (token, copy_token) in &tokens {
            for arg in [token, copy_token] {
                for command in [
                    Command::Opens(arg.clone()),
                    Command::Mute(arg.clone()),
                    Command::Delete(arg.clone()),
                ] {
                    let text = commands.run(actor, command.clone()).await.plain_text();
                    if !text.contains("is not a tracker number") {
                        failures.push(format!("{actor:?} {command:?}: {text:?}"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Only each owner's own #1 survived their own deletes; nothing else was touched.
    let left = seed::numbers_and_muted(&mut conn).await;
    assert_eq!(left, vec![(1, false); 3]);
}

#[tokio::test]
async fn a_number_that_exists_elsewhere_reads_exactly_like_one_that_exists_nowhere() {
    let app = TestApp::spawn().await;
    let mut conn = app.conn().await;
    seed::tracker(&mut conn, 1, "Someone else's").await;
    let commands = app.commands(CommandLimits::default());
    let stranger = Chat::new(Platform::Telegram, 2);
    let exists_elsewhere = commands.run(&stranger, Command::Opens("1".into())).await;
    let exists_nowhere = commands.run(&stranger, Command::Opens("1000".into())).await;
    assert_eq!(
        exists_elsewhere.plain_text().replace("#1.", "#N."),
        exists_nowhere.plain_text().replace("#1000.", "#N.")
    );
}
