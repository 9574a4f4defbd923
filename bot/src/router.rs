//! Every HTTP route of the bot, wired in one place.

use std::sync::Arc;

use axum::Router;
use axum::routing::post;
use mailping_shared::db::Pool;
use mailping_shared::service;

use crate::discord::{self, InteractionsState};
use crate::health::{self, Health};

/// The bot's routes: the probes, Discord's interactions endpoint (when Discord is on), and
/// the Telegram webhook (in webhook mode). Every request runs in a span; `/readyz` also
/// reports the chat platforms' `health`.
pub fn router(
    pool: Pool,
    health: Health,
    discord: Option<Arc<InteractionsState>>,
    telegram_webhook: Option<Router>,
) -> Router {
    let router = service::probes(pool).merge(platform_routes(discord, telegram_webhook));
    let router = router.layer(axum::middleware::from_fn_with_state(
        health,
        health::readiness,
    ));
    service::with_request_spans(router)
}

/// The chat platforms' routes alone: Discord's interactions endpoint (when Discord is on) and
/// the Telegram webhook (in webhook mode), for a listener another service owns (`mailping`).
pub fn platform_routes(
    discord: Option<Arc<InteractionsState>>,
    telegram_webhook: Option<Router>,
) -> Router {
    let mut router = Router::new();
    if let Some(state) = discord {
        router = router.route(
            "/discord/interactions",
            post(discord::interactions).with_state(state),
        );
    }
    if let Some(webhook) = telegram_webhook {
        router = router.merge(webhook);
    }
    router
}
