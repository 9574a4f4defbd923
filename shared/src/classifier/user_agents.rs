//! The User-Agent rules, loaded once from `shared/data/user-agents.tsv`, where each rule
//! names its source and the file's order is the rules' priority, and the check that a
//! browser-looking agent is one a real browser sends ([`coherent`]).
//!
//! A read needs evidence of a person: a named mail client or webmail image proxy, or a coherent
//! browser or webview agent. Everything else is not a read: a named machine, a bot convention
//! (`bot-convention`), a browser agent no browser sends (`implausible-agent`), an agent the
//! maintained bot list knows (`bot-list`), or an agent nobody recognises (`unverified`,
//! `unrecognised-agent`). Counting the unknown as a person let a quarter of unseen machines
//! through: scanners and previews are many and new ones appear every week, while the ways a
//! person's client presents itself are few and documented.
//!
//! The rules are matched in a single pass by one case-insensitive Aho-Corasick automaton; a
//! named agent allocates nothing and takes well under a microsecond. No well-kept Rust crate
//! does this job at this speed: `uaparser` with uap-core's regexes names Outlook and
//! Thunderbird but takes tens of microseconds per parse and knows neither eM Client nor Apple
//! Mail's own WebKit engine; `woothee` is fast but knows no mail client, and neither says
//! whether a browser agent's tokens belong together.
//!
//! The maintained bot list, the `isbot` crate (omrilotan/isbot's patterns, one combined regex),
//! is consulted only for an agent that nothing else names: its regex is slower than the
//! automaton and it lower-cases a copy of the agent, and its list calls several mail clients
//! and webmail proxies crawlers (Polymail, NaverMailApp, Apple Mail's CFNetwork agent, Seznam's
//! and Rambler's proxies, ...). Those are named by rules in the file's "Reads that bot lists
//! call bots" section, the one place for these exceptions, so the bot list never sees them.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::domain::{OpenKind, Reason};

const RULES_TSV: &str = include_str!("../../data/user-agents.tsv");

/// What a matching rule says about the User-Agent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sign {
    Open(OpenKind, &'static str),
    /// A browser's token: a read only if the whole agent is [`coherent`].
    Browser(&'static str),
    /// Not a verdict by itself: a sign of Apple's WebKit (see `identify`).
    AppleDevice,
    AppleWebKit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Match {
    Whole,
    Prefix,
    Word,
    Case,
    /// As `Word` and `Case`, for a bot convention rather than a named product.
    BotWord,
    BotCase,
}

impl Match {
    /// Whether the pattern must match in its exact case.
    fn exact_case(self) -> bool {
        matches!(self, Match::Case | Match::BotCase)
    }

    fn reason(self) -> Reason {
        match self {
            Match::BotWord | Match::BotCase => Reason::BotConvention,
            _ => Reason::Agent,
        }
    }
}

#[derive(Debug)]
struct Rule {
    how: Match,
    pattern: &'static str,
    sign: Sign,
}

struct Rules {
    /// `whole` and `prefix` rules, tried first and in file order.
    anchored: Vec<Rule>,
    /// `word` and `case` rules in file order; the automaton's pattern ids index this.
    needles: Vec<Rule>,
    automaton: AhoCorasick,
}

static RULES: LazyLock<Rules> = LazyLock::new(|| {
    Rules::parse(RULES_TSV).unwrap_or_else(|e| panic!("embedded user-agents.tsv: {e}"))
});

static BOT_LIST: LazyLock<isbot::Bots> = LazyLock::new(isbot::Bots::default);

/// Whether the maintained bot list calls this agent a bot, rules aside (for tests and the docs).
pub(super) fn bot_list_says_bot(ua: &str) -> bool {
    BOT_LIST.is_bot(ua)
}

impl Rules {
    fn parse(text: &'static str) -> Result<Rules, String> {
        let (mut anchored, mut needles) = (Vec::new(), Vec::new());
        let lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#'));
        // The first line that is not a comment is the header.
        for (n, line) in lines.skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            let at = |msg: String| format!("line {}: {msg}", n + 1);
            let cols: Vec<&'static str> = line.split('\t').collect();
            let [how, pattern, kind, client, _source] = cols[..] else {
                return Err(at(format!("{} columns, expected 5", cols.len())));
            };
            let how = match how {
                "whole" => Match::Whole,
                "prefix" => Match::Prefix,
                "word" => Match::Word,
                "case" => Match::Case,
                "bot-word" => Match::BotWord,
                "bot-case" => Match::BotCase,
                other => return Err(at(format!("unknown match {other:?}"))),
            };
            let sign = match kind {
                "apple-device" => Sign::AppleDevice,
                "apple-webkit" => Sign::AppleWebKit,
                "browser" => Sign::Browser(client),
                kind => Sign::Open(kind.parse().map_err(|e| at(format!("{e}")))?, client),
            };
            let named = matches!(sign, Sign::Open(..) | Sign::Browser(..));
            if pattern.is_empty() || (named && client.is_empty()) {
                return Err(at("empty pattern or client".into()));
            }
            let rule = Rule { how, pattern, sign };
            match how {
                Match::Whole | Match::Prefix => anchored.push(rule),
                _ => needles.push(rule),
            }
        }
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            // Overlapping search reports every needle, so the file's order alone decides.
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(needles.iter().map(|r| r.pattern))
            .map_err(|e| e.to_string())?;
        Ok(Rules {
            anchored,
            needles,
            automaton,
        })
    }

    /// What the rules say of an agent: the first rule in the file's order decides.
    fn identify(&self, ua: &str) -> Found {
        for rule in &self.anchored {
            let hit = match rule.how {
                Match::Whole => ua == rule.pattern,
                _ => ua.starts_with(rule.pattern),
            };
            if let (true, Sign::Open(kind, client)) = (hit, rule.sign) {
                return Found::Named(kind, client, Reason::Agent);
            }
        }
        let (mut first, mut browser) = (usize::MAX, usize::MAX);
        let (mut apple_device, mut apple_webkit, mut wrong_case) = (false, false, false);
        let device = device_comment(ua);
        for m in self.automaton.find_overlapping_iter(ua) {
            let i = m.pattern().as_usize();
            let rule = &self.needles[i];
            let exact = &ua.as_bytes()[m.range()] == rule.pattern.as_bytes();
            if rule.how.exact_case() && !exact {
                continue;
            }
            // A domain ends at a word's end: ".com" is no domain in "eng.compil".
            let after = ua.as_bytes().get(m.end());
            if rule.pattern.starts_with('.') && after.is_some_and(u8::is_ascii_alphanumeric) {
                continue;
            }
            // A phone's model is no convention ("Cubot X30", "Spider 8", "Hammer_Explorer"), but
            // a product token in the platform comment is ("Storebot-Google/1.0", "+https://...").
            let in_model = device.contains(&m.start())
                && device.contains(&(m.end() - 1))
                && !within_product_token(ua, m.start());
            if matches!(rule.how, Match::BotWord | Match::BotCase) && in_model {
                continue;
            }
            match rule.sign {
                Sign::Open(..) => first = first.min(i),
                // Browsers send their tokens in one case only: `chrome/` is no browser's.
                Sign::Browser(_) if !exact => wrong_case = true,
                Sign::Browser(_) => browser = browser.min(i),
                Sign::AppleDevice => apple_device = true,
                Sign::AppleWebKit => apple_webkit = true,
            }
        }
        if let Some(Rule {
            how,
            sign: Sign::Open(kind, client),
            ..
        }) = self.needles.get(first)
        {
            return Found::Named(*kind, client, how.reason());
        }
        if names_a_service_compatible(ua) {
            return Found::Named(OpenKind::Scanner, "bot", Reason::BotConvention);
        }
        if let Some(Rule {
            sign: Sign::Browser(client),
            ..
        }) = self.needles.get(browser)
        {
            return match coherent(ua, client) && !wrong_case {
                true => Found::Named(OpenKind::Direct, client, Reason::Agent),
                false => Found::Named(OpenKind::Unverified, client, Reason::ImplausibleAgent),
            };
        }
        if wrong_case {
            return Found::Named(OpenKind::Unverified, "browser", Reason::ImplausibleAgent);
        }
        // Apple Mail renders with the system's WebKit on a Mac, iPhone or iPad, and its agent
        // names no browser (Safari's and Chrome's do); so do the webviews of iOS apps.
        if apple_device && apple_webkit {
            return match well_formed(ua) {
                true => Found::Named(OpenKind::Direct, "Apple Mail", Reason::Agent),
                false => Found::Named(
                    OpenKind::Unverified,
                    "Apple WebKit",
                    Reason::ImplausibleAgent,
                ),
            };
        }
        Found::Nothing
    }
}

/// What the rules found in an agent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    Named(OpenKind, &'static str, Reason),
    Nothing,
}

/// Whether a `(compatible; Product...` comment names a product that is no browser: the
/// crawler convention of Googlebot, bingbot and most services ("Mozilla/5.0 (compatible;
/// Name/1.0; +http://...)"). Internet Explorer and Konqueror are the browsers that write it;
/// Outlook's `ms-office` is named by a rule before this is asked.
fn names_a_service_compatible(ua: &str) -> bool {
    let Some(at) = ua.find("compatible;") else {
        return false;
    };
    let product = ua[at + "compatible;".len()..].trim_start();
    !["MSIE ", "Konqueror", "ms-office", "MSOffice"]
        .iter()
        .any(|b| product.starts_with(b))
}

/// Whether an agent has the shape every browser's and webview's has: `Mozilla/5.0` once, at the
/// start, then a comment naming one platform, and tokens separated by spaces, never by
/// semicolons outside a comment. Scripts that dress up as a browser get one of these wrong
/// (Gmail's prefetch appends a second `Mozilla/5.0`; services append `; Name/1.0`).
fn well_formed(ua: &str) -> bool {
    let Some(rest) = ua.strip_prefix("Mozilla/5.0 (") else {
        return false;
    };
    if rest.contains("Mozilla/") {
        return false;
    }
    let Some(platform) = rest.split(')').next() else {
        return false;
    };
    let platform_named = PLATFORMS.iter().any(|p| platform.contains(p));
    // X11 is Unix's window system: a Windows machine doesn't say it.
    let contradictory = platform.contains("X11") && platform.contains("Windows");
    platform_named && !contradictory && !semicolon_outside_comments(ua)
}

/// Where a browser-shaped agent's platform comment is (`Mozilla/5.0 (Linux; Android 14; Cubot
/// X50)`): bot conventions are not looked for there, since phone models are named in it. Empty
/// for an agent without one, such as a crawler's `(compatible; Name/1.0; +http://...)`.
fn device_comment(ua: &str) -> std::ops::Range<usize> {
    const START: &str = "Mozilla/5.0 (";
    if !ua.starts_with(START) {
        return 0..0;
    }
    let Some(len) = ua[START.len()..].find(')') else {
        return 0..0;
    };
    let comment = START.len()..START.len() + len;
    let platform = &ua[comment.clone()];
    match PLATFORMS.iter().any(|p| platform.contains(p)) && !platform.contains("compatible") {
        true => comment,
        false => 0..0,
    }
}

/// Whether the space-delimited word around `at` is a `product/version` token (and not the
/// `Build/...` of an Android model).
fn within_product_token(ua: &str, at: usize) -> bool {
    let delimiter = |c: char| c == ' ' || c == ';' || c == '(' || c == ')';
    let start = ua[..at].rfind(delimiter).map_or(0, |i| i + 1);
    let end = ua[at..].find(delimiter).map_or(ua.len(), |i| at + i);
    let word = &ua[start..end];
    word.contains('/') && !word.starts_with("Build/")
}

/// Words of a browser's platform comment, one of which every browser and webview sends.
const PLATFORMS: &[&str] = &[
    "Windows",
    "Macintosh",
    "X11",
    "Linux",
    "Android",
    "iPhone",
    "iPad",
    "iPod",
    "CrOS",
    "Mobile",
    "Tablet",
    "FreeBSD",
    "OpenBSD",
    "NetBSD",
    "SunOS",
    "Fuchsia",
    "KAIOS",
    "Tizen",
    "webOS",
    "Web0S",
    "SMART-TV",
    "SmartTV",
    "PlayStation",
    "Nintendo",
    "Xbox",
    "BB10",
];

fn semicolon_outside_comments(ua: &str) -> bool {
    let mut depth = 0i32;
    for b in ua.bytes() {
        match b {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth -= 1,
            b';' if depth <= 0 => return true,
            _ => {}
        }
    }
    false
}

/// Whether a browser-looking agent is one a real browser sends: [`well_formed`], and its
/// engine's tokens as that engine writes them. Chromium's agents (Chrome, Edge, Opera, Samsung
/// Internet, Android's WebView, Electron apps) carry `AppleWebKit/` and a numeric `Chrome/`;
/// Firefox's carry `Gecko/` and `rv:`; Safari's `AppleWebKit/`. Retired engines are no person's
/// browser any more: EdgeHTML (`Edge/12`–`18`, replaced by Windows Update in 2021) and Internet
/// Explorer before 11 (`MSIE` without `Trident/7.0`, unsupported since 2016), which is what
/// proxy appliances, crawlers and Gmail's prefetch still send.
fn coherent(ua: &str, browser: &str) -> bool {
    if browser == "Internet Explorer" {
        let shape =
            ua.starts_with("Mozilla/5.0 (") || ua.starts_with("Mozilla/4.0 (compatible; MSIE");
        return shape
            && ua.matches("Mozilla/").count() == 1
            && ua.contains("Trident/7.0")
            && !semicolon_outside_comments(ua);
    }
    if !well_formed(ua) {
        return false;
    }
    // Every WebKit and Blink browser writes this comment exactly; services add their name in
    // it ("(KHTML, like Gecko; Google-Site-Verification)").
    if let Some(at) = ua.find("(KHTML, like Gecko")
        && !ua[at..].starts_with("(KHTML, like Gecko)")
    {
        return false;
    }
    let edge_html = ua.contains("Edge/") && !ua.contains("Edg/");
    if edge_html {
        return false;
    }
    let webkit = ua.contains("AppleWebKit/");
    for token in ["Chrome/", "CriOS/", "Chromium/"] {
        if let Some(at) = ua.find(token) {
            let version = &ua[at + token.len()..];
            if !webkit || !version.starts_with(|c: char| c.is_ascii_digit()) {
                return false;
            }
        }
    }
    if ua.contains("Firefox/")
        && !ua.contains("FxiOS/")
        && !(ua.contains("Gecko/") && ua.contains("rv:"))
    {
        return false;
    }
    if ua.contains("Safari/") && !webkit {
        return false;
    }
    true
}

/// The kind, client name and reason that the User-Agent alone implies.
pub(super) fn identify(user_agent: Option<&str>) -> (OpenKind, &'static str, Reason) {
    // HTTP strips surrounding whitespace from field values, so trimming changes nothing real.
    match user_agent.map(str::trim) {
        Some(ua) if !ua.is_empty() => match RULES.identify(ua) {
            Found::Named(kind, client, reason) => (kind, client, reason),
            Found::Nothing if BOT_LIST.is_bot(ua) => (OpenKind::Scanner, "bot", Reason::BotList),
            // Nothing shows a person: kept, with its agent, but not a read.
            Found::Nothing => (
                OpenKind::Unverified,
                "unrecognised client",
                Reason::UnrecognisedAgent,
            ),
        },
        // Every mail client and proxy sends a User-Agent; only scripts omit it.
        _ => (OpenKind::Scanner, "unknown", Reason::NoAgent),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_rules_parse() {
        let rules = Rules::parse(RULES_TSV).unwrap();
        assert!(rules.needles.len() > 100, "{} needles", rules.needles.len());
        assert!(rules.anchored.iter().any(|r| r.pattern == "Mozilla/5.0"));
    }

    #[test]
    fn a_bad_rule_is_refused_with_its_line() {
        let header = "match\tpattern\tkind\tclient\tsource\n";
        for (bad, expect) in [
            ("word\tx\tdirect\tX\n", "4 columns"),
            ("fuzzy\tx\tdirect\tX\ts\n", "unknown match"),
            ("word\tx\tread\tX\ts\n", "unknown OpenKind"),
            ("word\t\tdirect\tX\ts\n", "empty pattern"),
        ] {
            let text: &'static str = format!("# c\n{header}{bad}").leak();
            let err = Rules::parse(text).err().unwrap();
            assert!(err.starts_with("line 3: "), "{err}");
            assert!(err.contains(expect), "{err}");
        }
    }

    /// The rules of the "Reads that bot lists call bots" section of the data file.
    fn exception_rules() -> Vec<&'static str> {
        RULES_TSV
            .lines()
            .skip_while(|l| !l.starts_with("# Reads that bot lists call bots"))
            .skip_while(|l| l.starts_with('#'))
            .take_while(|l| !l.starts_with('#'))
            .collect()
    }

    #[test]
    fn the_exceptions_to_the_bot_list_are_all_reads() {
        let rules = exception_rules();
        assert!(rules.len() >= 8, "{rules:?}");
        for line in rules {
            let cols: Vec<&str> = line.split('\t').collect();
            let kind: OpenKind = cols[2].parse().unwrap();
            assert!(kind.counts_as_read(), "{line}");
        }
    }

    #[test]
    fn an_agent_no_rule_names_goes_to_the_bot_list() {
        for ua in [
            "ApacheBench/2.3",
            "Blogtrottr/2.0",
            "GigablastOpenSource/1.0",
        ] {
            assert_eq!(RULES.identify(ua), Found::Nothing, "{ua}");
            assert_eq!(
                identify(Some(ua)),
                (OpenKind::Scanner, "bot", Reason::BotList),
                "{ua}"
            );
        }
        assert_eq!(
            identify(Some("SomethingElse/1.0")),
            (
                OpenKind::Unverified,
                "unrecognised client",
                Reason::UnrecognisedAgent
            )
        );
        assert_eq!(
            identify(None),
            (OpenKind::Scanner, "unknown", Reason::NoAgent)
        );
    }

    #[test]
    fn reads_the_bot_list_calls_bots_are_named_by_a_rule_first() {
        for ua in [
            "NaverMailApp/2.2.2 (Android 10; SM-G986N)",
            "Mozilla/5.0 SeznamEmailProxy/2.0.174",
            "RamblerMail/6.0 (incompatible; ImageProxy/6.0)",
            "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
            "YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html",
        ] {
            assert!(bot_list_says_bot(ua), "the list calls {ua} a bot");
            let (kind, _, reason) = identify(Some(ua));
            assert!(kind.counts_as_read(), "{ua}");
            assert_eq!(reason, Reason::Agent, "{ua}");
        }
    }

    #[test]
    fn the_first_rule_in_the_file_wins_wherever_it_matches() {
        let text = "h\n\
                    word\tzzz\tscanner\tZ\ts\n\
                    word\taaa\tdirect\tA\ts\n\
                    case\tQ\tlink_preview\tQ\ts\n";
        let rules = Rules::parse(text).unwrap();
        let named = |kind, client| Found::Named(kind, client, Reason::Agent);
        assert_eq!(rules.identify("aaa zzz"), named(OpenKind::Scanner, "Z"));
        assert_eq!(rules.identify("AAA"), named(OpenKind::Direct, "A"));
        assert_eq!(rules.identify("q"), Found::Nothing);
        assert_eq!(rules.identify("Q"), named(OpenKind::LinkPreview, "Q"));
    }
}
