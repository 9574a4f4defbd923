//! Starts the pixel server in-process on port 0 against a test database.

use std::time::Duration;

use mailping_pixel_server::{Application, PixelConfig};
use mailping_shared::config::DatabaseConfig;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// A running pixel server with typed helpers.
pub struct TestPixel {
    pub port: u16,
    pub base_url: String,
    pub client: reqwest::Client,
    stop: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<std::io::Result<()>>>,
}

/// The settings tests start from: no grace period, generous limits.
pub fn test_config(database_url: &str) -> PixelConfig {
    PixelConfig {
        database: DatabaseConfig {
            url: database_url.to_owned().into(),
            pool_size: 4,
        },
        public_base_url: "http://127.0.0.1:1".parse().expect("valid URL"),
        listen_addr: "127.0.0.1:0".parse().expect("valid address"),
        trusted_proxies: Default::default(),
        rate_limit_per_client: 10_000,
        rate_limit_per_token: 10_000,
        dedup_window_secs: 60,
        self_grace_secs: 0,
        open_buffer: 100_000,
        write_batch_max: 2_000,
        shutdown_flush_secs: 30,
        opens_retention_days: 365,
    }
}

impl TestPixel {
    pub async fn start(config: PixelConfig) -> TestPixel {
        crate::init_logs();
        let app = Application::build(config)
            .await
            .expect("pixel server starts");
        let port = app.port();
        let (stop, stopped) = oneshot::channel::<()>();
        let handle = tokio::spawn(app.run_until_stopped(async {
            let _ = stopped.await;
        }));
        TestPixel {
            port,
            base_url: format!("http://127.0.0.1:{port}"),
            client: reqwest::Client::builder()
                .timeout(Duration::from_secs(10))
                .build()
                .expect("client"),
            stop: Some(stop),
            handle: Some(handle),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    pub fn pixel_path(token: &str) -> String {
        format!("/i/{token}.gif")
    }

    /// GETs a tracker's pixel with this User-Agent (None sends no User-Agent header).
    pub async fn fetch_pixel(&self, token: &str, user_agent: Option<&str>) -> reqwest::Response {
        self.fetch_pixel_with(token, user_agent, &[]).await
    }

    pub async fn fetch_pixel_with(
        &self,
        token: &str,
        user_agent: Option<&str>,
        headers: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut req = self.client.get(self.url(&Self::pixel_path(token)));
        if let Some(ua) = user_agent {
            req = req.header("user-agent", ua);
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        req.send().await.expect("pixel request")
    }

    /// Stops the server the way SIGTERM does and waits until every queued open is written.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(handle) = self.handle.take() {
            handle.await.expect("server task").expect("server ran");
        }
    }
}

impl Drop for TestPixel {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}
