//! Classifies one pixel fetch: is it a real read, a proxy, a bot, or the sender's own view?
//!
//! The User-Agent is matched in a single pass by one case-insensitive Aho-Corasick automaton
//! over a priority-ordered table of needles; `classify` allocates nothing and runs in well under
//! a microsecond. No well-kept Rust crate does this job at this speed: `uaparser` with uap-core's
//! regexes names Outlook and Thunderbird but takes tens of microseconds per parse and knows neither
//! eM Client nor Apple Mail's own WebKit engine; `woothee` is fast but knows no mail client.

use std::sync::LazyLock;
use std::time::Duration;

use aho_corasick::{AhoCorasick, MatchKind};
use ipnet::IpNet;

use crate::domain::OpenKind;
use crate::domain::OpenKind::{Direct, GmailProxy, LinkPreview, Scanner, YahooProxy};

/// The request method, reduced to what matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Head,
    Other,
}

/// One pixel fetch as seen at the edge.
#[derive(Debug, Clone, Copy)]
pub struct Fetch<'a> {
    pub method: Method,
    /// true when a prefetch header was present (see `is_prefetch`).
    pub prefetch: bool,
    /// None when the request had no User-Agent header at all.
    pub user_agent: Option<&'a str>,
    /// The client's truncated network (IPv4 /24, IPv6 /48), if known.
    pub network: Option<IpNet>,
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
    /// The same client (same network and user agent) was recorded for this tracker within the dedup window.
    pub seen_recently: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Not an open at all: nothing is recorded (HEAD, other methods, prefetch headers).
    Ignored,
    /// Record an open of this kind, with a human client name such as "Gmail", "Apple Mail", "Outlook", "Thunderbird".
    Open {
        kind: OpenKind,
        client: &'static str,
    },
}

/// Classifies one pixel fetch; pure and allocation-free.
pub fn classify(fetch: &Fetch<'_>, ctx: &TrackerContext<'_>) -> Verdict {
    // Only a GET downloads the image; a prefetch is the browser guessing, not a person looking.
    if fetch.method != Method::Get || fetch.prefetch {
        return Verdict::Ignored;
    }
    let (kind, client) = identify(fetch.user_agent);
    // A bot is a bot even from the owner's network or during the grace period: calling it
    // "self" would hide that a scanner or a chat preview touched the email.
    if matches!(kind, OpenKind::LinkPreview | OpenKind::Scanner) {
        return Verdict::Open { kind, client };
    }
    let from_owner = fetch
        .network
        .is_some_and(|net| ctx.owner_networks.iter().any(|own| own.contains(&net)));
    if ctx.age < ctx.self_grace || from_owner {
        return Verdict::Open {
            kind: OpenKind::SelfView,
            client,
        };
    }
    if ctx.seen_recently {
        return Verdict::Open {
            kind: OpenKind::Duplicate,
            client,
        };
    }
    Verdict::Open { kind, client }
}

/// Whether a User-Agent belongs to a link-preview bot, a scanner or an HTTP library (or is
/// missing): such a client is never a person.
pub fn is_bot(user_agent: Option<&str>) -> bool {
    matches!(
        identify(user_agent).0,
        OpenKind::LinkPreview | OpenKind::Scanner
    )
}

/// true when any of `Sec-Purpose`, `Purpose`, `X-Purpose` or `X-Moz` header values contains "prefetch" or "preview" (case-insensitive).
/// Takes header (name, value) pairs so that `shared` needs no HTTP crate: `is_prefetch(headers.iter().map(|(n,v)| (n.as_str(), v.as_bytes())))`.
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

/// What a needle says about the User-Agent that contains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Open(OpenKind),
    /// Not a verdict by itself: a sign of Apple's WebKit (see `apple_mail_engine`).
    AppleDevice,
    AppleWebKit,
}

struct Rule {
    needle: &'static str,
    class: Class,
    client: &'static str,
    /// Short generic words are matched with their exact case so that "bot" does not catch
    /// phone models such as "CUBOT" in an ordinary browser's User-Agent.
    exact_case: bool,
}

const fn rule(needle: &'static str, kind: OpenKind, client: &'static str) -> Rule {
    Rule {
        needle,
        class: Class::Open(kind),
        client,
        exact_case: false,
    }
}

const fn exact(needle: &'static str, kind: OpenKind, client: &'static str) -> Rule {
    Rule {
        exact_case: true,
        ..rule(needle, kind, client)
    }
}

const fn marker(needle: &'static str, class: Class) -> Rule {
    Rule {
        needle,
        class,
        client: "",
        exact_case: false,
    }
}

/// Needles in priority order: when several match, the first one in this table names the client.
const RULES: &[Rule] = &[
    // The proxies come first: Gmail's proxy is Gmail's only open signal, so no broader word
    // below (a bot word, "Firefox/") may ever take it.
    rule("GoogleImageProxy", GmailProxy, "Gmail"),
    rule("YahooMailProxy", YahooProxy, "Yahoo Mail"),
    // Link previews before the generic bot words, and Telegram before Twitter:
    // Telegram's agent is "TelegramBot (like TwitterBot)".
    rule("TelegramBot", LinkPreview, "Telegram"),
    rule("Discordbot", LinkPreview, "Discord"),
    rule("Slackbot", LinkPreview, "Slack"),
    rule("Slack-ImgProxy", LinkPreview, "Slack"),
    rule("WhatsApp", LinkPreview, "WhatsApp"),
    rule("facebookexternalhit", LinkPreview, "Facebook"),
    rule("Facebot", LinkPreview, "Facebook"),
    rule("SkypeUriPreview", LinkPreview, "Skype"),
    rule("LinkedInBot", LinkPreview, "LinkedIn"),
    rule("Twitterbot", LinkPreview, "Twitter"),
    // Security gateways and link checkers fetch every image of every message they scan.
    rule("Barracuda", Scanner, "Barracuda"),
    rule("BingPreview", Scanner, "Bing"),
    rule("Mimecast", Scanner, "Mimecast"),
    rule("Proofpoint", Scanner, "Proofpoint"),
    rule("Google-Safety", Scanner, "Google Safety"),
    rule(
        "Microsoft Office Existence Discovery",
        Scanner,
        "Office link check",
    ),
    rule(
        "Microsoft Office Protocol Discovery",
        Scanner,
        "Office link check",
    ),
    // HTTP libraries and headless browsers: scripts, not people.
    rule("HeadlessChrome", Scanner, "Headless Chrome"),
    rule("PhantomJS", Scanner, "PhantomJS"),
    rule("curl/", Scanner, "curl"),
    rule("Wget/", Scanner, "Wget"),
    rule("python-requests", Scanner, "python-requests"),
    rule("python-urllib", Scanner, "Python urllib"),
    rule("aiohttp", Scanner, "aiohttp"),
    rule("Go-http-client", Scanner, "Go http client"),
    rule("Java/", Scanner, "Java"),
    rule("okhttp", Scanner, "OkHttp"),
    rule("axios/", Scanner, "axios"),
    rule("node-fetch", Scanner, "node-fetch"),
    rule("libwww-perl", Scanner, "libwww-perl"),
    rule("Apache-HttpClient", Scanner, "Apache HttpClient"),
    rule("Scrapy", Scanner, "Scrapy"),
    // Generic crawler words (Googlebot, bingbot, AhrefsBot, YandexBot, ...).
    exact("bot", Scanner, "bot"),
    exact("Bot", Scanner, "bot"),
    rule("crawler", Scanner, "crawler"),
    rule("spider", Scanner, "spider"),
    // Mail clients. eM Client's agent also names Chrome, so clients come before browsers.
    rule("Microsoft Outlook", Direct, "Outlook"),
    rule("ms-office", Direct, "Outlook"),
    rule("MSOffice", Direct, "Outlook"),
    rule("Outlook-iOS", Direct, "Outlook"),
    rule("Outlook-Android", Direct, "Outlook"),
    rule("MacOutlook", Direct, "Outlook"),
    rule("Thunderbird", Direct, "Thunderbird"),
    rule("WindowsMail", Direct, "Windows Mail"),
    rule("eM Client", Direct, "eM Client"),
    // Browsers, for webmail. Each one's agent also names those after it (Edge says Chrome
    // and Safari, Chrome says Safari), so the most specific comes first.
    rule("Edg/", Direct, "Edge"),
    rule("EdgA/", Direct, "Edge"),
    rule("EdgiOS/", Direct, "Edge"),
    rule("Edge/", Direct, "Edge"),
    rule("OPR/", Direct, "Opera"),
    rule("Opera", Direct, "Opera"),
    rule("Chrome/", Direct, "Chrome"),
    rule("CriOS/", Direct, "Chrome"),
    rule("Firefox/", Direct, "Firefox"),
    rule("FxiOS/", Direct, "Firefox"),
    rule("Safari/", Direct, "Safari"),
    marker("Macintosh", Class::AppleDevice),
    marker("iPhone", Class::AppleDevice),
    marker("iPad", Class::AppleDevice),
    marker("AppleWebKit", Class::AppleWebKit),
];

// Matches are collected in a u128 bitset indexed by rule.
const _: () = assert!(RULES.len() <= 128);

const fn marker_mask(marker: Class) -> u128 {
    let mut mask = 0;
    let mut i = 0;
    while i < RULES.len() {
        // `Class` has no const `PartialEq`; compare the marker variants by hand.
        let hit = matches!(
            (RULES[i].class, marker),
            (Class::AppleDevice, Class::AppleDevice) | (Class::AppleWebKit, Class::AppleWebKit)
        );
        if hit {
            mask |= 1 << i;
        }
        i += 1;
    }
    mask
}

const APPLE_DEVICE: u128 = marker_mask(Class::AppleDevice);
const APPLE_WEBKIT: u128 = marker_mask(Class::AppleWebKit);
const MARKERS: u128 = APPLE_DEVICE | APPLE_WEBKIT;

/// Built once: the automaton is a compiled constant of this module, not state or config.
static NEEDLES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        // Overlapping search reports every needle, so the table order alone decides.
        .match_kind(MatchKind::Standard)
        .build(RULES.iter().map(|r| r.needle))
        .expect("the needle table is a valid automaton")
});

/// The kind and client name that the User-Agent alone implies.
fn identify(user_agent: Option<&str>) -> (OpenKind, &'static str) {
    // HTTP strips surrounding whitespace from field values, so trimming changes nothing real.
    let ua = match user_agent.map(str::trim) {
        Some(ua) if !ua.is_empty() => ua,
        // Every mail client and proxy sends a User-Agent; only scripts omit it.
        _ => return (Scanner, "unknown"),
    };
    // Apple Mail Privacy Protection fetches with this bare agent and nothing else. It contains
    // no needle, so checking it before the bot rules changes no outcome.
    if ua == "Mozilla/5.0" {
        return (OpenKind::AppleMpp, "Apple Mail");
    }

    let mut matched: u128 = 0;
    for m in NEEDLES.find_overlapping_iter(ua) {
        let i = m.pattern().as_usize();
        if !RULES[i].exact_case || &ua.as_bytes()[m.range()] == RULES[i].needle.as_bytes() {
            matched |= 1 << i;
        }
    }

    let verdicts = matched & !MARKERS;
    if verdicts != 0 {
        let rule = &RULES[verdicts.trailing_zeros() as usize];
        if let Class::Open(kind) = rule.class {
            return (kind, rule.client);
        }
    }
    // Apple Mail renders with the system's WebKit on a Mac, iPhone or iPad, and its agent
    // names no browser (Safari's and Chrome's do).
    if matched & APPLE_DEVICE != 0 && matched & APPLE_WEBKIT != 0 {
        return (Direct, "Apple Mail");
    }
    (Direct, "unknown client")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A copy of the team's `../shared/proxy-corpus.tsv`, vendored so a clone builds anywhere.
    const CORPUS: &str = include_str!("../testdata/proxy-corpus.tsv");

    #[test]
    fn vendored_corpus_matches_the_teams_copy() {
        let team =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/proxy-corpus.tsv");
        // Outside the team's checkout there is nothing to compare with.
        if let Ok(text) = std::fs::read_to_string(&team) {
            assert_eq!(text, CORPUS, "copy {} to shared/testdata/", team.display());
        }
    }

    const CHROME: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
    const GMAIL: &str =
        "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";

    fn network(s: &str) -> IpNet {
        s.parse().unwrap()
    }

    fn get(user_agent: &str) -> Fetch<'_> {
        Fetch {
            method: Method::Get,
            prefetch: false,
            user_agent: Some(user_agent),
            network: Some(network("203.0.113.0/24")),
        }
    }

    /// An hour-old tracker whose owner was never seen: nothing makes a fetch `self` or `duplicate`.
    fn settled() -> TrackerContext<'static> {
        TrackerContext {
            age: Duration::from_secs(3600),
            self_grace: Duration::from_secs(60),
            owner_networks: &[],
            seen_recently: false,
        }
    }

    fn open(kind: OpenKind, client: &'static str) -> Verdict {
        Verdict::Open { kind, client }
    }

    fn client_of(user_agent: &str) -> &'static str {
        match classify(&get(user_agent), &settled()) {
            Verdict::Open { client, .. } => client,
            Verdict::Ignored => panic!("{user_agent:?} was ignored"),
        }
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
            let [expect, method, headers, user_agent, source] = cols[..] else {
                failures.push(format!(
                    "line {}: expected 5 columns, got {}",
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
            let fetch = Fetch {
                method,
                prefetch: is_prefetch(header.map(|(n, v)| (n, v.as_bytes()))),
                user_agent: (!user_agent.is_empty()).then_some(user_agent),
                network: Some(network("203.0.113.0/24")),
            };
            let verdict = classify(&fetch, &settled());
            let ok = match (expect, verdict) {
                ("ignored", Verdict::Ignored) => true,
                ("ignored", Verdict::Open { kind, .. }) => !kind.counts_as_read(),
                (_, Verdict::Open { kind, .. }) => kind.as_str() == expect,
                (_, Verdict::Ignored) => false,
            };
            if !ok {
                failures.push(format!(
                    "line {}: expected {expect}, got {verdict:?} for {user_agent:?} ({source})",
                    n + 1
                ));
            }
        }
        assert!(rows >= 20, "the corpus has only {rows} rows");
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
            classify(&get("Mozilla/5.0"), &settled()),
            open(OpenKind::AppleMpp, "Apple Mail")
        );
    }

    #[test]
    fn mail_clients_are_named() {
        for outlook in [
            "Microsoft Office/16.0 (Microsoft Outlook 16.0.12329; Pro), Mozilla/4.0 (compatible; ms-office; MSOffice 16)",
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
        assert_eq!(client_of(CHROME), "Chrome");
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
        assert_eq!(client_of("SomethingElse/1.0"), "unknown client");
    }

    #[test]
    fn telegram_preview_is_not_taken_for_twitter() {
        assert_eq!(
            classify(&get("TelegramBot (like TwitterBot)"), &settled()),
            open(OpenKind::LinkPreview, "Telegram")
        );
    }

    #[test]
    fn bot_word_is_case_sensitive_so_phone_models_stay_browsers() {
        let cubot = "Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36";
        assert_eq!(client_of(cubot), "Chrome");
        assert_eq!(
            classify(
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
                classify(&fetch, &settled()),
                open(OpenKind::Scanner, "unknown")
            );
        }
    }

    #[test]
    fn fetch_within_grace_period_is_self() {
        let ctx = TrackerContext {
            age: Duration::from_secs(10),
            ..settled()
        };
        assert_eq!(
            classify(&get(CHROME), &ctx),
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
            classify(&get(CHROME), &ctx),
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
            classify(&get(CHROME), &ctx),
            open(OpenKind::Direct, "Chrome")
        );
        let unknown_network = Fetch {
            network: None,
            ..get(CHROME)
        };
        assert_eq!(
            classify(&unknown_network, &ctx),
            open(OpenKind::Direct, "Chrome")
        );
    }

    #[test]
    fn same_client_again_is_a_duplicate() {
        let ctx = TrackerContext {
            seen_recently: true,
            ..settled()
        };
        assert_eq!(
            classify(&get(GMAIL), &ctx),
            open(OpenKind::Duplicate, "Gmail")
        );
    }

    #[test]
    fn gmail_proxy_is_never_ignored_although_it_says_mozilla() {
        assert_eq!(
            classify(&get(GMAIL), &settled()),
            open(OpenKind::GmailProxy, "Gmail")
        );
    }

    #[test]
    fn scanners_and_previews_are_not_promoted_to_self() {
        let owner = [network("203.0.113.0/24")];
        let ctx = TrackerContext {
            age: Duration::ZERO,
            owner_networks: &owner,
            seen_recently: true,
            ..settled()
        };
        assert_eq!(
            classify(&get("curl/8.4.0"), &ctx),
            open(OpenKind::Scanner, "curl")
        );
        assert_eq!(
            classify(&get("Barracuda Sentinel (EE)"), &ctx),
            open(OpenKind::Scanner, "Barracuda")
        );
        assert_eq!(
            classify(
                &get("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"),
                &ctx
            ),
            open(OpenKind::LinkPreview, "Slack")
        );
    }

    #[test]
    fn head_other_methods_and_prefetch_are_ignored() {
        for method in [Method::Head, Method::Other] {
            let fetch = Fetch {
                method,
                ..get(CHROME)
            };
            assert_eq!(classify(&fetch, &settled()), Verdict::Ignored);
        }
        let prefetch = Fetch {
            prefetch: true,
            ..get(GMAIL)
        };
        assert_eq!(classify(&prefetch, &settled()), Verdict::Ignored);
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
