//! Domain types: raw input is parsed into these at the edge, so the rest of the code
//! cannot hold an invalid token, label, platform or open kind.
//!
//! The vocabulary is typed at the database boundary too (as crates.io's `pg_enum!` does): each
//! type here implements diesel's `ToSql`/`FromSql`, so model structs hold `OpenKind`,
//! `Platform`, `Outcome` and `Token`, never `String` or `Uuid`. Enums are stored as `TEXT`
//! with a `CHECK`, not as Postgres enums: the strings are a documented interface for users'
//! own SQL, and a new kind is then one `CHECK` change instead of an `ALTER TYPE .. ADD VALUE`,
//! which cannot run inside the migration's transaction on older servers. A value the code does
//! not know is a deserialization error (logged with its cause), never a silent default.

use std::fmt;
use std::str::FromStr;

use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::expression::AsExpression;
use diesel::pg::{Pg, PgValue};
use diesel::serialize::{self, Output, ToSql};
use diesel::sql_types::{Text, Uuid as SqlUuid};
use uuid::Uuid;

/// The unguessable part of a pixel URL: a UUID v4 (122 random bits), written as 32 hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, AsExpression, FromSqlRow)]
#[diesel(sql_type = SqlUuid)]
pub struct Token(Uuid);

impl ToSql<SqlUuid, Pg> for Token {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        <Uuid as ToSql<SqlUuid, Pg>>::to_sql(&self.0, out)
    }
}

impl FromSql<SqlUuid, Pg> for Token {
    fn from_sql(bytes: PgValue<'_>) -> deserialize::Result<Self> {
        <Uuid as FromSql<SqlUuid, Pg>>::from_sql(bytes).map(Token)
    }
}

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

    /// Whether the token has the form `generate` gives every token (a version 4, RFC 4122
    /// UUID): a token of any other form matches no tracker. It says nothing about whether
    /// a tracker with this token exists.
    pub fn is_well_formed(&self) -> bool {
        self.0.get_version_num() == 4 && self.0.get_variant() == uuid::Variant::RFC4122
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
    /// Nothing but invisible characters: zero-width spaces, fillers, variation selectors.
    #[error("the label is only invisible characters")]
    Invisible,
    /// Line or paragraph separators, or bidi overrides, embeddings and isolates, which would
    /// break or reorder the text of the message around the label.
    #[error("the label contains line separators or text direction controls")]
    LayoutCharacters,
}

/// Characters that take over the layout of the text around them: U+2028/U+2029 break lines
/// where no markup can see it, U+202A–U+202E and U+2066–U+2069 reorder what follows.
fn hijacks_layout(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that show as nothing on their own: spaces, zero-width and formatting
/// characters, Hangul and braille fillers, variation selectors, tags.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2060}'..='\u{2064}'
                | '\u{206A}'..='\u{206F}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E007F}'
                | '\u{E0100}'..='\u{E01EF}'
        )
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
        if trimmed.chars().any(hijacks_layout) {
            return Err(LabelError::LayoutCharacters);
        }
        if trimmed.chars().all(invisible) {
            return Err(LabelError::Invisible);
        }
        Ok(Label(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Declares a closed vocabulary stored as `TEXT`: the enum, its stable strings, `as_str`,
/// `Display`, `FromStr`, and diesel's `ToSql`/`FromSql`. Written once for every such type.
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+ }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, AsExpression, FromSqlRow)]
        #[diesel(sql_type = Text)]
        pub enum $name { $( $(#[$vmeta])* $variant, )+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored string; a public interface that never changes.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(UnknownValue { of: stringify!($name), value: s.to_owned() }),
                }
            }
        }

        impl ToSql<Text, Pg> for $name {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
                <str as ToSql<Text, Pg>>::to_sql(self.as_str(), out)
            }
        }

        impl FromSql<Text, Pg> for $name {
            fn from_sql(bytes: PgValue<'_>) -> deserialize::Result<Self> {
                let text = <String as FromSql<Text, Pg>>::from_sql(bytes)?;
                Ok(text.parse::<$name>()?)
            }
        }
    };
}

/// A stored string that names no known value, e.g. a kind written by a newer version.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {of} {value:?}")]
pub struct UnknownValue {
    pub of: &'static str,
    pub value: String,
}

text_enum! {
    /// The documented values of `opens.kind`. The strings are a public interface: users point
    /// SQL and Grafana at them, so they never change.
    pub enum OpenKind {
        /// A mail client or webmail loaded the image itself.
        Direct = "direct",
        /// Gmail's image proxy: a real open, location hidden.
        GmailProxy = "gmail_proxy",
        /// Yahoo's image proxy.
        YahooProxy = "yahoo_proxy",
        /// Apple Mail Privacy Protection prefetch: delivered, not a confirmed read.
        AppleMpp = "apple_mpp",
        /// A chat or social link-preview bot.
        LinkPreview = "link_preview",
        /// A security scanner, crawler, HTTP library, or a request without User-Agent.
        Scanner = "scanner",
        /// No evidence of a person: an agent that is no recognised browser, webview, mail
        /// client or webmail proxy. Not a read; the agent stays in the timeline.
        Unverified = "unverified",
        /// The sender's own view.
        SelfView = "self",
        /// A repeat of the same client within the dedup window.
        Duplicate = "duplicate",
    }
}

impl OpenKind {
    /// Whether this kind is a real read of the email. The database's generated column
    /// `opens.is_read` says the same; `tests/tests/vocabulary.rs` checks that they agree.
    pub fn counts_as_read(self) -> bool {
        matches!(
            self,
            OpenKind::Direct | OpenKind::GmailProxy | OpenKind::YahooProxy
        )
    }

    /// Kinds of fetch that show no person: a bot, or an agent nobody recognises. They stay what
    /// they are from the owner's network, in the grace period and when repeated, since calling
    /// them `self` or `duplicate` would hide that a machine touched the email.
    pub fn is_machine(self) -> bool {
        matches!(
            self,
            OpenKind::LinkPreview | OpenKind::Scanner | OpenKind::Unverified
        )
    }

    /// Kinds that a repeat of the same client within the dedup window turns into `duplicate`.
    /// Bots and the sender's own views are recorded every time.
    pub fn deduplicated(self) -> bool {
        self.counts_as_read() || matches!(self, OpenKind::AppleMpp | OpenKind::Duplicate)
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
            OpenKind::Unverified => "unrecognised client (not a confirmed read)",
            OpenKind::SelfView => "your own view (not a read)",
            OpenKind::Duplicate => "repeat load (not counted)",
        }
    }
}

text_enum! {
    /// Why an open got its kind (`opens.reason`): the evidence that decided. The strings are
    /// a public interface like the kinds; the reasons table of docs/classification.md lists each with its words.
    pub enum Reason {
        /// A rule of `shared/data/user-agents.tsv` names the client.
        Agent = "ua",
        /// Recorded before reads needed evidence: no rule named the agent and it was counted
        /// as a person. New opens get `UnrecognisedAgent` instead.
        UnknownAgent = "unknown-agent",
        /// No rule names the agent and it is no coherent browser or webview: `unverified`.
        UnrecognisedAgent = "unrecognised-agent",
        /// A browser-like agent whose tokens no real browser sends together (an engine
        /// version that never shipped with that browser, a second `Mozilla/5.0`): a machine.
        ImplausibleAgent = "implausible-agent",
        /// The agent follows a bot convention: `compatible;` with a product that is no
        /// browser, a `+http…` info URL, or a word for what services do (preview, fetcher, …).
        BotConvention = "bot-convention",
        /// The request had no User-Agent header.
        NoAgent = "no-agent",
        /// The maintained bot list (`isbot`) knows the agent.
        BotList = "bot-list",
        /// A person-looking agent from a security gateway's network.
        NetworkScan = "network:scan",
        /// A person-looking agent from a mail service's network that fetches on arrival (Gmail).
        NetworkPrefetch = "network:prefetch",
        /// A person-looking agent from a crawler's or fetcher's network (Google's).
        NetworkCrawler = "network:crawler",
        /// Through a privacy relay (Apple's): the agent decided, the location is hidden.
        NetworkRelay = "network:relay",
        /// A person-looking agent from a cloud provider's data centre: people don't read mail
        /// from there, scanners do.
        NetworkHosting = "network:hosting",
        /// From a network where the owner viewed the copy page.
        OwnerNetwork = "owner-network",
        /// From a network the owner, answering "Wrong?", said was their own view.
        ReportedOwnNetwork = "reported-own-network",
        /// The same agent from the same network the owner, answering "Wrong?", called a machine.
        ReportedMachine = "reported-machine",
        /// Within the grace period after the tracker was created.
        Grace = "grace",
        /// The same client again within the dedup window.
        Dedup = "dedup",
        /// Recorded before MailPing stored reasons.
        Legacy = "legacy",
    }
}

impl Reason {
    /// Whether the reason is a listed network's (`network:*`): the address is an operator's,
    /// shared by everybody it serves, so nothing about the reader can be learned from it.
    pub fn is_network(self) -> bool {
        self.as_str().starts_with("network:")
    }
}

text_enum! {
    /// What an owner said of a fetch with "Wrong?" (`verdict_reports.said`).
    pub enum Said {
        /// It was the owner's own view.
        OwnView = "own-view",
        /// It was a machine, not a person.
        Machine = "machine",
    }
}

text_enum! {
    /// The chat platforms MailPing speaks (`accounts.platform`).
    pub enum Platform {
        Telegram = "telegram",
        Discord = "discord",
    }
}

impl Platform {
    /// Parses a stored or configured platform name.
    pub fn parse(s: &str) -> Option<Self> {
        s.parse().ok()
    }
}

text_enum! {
    /// What a chat's opens keep (`accounts.privacy`, `PRIVACY_DEFAULT`): see docs/privacy.md.
    pub enum PrivacyMode {
        /// Only the tracker, the time, the kind and the reason: no network, no User-Agent, no
        /// client name. Each fetch is classified exactly as in standard mode first.
        Strict = "strict",
        /// The /24 or /48 network, up to 200 bytes of User-Agent and the client's name too.
        Standard = "standard",
    }
}

text_enum! {
    /// How an alert's delivery ended (`alerts.outcome`).
    pub enum Outcome {
        /// The platform accepted the message.
        Sent = "sent",
        /// The tracker was muted: finished without sending.
        Muted = "muted",
        /// The chat refuses our messages: finished without sending.
        Blocked = "blocked",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_tokens_of_the_generated_form_are_well_formed() {
        for _ in 0..1000 {
            assert!(Token::generate().is_well_formed());
        }
        for hex in [
            "ab".repeat(16),
            "0".repeat(32),
            // Version 4, but not the RFC 4122 variant.
            "0123456789ab4def0123456789abcdef".to_owned(),
            // The RFC 4122 variant, but version 1.
            "0123456789ab1def8123456789abcdef".to_owned(),
        ] {
            assert!(!Token::parse(&hex).unwrap().is_well_formed(), "{hex}");
        }
        assert!(
            Token::parse("0123456789ab4def8123456789abcdef")
                .unwrap()
                .is_well_formed()
        );
    }

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
    fn unknown_stored_values_are_errors_not_defaults() {
        let e = "carrier_pigeon".parse::<OpenKind>().unwrap_err();
        assert_eq!(e.to_string(), "unknown OpenKind \"carrier_pigeon\"");
        assert!("slack".parse::<Platform>().is_err());
        assert_eq!("discord".parse::<Platform>().unwrap(), Platform::Discord);
        for &o in Outcome::ALL {
            assert_eq!(o.as_str().parse::<Outcome>().unwrap(), o);
        }
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
    fn labels_that_show_nothing_or_hijack_the_layout_are_refused() {
        for invisible in [
            "\u{200B}",
            "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}",
            "\u{3164}\u{3164}",
            "\u{FE0F}",
            "\u{E0100}\u{FE0E}",
            "\u{00A0}\u{2800}\u{115F}",
        ] {
            assert_eq!(
                Label::parse(invisible),
                Err(LabelError::Invisible),
                "{invisible:?}"
            );
        }
        for layout in [
            "Proposal\u{2028}Paid",
            "Proposal\u{2029}Paid",
            "\u{202E}gnp.exe",
            "a\u{202A}b",
            "a\u{202B}b",
            "a\u{202C}b",
            "a\u{202D}b",
            "\u{2066}a\u{2069}",
            "\u{2067}a",
            "\u{2068}a",
        ] {
            assert_eq!(
                Label::parse(layout),
                Err(LabelError::LayoutCharacters),
                "{layout:?}"
            );
        }
        // Right-to-left text, marks, emoji with selectors and joiners stay allowed.
        for fine in [
            "שלום \u{200F}עולם",
            "مرحبا",
            "❤\u{FE0F} Proposal",
            "👩\u{200D}💻 Offer",
            "zero\u{200B}width",
        ] {
            assert!(Label::parse(fine).is_ok(), "{fine:?}");
        }
    }

    #[test]
    fn open_kinds_round_trip_and_only_reads_count() {
        for &k in OpenKind::ALL {
            assert_eq!(k.as_str().parse::<OpenKind>().unwrap(), k);
        }
        let counting: Vec<_> = OpenKind::ALL
            .iter()
            .copied()
            .filter(|k| k.counts_as_read())
            .collect();
        assert_eq!(
            counting,
            [OpenKind::Direct, OpenKind::GmailProxy, OpenKind::YahooProxy]
        );
    }
}
