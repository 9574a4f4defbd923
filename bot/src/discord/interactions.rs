//! `POST /discord/interactions`: slash commands and button presses, answered in the HTTP
//! response itself. Commands that answer with a file (`/stats`, `/export`) are acknowledged
//! at once with a deferred ephemeral response, and the file follows as a follow-up message
//! through the webhook API: the interaction's HTTP answer must come within 3 s and cannot
//! carry files, and a chart or an export may take longer than that.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use mailping_shared::commands::{Action, Chat, Command, Commands, Reply, files_budget};
use mailping_shared::models::Platform;
use serenity::all::{
    CommandDataOptionValue, CommandInteraction, ComponentInteraction, CreateInteractionResponse,
    CreateInteractionResponseFollowup, CreateInteractionResponseMessage, Http, Interaction,
};
use serenity::interactions_endpoint::Verifier;

use super::render::{attachment_groups, followup, followup_files, followup_text, message};

/// What the interactions endpoint needs.
pub struct InteractionsState {
    pub verifier: Verifier,
    pub commands: Arc<Commands>,
    /// Sends follow-up messages (files) after a deferred answer.
    pub http: Arc<Http>,
}

/// `POST /discord/interactions`: verifies the signature (401 if it fails), then answers the
/// interaction in the HTTP response itself.
pub async fn interactions(
    State(state): State<Arc<InteractionsState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let (Some(signature), Some(timestamp)) = (
        header("x-signature-ed25519"),
        header("x-signature-timestamp"),
    ) else {
        return (StatusCode::UNAUTHORIZED, "missing signature").into_response();
    };
    if state.verifier.verify(signature, timestamp, &body).is_err() {
        return (StatusCode::UNAUTHORIZED, "invalid request signature").into_response();
    }
    let interaction: Interaction = match serde_json::from_slice(&body) {
        Ok(i) => i,
        Err(e) => {
            tracing::warn!(error = %e, "unreadable Discord interaction");
            return (StatusCode::BAD_REQUEST, "unreadable interaction").into_response();
        }
    };
    let response = match interaction {
        Interaction::Ping(_) => CreateInteractionResponse::Pong,
        Interaction::Command(c) => on_command(&state, &c).await,
        Interaction::Component(c) => on_component(&state.commands, &c).await,
        other => {
            tracing::debug!(kind = ?other.kind(), "ignoring interaction");
            CreateInteractionResponse::Message(message(
                &Reply::new().plain("This isn't supported."),
            ))
        }
    };
    axum::Json(response).into_response()
}

async fn on_command(
    state: &Arc<InteractionsState>,
    c: &CommandInteraction,
) -> CreateInteractionResponse {
    let options: Vec<(&str, String)> = c
        .data
        .options
        .iter()
        .map(|o| {
            let value = match &o.value {
                CommandDataOptionValue::String(s) => s.clone(),
                CommandDataOptionValue::Integer(n) => n.to_string(),
                _ => String::new(),
            };
            (o.name.as_str(), value)
        })
        .collect();
    let arg = command_argument(&c.data.name, &options);
    // Trackers belong to the Discord user, wherever they run the command.
    let chat = Chat::new(Platform::Discord, c.user.id.get());
    let command = Command::from_name(&c.data.name, &arg);
    if command.sends_a_file() {
        let state = Arc::clone(state);
        let token = c.token.clone();
        tokio::spawn(async move {
            let reply = state.commands.run(&chat, command).await;
            let budget = files_budget(state.commands.upload_limit(Platform::Discord));
            send_followup(&state.http, &token, &reply, budget).await;
        });
        return CreateInteractionResponse::Defer(
            CreateInteractionResponseMessage::new().ephemeral(true),
        );
    }
    let reply = state.commands.run(&chat, command).await;
    CreateInteractionResponse::Message(message(&reply))
}

/// The argument text the shared parser expects, from named slash-command options: a
/// `/track` label with its recipients one per line, `/remind`'s tracker and delay.
fn command_argument(name: &str, options: &[(&str, String)]) -> String {
    let option = |wanted: &str| {
        options
            .iter()
            .find(|(n, _)| *n == wanted)
            .map_or("", |(_, v)| v.as_str())
    };
    match name {
        "track" => std::iter::once(option("label"))
            .chain(option("recipients").split(','))
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        "remind" => format!("{} {}", option("tracker"), option("when"))
            .trim()
            .to_owned(),
        _ => options.first().map(|(_, v)| v.clone()).unwrap_or_default(),
    }
}

/// The answer to a deferred command, as the interaction's first follow-up (which replaces
/// Discord's "thinking…" placeholder, ephemeral like it), then one more follow-up per group of
/// files that would not fit on it: an export split into parts under the upload limit.
async fn send_followup(http: &Http, token: &str, reply: &Reply, budget: u64) {
    let groups = match attachment_groups(reply, budget).await {
        Ok(groups) => groups,
        Err(e) => {
            tracing::error!(error = %e, "could not read an attachment for Discord");
            let sorry = followup_text(&mailping_shared::commands::something_went_wrong());
            execute(http, token, sorry).await;
            return;
        }
    };
    for (i, files) in groups.into_iter().enumerate() {
        // One group read into memory at a time.
        let builder = match i {
            0 => followup(reply, files).await,
            _ => followup_files(files).await,
        };
        let builder = match builder {
            Ok(builder) => builder,
            Err(e) => {
                tracing::error!(error = %e, "could not read an attachment for Discord");
                followup_text(&mailping_shared::commands::something_went_wrong())
            }
        };
        if !execute(http, token, builder).await {
            return;
        }
    }
}

/// Sends one follow-up; false if Discord refused it.
async fn execute(http: &Http, token: &str, builder: CreateInteractionResponseFollowup) -> bool {
    match serenity::builder::Builder::execute(builder, http, (None, token)).await {
        Ok(_) => true,
        Err(e) => {
            tracing::warn!(error = %e, "could not send a Discord follow-up");
            false
        }
    }
}

async fn on_component(commands: &Commands, c: &ComponentInteraction) -> CreateInteractionResponse {
    let Some(action) = Action::decode(&c.data.custom_id) else {
        let reply = Reply::new().plain("This button no longer works. Run /opens for a fresh list.");
        return CreateInteractionResponse::Message(message(&reply));
    };
    // The payload names a tracker number; it's resolved within the presser's own account.
    let chat = Chat::new(Platform::Discord, c.user.id.get());
    let reply = commands.press(&chat, action).await;
    if action.replaces_message() {
        CreateInteractionResponse::UpdateMessage(message(&reply))
    } else {
        CreateInteractionResponse::Message(message(&reply))
    }
}

#[cfg(test)]
mod tests {
    use super::command_argument;

    fn opts(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
        pairs.iter().map(|(n, v)| (*n, v.to_string())).collect()
    }

    #[test]
    fn recipients_become_one_line_each_and_remind_joins_its_options() {
        assert_eq!(
            command_argument(
                "track",
                &opts(&[("recipients", " Alice, Bob ,"), ("label", "Proposal")])
            ),
            "Proposal\nAlice\nBob"
        );
        assert_eq!(
            command_argument("track", &opts(&[("label", "Proposal")])),
            "Proposal"
        );
        assert_eq!(
            command_argument("remind", &opts(&[("when", "3 days"), ("tracker", "4")])),
            "4 3 days"
        );
        assert_eq!(command_argument("remind", &[]), "");
        assert_eq!(command_argument("opens", &opts(&[("number", "2")])), "2");
    }
}
