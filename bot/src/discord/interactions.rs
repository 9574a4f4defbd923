//! `POST /discord/interactions`: slash commands and button presses, answered in the HTTP
//! response itself. Commands that answer with a file (`/stats`, `/export`) are acknowledged
//! at once with a deferred ephemeral response, and the file follows as a follow-up message
//! through the webhook API: the interaction's HTTP answer must come within 3 s and cannot
//! carry files, and a chart or an export may take longer than that. Discord refuses a
//! follow-up until it has the deferred answer, so the follow-up waits until the answer is
//! written out, and tries again for a few seconds while Discord says Unknown Webhook.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use mailping_shared::commands::{Action, Chat, Command, Commands, Reply, files_budget};
use mailping_shared::db::Pool;
use mailping_shared::errors::DbError;
use mailping_shared::i18n::Lang;
use mailping_shared::models::{Platform, seen_request};
use serenity::all::{
    CommandDataOptionValue, CommandInteraction, ComponentInteraction, CreateInteractionResponse,
    CreateInteractionResponseFollowup, CreateInteractionResponseMessage, Http, Interaction,
};
use serenity::http::HttpError;
use serenity::interactions_endpoint::Verifier;
use tokio::sync::oneshot;

use super::render::{attachment_groups, followup, followup_files, followup_text, message};

/// How far a request's signed timestamp may be from our clock. A captured request is
/// useless after this, and its id is remembered (in Postgres, for every replica) this long.
pub const FRESHNESS: Duration = Duration::from_secs(5 * 60);

/// What the interactions endpoint needs.
pub struct InteractionsState {
    pub verifier: Verifier,
    /// Remembers the interaction ids already answered.
    pub pool: Pool,
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
    if let Err(why) = fresh(timestamp, SystemTime::now()) {
        tracing::warn!(
            timestamp,
            why,
            "Discord interaction refused: stale timestamp"
        );
        return (StatusCode::UNAUTHORIZED, "stale request timestamp").into_response();
    }
    let interaction: Interaction = match serde_json::from_slice(&body) {
        Ok(i) => i,
        Err(e) => {
            tracing::warn!(error = %e, "unreadable Discord interaction");
            return (StatusCode::BAD_REQUEST, "unreadable interaction").into_response();
        }
    };
    match first_sight(&state.pool, &interaction).await {
        Ok(true) => {}
        Ok(false) => {
            tracing::warn!(id = %interaction.id(), "Discord interaction refused: replayed");
            return (StatusCode::UNAUTHORIZED, "replayed request").into_response();
        }
        // Without the database we can tell neither a replay nor answer a command.
        Err(e) => {
            tracing::error!(error = %e, "cannot check a Discord interaction for replay");
            return (StatusCode::SERVICE_UNAVAILABLE, "try again").into_response();
        }
    }
    let mut answered = None;
    let response = match interaction {
        Interaction::Ping(_) => CreateInteractionResponse::Pong,
        Interaction::Command(c) => on_command(&state, &c, &mut answered).await,
        Interaction::Component(c) => on_component(&state.commands, &c).await,
        other => {
            tracing::debug!(kind = ?other.kind(), "ignoring interaction");
            CreateInteractionResponse::Message(message(&Lang::En.say("not-supported")))
        }
    };
    match answered {
        Some(answered) => answer_then_signal(&response, answered),
        None => axum::Json(response).into_response(),
    }
}

/// Fires when the interaction's answer has been written out (or dropped): the follow-ups wait
/// for it, since Discord refuses a follow-up on an interaction it has no answer to yet.
struct Answered(Option<oneshot::Sender<()>>);

impl Drop for Answered {
    fn drop(&mut self) {
        if let Some(tx) = self.0.take() {
            let _ = tx.send(());
        }
    }
}

/// The JSON answer as a body that fires `answered` once hyper is done with it.
fn answer_then_signal(response: &CreateInteractionResponse, answered: Answered) -> Response {
    let json = match serde_json::to_vec(response) {
        Ok(json) => Bytes::from(json),
        Err(e) => {
            tracing::error!(error = %e, "could not serialise a Discord interaction answer");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let body = futures_util::stream::iter([Ok::<_, Infallible>(json)]).map(move |chunk| {
        let _held_until_the_body_is_dropped = &answered;
        chunk
    });
    (
        [(header::CONTENT_TYPE, "application/json")],
        Body::from_stream(body),
    )
        .into_response()
}

/// Checks a signed timestamp: whole seconds since the epoch, within [`FRESHNESS`] of `now`.
fn fresh(timestamp: &str, now: SystemTime) -> Result<(), &'static str> {
    if timestamp.is_empty() || !timestamp.bytes().all(|b| b.is_ascii_digit()) {
        return Err("not a whole number of seconds");
    }
    let signed = timestamp
        .parse::<u64>()
        .map_err(|_| "out of range")
        .map(|secs| UNIX_EPOCH + Duration::from_secs(secs))?;
    let skew = now
        .duration_since(signed)
        .or_else(|_| signed.duration_since(now))
        .unwrap_or(Duration::MAX);
    if skew > FRESHNESS {
        return Err("too far from now");
    }
    Ok(())
}

/// Records the interaction's id; false if some replica already acted on it.
async fn first_sight(pool: &Pool, interaction: &Interaction) -> Result<bool, DbError> {
    let mut conn = pool.get().await?;
    let key = format!("discord:{}", interaction.id());
    Ok(seen_request::first_sight(&mut conn, &key).await?)
}

/// Forgets answered interaction ids once they are older than [`FRESHNESS`] (doubled, for
/// clock skew between replicas and Postgres); runs every minute until aborted.
pub async fn forget_old_interactions(pool: Pool) {
    let period = Duration::from_secs(60);
    let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
    loop {
        tick.tick().await;
        let purged = match pool.get().await {
            Ok(mut conn) => seen_request::purge(&mut conn, FRESHNESS * 2)
                .await
                .map_err(DbError::from),
            Err(e) => Err(e.into()),
        };
        if let Err(e) = purged {
            tracing::warn!(error = %e, "could not purge old Discord interaction ids");
        }
    }
}

async fn on_command(
    state: &Arc<InteractionsState>,
    c: &CommandInteraction,
    answered: &mut Option<Answered>,
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
    // Trackers belong to the Discord user, wherever they run the command, in their language.
    let chat = Chat::new(Platform::Discord, c.user.id.get()).speaking(Some(&c.locale));
    let lang = chat.reported.unwrap_or_default();
    let command = Command::from_name(&c.data.name, &arg);
    if command.sends_a_file() {
        let state = Arc::clone(state);
        let token = c.token.clone();
        let (tx, sent) = oneshot::channel();
        *answered = Some(Answered(Some(tx)));
        tokio::spawn(async move {
            let reply = state.commands.run(&chat, command).await;
            // Either way the answer is gone: sent, or dropped with its connection.
            let _ = sent.await;
            let budget = files_budget(state.commands.upload_limit(Platform::Discord));
            send_followup(&state.http, &token, &reply, budget, lang).await;
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
async fn send_followup(http: &Http, token: &str, reply: &Reply, budget: u64, lang: Lang) {
    let groups = match attachment_groups(reply, budget).await {
        Ok(groups) => groups,
        Err(e) => {
            tracing::error!(error = %e, "could not read an attachment for Discord");
            let sorry = followup_text(&mailping_shared::commands::something_went_wrong(lang));
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
                followup_text(&mailping_shared::commands::something_went_wrong(lang))
            }
        };
        if !execute(http, token, builder).await {
            return;
        }
    }
}

/// How long a follow-up refused as Unknown Webhook is tried again: our answer was written but
/// may not have reached Discord yet. Discord fails an interaction not answered within 3 s.
const ACKNOWLEDGEMENT_WAIT: Duration = Duration::from_secs(5);

/// Sends one follow-up; false if Discord refused it. Unknown Webhook (10015) means Discord has
/// not seen our answer to the interaction yet: tried again, waiting longer each time.
async fn execute(http: &Http, token: &str, builder: CreateInteractionResponseFollowup) -> bool {
    let deadline = tokio::time::Instant::now() + ACKNOWLEDGEMENT_WAIT;
    let mut delay = Duration::from_millis(50);
    loop {
        let sent = serenity::builder::Builder::execute(builder.clone(), http, (None, token)).await;
        match sent {
            Ok(_) => return true,
            Err(serenity::Error::Http(HttpError::UnsuccessfulRequest(r)))
                if r.error.code == UNKNOWN_WEBHOOK
                    && tokio::time::Instant::now() + delay < deadline =>
            {
                tracing::debug!(retry_in = ?delay, "Discord has not seen our answer yet");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(1));
            }
            Err(e) => {
                tracing::error!(error = %e, "could not send a Discord follow-up; the user saw no answer");
                return false;
            }
        }
    }
}

/// Discord's error code for a webhook (or an interaction token) it does not know.
const UNKNOWN_WEBHOOK: isize = 10015;

async fn on_component(commands: &Commands, c: &ComponentInteraction) -> CreateInteractionResponse {
    let chat = Chat::new(Platform::Discord, c.user.id.get()).speaking(Some(&c.locale));
    let Some(action) = Action::decode(&c.data.custom_id) else {
        let reply = chat.reported.unwrap_or_default().say("button-expired");
        return CreateInteractionResponse::Message(message(&reply));
    };
    // The payload names a tracker number; it's resolved within the presser's own account.
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
    fn timestamps_must_be_whole_seconds_near_now() {
        let now = UNIX_EPOCH + Duration::from_secs(1_800_000_000);
        assert_eq!(fresh("1800000000", now), Ok(()));
        assert_eq!(fresh("1799999700", now), Ok(()));
        assert_eq!(fresh("1800000300", now), Ok(()));
        for bad in [
            "1799999699",
            "1800000301",
            "0",
            "",
            "not-a-time",
            "1800000000.5",
            "+1800000000",
            " 1800000000",
            "99999999999999999999999",
        ] {
            assert!(fresh(bad, now).is_err(), "{bad:?}");
        }
    }

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
