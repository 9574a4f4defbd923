//! The Discord adapter: slash commands arrive on an HTTP interactions endpoint (verified with
//! serenity's Ed25519 `Verifier`), replies are ephemeral, and alerts go by DM through
//! serenity's `Http`. It parses and renders only; the command logic is shared.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use mailping_shared::commands::{Action, COMMANDS, Chat, Command, Commands, Reply, Span};
use mailping_shared::models::Platform;
use serenity::all::{
    ButtonStyle, CommandDataOptionValue, CommandInteraction, CommandOptionType,
    ComponentInteraction, CreateActionRow, CreateAllowedMentions, CreateButton, CreateCommand,
    CreateCommandOption, CreateInteractionResponse, CreateInteractionResponseMessage,
    CreateMessage, GuildId, Http, HttpBuilder, Interaction, InteractionResponseFlags, MessageFlags,
    UserId,
};
use serenity::interactions_endpoint::Verifier;

use crate::dispatcher::SendError;

/// Discord's API, for registering commands and sending alert DMs.
#[derive(Clone)]
pub struct DiscordSender {
    http: Arc<Http>,
}

/// Builds the HTTP client. `api_url` (tests) sends every request to a fake; serenity only
/// honours the proxy with its rate limiter disabled, and then we honour 429s ourselves.
pub fn http(token: &str, application_id: u64, api_url: Option<&str>) -> Arc<Http> {
    let mut builder = HttpBuilder::new(token).application_id(application_id.into());
    if let Some(url) = api_url {
        builder = builder
            .proxy(url.trim_end_matches('/'))
            .ratelimiter_disabled(true);
    }
    Arc::new(builder.build())
}

/// The slash commands, built from the shared command table.
pub fn slash_commands() -> Vec<CreateCommand> {
    COMMANDS
        .iter()
        .map(|(name, args, description)| {
            let command = CreateCommand::new(*name).description(*description);
            match *args {
                "<label>" => command.add_option(
                    CreateCommandOption::new(
                        CommandOptionType::String,
                        "label",
                        "What the email is, e.g. Proposal to ACME",
                    )
                    .required(true)
                    .max_length(200),
                ),
                "[n]" => command.add_option(
                    CreateCommandOption::new(
                        CommandOptionType::Integer,
                        "number",
                        "Tracker number (leave empty to list)",
                    )
                    .min_int_value(1),
                ),
                "<n>" => command.add_option(
                    CreateCommandOption::new(
                        CommandOptionType::Integer,
                        "number",
                        "Tracker number, see /opens",
                    )
                    .required(true)
                    .min_int_value(1),
                ),
                "<zone>" => command.add_option(
                    CreateCommandOption::new(
                        CommandOptionType::String,
                        "zone",
                        "IANA timezone, e.g. Europe/Berlin",
                    )
                    .required(true),
                ),
                _ => command,
            }
        })
        .collect()
}

impl DiscordSender {
    pub fn new(http: Arc<Http>) -> Self {
        DiscordSender { http }
    }

    /// Registers the slash commands: in one guild when given (instant), else globally.
    pub async fn register_commands(&self, guild: Option<u64>) -> serenity::Result<()> {
        match guild {
            Some(id) => GuildId::new(id)
                .set_commands(&self.http, slash_commands())
                .await
                .map(drop),
            None => serenity::all::Command::set_global_commands(&self.http, slash_commands())
                .await
                .map(drop),
        }
    }

    /// Sends an alert by DM to the user who owns the tracker.
    pub async fn send_alert(&self, user_id: &str, reply: &Reply) -> Result<(), SendError> {
        let user: u64 = user_id
            .parse()
            .ok()
            .filter(|id| *id != 0)
            .ok_or_else(|| SendError::Refused(format!("not a Discord user id: {user_id:?}")))?;
        let channel = UserId::new(user)
            .create_dm_channel(&self.http)
            .await
            .map_err(classify_error)?;
        let message = CreateMessage::new()
            .content(render(reply))
            .allowed_mentions(CreateAllowedMentions::new())
            .flags(MessageFlags::SUPPRESS_EMBEDS)
            .components(components(reply));
        channel
            .id
            .send_message(&self.http, message)
            .await
            .map(drop)
            .map_err(classify_error)
    }
}

/// Discord's "Cannot send messages to this user": closed DMs or a blocked bot.
const CANNOT_DM_USER: isize = 50007;

fn classify_error(e: serenity::Error) -> SendError {
    use serenity::http::HttpError;
    if let serenity::Error::Http(HttpError::UnsuccessfulRequest(resp)) = &e {
        if resp.status_code.as_u16() == 429 {
            return SendError::RetryAfter(retry_after(&resp.error.message));
        }
        if resp.error.code == CANNOT_DM_USER {
            return SendError::Refused(e.to_string());
        }
    }
    SendError::Failed(e.to_string())
}

/// serenity keeps only the error message of a 429, not `retry_after`; Discord's limits are
/// short, so a fixed, modest wait honours them without a retry storm.
fn retry_after(_message: &str) -> std::time::Duration {
    std::time::Duration::from_secs(2)
}

/// Renders a reply in Discord markdown. User text is escaped so that it shows exactly as
/// typed; mentions can't ping because every message sets `allowed_mentions` to none.
pub fn render(reply: &Reply) -> String {
    let mut out = String::new();
    for span in &reply.spans {
        match span {
            Span::Plain(t) => out.push_str(&escape(t)),
            Span::Bold(t) => {
                out.push_str("**");
                out.push_str(&escape(t));
                out.push_str("**");
            }
            Span::Italic(t) => {
                out.push('*');
                out.push_str(&escape(t));
                out.push('*');
            }
            Span::Code(t) if !t.contains('`') => {
                out.push('`');
                out.push_str(t);
                out.push('`');
            }
            Span::Code(t) => out.push_str(&escape(t)),
            Span::Pre(t) => {
                out.push_str("```\n");
                out.push_str(&t.replace("```", "'''"));
                out.push_str("\n```");
            }
            Span::Link { text, url } => {
                out.push('[');
                out.push_str(&escape(text));
                out.push_str("](<");
                out.push_str(url);
                out.push_str(">)");
            }
        }
    }
    out
}

/// Backslash-escapes every character Discord markdown gives a meaning to.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*'
                | '_'
                | '~'
                | '`'
                | '|'
                | '>'
                | '<'
                | '#'
                | '-'
                | '['
                | ']'
                | '('
                | ')'
                | '@'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn components(reply: &Reply) -> Vec<CreateActionRow> {
    reply
        .buttons
        .iter()
        .map(|row| {
            CreateActionRow::Buttons(
                row.iter()
                    .map(|b| {
                        CreateButton::new(b.action.encode())
                            .label(&b.text)
                            .style(ButtonStyle::Secondary)
                    })
                    .collect(),
            )
        })
        .collect()
}

fn message(reply: &Reply) -> CreateInteractionResponseMessage {
    CreateInteractionResponseMessage::new()
        .content(render(reply))
        .flags(InteractionResponseFlags::EPHEMERAL | InteractionResponseFlags::SUPPRESS_EMBEDS)
        .allowed_mentions(CreateAllowedMentions::new())
        .components(components(reply))
}

/// What the interactions endpoint needs.
pub struct InteractionsState {
    pub verifier: Verifier,
    pub commands: Arc<Commands>,
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
        Interaction::Command(c) => on_command(&state.commands, &c).await,
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

async fn on_command(commands: &Commands, c: &CommandInteraction) -> CreateInteractionResponse {
    let arg = c
        .data
        .options
        .first()
        .map(|o| match &o.value {
            CommandDataOptionValue::String(s) => s.clone(),
            CommandDataOptionValue::Integer(n) => n.to_string(),
            _ => String::new(),
        })
        .unwrap_or_default();
    // Trackers belong to the Discord user, wherever they run the command.
    let chat = Chat::new(Platform::Discord, c.user.id.get());
    let reply = commands
        .run(&chat, Command::from_name(&c.data.name, &arg))
        .await;
    CreateInteractionResponse::Message(message(&reply))
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
    use super::*;

    #[test]
    fn hostile_text_is_escaped() {
        let reply = Reply::new().bold("*_[]()~`>#+-=|{}.!<b>& @everyone <@123>");
        assert_eq!(
            render(&reply),
            "**\\*\\_\\[\\]\\(\\)\\~\\`\\>\\#+\\-=\\|{}.!\\<b\\>& \\@everyone \\<\\@123\\>**"
        );
    }

    #[test]
    fn every_shared_command_becomes_a_slash_command() {
        let json = serde_json::to_value(slash_commands()).unwrap();
        let names: Vec<_> = json
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap().to_owned())
            .collect();
        let expected: Vec<_> = COMMANDS.iter().map(|c| c.0.to_owned()).collect();
        assert_eq!(names, expected);
    }
}
