//! The obvious alternative to MailPing's recording path, for `bench/run` to compare against:
//! an axum handler that writes each fetch with one INSERT through a connection pool, as most
//! self-hosted trackers do (listmonk records every view this way). It does only what such a
//! tracker does: find the tracker by its token and store the time, the client's network and
//! the User-Agent. No classification, no dedup, no alerts, no queue.
//!
//! Usage: `DATABASE_URL=postgres://... naive_peer [listen address]` (default 127.0.0.1:18082),
//! against a database that `mailping-pixel-server migrate` created. The client address is the
//! right-most `X-Forwarded-For` hop, as the benchmark sends it from loopback.

use std::net::{IpAddr, SocketAddr};

use axum::Router;
use axum::extract::{Path, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use diesel::sql_types::{Cidr, Nullable, Text, Uuid as SqlUuid};
use diesel_async::RunQueryDsl;
use mailping_shared::db::{self, Pool};
use mailping_shared::{links, net};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let url = std::env::var("DATABASE_URL").map_err(|_| anyhow::anyhow!("set DATABASE_URL"))?;
    let listen: SocketAddr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:18082".into())
        .parse()?;
    let pool_size = std::env::var("POOL_SIZE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(16);
    let pool = db::pool(&url, pool_size);
    let app = Router::new()
        .route(&format!("/{}/{{file}}", links::PIXEL_PREFIX), get(pixel))
        .route("/healthz", get(|| async { "ok" }))
        .with_state(pool);
    let listener = tokio::net::TcpListener::bind(listen).await?;
    println!("naive peer listening on {listen}, pool of {pool_size}");
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let mut term =
                tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                    .expect("a SIGTERM handler");
            term.recv().await;
        })
        .await?;
    Ok(())
}

/// One INSERT per request, awaited before the image is served.
async fn pixel(State(pool): State<Pool>, Path(file): Path<String>, request: Request) -> Response {
    let Some(token) = links::parse_pixel_file(&file) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let headers = request.headers();
    let client: Option<IpAddr> = headers
        .get("x-forwarded-for")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.rsplit(',').next())
        .and_then(|hop| hop.trim().parse().ok());
    let user_agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(|ua| mailping_shared::models::open::truncate_user_agent(ua).to_owned());
    let result = async {
        let mut conn = pool.get().await?;
        diesel::sql_query(
            "INSERT INTO opens (tracker_id, opened_at, kind, client, network, user_agent)
             SELECT id, now(), 'direct', 'naive', $2, $3 FROM trackers WHERE token = $1",
        )
        .bind::<SqlUuid, _>(token)
        .bind::<Nullable<Cidr>, _>(client.map(net::truncate))
        .bind::<Nullable<Text>, _>(user_agent)
        .execute(&mut conn)
        .await?;
        Ok::<_, mailping_shared::errors::DbError>(())
    }
    .await;
    if let Err(e) = result {
        eprintln!("naive peer: {e}");
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    mailping_pixel_server::gif::response()
}
