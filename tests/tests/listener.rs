//! Both services' HTTP listeners against clients that hold connections open: half-sent
//! requests, idle keep-alive connections, floods of slow sockets, huge headers, and a
//! shutdown while all of that goes on.

use std::time::{Duration, Instant};

use mailping_tests::app::TestApp;
use mailping_tests::seed;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const GIF: [u8; 43] = mailping_pixel_server::gif::TRANSPARENT_GIF;

/// Waits until the server closes `stream` (EOF or reset); how long that took, or `None` if it
/// stayed open for `within`.
async fn closed_within(stream: &mut TcpStream, within: Duration) -> Option<Duration> {
    let started = Instant::now();
    let mut buf = [0u8; 1024];
    let read = tokio::time::timeout(within, async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
    })
    .await;
    read.ok().map(|()| started.elapsed())
}

/// A connection that has sent the start of a request and nothing more.
async fn half_sent(port: u16) -> TcpStream {
    let mut stream = TcpStream::connect(("127.0.0.1", port))
        .await
        .expect("connect");
    stream
        .write_all(b"GET /i/0123456789abcdef0123456789abcdef.gif HTTP/1.1\r\nHost: px\r\nUser-Ag")
        .await
        .expect("write");
    stream
}

#[tokio::test]
async fn a_half_sent_request_is_closed_after_the_header_timeout() {
    let app = TestApp::spawn()
        .pixel_setting("--http-header-timeout-secs", 1)
        .pixel_setting("--http-keep-alive-secs", 60)
        .await;
    let mut slow = half_sent(app.pixel_port()).await;
    // Trickle a byte now and then, so only the header timeout can end it.
    let trickle = async {
        for _ in 0..20 {
            tokio::time::sleep(Duration::from_millis(200)).await;
            if slow.write_all(b"x").await.is_err() {
                break;
            }
        }
    };
    trickle.await;
    let took = closed_within(&mut slow, Duration::from_secs(3)).await;
    assert!(
        took.is_some(),
        "a slowloris connection outlived the 1 s header timeout by 4 s"
    );
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed() {
    let app = TestApp::spawn()
        .pixel_setting("--http-keep-alive-secs", 1)
        .await;
    let mut stream = TcpStream::connect(("127.0.0.1", app.pixel_port()))
        .await
        .unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: px\r\n\r\n")
        .await
        .unwrap();
    let took = closed_within(&mut stream, Duration::from_secs(4)).await;
    let took = took.expect("an idle keep-alive connection stayed open for 4 s");
    assert!(
        took >= Duration::from_millis(900),
        "closed too early: {took:?}"
    );
}

#[tokio::test]
async fn a_request_head_over_the_limit_gets_431() {
    let app = TestApp::spawn()
        .pixel_setting("--http-max-header-bytes", 4096)
        .await;
    let mut conn = app.conn().await;
    let t = seed::tracker(&mut conn, 1, "Proposal").await;
    let huge = "A".repeat(8000);
    let resp = app.fetch_pixel(&t.token, Some(&huge)).await;
    assert_eq!(resp.status(), 431);
    let fine = app.fetch_pixel(&t.token, Some(&"A".repeat(3000))).await;
    assert_eq!(fine.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_sockets_beyond_the_connection_cap_do_not_starve_real_requests() {
    const CAP: usize = 32;
    const SLOW: usize = 300;
    // The header timeout is long, so only the cap's eviction can make room in time.
    let app = TestApp::spawn()
        .pixel_setting("--http-max-connections", CAP)
        .pixel_setting("--http-header-timeout-secs", 60)
        .pixel_setting("--http-keep-alive-secs", 60)
        .pixel_setting("--http-idle-timeout-secs", 60)
        .await;
    let port = app.pixel_port();
    let mut slow = Vec::new();
    for _ in 0..SLOW {
        if let Ok(stream) = TcpStream::connect(("127.0.0.1", port)).await {
            slow.push(stream);
        }
    }
    for s in &mut slow {
        let _ = s.write_all(b"GET /healthz HTTP/1.1\r\nHo").await;
    }
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .pool_max_idle_per_host(0)
        .build()
        .unwrap();
    let mut worst = Duration::ZERO;
    for _ in 0..10 {
        let started = Instant::now();
        let resp = client
            .get(app.pixel_url("/i/0123456789abcdef0123456789abcdef.gif"))
            .send()
            .await
            .expect("a real request is served while slow sockets fill every slot");
        assert_eq!(resp.bytes().await.unwrap().as_ref(), GIF);
        worst = worst.max(started.elapsed());
        // The attack goes on: the slow sockets trickle.
        for s in &mut slow {
            let _ = s.write_all(b"x").await;
        }
    }
    // Every real request was served within the client's 5 s timeout; how fast is reported.
    println!("{SLOW} slow sockets against a cap of {CAP}: slowest real request {worst:?}");
}

#[tokio::test]
async fn pixel_shutdown_ends_within_its_deadline_whatever_clients_do() {
    let mut app = TestApp::spawn()
        .pixel_setting("--http-shutdown-secs", 1)
        .pixel_setting("--http-header-timeout-secs", 600)
        .pixel_setting("--http-keep-alive-secs", 600)
        .pixel_setting("--http-idle-timeout-secs", 600)
        .await;
    let _half = half_sent(app.pixel_port()).await;
    let _idle = TcpStream::connect(("127.0.0.1", app.pixel_port()))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    // The half-sent request and the idle connection could hold the server for their 600 s
    // timeouts (header, keep-alive and idle alike, so no other timer ends them inside the
    // 30 s wait); the 1 s shutdown deadline must end them well before, however loaded the
    // machine.
    tokio::time::timeout(Duration::from_secs(30), app.stop_pixel())
        .await
        .expect("the pixel server stopped within 30 s of the signal, not after 600");
    let took = started.elapsed();
    println!("pixel server stopped {took:?} after the signal, with a half-sent request open");
}

#[tokio::test]
async fn bot_shutdown_ends_within_its_deadline_whatever_clients_do() {
    let mut app = TestApp::spawn()
        .with_telegram()
        .bot_setting("--http-shutdown-secs", 1)
        .bot_setting("--http-header-timeout-secs", 600)
        .bot_setting("--http-keep-alive-secs", 600)
        .bot_setting("--http-idle-timeout-secs", 600)
        .await;
    let port: u16 = app
        .bot_url("")
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .unwrap();
    let _half = half_sent(port).await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    tokio::time::timeout(Duration::from_secs(30), app.stop_bot())
        .await
        .expect("the bot stopped within 30 s of the signal, not after 600");
    let took = started.elapsed();
    println!("bot stopped {took:?} after the signal, with a half-sent request open");
}

#[tokio::test]
async fn metrics_are_served_on_their_own_listener_and_not_on_the_public_port() {
    let app = TestApp::spawn().with_telegram().await;
    let public = app
        .client()
        .get(app.pixel_url("/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        public.status(),
        404,
        "the public pixel port serves no metrics"
    );
    let bot_public = app
        .client()
        .get(app.bot_url("/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        bot_public.status(),
        404,
        "the bot's public port serves no metrics"
    );
    let metrics = app
        .client()
        .get(app.pixel_metrics_url())
        .send()
        .await
        .unwrap();
    assert_eq!(metrics.status(), 200);
    assert!(metrics.text().await.unwrap().contains("# TYPE"));
}

/// A burst of new connections (a mail provider's proxy fetching for many recipients at once,
/// or clients reconnecting after a restart) waits in the listen queue until it is accepted.
/// With the queue as short as the standard library's 128, the kernel drops the rest of the
/// burst's SYNs and each of those clients waits a whole second to retry.
#[tokio::test]
async fn a_burst_of_connections_waits_in_the_listen_queue_instead_of_being_dropped() {
    const BURST: usize = 600;
    // Nothing accepts, so every connection of the burst must fit in the queue.
    let listener = mailping_shared::service::bind("127.0.0.1:0".parse().unwrap())
        .await
        .expect("bind");
    let port = listener.local_addr().unwrap().port();
    let connects = (0..BURST).map(|_| {
        tokio::time::timeout(
            Duration::from_millis(500),
            TcpStream::connect(("127.0.0.1", port)),
        )
    });
    let results = futures_util::future::join_all(connects).await;
    let connected = results.iter().filter(|r| matches!(r, Ok(Ok(_)))).count();
    assert_eq!(
        connected, BURST,
        "only {connected} of a burst of {BURST} connections got through within 500 ms"
    );
    drop(listener);
}
