//! Domain types: raw input is parsed into these at the edge, so the rest of the code
//! cannot hold an invalid token, label or open kind.

use std::fmt;
use std::str::FromStr;

use uuid::Uuid;

/// The unguessable part of a pixel URL: a UUID v4 (122 random bits), written as 32 hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token(Uuid);

impl Token {
    /// A fresh random token.
    pub fn generate() -> Self {
        Token(Uuid::new_v4())
    }

    /// Parses the 32-hex-digit form used in URLs. Anything else is rejected.
    pub fn parse(s: &str) -> Option<Self> {
        if s.len() != 32 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        Uuid::try_parse(s).ok().map(Token)
    }

    pub fn from_uuid(uuid: Uuid) -> Self {
        Token(uuid)
    }

    pub fn as_uuid(&self) -> Uuid {
        self.0
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.simple())
    }
}

/// Tokens are secrets: anyone holding one can fetch the pixel, so they are never logged whole.
impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0.simple().to_string();
        write!(f, "Token({}…)", &s[..6])
    }
}

/// A tracker's label as the user typed it: 1..=200 characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label(String);

/// Why a label was refused; each variant reads as a sentence for the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LabelError {
    #[error("the label is missing")]
    Missing,
    #[error("the label is {0} characters long; the limit is 200")]
    TooLong(usize),
    #[error("the label contains control characters")]
    ControlCharacters,
}

impl Label {
    pub const MAX_CHARS: usize = 200;

    pub fn parse(raw: &str) -> Result<Self, LabelError> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(LabelError::Missing);
        }
        let chars = trimmed.chars().count();
        if chars > Self::MAX_CHARS {
            return Err(LabelError::TooLong(chars));
        }
        if trimmed.chars().any(char::is_control) {
            return Err(LabelError::ControlCharacters);
        }
        Ok(Label(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The documented values of `opens.kind`. The strings are a public interface: users point
/// SQL and Grafana at them, so they never change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OpenKind {
    /// A mail client or webmail loaded the image itself.
    Direct,
    /// Gmail's image proxy: a real open, location hidden.
    GmailProxy,
    /// Yahoo's image proxy.
    YahooProxy,
    /// Apple Mail Privacy Protection prefetch: delivered, not a confirmed read.
    AppleMpp,
    /// A chat or social link-preview bot.
    LinkPreview,
    /// A security scanner, crawler, HTTP library, or a request without User-Agent.
    Scanner,
    /// The sender's own view.
    SelfView,
    /// A repeat of the same client within the dedup window.
    Duplicate,
}

impl OpenKind {
    pub const ALL: [OpenKind; 8] = [
        OpenKind::Direct,
        OpenKind::GmailProxy,
        OpenKind::YahooProxy,
        OpenKind::AppleMpp,
        OpenKind::LinkPreview,
        OpenKind::Scanner,
        OpenKind::SelfView,
        OpenKind::Duplicate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OpenKind::Direct => "direct",
            OpenKind::GmailProxy => "gmail_proxy",
            OpenKind::YahooProxy => "yahoo_proxy",
            OpenKind::AppleMpp => "apple_mpp",
            OpenKind::LinkPreview => "link_preview",
            OpenKind::Scanner => "scanner",
            OpenKind::SelfView => "self",
            OpenKind::Duplicate => "duplicate",
        }
    }

    /// Whether this kind is a real read of the email.
    pub fn counts_as_read(self) -> bool {
        matches!(
            self,
            OpenKind::Direct | OpenKind::GmailProxy | OpenKind::YahooProxy
        )
    }

    /// The kind in the user's words, for timelines.
    pub fn describe(self) -> &'static str {
        match self {
            OpenKind::Direct => "opened",
            OpenKind::GmailProxy => "opened via Gmail's image proxy",
            OpenKind::YahooProxy => "opened via Yahoo's image proxy",
            OpenKind::AppleMpp => "Apple Mail prefetch (delivered, not a confirmed read)",
            OpenKind::LinkPreview => "link preview bot (not a read)",
            OpenKind::Scanner => "security scanner or bot (not a read)",
            OpenKind::SelfView => "your own view (not a read)",
            OpenKind::Duplicate => "repeat load (not counted)",
        }
    }
}

impl fmt::Display for OpenKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown open kind {0:?}")]
pub struct UnknownOpenKind(pub String);

impl FromStr for OpenKind {
    type Err = UnknownOpenKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        OpenKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownOpenKind(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_round_trips_through_its_url_form() {
        let t = Token::generate();
        assert_eq!(Token::parse(&t.to_string()), Some(t));
        assert_eq!(t.as_uuid().get_version_num(), 4);
    }

    #[test]
    fn token_rejects_other_forms() {
        let t = Token::generate();
        assert_eq!(Token::parse(&t.as_uuid().hyphenated().to_string()), None);
        assert_eq!(Token::parse(""), None);
        assert_eq!(Token::parse(&"g".repeat(32)), None);
        assert_eq!(Token::parse(&"a".repeat(33)), None);
    }

    #[test]
    fn token_debug_is_redacted() {
        let t = Token::generate();
        assert!(!format!("{t:?}").contains(&t.to_string()));
    }

    #[test]
    fn labels_are_validated() {
        assert_eq!(Label::parse("  Proposal  ").unwrap().as_str(), "Proposal");
        assert_eq!(Label::parse("   "), Err(LabelError::Missing));
        assert_eq!(
            Label::parse(&"x".repeat(201)),
            Err(LabelError::TooLong(201))
        );
        assert!(Label::parse(&"é".repeat(200)).is_ok());
        assert_eq!(Label::parse("a\u{7}b"), Err(LabelError::ControlCharacters));
        let hostile = "*_[]()~`>#+-=|{}.!<b>&";
        assert_eq!(Label::parse(hostile).unwrap().as_str(), hostile);
    }

    #[test]
    fn open_kinds_round_trip_and_only_reads_count() {
        for k in OpenKind::ALL {
            assert_eq!(k.as_str().parse::<OpenKind>().unwrap(), k);
        }
        let counting: Vec<_> = OpenKind::ALL
            .into_iter()
            .filter(|k| k.counts_as_read())
            .collect();
        assert_eq!(
            counting,
            [OpenKind::Direct, OpenKind::GmailProxy, OpenKind::YahooProxy]
        );
    }
}
