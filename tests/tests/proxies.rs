//! The pixel server behind real reverse proxies, configured as their documentation says:
//! HAProxy with `option forwardfor` (which adds a header line of its own), nginx with
//! `$proxy_add_x_forwarded_for` (which appends to the client's line), and nginx writing RFC 7239
//! `Forwarded`. A client that rotates spoofed headers must still count as one client: one
//! network, and the per-client rate limit.
//!
//! Needs `haproxy` and `nginx` on the PATH or in /usr/sbin (Debian's `haproxy` and
//! `nginx-light`; `.ci/run` installs them).
//!
//! The client connects from 127.0.1.2 and the proxy reaches the pixel server from 127.0.0.1,
//! the only trusted proxy: two loopback addresses in different /24s, so the stored network
//! tells them apart.

use std::net::{IpAddr, Ipv4Addr};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use mailping_tests::app::TestApp;
use mailping_tests::{eventually, seed};
use tokio::process::{Child, Command};

const GIF: [u8; 43] = mailping_pixel_server::gif::TRANSPARENT_GIF;
const CLIENT: IpAddr = IpAddr::V4(Ipv4Addr::new(127, 0, 1, 2));
const CLIENT_NETWORK: &str = "127.0.1.0/24";
const FETCHES: usize = 300;
const LIMIT: i64 = 120;

/// A proxy running as a child process; stopped when dropped.
struct Proxy {
    port: u16,
    child: Child,
    /// The proxy's own stop command (nginx's `-s stop`), run before the child is waited for:
    /// killing nginx's master alone would leave its worker running.
    stop: Option<std::process::Command>,
    _dir: tempfile::TempDir,
}

impl Drop for Proxy {
    fn drop(&mut self) {
        let Some(mut stop) = self.stop.take() else {
            return;
        };
        match stop.stdout(Stdio::null()).stderr(Stdio::null()).status() {
            Ok(status) if status.success() => {
                // The master exits once its worker has; `kill_on_drop` is the fallback.
                let deadline = std::time::Instant::now() + Duration::from_secs(10);
                while matches!(self.child.try_wait(), Ok(None))
                    && std::time::Instant::now() < deadline
                {
                    std::thread::sleep(Duration::from_millis(20));
                }
            }
            outcome => eprintln!("stopping the proxy: {outcome:?}"),
        }
    }
}

fn binary(name: &str) -> PathBuf {
    for dir in std::env::var("PATH")
        .unwrap_or_default()
        .split(':')
        .chain(["/usr/sbin", "/usr/local/sbin"])
    {
        let path = Path::new(dir).join(name);
        if path.is_file() {
            return path;
        }
    }
    panic!("{name} is not installed: apt-get install haproxy nginx-light (.ci/run does)");
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

impl Proxy {
    async fn start(
        program: &str,
        args: &[&str],
        stop_args: Option<&[&str]>,
        port: u16,
        dir: tempfile::TempDir,
    ) -> Proxy {
        let log = std::fs::File::create(dir.path().join("proxy.log")).expect("proxy log");
        let child = Command::new(binary(program))
            .args(args)
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            .kill_on_drop(true)
            .spawn()
            .unwrap_or_else(|e| panic!("starting {program}: {e}"));
        let stop = stop_args.map(|stop_args| {
            let mut stop = std::process::Command::new(binary(program));
            stop.args(args).args(stop_args);
            stop
        });
        let proxy = Proxy {
            port,
            child,
            stop,
            _dir: dir,
        };
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        while tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_err()
        {
            assert!(
                tokio::time::Instant::now() < deadline,
                "{program} did not listen within 10 s: {}",
                std::fs::read_to_string(proxy._dir.path().join("proxy.log")).unwrap_or_default()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        proxy
    }

    /// HAProxy with `option forwardfor`: it adds its own `X-Forwarded-For` line after the
    /// client's.
    async fn haproxy(upstream: u16) -> Proxy {
        let dir = tempfile::tempdir().expect("temp dir");
        let port = free_port();
        let config = dir.path().join("haproxy.cfg");
        std::fs::write(
            &config,
            format!(
                "global\n  maxconn 512\n\
                 defaults\n  mode http\n  option forwardfor\n  timeout connect 5s\n  timeout client 30s\n  timeout server 30s\n\
                 frontend front\n  bind 127.0.0.1:{port}\n  default_backend pixel\n\
                 backend pixel\n  server pixel 127.0.0.1:{upstream}\n"
            ),
        )
        .expect("haproxy.cfg");
        let config = config.to_string_lossy().into_owned();
        // `-db`: one process in the foreground, which `kill_on_drop` ends whole.
        Proxy::start("haproxy", &["-db", "-f", &config], None, port, dir).await
    }

    /// nginx as a reverse proxy; `headers` are its `proxy_set_header` lines, `http` goes into
    /// the `http` block.
    async fn nginx(upstream: u16, http: &str, headers: &str) -> Proxy {
        let dir = tempfile::tempdir().expect("temp dir");
        let port = free_port();
        let d = dir.path().display();
        let config = dir.path().join("nginx.conf");
        std::fs::write(
            &config,
            format!(
                "worker_processes 1;\ndaemon off;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\n\
                 events {{ worker_connections 512; }}\n\
                 http {{\n  access_log off;\n  client_body_temp_path {d}/body;\n  proxy_temp_path {d}/proxy;\n\
                   fastcgi_temp_path {d}/fastcgi;\n  uwsgi_temp_path {d}/uwsgi;\n  scgi_temp_path {d}/scgi;\n\
                   {http}\n\
                   server {{\n    listen 127.0.0.1:{port};\n    location / {{\n      proxy_pass http://127.0.0.1:{upstream};\n\
                       {headers}\n    }}\n  }}\n}}\n"
            ),
        )
        .expect("nginx.conf");
        let (config, prefix) = (
            config.to_string_lossy().into_owned(),
            dir.path().to_string_lossy().into_owned(),
        );
        let error_log = format!("{prefix}/error.log");
        Proxy::start(
            "nginx",
            &["-c", &config, "-p", &prefix, "-e", &error_log],
            Some(&["-s", "stop"]),
            port,
            dir,
        )
        .await
    }
}

/// The pixel server trusting only 127.0.0.1, at the default per-client limit.
async fn pixel_behind_a_proxy(proxy_header: Option<&str>) -> TestApp {
    let mut spawn = TestApp::spawn()
        .pixel_setting("--trusted-proxies", "127.0.0.1/32")
        .pixel_setting("--rate-limit-per-client", LIMIT);
    if let Some(header) = proxy_header {
        spawn = spawn.pixel_setting("--proxy-header", header);
    }
    spawn.await
}

/// `FETCHES` fetches of `token` through the proxy from [`CLIENT`], each with its own spoofed
/// headers made by `spoof` (some of them not UTF-8); returns the rows and the networks stored.
async fn spoofed_fetches(
    app: &mut TestApp,
    proxy: &Proxy,
    spoof: impl Fn(usize) -> Vec<(&'static str, Vec<u8>)>,
) -> (i64, Vec<String>, Duration) {
    let mut conn = app.conn().await;
    let t = seed::tracker(&mut conn, 1, "Proposal").await;
    let started = std::time::Instant::now();
    let client = reqwest::Client::builder()
        .local_address(CLIENT)
        .timeout(Duration::from_secs(10))
        .build()
        .expect("client");
    let url = format!("http://127.0.0.1:{}/i/{}.gif", proxy.port, t.token);
    for i in 0..FETCHES {
        let mut req = client
            .get(&url)
            .header("user-agent", format!("Thunderbird/{i}"));
        for (name, value) in spoof(i) {
            req = req.header(
                name,
                reqwest::header::HeaderValue::from_bytes(&value).expect("header value"),
            );
        }
        let resp = req.send().await.expect("fetch through the proxy");
        assert_eq!(resp.status(), 200);
        assert_eq!(resp.bytes().await.unwrap().as_ref(), GIF);
    }
    let elapsed = started.elapsed();
    app.stop_pixel().await;
    let rows = seed::open_count(&mut conn).await;
    let mut networks: Vec<String> = seed::networks(&mut conn)
        .await
        .into_iter()
        .map(|n| n.map_or("-".to_owned(), |n| n.to_string()))
        .collect();
    networks.sort();
    networks.dedup();
    (rows, networks, elapsed)
}

/// Rotating spoofed `X-Forwarded-For` lines: one or two per request, some with a byte that is
/// not UTF-8.
fn spoofed_forwarded_for(i: usize) -> Vec<(&'static str, Vec<u8>)> {
    let mut lines = vec![(
        "x-forwarded-for",
        format!("198.51.{}.{}", i / 250, i % 250).into_bytes(),
    )];
    if i.is_multiple_of(3) {
        lines.push(("x-forwarded-for", b"203.0.113.9, \xff6.6.6.6".to_vec()));
    }
    lines
}

fn assert_one_client(rows: i64, networks: &[String], elapsed: Duration) {
    assert_eq!(
        networks,
        [CLIENT_NETWORK],
        "every fetch is recorded as the real client"
    );
    // The burst of the per-client quota, plus what refills while the fetches go on (LIMIT a
    // minute), however slow a loaded machine makes them.
    let refilled = (elapsed.as_secs_f64() * LIMIT as f64 / 60.0).ceil() as i64;
    assert!(
        (LIMIT - 5..=LIMIT + refilled + 1).contains(&rows),
        "{FETCHES} fetches with spoofed headers are limited like one client: {rows} rows, limit {LIMIT}, {refilled} refilled in {elapsed:?}"
    );
}

#[tokio::test]
async fn behind_haproxy_spoofed_forwarded_for_lines_count_as_one_client() {
    let mut app = pixel_behind_a_proxy(None).await;
    let proxy = Proxy::haproxy(app.pixel_port()).await;
    let (rows, networks, elapsed) = spoofed_fetches(&mut app, &proxy, spoofed_forwarded_for).await;
    println!("haproxy: {FETCHES} spoofed fetches -> {rows} rows, networks {networks:?}");
    assert_one_client(rows, &networks, elapsed);
}

#[tokio::test]
async fn behind_nginx_spoofed_forwarded_for_lines_count_as_one_client() {
    let mut app = pixel_behind_a_proxy(None).await;
    let proxy = Proxy::nginx(
        app.pixel_port(),
        "",
        "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
    )
    .await;
    let (rows, networks, elapsed) = spoofed_fetches(&mut app, &proxy, spoofed_forwarded_for).await;
    println!("nginx: {FETCHES} spoofed fetches -> {rows} rows, networks {networks:?}");
    assert_one_client(rows, &networks, elapsed);
}

#[tokio::test]
async fn behind_nginx_writing_rfc_7239_forwarded_spoofed_hops_count_as_one_client() {
    let mut app = pixel_behind_a_proxy(Some("forwarded")).await;
    // nginx's documented way to append to `Forwarded`.
    let proxy = Proxy::nginx(
        app.pixel_port(),
        "map $http_forwarded $proxy_add_forwarded {\n    \"\" \"\";\n    default \"$http_forwarded, \";\n  }",
        "proxy_set_header Forwarded \"${proxy_add_forwarded}for=\\\"$remote_addr\\\"\";",
    )
    .await;
    let (rows, networks, elapsed) = spoofed_fetches(&mut app, &proxy, |i| {
        let mut lines = vec![(
            "forwarded",
            format!("for=198.51.{}.{};proto=https", i / 250, i % 250).into_bytes(),
        )];
        // A spoofed X-Forwarded-For is ignored when the proxy writes `Forwarded`.
        lines.push((
            "x-forwarded-for",
            format!("203.0.113.{}", i % 250).into_bytes(),
        ));
        if i.is_multiple_of(3) {
            lines.push(("forwarded", b"for=\"[2001:db8::\xff]\"".to_vec()));
        }
        lines
    })
    .await;
    println!("nginx (Forwarded): {FETCHES} spoofed fetches -> {rows} rows, networks {networks:?}");
    assert_one_client(rows, &networks, elapsed);
}

/// The processes whose parent is `parent`, from /proc.
fn children_of(parent: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|&pid| process_state(pid).is_some_and(|(_, ppid)| ppid == parent))
        .collect()
}

/// A process's state letter and parent, from `/proc/<pid>/stat`; `None` once it is gone.
fn process_state(pid: u32) -> Option<(char, u32)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
    let mut rest = stat[stat.rfind(')')? + 1..].split_whitespace();
    let state = rest.next()?.chars().next()?;
    let ppid = rest.next()?.parse().ok()?;
    Some((state, ppid))
}

/// A test's nginx takes its worker with it when it stops: a SIGKILL to the master alone (what
/// `kill_on_drop` sends) leaves the worker running, one more with every run of this file.
#[tokio::test]
async fn a_stopped_nginx_leaves_no_worker_behind() {
    let proxy = Proxy::nginx(free_port(), "", "").await;
    let master = proxy.child.id().expect("nginx is running");
    let workers = eventually(Duration::from_secs(10), "nginx's worker", async || {
        Some(children_of(master)).filter(|w| !w.is_empty())
    })
    .await;
    drop(proxy);
    eventually(
        Duration::from_secs(10),
        format!("nginx's workers {workers:?} to end with their master"),
        async || {
            workers
                .iter()
                .all(|&pid| process_state(pid).is_none_or(|(state, _)| state == 'Z'))
                .then_some(())
        },
    )
    .await;
}
