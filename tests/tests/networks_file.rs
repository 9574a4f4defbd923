//! `NETWORKS_FILE`: an operator's own networks, in MailPing's format or as Apple's
//! `egress-ip-ranges.csv`, decide fetches end to end; a bad file stops start-up with one line.

use clap::Parser;
use mailping_pixel_server::{Application, Cli};
use mailping_tests::app::TestApp;

const CHROME: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

/// Writes `text` to a file of this test's own, and returns its path.
fn file(name: &str, text: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("mailping-{}-{name}", std::process::id()));
    std::fs::write(&path, text).expect("temp file");
    path
}

#[tokio::test]
async fn an_operators_own_scanner_network_makes_a_browser_fetch_a_scan() {
    let path = file(
        "own.tsv",
        "# our mail gateway\nrange\toperator\tmeaning\tsource\n198.51.100.0/24\tOur gateway\tscan\tour firewall\n",
    );
    let app = TestApp::spawn()
        .pixel_setting("--trusted-proxies", "127.0.0.0/8,::1")
        .pixel_setting("--networks-file", path.display())
        .await;
    assert_eq!(
        app.stored_open(1, CHROME, "198.51.100.7").await,
        ("scanner".into(), "network:scan".into())
    );
    // The built-in list still applies, and an ordinary address is a person.
    assert_eq!(
        app.stored_open(2, CHROME, "40.94.89.17").await,
        ("scanner".into(), "network:scan".into())
    );
    assert_eq!(
        app.stored_open(3, CHROME, "203.0.113.9").await,
        ("direct".into(), "ua".into())
    );
}

#[tokio::test]
async fn apples_egress_list_marks_relayed_fetches_and_keeps_their_kind() {
    let path = file(
        "egress-ip-ranges.csv",
        "104.28.36.0/24,US,US-CA,Los Angeles,\n2a02:26f7:c8c0::/44,DE,DE-HE,Frankfurt am Main,\n",
    );
    let app = TestApp::spawn()
        .pixel_setting("--trusted-proxies", "127.0.0.0/8,::1")
        .pixel_setting("--networks-file", path.display())
        .await;
    // Mail Privacy Protection's prefetch and a person behind Private Relay share these
    // addresses: the agent decides, and the reason says the location is hidden.
    assert_eq!(
        app.stored_open(1, "Mozilla/5.0", "104.28.36.9").await,
        ("apple_mpp".into(), "network:relay".into())
    );
    assert_eq!(
        app.stored_open(2, CHROME, "2a02:26f7:c8c0::1").await,
        ("direct".into(), "network:relay".into())
    );
}

#[tokio::test]
async fn a_bad_networks_file_stops_start_up_with_one_line_naming_file_and_line() {
    let path = file(
        "bad.tsv",
        "range\toperator\tmeaning\tsource\n10.0.0.0/8\tA\tscan\ts\n10.0.0.0/33\tB\tscan\ts\n",
    );
    let empty = file("empty.csv", "");
    for (path, expect) in [
        (
            path.display().to_string(),
            format!("NETWORKS_FILE {} line 3: ", path.display()),
        ),
        (
            empty.display().to_string(),
            format!("NETWORKS_FILE {}: holds no ranges", empty.display()),
        ),
        (
            "/nonexistent/networks.tsv".to_owned(),
            "NETWORKS_FILE /nonexistent/networks.tsv: cannot read it".to_owned(),
        ),
    ] {
        let cli = Cli::try_parse_from([
            "mailping-pixel-server",
            "--database-url",
            "postgres://nobody@127.0.0.1:1/none",
            "--listen-addr",
            "127.0.0.1:0",
            "--networks-file",
            &path,
        ])
        .expect("valid flags");
        let err = match Application::build(cli.config).await {
            Ok(_) => panic!("{path} was accepted"),
            Err(e) => e.to_string(),
        };
        assert!(err.starts_with(&expect), "{err}");
        assert!(!err.contains('\n'), "one line: {err}");
    }
}
