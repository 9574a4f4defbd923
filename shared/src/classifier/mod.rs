//! Classifies one pixel fetch: is it a real read, a proxy, a bot, or the sender's own view,
//! and why ([`Reason`]).
//!
//! Two steps, each run exactly once per fetch:
//!
//! 1. The edge, [`admit`], in the pixel handler: is this a fetch to record at all? Only a
//!    `GET` downloads the image, and a prefetch header (`Sec-Purpose`, `Purpose`, `X-Purpose`,
//!    `X-Moz` saying `prefetch` or `preview`) is the browser guessing, not a person looking:
//!    both are answered and never recorded. For a fetch that is recorded, the edge also looks
//!    the client's full address up in the listed networks ([`Networks`], [`Origin`]), because
//!    only the handler holds the full address: the queue and the database keep nothing finer
//!    than the IPv4 /24 or IPv6 /48.
//! 2. The verdict, [`verdict`], in the writer, with what Postgres knows about the tracker:
//!    1. A read needs evidence of a person. The User-Agent names a kind and a client by the
//!       rules in `shared/data/user-agents.tsv`, where the first matching rule wins: whole
//!       agents of one product (Apple Mail Privacy Protection's bare `Mozilla/5.0`, Discord's
//!       fixed Firefox 38); webmail image proxies and mail clients that bot lists call bots;
//!       link previews; named scanners; mail clients; headless browsers and HTTP libraries;
//!       bot conventions (an info URL, `compatible;` with no browser after it, the words
//!       services use for what they do); browsers, which count only when the whole agent is
//!       coherent (`user_agents::coherent`); Apple Mail's bare WebKit. An agent nothing names
//!       is a `scanner` if the maintained bot list (`isbot`) knows it, and otherwise
//!       `unverified`: kept, but not a read. A missing User-Agent is a script.
//!    2. The network: an agent that would be a person's read or is unverified, arriving from a
//!       listed network whose meaning is `scan`, `prefetch`, `crawler`
//!       (`shared/data/networks.tsv`) or `hosting` (a cloud data centre,
//!       `shared/data/networks-hosting.tsv`), is that operator's machine, a `scanner`:
//!       Microsoft 365 Defender and the gateways scan with browser agents, Gmail prefetches
//!       with one, and people don't read mail from a data centre. A `people` range carved out
//!       of a wider one (Outlook on the web inside Azure) leaves the agent to decide. A proxy
//!       that names itself (Gmail's comes from Google's network by design), a preview bot and
//!       Apple's prefetch keep their kind. From a `relay` network (Apple's) the agent decides
//!       and the reason says the location is hidden: Mail Privacy Protection and people using
//!       Private Relay share those addresses.
//!    3. What the owner taught with "Wrong?" comes first: an agent and network pair they
//!       called a machine is a `scanner` (`reported-machine`).
//!    4. A scanner, a link preview or an unverified fetch stays one even from the owner's
//!       network or within the grace period: calling it `self` would hide that a machine
//!       touched the email.
//!    5. Within the grace period after creation, from a network where the owner viewed the
//!       copy page, or from one they said was theirs, a fetch is the sender's own: `self`.
//!    6. The same client again within the dedup window is a `duplicate`.

use std::net::IpAddr;
use std::time::Duration;

use ipnet::IpNet;

use crate::domain::{OpenKind, Reason};

mod networks;
mod user_agents;

pub use networks::{Meaning, Network, Networks, NetworksError};

/// The request method, reduced to what matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Head,
    Other,
}

/// Where a fetch comes from, as far as the listed networks tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// On no listed network: a person's provider, an office, a VPN.
    Unlisted,
    /// A listed network: its operator and what a fetch from it means.
    Listed(Network),
}

impl Origin {
    /// The origin of a client address (IPv4-mapped IPv6 counts as IPv4).
    pub fn of(client: IpAddr, networks: &Networks) -> Origin {
        networks
            .lookup(client)
            .map_or(Origin::Unlisted, Origin::Listed)
    }
}

/// The edge's decision, made in the handler: `None` when the fetch is not an open at all
/// (not a `GET`, or a prefetch header), else where it comes from, for the verdict.
/// `headers` are (name, value) pairs, so that `shared` needs no HTTP crate.
pub fn admit<'a>(
    method: Method,
    headers: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    client: IpAddr,
    networks: &Networks,
) -> Option<Origin> {
    if method != Method::Get || is_prefetch(headers) {
        return None;
    }
    Some(Origin::of(client, networks))
}

/// One recorded pixel fetch, as the writer holds it.
#[derive(Debug, Clone, Copy)]
pub struct Fetch<'a> {
    /// None when the request had no User-Agent header at all.
    pub user_agent: Option<&'a str>,
    /// The client's truncated network (IPv4 /24, IPv6 /48), if known.
    pub network: Option<IpNet>,
    /// What the edge found of the client's full address.
    pub origin: Origin,
}

/// What is known about the tracker and its owner when the fetch is classified.
#[derive(Debug, Clone, Copy)]
pub struct TrackerContext<'a> {
    /// Time since the tracker was created.
    pub age: Duration,
    /// Fetches within this period after creation are the sender composing: `self`.
    pub self_grace: Duration,
    /// Networks from which the owner viewed the tracker's copy page.
    pub owner_networks: &'a [IpNet],
    /// Networks the owner said were theirs, answering "Wrong?" on an alert.
    pub reported_networks: &'a [IpNet],
    /// The owner called this agent from this network a machine, answering "Wrong?".
    pub reported_machine: bool,
    /// The same client (same network and user agent) was recorded for this tracker within the dedup window.
    pub seen_recently: bool,
}

impl TrackerContext<'static> {
    /// A tracker long past its grace period, whose owner was never seen and taught nothing,
    /// and no recent fetch: only the fetch itself decides (tests, benches, `classify`).
    pub const SETTLED: TrackerContext<'static> = TrackerContext {
        age: Duration::from_secs(3600),
        self_grace: Duration::from_secs(60),
        owner_networks: &[],
        reported_networks: &[],
        reported_machine: false,
        seen_recently: false,
    };
}

/// The open to record, with a human client name such as "Gmail", "Apple Mail", "Outlook",
/// and the reason for its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub kind: OpenKind,
    pub client: &'static str,
    pub reason: Reason,
}

/// The verdict on an admitted fetch, made in the writer; pure, and allocation-free for every
/// agent a rule names (an agent no rule names is looked up in the bot list, which copies it).
pub fn verdict(fetch: &Fetch<'_>, ctx: &TrackerContext<'_>) -> Verdict {
    let found = machine_or_kind(fetch.user_agent, fetch.origin);
    if ctx.reported_machine {
        return Verdict {
            kind: OpenKind::Scanner,
            reason: Reason::ReportedMachine,
            ..found
        };
    }
    if found.kind.is_machine() {
        return found;
    }
    let within = |networks: &[IpNet]| {
        fetch
            .network
            .is_some_and(|net| networks.iter().any(|own| own.contains(&net)))
    };
    let reason = if ctx.age < ctx.self_grace {
        Some((OpenKind::SelfView, Reason::Grace))
    } else if within(ctx.owner_networks) {
        Some((OpenKind::SelfView, Reason::OwnerNetwork))
    } else if within(ctx.reported_networks) {
        Some((OpenKind::SelfView, Reason::ReportedOwnNetwork))
    } else if ctx.seen_recently {
        Some((OpenKind::Duplicate, Reason::Dedup))
    } else {
        None
    };
    match reason {
        Some((kind, reason)) => Verdict {
            kind,
            reason,
            ..found
        },
        None => found,
    }
}

/// Whether a client shows no evidence of a person: a link-preview bot, a scanner, an HTTP
/// library, no User-Agent, or an agent nobody recognises, judged by its User-Agent and address.
pub fn is_bot(user_agent: Option<&str>, client: IpAddr, networks: &Networks) -> bool {
    machine_or_kind(user_agent, Origin::of(client, networks))
        .kind
        .is_machine()
}

/// Whether the maintained bot list, on its own, calls this agent a bot. The rules are
/// consulted before it; this is for showing where they disagree.
pub fn bot_list_says_bot(user_agent: &str) -> bool {
    user_agents::bot_list_says_bot(user_agent)
}

/// Steps 1 and 2 of the verdict: the User-Agent's kind, unless the network shows a machine.
fn machine_or_kind(user_agent: Option<&str>, origin: Origin) -> Verdict {
    let (kind, client, reason) = user_agents::identify(user_agent);
    let by_agent = Verdict {
        kind,
        client,
        reason,
    };
    let Origin::Listed(network) = origin else {
        return by_agent;
    };
    let machine = |reason| Verdict {
        kind: OpenKind::Scanner,
        client: network.operator,
        reason,
    };
    // An unverified agent from a machine's network is that operator's machine: the network
    // is the stronger evidence, and it names who fetched.
    let person_like = matches!(kind, OpenKind::Direct | OpenKind::Unverified);
    match (network.meaning, person_like) {
        (Meaning::Scan, true) => machine(Reason::NetworkScan),
        (Meaning::Prefetch, true) => machine(Reason::NetworkPrefetch),
        (Meaning::Crawler, true) => machine(Reason::NetworkCrawler),
        (Meaning::Hosting, true) => machine(Reason::NetworkHosting),
        (Meaning::Relay, _) if matches!(kind, OpenKind::Direct | OpenKind::AppleMpp) => Verdict {
            reason: Reason::NetworkRelay,
            ..by_agent
        },
        _ => by_agent,
    }
}

/// true when any of `Sec-Purpose`, `Purpose`, `X-Purpose` or `X-Moz` header values contains "prefetch" or "preview" (case-insensitive).
pub fn is_prefetch<'a>(headers: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> bool {
    const NAMES: [&str; 4] = ["sec-purpose", "purpose", "x-purpose", "x-moz"];
    headers.into_iter().any(|(name, value)| {
        NAMES.iter().any(|n| name.eq_ignore_ascii_case(n))
            && (contains_ignore_case(value, b"prefetch") || contains_ignore_case(value, b"preview"))
    })
}

fn contains_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A copy of the team's `../shared/proxy-corpus-v2.tsv`, vendored so a clone builds anywhere.
    const CORPUS: &str = include_str!("../../testdata/proxy-corpus-v2.tsv");

    #[test]
    fn vendored_corpus_matches_the_teams_copy() {
        let team = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/proxy-corpus-v2.tsv");
        match std::fs::read_to_string(&team) {
            Ok(text) => assert_eq!(text, CORPUS, "copy {} to shared/testdata/", team.display()),
            // CI always has the team's shared/ beside the clone: missing there, it is an error.
            Err(e) if std::env::var_os("CI").is_some() => {
                panic!("the team's corpus {} is missing: {e}", team.display())
            }
            // A clone elsewhere has only the vendored copy; say so rather than pass quietly.
            Err(e) => eprintln!(
                "NOTE: not compared with the team's corpus {}: {e}",
                team.display()
            ),
        }
    }

    const CHROME: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
    const GMAIL: &str =
        "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";
    const HOME: &str = "203.0.113.7";

    fn network(s: &str) -> IpNet {
        s.parse().unwrap()
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn get(user_agent: &str) -> Fetch<'_> {
        Fetch {
            user_agent: Some(user_agent),
            network: Some(network("203.0.113.0/24")),
            origin: Origin::Unlisted,
        }
    }

    /// A fetch as the edge and the writer see it, from this address.
    fn from<'a>(user_agent: Option<&'a str>, client: &str) -> Fetch<'a> {
        let client = ip(client);
        Fetch {
            user_agent,
            network: Some(crate::net::truncate(client)),
            origin: admit(Method::Get, [], client, nets()).expect("a plain GET is admitted"),
        }
    }

    /// An hour-old tracker whose owner was never seen: nothing makes a fetch `self` or `duplicate`.
    fn settled() -> TrackerContext<'static> {
        TrackerContext::SETTLED
    }

    /// A verdict's kind and client, for comparing without its reason.
    #[derive(Debug)]
    struct Open(OpenKind, &'static str);

    impl PartialEq<Open> for Verdict {
        fn eq(&self, o: &Open) -> bool {
            self.kind == o.0 && self.client == o.1
        }
    }

    fn open(kind: OpenKind, client: &'static str) -> Open {
        Open(kind, client)
    }

    fn nets() -> &'static Networks {
        Networks::embedded()
    }

    fn client_of(user_agent: &str) -> &'static str {
        verdict(&get(user_agent), &settled()).client
    }

    fn kind_of(user_agent: &str) -> OpenKind {
        verdict(&get(user_agent), &settled()).kind
    }

    #[test]
    fn every_corpus_row_gets_its_expected_kind() {
        let mut rows = 0;
        let mut failures = Vec::new();
        for (n, line) in CORPUS.lines().enumerate().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            rows += 1;
            let cols: Vec<&str> = line.split('\t').collect();
            let [expect, method, headers, user_agent, client_ip, source] = cols[..] else {
                failures.push(format!(
                    "line {}: expected 6 columns, got {}",
                    n + 1,
                    cols.len()
                ));
                continue;
            };
            let method = match method {
                "GET" => Method::Get,
                "HEAD" => Method::Head,
                _ => Method::Other,
            };
            let header = match headers {
                "-" => None,
                h => h
                    .split_once(':')
                    .map(|(name, value)| (name.trim(), value.trim())),
            };
            let client = ip(if client_ip == "-" { HOME } else { client_ip });
            let kind = admit(
                method,
                header.map(|(n, v)| (n, v.as_bytes())),
                client,
                nets(),
            )
            .map(|origin| {
                let fetch = Fetch {
                    user_agent: (!user_agent.is_empty()).then_some(user_agent),
                    network: Some(crate::net::truncate(client)),
                    origin,
                };
                verdict(&fetch, &settled()).kind
            });
            let ok = match (expect, kind) {
                ("ignored", None) => true,
                ("ignored", Some(kind)) => !kind.counts_as_read(),
                ("read", Some(kind)) => kind.counts_as_read(),
                (_, Some(kind)) => kind.as_str() == expect,
                (_, None) => false,
            };
            if !ok {
                failures.push(format!(
                    "line {}: expected {expect}, got {kind:?} for {user_agent:?} from {client_ip} ({source})",
                    n + 1
                ));
            }
        }
        assert!(rows >= 45, "the corpus has only {rows} rows");
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn proxies_and_mpp_are_named_after_the_mail_service() {
        assert_eq!(client_of(GMAIL), "Gmail");
        assert_eq!(
            client_of("YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html"),
            "Yahoo Mail"
        );
        assert_eq!(
            verdict(&get("Mozilla/5.0"), &settled()),
            open(OpenKind::AppleMpp, "Apple Mail")
        );
        assert_eq!(
            verdict(
                &get(
                    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0.5993.117 Safari/537.36 FastmailUA/1.0"
                ),
                &settled()
            ),
            open(OpenKind::Direct, "Fastmail")
        );
        assert_eq!(
            client_of("Mozilla/5.0 SeznamEmailProxy/2.0.174"),
            "Seznam Email"
        );
    }

    #[test]
    fn mail_clients_are_named() {
        for outlook in [
            "Microsoft Office/16.0 (Microsoft Outlook 16.0.12329; Pro), Mozilla/4.0 (compatible; ms-office; MSOffice 16)",
            "Microsoft Office/16.0 (Microsoft Outlook Mail 16.0.8008; Pro)",
            "Outlook-iOS/709.2042344.prod.iphone (3.21.0)",
            "MacOutlook/16.46.21021202 (Intelx64 Mac OS X 11.2.2 (Build 20D80))",
        ] {
            assert_eq!(client_of(outlook), "Outlook", "{outlook}");
        }
        assert_eq!(
            client_of(
                "Mozilla/5.0 (X11; Linux x86_64; rv:24.0) Gecko/20100101 Thunderbird/24.4.0 Lightning/2.6.4"
            ),
            "Thunderbird"
        );
        assert_eq!(client_of("WindowsMail/17.5.9600.22013"), "Windows Mail");
        assert_eq!(
            client_of(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/55.0.2883.87 Safari/537.36 eM Client/8.2.1659.0"
            ),
            "eM Client"
        );
        assert_eq!(
            client_of(
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"
            ),
            "Apple Mail"
        );
        assert_eq!(
            client_of("Mail/3445.4.7 CFNetwork/889.9 Darwin/17.2.0 (x86_64)"),
            "Apple Mail"
        );
        assert_eq!(
            client_of("Airmail 1.4 rv:238 (Macintosh; Mac OS X 10.9.2; hr_HR)"),
            "Airmail"
        );
        assert_eq!(
            client_of("NaverMailApp/2.2.2 (Android 10; SM-G986N)"),
            "Naver Mail"
        );
        assert_eq!(client_of(CHROME), "Chrome");
    }

    #[test]
    fn a_mail_client_that_names_an_http_library_stays_a_read() {
        let polymail =
            "Polymail/1.47 (ctrlla.Polymail; build:64; OS X 10.12.6) Alamofire/4.5.1 okhttp/3.2.0";
        assert_eq!(
            verdict(&get(polymail), &settled()),
            open(OpenKind::Direct, "Polymail")
        );
    }

    #[test]
    fn browsers_are_told_apart_by_their_most_specific_token() {
        assert_eq!(
            client_of(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0"
            ),
            "Edge"
        );
        assert_eq!(
            client_of(
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15"
            ),
            "Safari"
        );
        assert_eq!(
            client_of("Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0"),
            "Firefox"
        );
        assert_eq!(client_of("SomethingElse/1.0"), "unrecognised client");
    }

    #[test]
    fn telegram_preview_is_not_taken_for_twitter() {
        assert_eq!(
            verdict(&get("TelegramBot (like TwitterBot)"), &settled()),
            open(OpenKind::LinkPreview, "Telegram")
        );
    }

    #[test]
    fn chat_previews_are_named_after_the_chat() {
        for (ua, client) in [
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0",
                "iMessage",
            ),
            (
                "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; MicrosoftPreview/2.0; +https://aka.ms/MicrosoftPreview) Chrome/100.0.4896.127 Safari/537.36",
                "Microsoft Teams",
            ),
            (
                "http.rb/5.1.1 (Mastodon/4.2.0; +https://mastodon.social/) Bot",
                "Mastodon",
            ),
            ("ViberUrlDownloader", "Viber"),
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.10; rv:38.0) Gecko/20100101 Firefox/38.0",
                "Discord",
            ),
        ] {
            assert_eq!(
                verdict(&get(ua), &settled()),
                open(OpenKind::LinkPreview, client),
                "{ua}"
            );
        }
        // Only Discord's exact fixed agent: a newer Firefox on a Mac is a person.
        assert_eq!(
            kind_of(
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:128.0) Gecko/20100101 Firefox/128.0"
            ),
            OpenKind::Direct
        );
    }

    #[test]
    fn headless_browsers_http_libraries_and_app_engine_are_scanners() {
        for ua in [
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/112.0.0.0 Safari/537.36 AppEngine-Google; (+http://code.google.com/appengine; appid: s~virustotalcloud)",
            "Go-http-client/2.0",
            "undici",
            "GuzzleHttp/7",
            "Java/17.0.2",
            "PostmanRuntime/7.36.0",
            "python-httpx/0.27.0",
        ] {
            assert_eq!(kind_of(ua), OpenKind::Scanner, "{ua}");
        }
    }

    #[test]
    fn bot_word_is_case_sensitive_so_phone_models_stay_browsers() {
        let cubot = "Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36";
        assert_eq!(client_of(cubot), "Chrome");
        assert_eq!(
            verdict(
                &get("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)"),
                &settled()
            ),
            open(OpenKind::Scanner, "bot")
        );
    }

    #[test]
    fn missing_or_blank_user_agent_is_a_scanner() {
        for ua in [None, Some(""), Some("   ")] {
            let fetch = Fetch {
                user_agent: ua,
                ..get("")
            };
            assert_eq!(
                verdict(&fetch, &settled()),
                open(OpenKind::Scanner, "unknown")
            );
        }
    }

    #[test]
    fn a_browser_from_a_mail_service_network_is_that_services_scanner() {
        let edge_42 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/42.0.2311.135 Safari/537.36 Edge/12.246 Mozilla/5.0";
        for (client, service) in [
            ("66.249.84.21", "Gmail"),
            ("2607:f8b0:4000::1234", "Gmail"),
            ("66.249.66.1", "Google"),
            ("40.94.89.17", "Microsoft 365"),
            ("40.107.218.12", "Microsoft 365"),
            ("205.139.110.30", "Mimecast"),
        ] {
            for ua in [
                CHROME,
                edge_42,
                "Outlook-iOS/709.2042344.prod.iphone (3.21.0)",
            ] {
                assert_eq!(
                    verdict(&from(Some(ua), client), &settled()),
                    open(OpenKind::Scanner, service),
                    "{ua} from {client}"
                );
            }
        }
        // From a home network a coherent browser is a person, and Gmail's prefetch agent, with
        // its second `Mozilla/5.0`, is nobody's browser.
        assert_eq!(
            verdict(&from(Some(CHROME), HOME), &settled()),
            open(OpenKind::Direct, "Chrome")
        );
        let gmail_prefetch_elsewhere = verdict(&from(Some(edge_42), HOME), &settled());
        assert_eq!(gmail_prefetch_elsewhere, open(OpenKind::Unverified, "Edge"));
        assert_eq!(gmail_prefetch_elsewhere.reason, Reason::ImplausibleAgent);
    }

    #[test]
    fn proxies_previews_and_apple_prefetch_keep_their_kind_on_a_mail_service_network() {
        let google = "66.249.93.84";
        assert_eq!(
            verdict(&from(Some(GMAIL), google), &settled()),
            open(OpenKind::GmailProxy, "Gmail")
        );
        assert_eq!(
            verdict(&from(Some("Mozilla/5.0"), google), &settled()).kind,
            OpenKind::AppleMpp
        );
        assert_eq!(
            verdict(&from(Some("Mozilla/5.0"), "104.28.36.9"), &settled()).kind,
            OpenKind::AppleMpp
        );
        assert_eq!(
            verdict(
                &from(Some("TelegramBot (like TwitterBot)"), "40.107.1.1"),
                &settled()
            ),
            open(OpenKind::LinkPreview, "Telegram")
        );
    }

    #[test]
    fn a_browser_from_a_cloud_data_centre_is_a_scanner() {
        for (client, provider) in [
            ("3.5.140.2", "AWS"),
            ("20.42.0.1", "Azure"),
            ("8.34.210.5", "Google Cloud"),
            ("129.146.0.9", "Oracle Cloud"),
            ("164.90.128.3", "DigitalOcean"),
            ("162.158.1.1", "Cloudflare"),
            ("2600:1f18::1", "AWS"),
        ] {
            assert_eq!(
                verdict(&from(Some(CHROME), client), &settled()),
                Verdict {
                    kind: OpenKind::Scanner,
                    client: provider,
                    reason: Reason::NetworkHosting
                },
                "{client}"
            );
        }
    }

    #[test]
    fn named_proxies_and_apple_prefetch_keep_their_kind_from_a_cloud_data_centre() {
        // Google Cloud's cloud.json range 8.34.208.0/20 holds no Gmail range, but a proxy that
        // names itself is told by its agent wherever it comes from; only `direct` is demoted.
        for (ua, kind) in [
            (GMAIL, OpenKind::GmailProxy),
            (
                "YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html",
                OpenKind::YahooProxy,
            ),
            ("Mozilla/5.0", OpenKind::AppleMpp),
            ("TelegramBot (like TwitterBot)", OpenKind::LinkPreview),
        ] {
            for client in ["8.34.210.5", "3.5.140.2", "20.42.0.1"] {
                assert_eq!(
                    verdict(&from(Some(ua), client), &settled()).kind,
                    kind,
                    "{ua} from {client}"
                );
            }
        }
    }

    #[test]
    fn outlook_on_the_web_and_warp_are_carved_out_of_the_clouds() {
        // Exchange Online's own ranges serve Outlook on the web to people (warmbly#410): a
        // browser there is a read, though Azure's service tags hold prefixes inside them.
        for client in ["52.96.10.1", "40.97.1.1", "2603:1036::5"] {
            assert_eq!(
                verdict(&from(Some(CHROME), client), &settled()),
                open(OpenKind::Direct, "Chrome"),
                "{client}"
            );
        }
        // Cloudflare WARP's pool, inside Cloudflare's ips-v4: people, through a relay.
        let warp = verdict(&from(Some(CHROME), "104.28.36.9"), &settled());
        assert_eq!(
            (warp.kind, warp.reason),
            (OpenKind::Direct, Reason::NetworkRelay)
        );
        // Exchange Online Protection's ranges stay Defender's scans.
        assert_eq!(
            verdict(&from(Some(CHROME), "40.107.218.12"), &settled()),
            open(OpenKind::Scanner, "Microsoft 365")
        );
        // Cloudflare Email Security's egress range, inside Cloudflare's own.
        assert_eq!(
            verdict(&from(Some(CHROME), "104.30.40.1"), &settled()),
            open(OpenKind::Scanner, "Cloudflare Email Security")
        );
    }

    #[test]
    fn is_bot_judges_by_agent_and_address() {
        assert!(is_bot(None, ip(HOME), nets()));
        assert!(is_bot(Some("curl/8.4.0"), ip(HOME), nets()));
        assert!(is_bot(
            Some("TelegramBot (like TwitterBot)"),
            ip(HOME),
            nets()
        ));
        assert!(!is_bot(Some(CHROME), ip(HOME), nets()));
        assert!(is_bot(Some(CHROME), ip("40.94.89.17"), nets()));
        assert!(!is_bot(Some("Mozilla/5.0"), ip(HOME), nets()));
    }

    #[test]
    fn fetch_within_grace_period_is_self() {
        let ctx = TrackerContext {
            age: Duration::from_secs(10),
            ..settled()
        };
        assert_eq!(
            verdict(&get(CHROME), &ctx),
            open(OpenKind::SelfView, "Chrome")
        );
    }

    #[test]
    fn fetch_from_owner_network_is_self() {
        let owner = [network("198.51.100.0/24"), network("203.0.113.0/24")];
        let ctx = TrackerContext {
            owner_networks: &owner,
            ..settled()
        };
        assert_eq!(
            verdict(&get(CHROME), &ctx),
            open(OpenKind::SelfView, "Chrome")
        );
    }

    #[test]
    fn fetch_from_another_network_is_not_self() {
        let owner = [network("198.51.100.0/24"), network("2001:db8:1::/48")];
        let ctx = TrackerContext {
            owner_networks: &owner,
            ..settled()
        };
        assert_eq!(
            verdict(&get(CHROME), &ctx),
            open(OpenKind::Direct, "Chrome")
        );
        let unknown_network = Fetch {
            network: None,
            ..get(CHROME)
        };
        assert_eq!(
            verdict(&unknown_network, &ctx),
            open(OpenKind::Direct, "Chrome")
        );
    }

    #[test]
    fn what_the_owner_reported_decides_before_the_agent() {
        let reported = [network("203.0.113.0/24")];
        let ctx = TrackerContext {
            reported_networks: &reported,
            ..settled()
        };
        let own = verdict(&get(CHROME), &ctx);
        assert_eq!(own, open(OpenKind::SelfView, "Chrome"));
        assert_eq!(own.reason, Reason::ReportedOwnNetwork);
        // A network learned from a copy page says so, not that it was reported.
        let owner = TrackerContext {
            owner_networks: &reported,
            ..ctx
        };
        assert_eq!(verdict(&get(CHROME), &owner).reason, Reason::OwnerNetwork);
        let machine = TrackerContext {
            reported_machine: true,
            ..settled()
        };
        let v = verdict(&get(CHROME), &machine);
        assert_eq!(v, open(OpenKind::Scanner, "Chrome"));
        assert_eq!(v.reason, Reason::ReportedMachine);
    }

    #[test]
    fn same_client_again_is_a_duplicate() {
        let ctx = TrackerContext {
            seen_recently: true,
            ..settled()
        };
        assert_eq!(
            verdict(&get(GMAIL), &ctx),
            open(OpenKind::Duplicate, "Gmail")
        );
    }

    #[test]
    fn gmail_proxy_is_never_ignored_although_it_says_mozilla() {
        assert_eq!(
            verdict(&get(GMAIL), &settled()),
            open(OpenKind::GmailProxy, "Gmail")
        );
    }

    #[test]
    fn scanners_and_previews_are_not_promoted_to_self() {
        let owner = [network("203.0.113.0/24"), network("40.94.89.0/24")];
        let ctx = TrackerContext {
            age: Duration::ZERO,
            owner_networks: &owner,
            seen_recently: true,
            ..settled()
        };
        assert_eq!(
            verdict(&get("curl/8.4.0"), &ctx),
            open(OpenKind::Scanner, "curl")
        );
        assert_eq!(
            verdict(&get("Barracuda Sentinel (EE)"), &ctx),
            open(OpenKind::Scanner, "Barracuda")
        );
        assert_eq!(
            verdict(
                &get("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"),
                &ctx
            ),
            open(OpenKind::LinkPreview, "Slack")
        );
        assert_eq!(
            verdict(&from(Some(CHROME), "40.94.89.17"), &ctx),
            open(OpenKind::Scanner, "Microsoft 365")
        );
    }

    #[test]
    fn head_other_methods_and_prefetch_are_not_admitted() {
        let home = ip(HOME);
        assert_eq!(admit(Method::Get, [], home, nets()), Some(Origin::Unlisted));
        for method in [Method::Head, Method::Other] {
            assert_eq!(admit(method, [], home, nets()), None);
        }
        assert_eq!(
            admit(
                Method::Get,
                [("Sec-Purpose", b"prefetch".as_slice())],
                home,
                nets()
            ),
            None
        );
        assert_eq!(
            admit(Method::Get, [], ip("40.94.89.17"), nets()),
            Some(Origin::Listed(Network {
                operator: "Microsoft 365",
                meaning: Meaning::Scan
            }))
        );
        assert_eq!(
            admit(Method::Get, [], ip("::ffff:66.249.84.21"), nets()),
            Some(Origin::Listed(Network {
                operator: "Gmail",
                meaning: Meaning::Prefetch
            }))
        );
        assert_eq!(admit(Method::Head, [], ip("66.249.84.21"), nets()), None);
    }

    #[test]
    fn prefetch_is_detected_in_each_header() {
        for name in ["Sec-Purpose", "Purpose", "X-Purpose", "X-Moz"] {
            assert!(is_prefetch([(name, b"prefetch".as_slice())]), "{name}");
            assert!(is_prefetch([(name, b"preview".as_slice())]), "{name}");
        }
    }

    #[test]
    fn prefetch_detection_ignores_case() {
        assert!(is_prefetch([(
            "sec-purpose",
            b"Prefetch;prerender".as_slice()
        )]));
        assert!(is_prefetch([("X-MOZ", b"PREFETCH".as_slice())]));
        assert!(is_prefetch([("purpose", b"Preview".as_slice())]));
    }

    #[test]
    fn other_values_and_headers_are_not_prefetch() {
        assert!(!is_prefetch([("Sec-Purpose", b"prerender".as_slice())]));
        assert!(!is_prefetch([("X-Purpose", b"".as_slice())]));
        assert!(!is_prefetch([("Accept", b"prefetch".as_slice())]));
        assert!(!is_prefetch(std::iter::empty()));
        assert!(is_prefetch([
            ("Accept", b"image/*".as_slice()),
            ("Purpose", b"prefetch".as_slice()),
        ]));
    }
}
