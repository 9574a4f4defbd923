//! `mailping-pixel-server networks update`: downloads every network list its operator
//! publishes (Microsoft's Office 365 endpoints, Apple's Private Relay egress, Google's
//! crawlers, the cloud providers' ranges), checks each, and writes `NETWORKS_FILE` atomically
//! (a temporary file beside it, then a rename), which running servers then reload.
//!
//! A source that fails or looks wrong (an error, nothing in it, less than a tenth of the ranges
//! it had last time, a line that is no range) keeps its copy from the file before, and one
//! line says so. Each range's `source` column names its source's id, which is how the next
//! update finds the old copy.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use ipnet::IpNet;
use mailping_shared::classifier::{Meaning, Networks};
use serde::Deserialize;

/// `mailping-pixel-server networks ...`, parsed apart from the server's settings: the update
/// needs no database.
#[derive(Parser, Debug)]
#[command(name = "mailping-pixel-server", version)]
pub struct NetworksCli {
    #[command(subcommand)]
    pub command: Top,
}

#[derive(Subcommand, Debug)]
pub enum Top {
    /// The listed networks.
    Networks {
        #[command(subcommand)]
        action: NetworksAction,
    },
}

#[derive(Subcommand, Debug)]
pub enum NetworksAction {
    /// Download every published network list and write NETWORKS_FILE; running servers reload it.
    Update(UpdateArgs),
}

/// The update's settings.
#[derive(Args, Debug, Clone)]
pub struct UpdateArgs {
    /// The file to write: the pixel server's NETWORKS_FILE.
    #[arg(
        long = "networks-file",
        env = "NETWORKS_FILE",
        value_name = "NETWORKS_FILE"
    )]
    pub file: PathBuf,
    /// Sources to fetch from elsewhere, or to leave out: comma-separated id=URL or id=off,
    /// e.g. apple=off,aws=https://mirror.example/ip-ranges.json.
    #[arg(
        long = "networks-sources",
        env = "NETWORKS_SOURCES",
        value_name = "NETWORKS_SOURCES",
        default_value = ""
    )]
    pub sources: SourceOverrides,
    /// Seconds one download may take.
    #[arg(
        long = "networks-update-timeout-secs",
        env = "NETWORKS_UPDATE_TIMEOUT_SECS",
        value_name = "NETWORKS_UPDATE_TIMEOUT_SECS",
        default_value_t = 120
    )]
    pub timeout_secs: u64,
}

/// `id=URL` and `id=off` pairs, each id one of [`SOURCES`].
#[derive(Debug, Clone, Default)]
pub struct SourceOverrides(HashMap<&'static str, Option<String>>);

impl FromStr for SourceOverrides {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut overrides = HashMap::new();
        for pair in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (id, url) = pair
                .split_once('=')
                .ok_or_else(|| format!("{pair:?} is not id=URL or id=off"))?;
            let source = SOURCES.iter().find(|s| s.id == id.trim()).ok_or_else(|| {
                format!(
                    "no source {:?}; the sources are {}",
                    id.trim(),
                    SOURCES.map(|s| s.id).join(", ")
                )
            })?;
            let url = url.trim();
            let url = match url {
                "off" => None,
                u if u.starts_with("http://") || u.starts_with("https://") => Some(u.to_owned()),
                u => return Err(format!("{}: {u:?} is not an http(s) URL or off", source.id)),
            };
            overrides.insert(source.id, url);
        }
        Ok(SourceOverrides(overrides))
    }
}

/// How a source's file is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// endpoints.office.com's JSON: Exchange's SMTP entries are Exchange Online Protection
    /// (`scan`), its other entries serve Outlook on the web to people (`people`).
    MicrosoftEndpoints,
    /// `prefix,country,region,city,postal` lines (RFC 8805): Apple's egress list, DigitalOcean's
    /// and Linode's geofeeds.
    Geofeed,
    /// AWS's ip-ranges.json.
    Aws,
    /// Azure's service tags JSON, or the download page that links to this week's file.
    AzureServiceTags,
    /// Google's cloud.json and crawler lists: `prefixes[].ipv4Prefix|ipv6Prefix`.
    Google,
    /// Oracle's public_ip_ranges.json.
    Oracle,
    /// One range per line (Cloudflare's ips-v4 and ips-v6).
    Plain,
}

/// A published list: where it is, whose it is and what a fetch from it means.
#[derive(Debug, Clone, Copy)]
pub struct Source {
    /// Its name in NETWORKS_SOURCES and in the file's `source` column.
    pub id: &'static str,
    pub operator: &'static str,
    pub meaning: Meaning,
    /// Where its operator documents it.
    pub url: &'static str,
    format: Format,
}

/// Every source, in the order their ranges win when two list the same prefix: the mail
/// services' and relays' before the clouds'.
pub const SOURCES: [Source; 14] = [
    Source {
        id: "microsoft",
        operator: "Microsoft 365",
        meaning: Meaning::Scan,
        url: "https://endpoints.office.com/endpoints/worldwide?clientrequestid=b10c5ed1-bad1-445f-b386-b919946339a7",
        format: Format::MicrosoftEndpoints,
    },
    Source {
        id: "googlebot",
        operator: "Google",
        meaning: Meaning::Crawler,
        url: "https://developers.google.com/static/search/apis/ipranges/googlebot.json",
        format: Format::Google,
    },
    Source {
        id: "google-special-crawlers",
        operator: "Google",
        meaning: Meaning::Crawler,
        url: "https://developers.google.com/static/search/apis/ipranges/special-crawlers.json",
        format: Format::Google,
    },
    Source {
        id: "google-user-triggered",
        operator: "Google",
        meaning: Meaning::Crawler,
        url: "https://developers.google.com/static/search/apis/ipranges/user-triggered-fetchers.json",
        format: Format::Google,
    },
    Source {
        id: "apple",
        operator: "iCloud Private Relay",
        meaning: Meaning::Relay,
        url: "https://mask-api.icloud.com/egress-ip-ranges.csv",
        format: Format::Geofeed,
    },
    Source {
        id: "aws",
        operator: "AWS",
        meaning: Meaning::Hosting,
        url: "https://ip-ranges.amazonaws.com/ip-ranges.json",
        format: Format::Aws,
    },
    Source {
        id: "azure",
        operator: "Azure",
        meaning: Meaning::Hosting,
        url: "https://www.microsoft.com/en-us/download/details.aspx?id=56519",
        format: Format::AzureServiceTags,
    },
    Source {
        id: "google-cloud",
        operator: "Google Cloud",
        meaning: Meaning::Hosting,
        url: "https://www.gstatic.com/ipranges/cloud.json",
        format: Format::Google,
    },
    Source {
        id: "oracle",
        operator: "Oracle Cloud",
        meaning: Meaning::Hosting,
        url: "https://docs.oracle.com/iaas/tools/public_ip_ranges.json",
        format: Format::Oracle,
    },
    Source {
        id: "digitalocean",
        operator: "DigitalOcean",
        meaning: Meaning::Hosting,
        url: "https://digitalocean.com/geo/google.csv",
        format: Format::Geofeed,
    },
    Source {
        id: "linode",
        operator: "Linode",
        meaning: Meaning::Hosting,
        url: "https://geoip.linode.com/",
        format: Format::Geofeed,
    },
    Source {
        id: "vultr",
        operator: "Vultr",
        meaning: Meaning::Hosting,
        url: "https://geofeed.constant.com/?text",
        format: Format::Geofeed,
    },
    Source {
        id: "cloudflare-v4",
        operator: "Cloudflare",
        meaning: Meaning::Hosting,
        url: "https://www.cloudflare.com/ips-v4",
        format: Format::Plain,
    },
    Source {
        id: "cloudflare-v6",
        operator: "Cloudflare",
        meaning: Meaning::Hosting,
        url: "https://www.cloudflare.com/ips-v6",
        format: Format::Plain,
    },
];

/// The operator and meaning of Exchange Online's ranges other than its mail filtering.
const OUTLOOK_ON_THE_WEB: &str = "Outlook on the web";

/// One range of the file, with whose it is and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    range: IpNet,
    operator: String,
    meaning: Meaning,
}

/// How one source fared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fared {
    /// Downloaded and written: how many ranges (after merging), and how many before.
    Fresh { ranges: usize, before: usize },
    /// Failed or looked wrong: why, and how many ranges were kept from before.
    Kept { why: String, kept: usize },
    /// Left out by NETWORKS_SOURCES.
    Off,
}

/// What an update did, source by source.
#[derive(Debug)]
pub struct Report {
    pub sources: Vec<(&'static str, Fared)>,
    /// Ranges in the file written.
    pub ranges: usize,
}

impl Report {
    /// Whether every source that was not left out is fresh.
    pub fn all_fresh(&self) -> bool {
        self.sources
            .iter()
            .all(|(_, f)| !matches!(f, Fared::Kept { .. }))
    }
}

/// Why no file was written.
#[derive(Debug, thiserror::Error)]
pub enum UpdateError {
    #[error("{file}: {cause}")]
    Write { file: String, cause: std::io::Error },
    #[error("{0}")]
    Invalid(String),
    #[error("building the HTTP client: {0}")]
    Client(reqwest::Error),
}

/// The command's whole run, for `main`: one line per source, then the file; exit status 0
/// when every source is fresh, 1 when one kept its old copy (the file is written all the
/// same), 2 when no file could be written.
pub async fn main(args: UpdateArgs) -> std::process::ExitCode {
    match update(&args).await {
        Ok(report) => {
            for (id, fared) in &report.sources {
                match fared {
                    Fared::Fresh { ranges, before } => {
                        println!("{id}: {ranges} ranges (before: {before})")
                    }
                    Fared::Kept { why, kept: 0 } => {
                        eprintln!("{id}: {why}; it had no ranges before, so it has none")
                    }
                    Fared::Kept { why, kept } => {
                        eprintln!("{id}: {why}; keeping the {kept} ranges it had before")
                    }
                    Fared::Off => println!("{id}: left out (NETWORKS_SOURCES)"),
                }
            }
            println!(
                "wrote {} ({} ranges); running pixel servers reload it",
                args.file.display(),
                report.ranges
            );
            if report.all_fresh() {
                std::process::ExitCode::SUCCESS
            } else {
                std::process::ExitCode::FAILURE
            }
        }
        Err(e) => {
            eprintln!("mailping-pixel-server networks update: {e}");
            std::process::ExitCode::from(2)
        }
    }
}

/// Downloads every source, and writes the file.
pub async fn update(args: &UpdateArgs) -> Result<Report, UpdateError> {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(args.timeout_secs))
        .user_agent(concat!(
            "mailping-pixel-server/",
            env!("CARGO_PKG_VERSION"),
            " (networks update)"
        ))
        .build()
        .map_err(UpdateError::Client)?;
    let before = old_copies(&args.file);
    let mut report = Report {
        sources: Vec::new(),
        ranges: 0,
    };
    let mut by_source: Vec<(&'static str, Vec<Entry>)> = Vec::new();
    for source in &SOURCES {
        let url = match args.sources.0.get(source.id) {
            Some(None) => {
                report.sources.push((source.id, Fared::Off));
                continue;
            }
            Some(Some(url)) => url.as_str(),
            None => source.url,
        };
        let old = before.get(source.id).cloned().unwrap_or_default();
        let fresh = fetch(&client, source, url)
            .await
            .and_then(|entries| plausible(entries, old.len()));
        match fresh {
            Ok(entries) => {
                report.sources.push((
                    source.id,
                    Fared::Fresh {
                        ranges: entries.len(),
                        before: old.len(),
                    },
                ));
                by_source.push((source.id, entries));
            }
            Err(why) => {
                report.sources.push((
                    source.id,
                    Fared::Kept {
                        why,
                        kept: old.len(),
                    },
                ));
                by_source.push((source.id, old));
            }
        }
    }
    let (text, lines) = render(&by_source, &report)?;
    // What the servers will load: a file they would refuse is not written.
    Networks::with_text(&args.file.display().to_string(), &text)
        .map_err(|e| UpdateError::Invalid(format!("the new file does not load: {e}")))?;
    report.ranges = lines;
    write_atomically(&args.file, &text).map_err(|cause| UpdateError::Write {
        file: args.file.display().to_string(),
        cause,
    })?;
    Ok(report)
}

/// Downloads and parses one source; an error is one line saying what went wrong.
async fn fetch(client: &reqwest::Client, source: &Source, url: &str) -> Result<Vec<Entry>, String> {
    let mut body = get(client, url).await?;
    if source.format == Format::AzureServiceTags && body.trim_start().starts_with('<') {
        // The documented URL is a download page; this week's JSON is linked from it.
        let link = service_tags_link(&body)
            .ok_or("the download page links to no ServiceTags_Public_*.json")?;
        body = get(client, &link).await?;
    }
    parse(source, &body)
}

async fn get(client: &reqwest::Client, url: &str) -> Result<String, String> {
    let response = client
        .get(url)
        .send()
        .await
        .map_err(|e| format!("downloading {url}: {}", one_line(&e)))?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!("downloading {url}: HTTP {status}"));
    }
    response
        .text()
        .await
        .map_err(|e| format!("downloading {url}: {}", one_line(&e)))
}

/// An error and its causes on one line.
fn one_line(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        let _ = write!(text, ": {c}");
        cause = c.source();
    }
    text.replace('\n', " ")
}

fn service_tags_link(page: &str) -> Option<String> {
    let at = page.find("ServiceTags_Public")?;
    let start = page[..at].rfind("http")?;
    let end = at + page[at..].find(".json")? + ".json".len();
    let link = &page[start..end];
    let url = link.starts_with("https://") || link.starts_with("http://");
    (url && !link.contains(['"', '\'', '<', '>', ' '])).then(|| link.to_owned())
}

/// A source's ranges, merged (adjacent and contained prefixes of one operator and meaning
/// become one), or why it can't be read.
fn parse(source: &Source, body: &str) -> Result<Vec<Entry>, String> {
    let body = body.strip_prefix('\u{feff}').unwrap_or(body);
    let json = |e: serde_json::Error| format!("not the expected JSON: {e}");
    let tagged: Vec<(&str, Meaning, Vec<String>)> = match source.format {
        Format::MicrosoftEndpoints => {
            #[derive(Deserialize)]
            #[serde(rename_all = "camelCase")]
            struct Endpoint {
                service_area: String,
                #[serde(default)]
                tcp_ports: String,
                #[serde(default)]
                ips: Vec<String>,
            }
            let endpoints: Vec<Endpoint> = serde_json::from_str(body).map_err(json)?;
            let (mut filtering, mut people) = (Vec::new(), Vec::new());
            for e in endpoints
                .into_iter()
                .filter(|e| e.service_area == "Exchange")
            {
                // Mail flow (SMTP, port 25) is Exchange Online Protection, where Defender's
                // scans come from; the rest serve Outlook on the web to people (warmbly#410).
                if e.tcp_ports.split(',').any(|p| p.trim() == "25") {
                    filtering.extend(e.ips);
                } else {
                    people.extend(e.ips);
                }
            }
            vec![
                (source.operator, source.meaning, filtering),
                (OUTLOOK_ON_THE_WEB, Meaning::People, people),
            ]
        }
        Format::Aws => {
            #[derive(Deserialize)]
            struct V4 {
                ip_prefix: String,
            }
            #[derive(Deserialize)]
            struct V6 {
                ipv6_prefix: String,
            }
            #[derive(Deserialize)]
            struct Ranges {
                prefixes: Vec<V4>,
                #[serde(default)]
                ipv6_prefixes: Vec<V6>,
            }
            let r: Ranges = serde_json::from_str(body).map_err(json)?;
            let ranges = r.prefixes.into_iter().map(|p| p.ip_prefix);
            let ranges = ranges.chain(r.ipv6_prefixes.into_iter().map(|p| p.ipv6_prefix));
            vec![(source.operator, source.meaning, ranges.collect())]
        }
        Format::Google => {
            #[derive(Deserialize)]
            #[serde(rename_all = "camelCase")]
            struct Prefix {
                ipv4_prefix: Option<String>,
                ipv6_prefix: Option<String>,
            }
            #[derive(Deserialize)]
            struct Ranges {
                prefixes: Vec<Prefix>,
            }
            let r: Ranges = serde_json::from_str(body).map_err(json)?;
            let ranges = r
                .prefixes
                .into_iter()
                .filter_map(|p| p.ipv4_prefix.or(p.ipv6_prefix));
            vec![(source.operator, source.meaning, ranges.collect())]
        }
        Format::Oracle => {
            #[derive(Deserialize)]
            struct Cidr {
                cidr: String,
            }
            #[derive(Deserialize)]
            struct Region {
                cidrs: Vec<Cidr>,
            }
            #[derive(Deserialize)]
            struct Ranges {
                regions: Vec<Region>,
            }
            let r: Ranges = serde_json::from_str(body).map_err(json)?;
            let ranges = r.regions.into_iter().flat_map(|r| r.cidrs).map(|c| c.cidr);
            vec![(source.operator, source.meaning, ranges.collect())]
        }
        Format::AzureServiceTags => {
            #[derive(Deserialize)]
            #[serde(rename_all = "camelCase")]
            struct Properties {
                address_prefixes: Vec<String>,
            }
            #[derive(Deserialize)]
            struct Tag {
                properties: Properties,
            }
            #[derive(Deserialize)]
            struct Tags {
                values: Vec<Tag>,
            }
            let t: Tags = serde_json::from_str(body).map_err(json)?;
            let ranges = t
                .values
                .into_iter()
                .flat_map(|t| t.properties.address_prefixes);
            vec![(source.operator, source.meaning, ranges.collect())]
        }
        Format::Geofeed | Format::Plain => {
            let ranges = body
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(|l| l.split(',').next().unwrap_or_default().trim().to_owned());
            vec![(source.operator, source.meaning, ranges.collect())]
        }
    };
    let mut entries = Vec::new();
    for (operator, meaning, ranges) in tagged {
        let mut nets = Vec::with_capacity(ranges.len());
        for (n, range) in ranges.iter().enumerate() {
            let net = range
                .parse::<IpNet>()
                .or_else(|_| range.parse::<std::net::IpAddr>().map(IpNet::from))
                .map_err(|_| format!("range {} ({range:?}) is not a range", n + 1))?;
            // A provider's prefix with host bits set still means the network it names.
            nets.push(net.trunc());
        }
        entries.extend(IpNet::aggregate(&nets).into_iter().map(|range| Entry {
            range,
            operator: operator.to_owned(),
            meaning,
        }));
    }
    Ok(entries)
}

/// Refuses a source that holds nothing, or less than a tenth of what it held before: a
/// truncated download, or a provider's error page that happens to parse.
fn plausible(entries: Vec<Entry>, before: usize) -> Result<Vec<Entry>, String> {
    if entries.is_empty() {
        return Err("holds no ranges (an empty download?)".into());
    }
    if entries.len() * 10 < before {
        return Err(format!(
            "holds {} ranges, less than a tenth of the {before} it had before (a truncated download?)",
            entries.len()
        ));
    }
    Ok(entries)
}

/// Each source's ranges in the file written before, by the id in its `source` column. A
/// missing file, or one in another format (Apple's CSV, a hand-kept file), has none.
fn old_copies(file: &Path) -> HashMap<String, Vec<Entry>> {
    let mut copies: HashMap<String, Vec<Entry>> = HashMap::new();
    let Ok(text) = std::fs::read_to_string(file) else {
        return copies;
    };
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [range, operator, meaning, source] = cols[..] else {
            continue;
        };
        let (Ok(range), Some(meaning)) = (
            range.parse::<IpNet>(),
            Meaning::ALL.into_iter().find(|m| m.as_str() == meaning),
        ) else {
            continue;
        };
        if SOURCES.iter().any(|s| s.id == source) {
            copies.entry(source.to_owned()).or_default().push(Entry {
                range,
                operator: operator.to_owned(),
                meaning,
            });
        }
    }
    copies
}

/// The file's text: what it is and how each source fared, then one line per range. A prefix
/// listed by two sources is written once, for the first; a cloud's prefix that lies inside a
/// more telling range (a gateway's, Outlook on the web's, a relay's) is left out, so that
/// the longest-prefix match finds the telling one.
fn render(
    by_source: &[(&'static str, Vec<Entry>)],
    report: &Report,
) -> Result<(String, usize), UpdateError> {
    let mut specific = String::from("range\toperator\tmeaning\tsource\n");
    for entry in by_source
        .iter()
        .flat_map(|(_, e)| e)
        .filter(|e| e.meaning != Meaning::Hosting)
    {
        let _ = writeln!(
            specific,
            "{}\tx\t{}\tx",
            entry.range,
            entry.meaning.as_str()
        );
    }
    // Duplicates among the specific ranges are fine here: only their cover is asked for.
    let specific = {
        let mut seen = HashSet::new();
        let unique: String = specific
            .lines()
            .filter(|l| seen.insert(l.split('\t').next().unwrap_or_default().to_owned()))
            .map(|l| format!("{l}\n"))
            .collect();
        if seen.len() == 1 {
            // Only the header: every specific source is left out, the built-in ranges remain.
            Networks::embedded_copy()
        } else {
            Networks::with_text("the update's own ranges", &unique)
                .map_err(|e| UpdateError::Invalid(e.to_string()))?
        }
    };
    let mut text = String::new();
    let now = chrono::Utc::now().format("%Y-%m-%d %H:%M UTC");
    let _ = writeln!(
        text,
        "# Written by `mailping-pixel-server networks update` at {now}; the next update replaces it."
    );
    let _ = writeln!(
        text,
        "# Each range's source column names the list it came from:"
    );
    let fared: BTreeMap<&str, &Fared> = report.sources.iter().map(|(id, f)| (*id, f)).collect();
    for source in &SOURCES {
        let state = match fared.get(source.id) {
            Some(Fared::Fresh { .. }) => "downloaded now".to_owned(),
            Some(Fared::Kept { why, .. }) => format!("kept from before: {why}"),
            Some(Fared::Off) | None => "left out".to_owned(),
        };
        let _ = writeln!(text, "#   {:<24} {} ({state})", source.id, source.url);
    }
    text.push_str("range\toperator\tmeaning\tsource\n");
    let mut seen = HashSet::new();
    let mut lines = 0;
    for (id, entries) in by_source {
        for e in entries {
            if e.meaning == Meaning::Hosting && specific.within_specific(e.range) {
                continue;
            }
            if !seen.insert(e.range) {
                continue;
            }
            let _ = writeln!(
                text,
                "{}\t{}\t{}\t{id}",
                e.range,
                e.operator,
                e.meaning.as_str()
            );
            lines += 1;
        }
    }
    Ok((text, lines))
}

/// Writes `text` to a temporary file beside `file`, flushes it to disk, then renames it over
/// `file`: a reader sees the old file or the new one, never half of one.
fn write_atomically(file: &Path, text: &str) -> std::io::Result<()> {
    let dir = match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".networks-update-")
        .tempfile_in(dir)?;
    temp.write_all(text.as_bytes())?;
    temp.as_file().sync_all()?;
    temp.persist(file).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(id: &str) -> &'static Source {
        SOURCES.iter().find(|s| s.id == id).unwrap()
    }

    fn ranges(entries: &[Entry]) -> Vec<String> {
        entries
            .iter()
            .map(|e| format!("{} {} {}", e.range, e.operator, e.meaning.as_str()))
            .collect()
    }

    #[test]
    fn microsofts_mail_filtering_is_scan_and_the_rest_of_exchange_is_people() {
        let json = r#"[
            {"id":1,"serviceArea":"Exchange","tcpPorts":"80,443","ips":["13.107.6.152/31","2603:1006::/40"]},
            {"id":10,"serviceArea":"Exchange","tcpPorts":"25","ips":["40.107.0.0/16","104.47.0.0/17"]},
            {"id":46,"serviceArea":"SharePoint","tcpPorts":"443","ips":["13.107.136.0/22"]},
            {"id":8,"serviceArea":"Exchange","tcpPorts":"443","urls":["*.outlook.com"]}
        ]"#;
        assert_eq!(
            ranges(&parse(source("microsoft"), json).unwrap()),
            [
                "40.107.0.0/16 Microsoft 365 scan",
                "104.47.0.0/17 Microsoft 365 scan",
                "13.107.6.152/31 Outlook on the web people",
                "2603:1006::/40 Outlook on the web people",
            ]
        );
    }

    #[test]
    fn adjacent_prefixes_merge_and_host_bits_are_cleared() {
        let csv = "10.0.0.0/25,US,,,\n10.0.0.128/25,US,,,\n10.0.1.7/24,DE,,,\n# comment\n\n2001:db8::/33,,,,\n2001:db8:8000::/33,,,,\n";
        assert_eq!(
            ranges(&parse(source("digitalocean"), csv).unwrap()),
            [
                "10.0.0.0/23 DigitalOcean hosting",
                "2001:db8::/32 DigitalOcean hosting"
            ]
        );
    }

    #[test]
    fn a_line_that_is_no_range_refuses_the_source() {
        let err = parse(source("cloudflare-v4"), "173.245.48.0/20\n<html>\n").unwrap_err();
        assert_eq!(err, "range 2 (\"<html>\") is not a range");
        let err = parse(source("aws"), "{\"prefixes\": 7}").unwrap_err();
        assert!(err.starts_with("not the expected JSON"), "{err}");
    }

    #[test]
    fn an_empty_or_shrunken_source_is_refused() {
        let one = parse(source("cloudflare-v4"), "173.245.48.0/20\n").unwrap();
        assert!(plausible(one.clone(), 10).is_ok());
        assert_eq!(
            plausible(one.clone(), 11).unwrap_err(),
            "holds 1 ranges, less than a tenth of the 11 it had before (a truncated download?)"
        );
        assert_eq!(
            plausible(vec![], 0).unwrap_err(),
            "holds no ranges (an empty download?)"
        );
    }

    #[test]
    fn a_file_of_cloud_ranges_alone_is_written_less_those_inside_telling_ranges() {
        let entries = parse(
            source("azure"),
            r#"{"values":[{"properties":{"addressPrefixes":["20.42.0.0/17","40.107.5.0/24","52.96.8.0/24"]}}]}"#,
        )
        .unwrap();
        let report = Report {
            sources: vec![(
                "azure",
                Fared::Fresh {
                    ranges: 3,
                    before: 0,
                },
            )],
            ranges: 0,
        };
        let (text, lines) = render(&[("azure", entries)], &report).unwrap();
        // The prefixes inside Exchange Online Protection's and Outlook on the web's built-in
        // ranges are left out.
        assert_eq!(lines, 1, "{text}");
        assert!(
            text.ends_with(
                "range\toperator\tmeaning\tsource\n20.42.0.0/17\tAzure\thosting\tazure\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn the_azure_download_page_leads_to_this_weeks_file() {
        let page = r#"<html><a href="https://download.microsoft.com/download/7/1/D/71D86715-5596-4529-9B13-DA13A5DE5B63/ServiceTags_Public_20261130.json" class="x">"#;
        assert_eq!(
            service_tags_link(page).as_deref(),
            Some(
                "https://download.microsoft.com/download/7/1/D/71D86715-5596-4529-9B13-DA13A5DE5B63/ServiceTags_Public_20261130.json"
            )
        );
        assert_eq!(service_tags_link("<html>nothing</html>"), None);
    }

    #[test]
    fn overrides_name_known_sources_and_urls() {
        let o: SourceOverrides = "apple=off, aws=http://127.0.0.1:9/a.json".parse().unwrap();
        assert_eq!(o.0.get("apple"), Some(&None));
        assert_eq!(
            o.0.get("aws"),
            Some(&Some("http://127.0.0.1:9/a.json".to_owned()))
        );
        assert!(
            "nope=off"
                .parse::<SourceOverrides>()
                .unwrap_err()
                .contains("no source \"nope\"")
        );
        assert!("aws=ftp://x".parse::<SourceOverrides>().is_err());
        assert!("aws".parse::<SourceOverrides>().is_err());
    }
}
