//! `mailping`, the one process, as a new user runs it: no `DATABASE_URL` (its own PostgreSQL
//! in its data directory), an `https://` PUBLIC_BASE_URL with no proxy (its own certificate,
//! here from Pebble, Let's Encrypt's test CA), the fake Telegram for the bot. Restarts, a
//! kill -9, and the one-line refusals of a bad set-up.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use diesel_async::{AsyncConnection, AsyncPgConnection};
use mailping_tests::fake_telegram::FakeTelegram;
use mailping_tests::{eventually, seed};

const PATIENCE: Duration = Duration::from_secs(60);
const CHAT: i64 = 4242;
/// A desktop mail client's User-Agent: a read.
const THUNDERBIRD: &str =
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.3.0";

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A child process killed (SIGKILL) when dropped, so a failing test leaves nothing running.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Pebble, with a TLS certificate the test makes for its API, validating on `tls_port`.
struct Pebble {
    _process: Running,
    dir: PathBuf,
    directory: String,
    /// Pebble's issuing root: what a browser would trust.
    root_pem: String,
}

impl Pebble {
    async fn start(dir: &Path, http_port: u16, tls_port: u16) -> Pebble {
        let dir = dir.join("pebble");
        std::fs::create_dir_all(&dir).unwrap();
        let key = rcgen::KeyPair::generate().unwrap();
        let params =
            rcgen::CertificateParams::new(vec!["localhost".into(), "127.0.0.1".into()]).unwrap();
        let cert = params.self_signed(&key).unwrap();
        std::fs::write(dir.join("cert.pem"), cert.pem()).unwrap();
        std::fs::write(dir.join("key.pem"), key.serialize_pem()).unwrap();
        let (api, management) = (free_port(), free_port());
        let config = serde_json::json!({ "pebble": {
            "listenAddress": format!("127.0.0.1:{api}"),
            "managementListenAddress": format!("127.0.0.1:{management}"),
            "certificate": dir.join("cert.pem"),
            "privateKey": dir.join("key.pem"),
            "httpPort": http_port,
            "tlsPort": tls_port,
            "ocspResponderURL": "",
            "externalAccountBindingRequired": false,
        }});
        std::fs::write(dir.join("pebble.json"), config.to_string()).unwrap();
        let log = std::fs::File::create(dir.join("pebble.log")).unwrap();
        let process = Command::new("pebble")
            .arg("-config")
            .arg(dir.join("pebble.json"))
            // No sleeps before validating, and no nonce refused on purpose.
            .env("PEBBLE_VA_NOSLEEP", "1")
            .env("PEBBLE_WFE_NONCEREJECT", "0")
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("pebble (apt-get install pebble; tests/run installs it)");
        let process = Running(process);
        let client = reqwest::Client::builder()
            .add_root_certificate(reqwest::Certificate::from_pem(cert.pem().as_bytes()).unwrap())
            .timeout(Duration::from_secs(5))
            .build()
            .unwrap();
        let roots = format!("https://127.0.0.1:{management}/roots/0");
        let root_pem = eventually(PATIENCE, "Pebble's management port", async || {
            let response = client.get(&roots).send().await.ok()?;
            response.status().is_success().then_some(())?;
            response.text().await.ok()
        })
        .await;
        Pebble {
            _process: process,
            directory: format!("https://localhost:{api}/dir"),
            root_pem,
            dir,
        }
    }

    fn api_roots(&self) -> PathBuf {
        self.dir.join("cert.pem")
    }
}

/// How the test runs `mailping`: the settings a user would give, on ports of its own.
struct Setup {
    data_dir: PathBuf,
    work_dir: PathBuf,
    https_port: u16,
    http_port: u16,
    telegram: url::Url,
    pebble_directory: String,
    pebble_api_roots: PathBuf,
}

impl Setup {
    fn command(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_mailping"));
        // A clean environment, as on a fresh server: no DATABASE_URL, no .env.
        cmd.env_clear()
            .current_dir(&self.work_dir)
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("RUST_LOG", "info")
            .env("MAILPING_DATA_DIR", &self.data_dir)
            .env("TELEGRAM_BOT_TOKEN", FakeTelegram::TOKEN)
            .env("TELEGRAM_API_URL", self.telegram.as_str())
            .env(
                "PUBLIC_BASE_URL",
                format!("https://localhost:{}", self.https_port),
            )
            .env(
                "HTTPS_LISTEN_ADDR",
                format!("127.0.0.1:{}", self.https_port),
            )
            .env("HTTP_LISTEN_ADDR", format!("127.0.0.1:{}", self.http_port))
            .env("METRICS_LISTEN_ADDR", "127.0.0.1:0")
            .env("ACME_DIRECTORY", &self.pebble_directory)
            .env("ACME_CA_ROOTS", &self.pebble_api_roots)
            .env("SELF_GRACE_SECS", "0");
        cmd
    }

    fn start(&self, log: &str) -> Running {
        let log = std::fs::File::create(self.work_dir.join(log)).unwrap();
        Running(
            self.command()
                .stdout(log.try_clone().unwrap())
                .stderr(log)
                .spawn()
                .expect("mailping starts"),
        )
    }

    fn log(&self, name: &str) -> String {
        std::fs::read_to_string(self.work_dir.join(name)).unwrap_or_default()
    }

    /// The database's URL, through the socket in the data directory.
    fn database_url(&self) -> String {
        let socket = self.data_dir.join("postgres-run");
        let host = socket.display().to_string().replace('/', "%2F");
        format!("postgres://postgres@{host}/mailping")
    }

    async fn conn(&self) -> AsyncPgConnection {
        AsyncPgConnection::establish(&self.database_url())
            .await
            .expect("mailping's own database answers")
    }

    /// The PID in postmaster.pid, if the file is there.
    fn postmaster(&self) -> Option<u32> {
        let pid = std::fs::read_to_string(self.data_dir.join("postgres/postmaster.pid")).ok()?;
        pid.lines().next()?.trim().parse().ok()
    }
}

fn alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
        && std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .map(|s| !s.contains(") Z "))
            .unwrap_or(false)
}

/// Sends SIGTERM and waits for the process to exit, returning its status.
fn terminate(mut running: Running) -> std::process::ExitStatus {
    let pid = running.0.id().to_string();
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Some(status) = running.0.try_wait().unwrap() {
            return status;
        }
        assert!(
            Instant::now() < deadline,
            "mailping did not stop on SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// An HTTPS client that trusts Pebble's issuing root and nothing else.
fn browser(pebble: &Pebble) -> reqwest::Client {
    reqwest::Client::builder()
        .tls_built_in_root_certs(false)
        .add_root_certificate(reqwest::Certificate::from_pem(pebble.root_pem.as_bytes()).unwrap())
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap()
}

/// The certificate `mailping` serves on `port`, as DER, after a handshake that verifies it
/// against Pebble's root.
async fn served_certificate(pebble: &Pebble, port: u16) -> Option<Vec<u8>> {
    use rustls::pki_types::pem::PemObject as _;
    let mut roots = rustls::RootCertStore::empty();
    for cert in rustls::pki_types::CertificateDer::pem_slice_iter(pebble.root_pem.as_bytes()) {
        roots.add(cert.ok()?).ok()?;
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .ok()?
        .with_root_certificates(roots)
        .with_no_client_auth();
    let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
    let tcp = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .ok()?;
    let name = rustls::pki_types::ServerName::try_from("localhost").ok()?;
    let tls = connector.connect(name, tcp).await.ok()?;
    let certs = tls.get_ref().1.peer_certificates()?;
    Some(certs.first()?.as_ref().to_vec())
}

/// Waits until `/readyz` answers 200 over HTTPS, with Pebble's certificate.
async fn wait_until_ready(client: &reqwest::Client, setup: &Setup, log: &str) {
    let url = format!("https://localhost:{}/readyz", setup.https_port);
    let mut last;
    let deadline = Instant::now() + PATIENCE;
    loop {
        match client.get(&url).send().await {
            Ok(r) if r.status().is_success() => return,
            Ok(r) => last = r.text().await.unwrap_or_default(),
            Err(e) => last = e.to_string(),
        }
        assert!(
            Instant::now() < deadline,
            "mailping not ready over HTTPS: {last}\n--- log ---\n{}",
            setup.log(log)
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn from_nothing_to_an_alert_over_its_own_https_and_its_own_database() {
    mailping_tests::init_logs();
    // The cluster runs as `postgres` when the tests run as root: it must reach the directory.
    let dir = scratch_dir(0o755);
    let telegram = FakeTelegram::start().await;
    let (https_port, http_port) = (free_port(), free_port());
    let pebble = Pebble::start(dir.path(), http_port, https_port).await;
    let setup = Setup {
        data_dir: dir.path().join("data"),
        work_dir: dir.path().to_owned(),
        https_port,
        http_port,
        telegram: telegram.api_url(),
        pebble_directory: pebble.directory.clone(),
        pebble_api_roots: pebble.api_roots(),
    };
    let _cleanup = StopCluster(setup.data_dir.clone());
    let client = browser(&pebble);

    // First start: the cluster is made, the certificate ordered.
    let first = setup.start("first.log");
    wait_until_ready(&client, &setup, "first.log").await;
    let certificate = served_certificate(&pebble, https_port)
        .await
        .expect("a certificate that chains to Pebble's root");
    telegram.send_text(CHAT, "/track Proposal to ACME");
    let reply = telegram
        .wait_for(PATIENCE, |m| m.chat_id == CHAT && m.text.contains("/i/"))
        .await
        .unwrap_or_else(|| panic!("no /track reply; log:\n{}", setup.log("first.log")));
    assert!(
        reply
            .text
            .contains(&format!("https://localhost:{https_port}/i/")),
        "the link is on the HTTPS base URL: {}",
        reply.text
    );
    let token = mailping_tests::app::token_in(&reply.text);
    let image = client
        .get(format!("https://localhost:{https_port}/i/{token}.gif"))
        .header("user-agent", THUNDERBIRD)
        .send()
        .await
        .expect("the image over HTTPS");
    assert_eq!(image.status(), 200);
    assert_eq!(
        image.headers()["content-type"],
        "image/gif",
        "the pixel is served"
    );
    telegram
        .wait_for(PATIENCE, |m| m.chat_id == CHAT && m.text.contains("Opened"))
        .await
        .unwrap_or_else(|| panic!("no alert; log:\n{}", setup.log("first.log")));
    {
        let mut conn = setup.conn().await;
        assert_eq!(seed::open_count(&mut conn).await, 1);
        let networks = seed::networks(&mut conn).await;
        assert_eq!(
            networks,
            vec![Some("127.0.0.0/24".parse().unwrap())],
            "the open has the client's own network (its /24, as every open keeps), with no \
             proxy setting at all"
        );
    }
    let first_postmaster = setup.postmaster().expect("the cluster runs");
    let status = terminate(first);
    assert!(status.success(), "a clean stop: {status:?}");
    assert!(
        !alive(first_postmaster) && setup.postmaster().is_none(),
        "the cluster is stopped with mailping"
    );

    // Restart: same tracker, same open, same certificate (no new order).
    let second = setup.start("second.log");
    wait_until_ready(&client, &setup, "second.log").await;
    assert_eq!(
        served_certificate(&pebble, https_port).await,
        Some(certificate.clone()),
        "the stored certificate is served again"
    );
    assert!(
        setup
            .log("second.log")
            .contains("serving the stored certificate"),
        "{}",
        setup.log("second.log")
    );
    let mut conn = setup.conn().await;
    assert_eq!(seed::tracker_count(&mut conn).await, 1);
    assert_eq!(seed::open_count(&mut conn).await, 1);
    drop(conn);

    // A second open, recorded; then kill -9.
    let image = client
        .get(format!("https://localhost:{https_port}/i/{token}.gif"))
        .header(
            "user-agent",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)",
        )
        .send()
        .await
        .expect("the image over HTTPS");
    assert_eq!(image.status(), 200);
    {
        let mut conn = setup.conn().await;
        eventually(PATIENCE, "the second open to be recorded", async || {
            (seed::open_count(&mut conn).await == 2).then_some(())
        })
        .await;
    }
    let killed_postmaster = setup.postmaster().expect("the cluster runs");
    drop(second); // SIGKILL: the postmaster is left running, orphaned.
    assert!(alive(killed_postmaster), "kill -9 leaves the postmaster");

    // A second mailping on the same directory refuses, in one line, while one runs.
    let third = setup.start("third.log");
    wait_until_ready(&client, &setup, "third.log").await;
    assert!(
        !alive(killed_postmaster),
        "the postmaster the killed mailping left is stopped"
    );
    let refused = output_within(setup.command(), Duration::from_secs(30));
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.trim().lines().count() == 1
            && stderr.contains("another mailping")
            && stderr.contains(&setup.data_dir.display().to_string()),
        "one line naming the directory: {stderr}"
    );
    let mut conn = setup.conn().await;
    assert_eq!(
        seed::open_count(&mut conn).await,
        2,
        "no recorded open lost"
    );
    assert_eq!(seed::tracker_count(&mut conn).await, 1);
    drop(conn);
    let postmaster = setup.postmaster().expect("the cluster runs");
    assert!(terminate(third).success());
    assert!(!alive(postmaster), "no postmaster left behind");
}

/// Stops a cluster left running by a failing test.
struct StopCluster(PathBuf);

impl Drop for StopCluster {
    fn drop(&mut self) {
        let pgdata = self.0.join("postgres");
        if !pgdata.join("postmaster.pid").exists() {
            return;
        }
        if let (Some(bin), Ok(user)) = (
            mailping_shared::postgres::bin_dir(),
            mailping_shared::postgres::cluster_user(),
        ) {
            let _ = mailping_shared::postgres::run(user, &bin.join("pg_ctl"), |c| {
                c.arg("-D").arg(&pgdata).args(["-m", "immediate", "stop"]);
            });
        }
    }
}

/// Runs `cmd` to its end; panics if it is still running after `within` (a set-up that should
/// have been refused is serving instead).
fn output_within(mut cmd: Command, within: Duration) -> std::process::Output {
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let (done, wait) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(child.wait_with_output());
    });
    match wait.recv_timeout(within) {
        Ok(out) => out.unwrap(),
        Err(_) => {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
            panic!("mailping was still running after {within:?} instead of refusing");
        }
    }
}

/// Runs `mailping` with `settings` on top of a plain set-up and returns its stderr, after
/// checking it stopped with status 2.
fn refusal(settings: &[(&str, &str)]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mailping"));
    cmd.env_clear()
        .current_dir(dir.path())
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("MAILPING_DATA_DIR", dir.path().join("data"))
        .env("DATABASE_URL", "postgres://nobody@127.0.0.1:1/none")
        .env("PIXEL_LISTEN_ADDR", "127.0.0.1:0")
        .env("METRICS_LISTEN_ADDR", "127.0.0.1:0")
        .stdin(Stdio::null());
    for (k, v) in settings {
        cmd.env(k, v);
    }
    let out = output_within(cmd, Duration::from_secs(30));
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{settings:?}: {stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "one line: {stderr}");
    stderr
}

#[test]
fn a_bad_set_up_gets_one_clear_line() {
    let no_token = refusal(&[]);
    assert!(
        no_token.contains("TELEGRAM_BOT_TOKEN") && no_token.contains("@BotFather"),
        "{no_token}"
    );
    let malformed = refusal(&[("TELEGRAM_BOT_TOKEN", "AAE-pasted-the-wrong-half")]);
    assert!(malformed.contains("not a bot token"), "{malformed}");
    let token = ("TELEGRAM_BOT_TOKEN", FakeTelegram::TOKEN);
    let unresolved = refusal(&[token, ("PUBLIC_BASE_URL", "https://px.mailping.invalid")]);
    assert!(
        unresolved.contains("px.mailping.invalid") && unresolved.contains("does not resolve"),
        "{unresolved}"
    );
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let busy = refusal(&[
        token,
        ("PUBLIC_BASE_URL", "https://localhost"),
        ("HTTPS_LISTEN_ADDR", &format!("127.0.0.1:{port}")),
        ("HTTP_LISTEN_ADDR", "127.0.0.1:0"),
    ]);
    assert!(
        busy.contains(&format!("port {port}")) && busy.contains("taken"),
        "{busy}"
    );
    let busy_80 = refusal(&[
        token,
        ("PUBLIC_BASE_URL", "https://localhost"),
        ("HTTPS_LISTEN_ADDR", "127.0.0.1:0"),
        ("HTTP_LISTEN_ADDR", &format!("127.0.0.1:{port}")),
    ]);
    assert!(
        busy_80.contains(&format!("port {port} (HTTP_LISTEN_ADDR")) && busy_80.contains("taken"),
        "{busy_80}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_telegram_refuses_is_refused_in_one_line() {
    // Well formed, but revoked or mistyped: only Telegram can tell, with 401.
    let telegram = FakeTelegram::start().await;
    let url = telegram.api_url().to_string();
    let refused = tokio::task::spawn_blocking(move || {
        refusal(&[
            ("TELEGRAM_BOT_TOKEN", "123456:REVOKEDbyBotFather"),
            ("TELEGRAM_API_URL", &url),
        ])
    })
    .await
    .unwrap();
    assert!(
        refused.contains("Telegram refuses TELEGRAM_BOT_TOKEN") && refused.contains("@BotFather"),
        "{refused}"
    );
    assert!(telegram.call_count("getMe") >= 1, "Telegram was asked");
}

#[test]
fn a_data_directory_of_another_user_is_refused_in_one_line() {
    // Only a user other than root can be refused a directory: as root, run as `nobody`.
    let dir = scratch_dir(0o777);
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let root = mailping_shared::postgres::current_uid().unwrap() == 0;
    let mut cmd = if root {
        let mut c = Command::new("runuser");
        c.args(["-u", "nobody", "--"])
            .arg(env!("CARGO_BIN_EXE_mailping"));
        c
    } else {
        // Not root: a directory root owns is someone else's.
        Command::new(env!("CARGO_BIN_EXE_mailping"))
    };
    let data = if root { data } else { PathBuf::from("/") };
    cmd.env_clear()
        .current_dir(dir.path())
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("MAILPING_DATA_DIR", &data)
        .env("TELEGRAM_BOT_TOKEN", FakeTelegram::TOKEN)
        .env("PIXEL_LISTEN_ADDR", "127.0.0.1:0")
        .env("METRICS_LISTEN_ADDR", "127.0.0.1:0");
    let out = output_within(cmd, Duration::from_secs(30));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("belongs to uid") && stderr.contains(&data.display().to_string()),
        "{stderr}"
    );
}

#[tokio::test]
async fn until_it_has_a_certificate_readyz_on_port_80_says_so() {
    // A CA that does not answer, and a Telegram that is not there.
    let dir = scratch_dir(0o755);
    let (https_port, http_port, nobody) = (free_port(), free_port(), free_port());
    let setup = Setup {
        data_dir: dir.path().join("data"),
        work_dir: dir.path().to_owned(),
        https_port,
        http_port,
        telegram: format!("http://127.0.0.1:{nobody}/").parse().unwrap(),
        pebble_directory: format!("https://localhost:{nobody}/dir"),
        pebble_api_roots: PathBuf::from("/etc/ssl/certs/ca-certificates.crt"),
    };
    let _cleanup = StopCluster(setup.data_dir.clone());
    let running = setup.start("readyz.log");
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    let url = format!("http://127.0.0.1:{http_port}/readyz");
    let body = eventually(PATIENCE, "/readyz on port 80", async || {
        let response = client.get(&url).send().await.ok()?;
        (response.status() == 503).then_some(())?;
        response.text().await.ok()
    })
    .await;
    assert!(
        body.contains("https: no certificate yet") && body.contains("telegram: unreachable"),
        "{body}\n--- log ---\n{}",
        setup.log("readyz.log")
    );
    // Once an order has failed, /readyz says why and when the next try is.
    let body = eventually(
        PATIENCE,
        "/readyz to say why the order failed",
        async || {
            let response = client.get(&url).send().await.ok()?;
            let body = response.text().await.ok()?;
            body.contains("the order failed").then_some(body)
        },
    )
    .await;
    assert!(
        body.contains("could not reach the CA at ACME_DIRECTORY") && body.contains("next try in"),
        "{body}"
    );
    assert!(
        setup.log("readyz.log").contains("certificate order failed"),
        "{}",
        setup.log("readyz.log")
    );
    let redirect = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(format!("http://127.0.0.1:{http_port}/i/abc.gif"))
        .header("host", "px.example.com")
        .send()
        .await
        .unwrap();
    assert_eq!(redirect.status(), 301);
    assert_eq!(
        redirect.headers()["location"],
        "https://px.example.com/i/abc.gif"
    );
    assert!(terminate(running).success());
}

/// A fresh directory under /tmp with these permissions. The cluster runs as `postgres` when
/// the tests run as root, so the directory must be reachable by that user.
fn scratch_dir(mode: u32) -> tempfile::TempDir {
    let dir = tempfile::Builder::new()
        .prefix("mp-")
        .tempdir_in("/tmp")
        .unwrap();
    std::fs::set_permissions(
        dir.path(),
        std::os::unix::fs::PermissionsExt::from_mode(mode),
    )
    .unwrap();
    dir
}
