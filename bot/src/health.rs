//! What the bot's `/readyz` adds to the database check: the chat platforms it cannot reach
//! yet. A bot that cannot hear Telegram, or whose Discord commands are not registered, says
//! so instead of looking ready.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The platforms' problems, by platform; empty when all is well. Clones share it.
#[derive(Clone, Default)]
pub struct Health(Arc<Mutex<BTreeMap<&'static str, Cow<'static, str>>>>);

impl Health {
    /// Records that `part` has a problem, e.g. `("telegram", "unreachable")`.
    pub fn down(&self, part: &'static str, why: impl Into<Cow<'static, str>>) {
        self.lock().insert(part, why.into());
    }

    /// Records that `part` is working.
    pub fn up(&self, part: &'static str) {
        self.lock().remove(part);
    }

    /// One line per problem: `telegram: unreachable`.
    pub fn problems(&self) -> Vec<String> {
        self.lock()
            .iter()
            .map(|(part, why)| format!("{part}: {why}"))
            .collect()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<&'static str, Cow<'static, str>>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Answers `/readyz` with 503 and the platforms' problems while there are any (with the
/// database's state below them); every other request passes through.
pub async fn readiness(State(health): State<Health>, request: Request, next: Next) -> Response {
    if request.uri().path() != "/readyz" {
        return next.run(request).await;
    }
    let database = next.run(request).await;
    with_problems(&health, database)
}

/// `database`, the service's own `/readyz` answer, or 503 with the platforms' problems above
/// the database's state while there are any.
pub fn with_problems(health: &Health, database: Response) -> Response {
    let problems = health.problems();
    if problems.is_empty() {
        return database;
    }
    let mut body = problems.join("\n");
    if database.status() != StatusCode::OK {
        body.push_str("\ndatabase: unreachable");
    }
    (StatusCode::SERVICE_UNAVAILABLE, body).into_response()
}
