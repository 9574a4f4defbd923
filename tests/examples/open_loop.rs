//! An open-loop load for `bench/run`: pixel fetches sent at a constant rate whatever the
//! server does, with each request's latency measured from the moment it was due, not from
//! when a connection was free to send it. A closed-loop tool such as wrk waits for answers
//! before sending more, so a slow server receives less load and its latency looks better
//! than users would see it ("coordinated omission"); wrk2 and oha fix that, but neither is
//! packaged for Debian and oha needs cmake to build, so this is the small part of them the
//! benchmark needs. Percentiles come from `hdrhistogram`.
//!
//! Usage: `open_loop <base url> <tokens file> <requests/s> <seconds> [connections]`.
//! Requests look like `bench/pixel.lua`'s: one of the tokens, a client address from
//! 198.18.0.0/15 in `X-Forwarded-For`, a mail client's User-Agent.
//! With `OPEN_LOOP_TRACE=<file>`, each answered request is also a line of that file: when it
//! was due and its latency, both in microseconds (to see whether the tail comes in bursts).
//! The requests due in the first `OPEN_LOOP_WARMUP_SECS` (default 1) are sent, answered and
//! counted like the others but kept out of the percentiles, which describe the server running
//! (wrk2 leaves out its first 10 s the same way); their own p99 and maximum are reported apart,
//! as what a server that has just started shows (its memory of trackers and clients is empty).
//! The last line is `RESULT rate=.. sent=.. completed=.. errors=.. p50_us=.. p99_us=.. p999_us=..
//! max_us=.. warmup_p99_us=.. warmup_max_us=..`.

use std::io::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use hdrhistogram::Histogram;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::mpsc;

const USER_AGENTS: [&str; 4] = [
    "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
    "Mozilla/5.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
    "Microsoft Office/16.0 (Microsoft Outlook 16.0.12329; Pro), Mozilla/4.0 (compatible; ms-office; MSOffice 16)",
];

/// One thread, as `wrk -t1` in the closed-loop steps: on a 2-core machine every thread the
/// load generator adds takes CPU from the server it measures.
#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, base, tokens, rate, seconds, rest @ ..] = &args[..] else {
        bail!("usage: open_loop <base url> <tokens file> <requests/s> <seconds> [connections]");
    };
    let rate: f64 = rate.parse().context("requests/s")?;
    let seconds: f64 = seconds.parse().context("seconds")?;
    let connections: usize = rest.first().map_or(Ok(256), |c| c.parse())?;
    let addr = base
        .strip_prefix("http://")
        .context("the base URL starts with http://")?
        .trim_end_matches('/')
        .to_owned();
    let tokens: Vec<String> = std::fs::read_to_string(tokens)
        .context("reading the tokens file")?
        .lines()
        .filter(|l| l.len() == 32)
        .map(str::to_owned)
        .collect();
    if tokens.is_empty() {
        bail!("no tokens in the file");
    }
    let requests: Arc<Vec<Vec<u8>>> = Arc::new(
        (0..65_536usize)
            .map(|i| {
                let token = &tokens[i * 7919 % tokens.len()];
                let client = 0xC612_0000u32 + (i as u32 * 40_503) % 131_072;
                let ua = USER_AGENTS[i % USER_AGENTS.len()];
                format!(
                    "GET /i/{token}.gif HTTP/1.1\r\nHost: {addr}\r\nUser-Agent: {ua}\r\nX-Forwarded-For: {}\r\n\r\n",
                    std::net::Ipv4Addr::from(client)
                )
                .into_bytes()
            })
            .collect(),
    );

    // Every connection is open before the clock starts, as in wrk2: a cold start of hundreds
    // of connections measures the listen queue, not the latency of a running server.
    let total = (rate * seconds) as u64;
    let mut streams = Vec::with_capacity(connections);
    for _ in 0..connections {
        streams.push(Some(connect(&addr).await?));
    }
    // Connection k sends requests k, k + connections, k + 2 connections, ... each at its due
    // time, so no connection waits for another (wrk2's schedule). A request whose connection
    // is still busy when it is due counts from its due time: the server being slow shows.
    // One whose connection is free counts from when the timer released it, which can be up to
    // a millisecond late; that lateness is this program's, not the server's.
    let (done_tx, mut done_rx) = mpsc::unbounded_channel::<Result<(u64, Duration), String>>();
    let start = Instant::now() + Duration::from_millis(10);
    let interval = Duration::from_secs_f64(1.0 / rate);
    for (k, conn) in streams.into_iter().enumerate() {
        let (done_tx, requests, addr) = (done_tx.clone(), requests.clone(), addr.clone());
        tokio::spawn(async move {
            let mut conn = conn;
            let mut buf = vec![0u8; 4096];
            for n in (k as u64..total).step_by(connections) {
                let due = start + interval.mul_f64(n as f64);
                let from = if Instant::now() < due {
                    tokio::time::sleep_until(due.into()).await;
                    Instant::now()
                } else {
                    due
                };
                let result = fetch(
                    &mut conn,
                    &addr,
                    &requests[n as usize % requests.len()],
                    &mut buf,
                )
                .await
                .map(|()| (n, from.elapsed()));
                if result.is_err() {
                    conn = None;
                }
                if done_tx.send(result.map_err(|e| e.to_string())).is_err() {
                    return;
                }
            }
        });
    }
    drop(done_tx);

    let warmup = match std::env::var("OPEN_LOOP_WARMUP_SECS") {
        Ok(secs) => Duration::from_secs_f64(secs.parse().context("OPEN_LOOP_WARMUP_SECS")?),
        Err(_) => Duration::from_secs(1),
    };
    let mut histogram = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3)?;
    let mut warming = histogram.clone();
    let (mut completed, mut errors) = (0u64, 0u64);
    let mut first_error = None;
    let mut trace = match std::env::var_os("OPEN_LOOP_TRACE") {
        Some(path) => Some(std::io::BufWriter::new(
            std::fs::File::create(&path).with_context(|| format!("creating {path:?}"))?,
        )),
        None => None,
    };
    let deadline = start + Duration::from_secs_f64(seconds) + Duration::from_secs(30);
    while completed + errors < total {
        let next = tokio::time::timeout_at(deadline.into(), done_rx.recv()).await;
        match next {
            Ok(Some(Ok((n, latency)))) => {
                completed += 1;
                let due = interval.mul_f64(n as f64);
                let recorded = if due < warmup {
                    &mut warming
                } else {
                    &mut histogram
                };
                recorded.saturating_record(latency.as_micros().max(1) as u64);
                if let Some(trace) = trace.as_mut() {
                    writeln!(trace, "{} {}", due.as_micros(), latency.as_micros())?;
                }
            }
            Ok(Some(Err(e))) => {
                errors += 1;
                first_error.get_or_insert(e);
            }
            Ok(None) | Err(_) => break,
        }
    }
    if let Some(mut trace) = trace {
        trace.flush()?;
    }
    let achieved = completed as f64 / start.elapsed().as_secs_f64().max(seconds);
    if let Some(e) = first_error {
        eprintln!("open_loop: first error: {e}");
    }
    println!(
        "open loop at {rate:.0}/s for {seconds:.0} s over {connections} connections: {completed} answered, {errors} errors, {achieved:.0}/s achieved",
    );
    println!(
        "RESULT rate={rate:.0} sent={total} completed={completed} errors={errors} p50_us={} p99_us={} p999_us={} max_us={} warmup_p99_us={} warmup_max_us={}",
        histogram.value_at_quantile(0.5),
        histogram.value_at_quantile(0.99),
        histogram.value_at_quantile(0.999),
        histogram.max(),
        warming.value_at_quantile(0.99),
        warming.max(),
    );
    Ok(())
}

async fn connect(addr: &str) -> anyhow::Result<TcpStream> {
    let stream = TcpStream::connect(addr)
        .await
        .with_context(|| format!("connecting to {addr}"))?;
    stream.set_nodelay(true)?;
    Ok(stream)
}

/// Sends one request on the connection (opening it if needed) and reads the whole answer.
/// A server that says `Connection: close` (nginx does after 1,000 requests) gets a new
/// connection for the next request.
async fn fetch(
    conn: &mut Option<TcpStream>,
    addr: &str,
    request: &[u8],
    buf: &mut [u8],
) -> anyhow::Result<()> {
    if conn.is_none() {
        *conn = Some(connect(addr).await?);
    }
    let stream = conn.as_mut().expect("connected above");
    stream.write_all(request).await?;
    let mut len = 0;
    loop {
        let n = stream.read(&mut buf[len..]).await?;
        if n == 0 {
            bail!("the server closed the connection");
        }
        len += n;
        let head = &buf[..len];
        let Some(end) = head.windows(4).position(|w| w == b"\r\n\r\n") else {
            if len == buf.len() {
                bail!("response headers too large");
            }
            continue;
        };
        if !head.starts_with(b"HTTP/1.1 200") {
            bail!(
                "status {}",
                String::from_utf8_lossy(&head[..head.len().min(12)])
            );
        }
        let text = String::from_utf8_lossy(&head[..end]).to_ascii_lowercase();
        let body: usize = text
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .and_then(|v| v.trim().parse().ok())
            .context("no content-length")?;
        if len >= end + 4 + body {
            if text.lines().any(|l| l == "connection: close") {
                *conn = None;
            }
            return Ok(());
        }
    }
}
