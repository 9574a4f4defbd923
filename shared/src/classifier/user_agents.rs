//! The User-Agent rules, loaded once from `shared/data/user-agents.tsv`, where each rule
//! names its source and the file's order is the rules' priority.
//!
//! The `word` and `case` rules are matched in a single pass by one case-insensitive
//! Aho-Corasick automaton; `identify` allocates nothing and runs in well under a microsecond.
//! No well-kept Rust crate does this job at this speed: `uaparser` with uap-core's regexes
//! names Outlook and Thunderbird but takes tens of microseconds per parse and knows neither
//! eM Client nor Apple Mail's own WebKit engine; `woothee` is fast but knows no mail client;
//! `isbot` (0.1) runs a regex per agent and its list calls mail clients such as Polymail crawlers.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::domain::OpenKind;

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

    fn identify(&self, ua: &str) -> (OpenKind, &'static str) {
        for rule in &self.anchored {
            let hit = match rule.how {
                Match::Whole => ua == rule.pattern,
                _ => ua.starts_with(rule.pattern),
            };
            if let (true, Sign::Open(kind, client)) = (hit, rule.sign) {
                return (kind, client);
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
            return (*kind, client);
        }
        // Apple Mail renders with the system's WebKit on a Mac, iPhone or iPad, and its agent
        // names no browser (Safari's and Chrome's do).
        if apple_device && apple_webkit {
            return (OpenKind::Direct, "Apple Mail");
        }
        (OpenKind::Direct, "unknown client")
    }
}

/// The kind and client name that the User-Agent alone implies.
pub(super) fn identify(user_agent: Option<&str>) -> (OpenKind, &'static str) {
    // HTTP strips surrounding whitespace from field values, so trimming changes nothing real.
    match user_agent.map(str::trim) {
        Some(ua) if !ua.is_empty() => RULES.identify(ua),
        // Every mail client and proxy sends a User-Agent; only scripts omit it.
        _ => (OpenKind::Scanner, "unknown"),
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

    #[test]
    fn the_first_rule_in_the_file_wins_wherever_it_matches() {
        let text = "h\n\
                    word\tzzz\tscanner\tZ\ts\n\
                    word\taaa\tdirect\tA\ts\n\
                    case\tQ\tlink_preview\tQ\ts\n";
        let rules = Rules::parse(text).unwrap();
        assert_eq!(rules.identify("aaa zzz"), (OpenKind::Scanner, "Z"));
        assert_eq!(rules.identify("AAA"), (OpenKind::Direct, "A"));
        assert_eq!(rules.identify("q"), (OpenKind::Direct, "unknown client"));
        assert_eq!(rules.identify("Q"), (OpenKind::LinkPreview, "Q"));
    }
}
