//! The User-Agent rules, loaded once from `shared/data/user-agents.tsv`, where each rule
//! names its source and the file's order is the rules' priority.
//!
//! The `word` and `case` rules are matched in a single pass by one case-insensitive
//! Aho-Corasick automaton; a named agent allocates nothing and takes well under a microsecond.
//! No well-kept Rust crate does this job at this speed: `uaparser` with uap-core's regexes
//! names Outlook and Thunderbird but takes tens of microseconds per parse and knows neither
//! eM Client nor Apple Mail's own WebKit engine; `woothee` is fast but knows no mail client.
//!
//! What no rule names goes to a maintained bot list, the `isbot` crate (omrilotan/isbot's
//! patterns, one combined regex). It is consulted only then: its regex is slower than the
//! automaton and it lower-cases a copy of the agent, and its list calls several mail clients
//! and webmail proxies crawlers (Polymail, NaverMailApp, Apple Mail's CFNetwork agent,
//! Seznam's and Rambler's proxies, ...). Those are named by rules in the file's "Reads that bot
//! lists call bots" section, the one place for these exceptions, so the bot list never sees them.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::domain::{OpenKind, Reason};

const RULES_TSV: &str = include_str!("../../data/user-agents.tsv");

/// What a matching rule says about the User-Agent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sign {
    Open(OpenKind, &'static str),
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
                other => return Err(at(format!("unknown match {other:?}"))),
            };
            let sign = match kind {
                "apple-device" => Sign::AppleDevice,
                "apple-webkit" => Sign::AppleWebKit,
                kind => Sign::Open(kind.parse().map_err(|e| at(format!("{e}")))?, client),
            };
            if pattern.is_empty() || (matches!(sign, Sign::Open(..)) && client.is_empty()) {
                return Err(at("empty pattern or client".into()));
            }
            let rule = Rule { how, pattern, sign };
            match how {
                Match::Whole | Match::Prefix => anchored.push(rule),
                Match::Word | Match::Case => needles.push(rule),
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

    /// The kind and client the rules give, or `None` when no rule names the agent.
    fn identify(&self, ua: &str) -> Option<(OpenKind, &'static str)> {
        for rule in &self.anchored {
            let hit = match rule.how {
                Match::Whole => ua == rule.pattern,
                _ => ua.starts_with(rule.pattern),
            };
            if let (true, Sign::Open(kind, client)) = (hit, rule.sign) {
                return Some((kind, client));
            }
        }
        let (mut first, mut apple_device, mut apple_webkit) = (usize::MAX, false, false);
        for m in self.automaton.find_overlapping_iter(ua) {
            let i = m.pattern().as_usize();
            let rule = &self.needles[i];
            if rule.how == Match::Case && &ua.as_bytes()[m.range()] != rule.pattern.as_bytes() {
                continue;
            }
            match rule.sign {
                Sign::Open(..) => first = first.min(i),
                Sign::AppleDevice => apple_device = true,
                Sign::AppleWebKit => apple_webkit = true,
            }
        }
        if let Some(Rule {
            sign: Sign::Open(kind, client),
            ..
        }) = self.needles.get(first)
        {
            return Some((*kind, client));
        }
        // Apple Mail renders with the system's WebKit on a Mac, iPhone or iPad, and its agent
        // names no browser (Safari's and Chrome's do).
        if apple_device && apple_webkit {
            return Some((OpenKind::Direct, "Apple Mail"));
        }
        None
    }
}

/// The kind, client name and reason that the User-Agent alone implies.
pub(super) fn identify(user_agent: Option<&str>) -> (OpenKind, &'static str, Reason) {
    // HTTP strips surrounding whitespace from field values, so trimming changes nothing real.
    match user_agent.map(str::trim) {
        Some(ua) if !ua.is_empty() => match RULES.identify(ua) {
            Some((kind, client)) => (kind, client, Reason::Agent),
            None if BOT_LIST.is_bot(ua) => (OpenKind::Scanner, "bot", Reason::BotList),
            // Nothing says machine: a person with a client nobody has listed yet.
            None => (OpenKind::Direct, "unknown client", Reason::UnknownAgent),
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
            "Datadog Agent/5.10.1",
            "Mozilla/5.0 (compatible; Google-Site-Verification/1.0)",
            "Mozilla/5.0 (Java) outbrain",
        ] {
            assert_eq!(RULES.identify(ua), None, "{ua}");
            assert_eq!(
                identify(Some(ua)),
                (OpenKind::Scanner, "bot", Reason::BotList),
                "{ua}"
            );
        }
        assert_eq!(
            identify(Some("SomethingElse/1.0")),
            (OpenKind::Direct, "unknown client", Reason::UnknownAgent)
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
        assert_eq!(rules.identify("aaa zzz"), Some((OpenKind::Scanner, "Z")));
        assert_eq!(rules.identify("AAA"), Some((OpenKind::Direct, "A")));
        assert_eq!(rules.identify("q"), None);
        assert_eq!(rules.identify("Q"), Some((OpenKind::LinkPreview, "Q")));
    }
}
