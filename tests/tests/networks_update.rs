//! `mailping-pixel-server networks update` end to end: every source format served by a local
//! HTTP server, a source that fails, one that is truncated and one that is no list keep their
//! old copies, and a running pixel server picks the new file up without a restart.

use std::collections::HashMap;
use std::net::IpAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{Path as UrlPath, State};
use axum::http::StatusCode;
use axum::routing::get;
use mailping_pixel_server::networks_update::{Fared, SOURCES, UpdateArgs, update};
use mailping_shared::classifier::{Meaning, Network, Networks};
use mailping_tests::app::{PATIENCE, TestApp};

const CHROME: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

/// What the fixture server answers for each path: a status and a body, changed between runs.
type Files = Arc<Mutex<HashMap<String, (StatusCode, String)>>>;

/// A local stand-in for every provider's server.
struct Fixtures {
    files: Files,
    base: String,
}

impl Fixtures {
    async fn start() -> Fixtures {
        let files: Files = Arc::default();
        let router = Router::new()
            .route("/{name}", get(serve))
            .with_state(files.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        tokio::spawn(async move { axum::serve(listener, router).await });
        let fixtures = Fixtures { files, base };
        fixtures.serve_all_formats();
        fixtures
    }

    fn set(&self, name: &str, status: StatusCode, body: impl Into<String>) {
        self.files
            .lock()
            .unwrap()
            .insert(name.to_owned(), (status, body.into()));
    }

    /// A copy of each source's format, as its operator publishes it, abridged.
    fn serve_all_formats(&self) {
        let ok = StatusCode::OK;
        self.set(
            "microsoft",
            ok,
            r#"[{"id":1,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["outlook.office.com"],"ips":["13.107.6.152/31","40.96.0.0/13","2603:1006::/40"],"tcpPorts":"80,443","expressRoute":true,"category":"Optimize","required":true},
               {"id":10,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["*.mail.protection.outlook.com"],"ips":["40.107.0.0/16","52.100.0.0/15","104.47.0.0/17","2a01:111:f400::/48"],"tcpPorts":"25","expressRoute":false,"category":"Allow","required":false},
               {"id":46,"serviceArea":"SharePoint","ips":["13.107.136.0/22"],"tcpPorts":"80,443"}]"#,
        );
        for crawler in ["googlebot", "special", "user-triggered"] {
            self.set(
                crawler,
                ok,
                r#"{"creationTime":"2026-12-01T00:00:00.000000","prefixes":[{"ipv6Prefix":"2001:4860:4801:10::/64"},{"ipv4Prefix":"66.249.64.0/27"},{"ipv4Prefix":"66.249.64.32/27"}]}"#,
            );
        }
        // Apple's list has no header; twenty /27s in twenty /24s do not merge.
        let apple: String = (0..20)
            .map(|i| format!("172.224.{i}.0/27,DE,DE-HE,Frankfurt am Main,\n"))
            .collect();
        self.set("apple.csv", ok, format!("\u{feff}{apple}"));
        self.set("aws.json", ok, aws(&["3.5.140.0/22", "198.18.0.0/24"]));
        // Azure's documented URL is a download page; the file is linked from it.
        self.set(
            "azure",
            ok,
            format!(
                r#"<html><body><a href="{}/ServiceTags_Public_20261130.json" data-bi-id="downloadretry">click here</a></body></html>"#,
                self.base
            ),
        );
        self.set(
            "ServiceTags_Public_20261130.json",
            ok,
            r#"{"changeNumber":1,"cloud":"Public","values":[
                {"name":"AzureCloud","id":"AzureCloud","properties":{"changeNumber":1,"region":"","platform":"Azure","systemService":"","addressPrefixes":["20.42.0.0/17","40.107.5.0/24","52.96.8.0/24","2603:1030::/40"]}},
                {"name":"AzureFrontDoor.Frontend","id":"AzureFrontDoor.Frontend","properties":{"addressPrefixes":["13.107.208.0/24"]}}]}"#,
        );
        self.set(
            "cloud.json",
            ok,
            r#"{"syncToken":"1","creationTime":"2026-12-01T00:00:00","prefixes":[{"ipv4Prefix":"8.34.208.0/20","service":"Google Cloud","scope":"us-central1"},{"ipv6Prefix":"2600:1900::/35","service":"Google Cloud","scope":"us-central1"}]}"#,
        );
        self.set(
            "oracle.json",
            ok,
            r#"{"last_updated_timestamp":"2026-12-01T00:00:00.000000","regions":[{"region":"us-phoenix-1","cidrs":[{"cidr":"129.146.0.0/21","tags":["OCI"]},{"cidr":"129.146.8.0/21","tags":["OSN"]}]}]}"#,
        );
        self.set(
            "do.csv",
            ok,
            "164.90.128.0/18,US,US-NJ,North Bergen,07047\n2604:a880::/32,US,US-NY,New York,10001\n",
        );
        self.set(
            "linode.csv",
            ok,
            "# Linode geofeed (RFC 8805)\n# ip_prefix,country,region,city,postal\n45.33.0.0/17,US,US-CA,Fremont,\n",
        );
        self.set("vultr.csv", ok, "45.32.0.0/16,US,US-NJ,Piscataway,\n");
        self.set(
            "ips-v4",
            ok,
            "173.245.48.0/20\n103.21.244.0/22\n104.16.0.0/13\n",
        );
        self.set("ips-v6", ok, "2400:cb00::/32\n2606:4700::/32\n");
    }

    /// NETWORKS_SOURCES pointing every source at this server.
    fn sources(&self) -> String {
        let path = |id: &str| match id {
            "microsoft" => "microsoft",
            "googlebot" => "googlebot",
            "google-special-crawlers" => "special",
            "google-user-triggered" => "user-triggered",
            "apple" => "apple.csv",
            "aws" => "aws.json",
            "azure" => "azure",
            "google-cloud" => "cloud.json",
            "oracle" => "oracle.json",
            "digitalocean" => "do.csv",
            "linode" => "linode.csv",
            "vultr" => "vultr.csv",
            "cloudflare-v4" => "ips-v4",
            "cloudflare-v6" => "ips-v6",
            other => panic!("no fixture for source {other}"),
        };
        SOURCES
            .iter()
            .map(|s| format!("{}={}/{}", s.id, self.base, path(s.id)))
            .collect::<Vec<_>>()
            .join(",")
    }

    fn args(&self, file: &Path) -> UpdateArgs {
        UpdateArgs {
            file: file.to_path_buf(),
            sources: self.sources().parse().expect("valid NETWORKS_SOURCES"),
            timeout_secs: 10,
        }
    }
}

async fn serve(State(files): State<Files>, UrlPath(name): UrlPath<String>) -> (StatusCode, String) {
    files
        .lock()
        .unwrap()
        .get(&name)
        .cloned()
        .unwrap_or((StatusCode::NOT_FOUND, String::new()))
}

/// AWS's ip-ranges.json with these IPv4 prefixes and one IPv6 prefix.
fn aws(v4: &[&str]) -> String {
    let prefixes: Vec<String> = v4
        .iter()
        .map(|p| format!(r#"{{"ip_prefix":"{p}","region":"us-east-1","service":"AMAZON","network_border_group":"us-east-1"}}"#))
        .collect();
    format!(
        r#"{{"syncToken":"1764547200","createDate":"2026-12-01-00-00-00","prefixes":[{}],"ipv6_prefixes":[{{"ipv6_prefix":"2600:1f18::/33","region":"us-east-1","service":"AMAZON","network_border_group":"us-east-1"}}]}}"#,
        prefixes.join(",")
    )
}

fn lookup(networks: &Networks, address: &str) -> Option<(&'static str, Meaning)> {
    networks
        .lookup(address.parse::<IpAddr>().expect("an address"))
        .map(|Network { operator, meaning }| (operator, meaning))
}

fn fared<'a>(report: &'a [(&'static str, Fared)], id: &str) -> &'a Fared {
    &report
        .iter()
        .find(|(s, _)| *s == id)
        .expect("every source reports")
        .1
}

#[tokio::test]
async fn every_source_format_is_written_and_a_bad_source_keeps_its_old_copy() {
    let fixtures = Fixtures::start().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("networks.tsv");

    let first = update(&fixtures.args(&file))
        .await
        .expect("the first update");
    assert!(first.all_fresh(), "{:?}", first.sources);
    let networks = Networks::with_file(&file).expect("the written file loads");
    for (address, expect) in [
        ("3.5.140.9", Some(("AWS", Meaning::Hosting))),
        ("2600:1f18::1", Some(("AWS", Meaning::Hosting))),
        ("20.42.0.1", Some(("Azure", Meaning::Hosting))),
        ("13.107.208.1", Some(("Azure", Meaning::Hosting))),
        ("8.34.210.5", Some(("Google Cloud", Meaning::Hosting))),
        ("129.146.12.1", Some(("Oracle Cloud", Meaning::Hosting))),
        ("164.90.130.1", Some(("DigitalOcean", Meaning::Hosting))),
        ("2604:a880::1", Some(("DigitalOcean", Meaning::Hosting))),
        ("45.33.1.1", Some(("Linode", Meaning::Hosting))),
        ("45.32.1.1", Some(("Vultr", Meaning::Hosting))),
        ("173.245.48.1", Some(("Cloudflare", Meaning::Hosting))),
        ("2606:4700::1", Some(("Cloudflare", Meaning::Hosting))),
        (
            "172.224.7.1",
            Some(("iCloud Private Relay", Meaning::Relay)),
        ),
        ("66.249.64.40", Some(("Google", Meaning::Crawler))),
        // Exchange Online Protection is a scan; the rest of Exchange serves people, and
        // Azure's prefixes inside either are left out so that they still decide.
        ("104.47.1.1", Some(("Microsoft 365", Meaning::Scan))),
        ("40.107.5.9", Some(("Microsoft 365", Meaning::Scan))),
        ("40.97.1.1", Some(("Outlook on the web", Meaning::People))),
        ("52.96.8.9", Some(("Outlook on the web", Meaning::People))),
        // Cloudflare WARP's pool stays a relay inside Cloudflare's ips-v4 (the built-in list).
        ("104.28.36.9", Some(("Cloudflare WARP", Meaning::Relay))),
        ("203.0.113.7", None),
    ] {
        assert_eq!(lookup(&networks, address), expect, "{address}");
    }
    let text = std::fs::read_to_string(&file).expect("the file");
    assert!(
        text.contains("\taws\n"),
        "the source column names the source"
    );

    // A week later: AWS answers 500, Apple's download is cut short, Cloudflare's is an error
    // page, Vultr's server is gone, and Google Cloud has a new range.
    fixtures.set("aws.json", StatusCode::INTERNAL_SERVER_ERROR, "oops");
    fixtures.set(
        "apple.csv",
        StatusCode::OK,
        "172.224.0.0/27,DE,DE-HE,Frankfurt am Main,\n",
    );
    fixtures.set("ips-v4", StatusCode::OK, "<html>Rate limited</html>\n");
    fixtures.set("vultr.csv", StatusCode::OK, "");
    fixtures.set(
        "cloud.json",
        StatusCode::OK,
        r#"{"prefixes":[{"ipv4Prefix":"8.34.208.0/20"},{"ipv4Prefix":"34.80.0.0/15"}]}"#,
    );
    let second = update(&fixtures.args(&file))
        .await
        .expect("the second update");
    assert!(!second.all_fresh());
    let kept = |id: &str| match fared(&second.sources, id) {
        Fared::Kept { why, kept } => (why.clone(), *kept),
        other => panic!("{id}: {other:?}"),
    };
    let (why, n) = kept("aws");
    assert!(why.contains("HTTP 500"), "{why}");
    assert_eq!(n, 3);
    let (why, n) = kept("apple");
    assert_eq!(
        (why.as_str(), n),
        (
            "holds 1 ranges, less than a tenth of the 20 it had before (a truncated download?)",
            20
        )
    );
    let (why, _) = kept("cloudflare-v4");
    assert!(why.contains("is not a range"), "{why}");
    let (why, _) = kept("vultr");
    assert_eq!(why, "holds no ranges (an empty download?)");
    for id in ["aws", "apple", "cloudflare-v4", "vultr"] {
        assert!(!kept(id).0.contains('\n'), "{id}: one line");
    }
    assert_eq!(
        fared(&second.sources, "google-cloud"),
        &Fared::Fresh {
            ranges: 2,
            before: 2
        }
    );
    let networks = Networks::with_file(&file).expect("the rewritten file loads");
    for (address, expect) in [
        ("3.5.140.9", Some(("AWS", Meaning::Hosting))),
        (
            "172.224.19.1",
            Some(("iCloud Private Relay", Meaning::Relay)),
        ),
        ("173.245.48.1", Some(("Cloudflare", Meaning::Hosting))),
        ("45.32.1.1", Some(("Vultr", Meaning::Hosting))),
        ("34.81.0.1", Some(("Google Cloud", Meaning::Hosting))),
    ] {
        assert_eq!(lookup(&networks, address), expect, "{address}");
    }
    // Written through a temporary file renamed into place: nothing else is left behind.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("the directory")
        .map(|e| e.expect("an entry").file_name())
        .collect();
    assert_eq!(left, ["networks.tsv"]);
}

#[tokio::test]
async fn a_running_pixel_server_picks_up_the_updated_file() {
    let fixtures = Fixtures::start().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("networks.tsv");
    update(&fixtures.args(&file))
        .await
        .expect("the first update");
    let app = TestApp::spawn()
        .pixel_setting("--trusted-proxies", "127.0.0.0/8,::1")
        .pixel_setting("--networks-file", file.display())
        .await;
    let mut chat = 0;
    let mut fetch_from = async |client: &str| {
        chat += 1;
        app.stored_open(chat, CHROME, client).await
    };
    // 198.51.100.0/24 is on no list yet: a Chrome agent from there is a person.
    assert_eq!(
        fetch_from("198.51.100.7").await,
        ("direct".into(), "ua".into())
    );

    // AWS now lists it; the update rewrites the file, and the server reloads it.
    fixtures.set(
        "aws.json",
        StatusCode::OK,
        aws(&["3.5.140.0/22", "198.18.0.0/24", "198.51.100.0/24"]),
    );
    assert!(
        update(&fixtures.args(&file))
            .await
            .expect("update")
            .all_fresh()
    );
    let deadline = tokio::time::Instant::now() + PATIENCE;
    let mut last = ("".to_owned(), "".to_owned());
    while tokio::time::Instant::now() < deadline {
        last = fetch_from("198.51.100.8").await;
        if last.0 == "scanner" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(last, ("scanner".into(), "network:hosting".into()));
}
