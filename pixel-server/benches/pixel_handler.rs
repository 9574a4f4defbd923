//! The pixel handler without I/O: a request goes through the real router (routing, extractors,
//! prefetch check, X-Forwarded-For, both rate limiters, the recorder queue, the GIF response),
//! but no socket is read or written and no database is touched. The queue's receiving end is
//! held here and drained between measurements, standing in for the writer task.

use std::hint::black_box;
use std::net::{Ipv4Addr, SocketAddr};
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, Response};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use mailping_pixel_server::gif;
use mailping_pixel_server::live_networks::LiveNetworks;
use mailping_pixel_server::recorder;
use mailping_pixel_server::routes::{self, App};
use mailping_shared::db;
use mailping_shared::domain::Token;
use mailping_shared::telemetry::metrics as metrics_handle;
use tower::Service;

const GMAIL_PROXY: &str =
    "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";
/// As many distinct trackers and clients as the wrk benchmark uses.
const TRACKERS: usize = 10_000;
const CLIENTS: u32 = 131_072;

struct Harness {
    router: Router,
    queue: recorder::Queue,
    tokens: Vec<String>,
    next: usize,
}

impl Harness {
    fn new() -> Harness {
        // Never connected to: the pixel route does not use the pool.
        let pool = db::pool("postgres://bench@127.0.0.1:1/none", 1);
        let (recorder, queue) = recorder::channel(1_000_000, usize::MAX);
        let (per_client, per_token) = App::limiters(1_000_000, 1_000_000);
        let app = Arc::new(App {
            pool,
            recorder,
            trusted_proxies: "127.0.0.0/8,::1".parse().expect("valid CIDRs"),
            proxy_header: Default::default(),
            networks: Arc::new(LiveNetworks::load(None).expect("the built-in networks")),
            per_client,
            per_token,
            base_url: "https://px.example.com".parse().expect("valid URL"),
            metrics: metrics_handle(),
            requests: metrics::counter!("mailping_pixel_requests_total"),
            rate_limited: metrics::counter!("mailping_rate_limited_total"),
        });
        Harness {
            router: routes::router(app),
            queue,
            tokens: (0..TRACKERS)
                .map(|_| Token::generate().to_string())
                .collect(),
            next: 0,
        }
    }

    /// The next request of a sequence that spreads over trackers and client addresses.
    fn next_request(&mut self, path: Option<&str>) -> Request<Body> {
        self.next += 1;
        let i = self.next;
        let client = Ipv4Addr::from(u32::from(Ipv4Addr::new(198, 18, 0, 0)) + (i as u32 % CLIENTS));
        let uri = match path {
            Some(p) => p.to_owned(),
            None => format!("/i/{}.gif", self.tokens[i % TRACKERS]),
        };
        let mut request = Request::get(uri)
            .header("host", "px.example.com")
            .header("user-agent", GMAIL_PROXY)
            .header("accept", "image/avif,image/webp,*/*")
            .header("x-forwarded-for", client.to_string())
            .body(Body::empty())
            .expect("a valid request");
        request
            .extensions_mut()
            .insert(ConnectInfo(SocketAddr::from(([127, 0, 0, 1], 40_000))));
        // The writer's part, outside the measurement.
        while self.queue.try_recv().is_ok() {}
        request
    }
}

/// Polls the handler once: it never waits on anything, so it is ready at the first poll.
fn serve(router: &mut Router, request: Request<Body>) -> Response<Body> {
    let mut future = pin!(router.call(request));
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(Ok(response)) => response,
        Poll::Ready(Err(never)) => match never {},
        Poll::Pending => panic!("the pixel handler waited on something"),
    }
}

fn pixel_handler(c: &mut Criterion) {
    // deadpool wants a runtime context for its timeouts, even when never used.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let _guard = runtime.enter();
    let mut h = Harness::new();
    let mut router = h.router.clone();

    let mut group = c.benchmark_group("pixel_handler");
    group.bench_function("gif_response", |b| b.iter(gif::response));
    group.bench_function("recorded_fetch", |b| {
        b.iter_batched(
            || h.next_request(None),
            |request| {
                let response = serve(&mut router, black_box(request));
                assert_eq!(response.status(), 200);
                response
            },
            BatchSize::SmallInput,
        )
    });
    group.bench_function("unknown_path", |b| {
        b.iter_batched(
            || h.next_request(Some("/i/not-a-token.gif")),
            |request| serve(&mut router, black_box(request)),
            BatchSize::SmallInput,
        )
    });
    group.finish();

    // Every recorded fetch reached the queue: none was rate-limited or dropped.
    let rendered = metrics_handle().render();
    assert!(
        !rendered
            .lines()
            .any(|l| l.starts_with("mailping_rate_limited_total") && !l.ends_with(" 0")),
        "the benchmark hit the rate limiter"
    );
}

criterion_group!(benches, pixel_handler);
criterion_main!(benches);
