//! The bot's words in each language it speaks. Every sentence lives in a Fluent catalogue,
//! one file per language (`shared/locales/<code>/mailping.ftl`), embedded in the binary by
//! `fluent-templates`, which picks the language on each lookup. The command logic asks for a
//! message by key with arguments and gets a [`Reply`]: the catalogue's small markup (`<b>`,
//! `<code>`, `<a href="">`…) becomes spans, and every argument is inserted as plain text, so
//! a label can never turn into markup. Each platform then renders the spans in its own markup.
//!
//! Fluent wraps each inserted value in Unicode direction isolates (U+2068 … U+2069), so a
//! left-to-right label or URL stays readable inside right-to-left text and the other way
//! round. In a left-to-right language a value with no right-to-left letter needs none, and
//! there they are left out (so "Tracker #3 created" stays exactly that). Inside a code span
//! they would be copied with the command, so they go around it instead.
//!
//! Dates, times and numbers are formatted with ICU4X ([`format`]).

pub mod format;
pub mod lang;
mod markup;

pub use lang::Lang;
use lang::{FSI, PDI};

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::fluent_bundle::types::{FluentNumber, FluentNumberOptions, FluentNumberType};
use fluent_templates::{LanguageIdentifier, langid};

use crate::commands::reply::{Button, Reply};
use crate::domain::OpenKind;

fluent_templates::static_loader! {
    // Constant data compiled into the binary, like the fonts and the networks file.
    static CATALOGUES = {
        locales: "./locales",
        fallback_language: "en",
        customise: |bundle| bundle.set_formatter(Some(format::fluent_number)),
    };
}

impl Lang {
    /// Every language, in the order `/language` lists them.
    pub const ALL: [Lang; 12] = [
        Lang::En,
        Lang::Es,
        Lang::PtBr,
        Lang::De,
        Lang::Fr,
        Lang::It,
        Lang::Ru,
        Lang::Uk,
        Lang::Tr,
        Lang::Id,
        Lang::Fa,
        Lang::Ar,
    ];

    /// Its code: the catalogue's directory name, stored in `accounts.language`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::PtBr => "pt-BR",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::It => "it",
            Lang::Ru => "ru",
            Lang::Uk => "uk",
            Lang::Tr => "tr",
            Lang::Id => "id",
            Lang::Fa => "fa",
            Lang::Ar => "ar",
        }
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Lang::En => langid!("en"),
            Lang::Es => langid!("es"),
            Lang::PtBr => langid!("pt-BR"),
            Lang::De => langid!("de"),
            Lang::Fr => langid!("fr"),
            Lang::It => langid!("it"),
            Lang::Ru => langid!("ru"),
            Lang::Uk => langid!("uk"),
            Lang::Tr => langid!("tr"),
            Lang::Id => langid!("id"),
            Lang::Fa => langid!("fa"),
            Lang::Ar => langid!("ar"),
        }
    }

    /// The language we speak for a code a platform reports or a user types (`de`, `pt-br`,
    /// `es-419`, `en_US`): the region is dropped, except that Portuguese is always
    /// Brazilian Portuguese. None when we don't speak it.
    pub fn negotiate(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase().replace('_', "-");
        let language = code.split('-').next().unwrap_or_default();
        Some(match language {
            "en" => Lang::En,
            "es" => Lang::Es,
            "pt" => Lang::PtBr,
            "de" => Lang::De,
            "fr" => Lang::Fr,
            "it" => Lang::It,
            "ru" => Lang::Ru,
            "uk" => Lang::Uk,
            "tr" => Lang::Tr,
            // "in" is Indonesian's withdrawn code, which older systems still send.
            "id" | "in" => Lang::Id,
            "fa" => Lang::Fa,
            "ar" => Lang::Ar,
            _ => return None,
        })
    }

    /// The language for what a platform reports, English when it reports nothing we speak.
    pub fn from_platform(code: Option<&str>) -> Lang {
        code.and_then(Lang::negotiate).unwrap_or_default()
    }

    /// Whether it is written right to left.
    pub fn right_to_left(self) -> bool {
        matches!(self, Lang::Fa | Lang::Ar)
    }

    /// A message as a reply: its markup becomes spans.
    pub fn reply(self, key: &str, args: &Args) -> Reply {
        let mut reply = Reply::new();
        reply.spans = markup::spans(&self.format(key, args), self.right_to_left());
        reply
    }

    /// A message as plain text (a button, a menu entry, a word inside another message).
    pub fn text(self, key: &str, args: &Args) -> String {
        markup::spans(&self.format(key, args), self.right_to_left())
            .iter()
            .map(|s| s.text())
            .collect()
    }

    /// A message without arguments, as a reply.
    pub fn say(self, key: &str) -> Reply {
        self.reply(key, &Args::new())
    }

    /// A message without arguments, as plain text.
    pub fn word(self, key: &str) -> String {
        self.text(key, &Args::new())
    }

    /// A button whose text is a message.
    pub fn button(self, key: &str, args: &Args, action: crate::commands::action::Action) -> Button {
        Button::new(self.text(key, args), action)
    }

    /// The message in this language's catalogue, else in English. A key missing everywhere
    /// (a bug the catalogue test catches) shows as the key itself, never as an error.
    fn format(self, key: &str, args: &Args) -> String {
        let args = Some(&args.0);
        for lang in [self, Lang::En] {
            match CATALOGUES.lookup_single_language(&lang.langid(), key, args) {
                Ok(text) => return tidy_isolates(&text, self.right_to_left()),
                Err(e) => {
                    tracing::error!(language = lang.code(), key, error = %e, "a message is missing from a catalogue");
                }
            }
        }
        key.to_owned()
    }
}

/// The arguments of a message. Text is inserted as plain text (escaped for the markup);
/// numbers are formatted for the language and select plural forms.
#[derive(Debug, Default, Clone)]
pub struct Args(HashMap<Cow<'static, str>, FluentValue<'static>>);

impl Args {
    pub fn new() -> Self {
        Args::default()
    }

    /// Plain text: a label, a client's name, a URL.
    pub fn text(mut self, name: &'static str, value: impl AsRef<str>) -> Self {
        self.0.insert(
            Cow::Borrowed(name),
            FluentValue::String(Cow::Owned(markup::escape(value.as_ref()))),
        );
        self
    }

    /// A tracker number: an identifier the user types back, so plain digits in every
    /// language, never grouped.
    pub fn id(self, name: &'static str, number: impl std::fmt::Display) -> Self {
        self.text(name, number.to_string())
    }

    /// A quantity: formatted for the language, and it picks the plural form.
    pub fn number(mut self, name: &'static str, n: impl Into<f64>) -> Self {
        self.0.insert(
            Cow::Borrowed(name),
            FluentValue::Number(FluentNumber::new(n.into(), FluentNumberOptions::default())),
        );
        self
    }

    /// A position ("2nd"): it picks the ordinal form ([one] 1st, [two] 2nd, [few] 3rd…).
    pub fn ordinal(mut self, name: &'static str, n: i64) -> Self {
        let options = FluentNumberOptions {
            r#type: FluentNumberType::Ordinal,
            ..FluentNumberOptions::default()
        };
        self.0.insert(
            Cow::Borrowed(name),
            FluentValue::Number(FluentNumber::new(n as f64, options)),
        );
        self
    }
}

/// Drops the isolates Fluent put around a value where they change nothing: in a
/// left-to-right language, around a value without a right-to-left letter. Values carry no
/// isolates of their own ([`markup::escape`] removes them), so the marks pair up.
fn tidy_isolates(text: &str, right_to_left: bool) -> String {
    if right_to_left || !text.contains(FSI) {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut keep = vec![true; chars.len()];
    let mut open = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if c == FSI {
            open.push(i);
        } else if c == PDI
            && let Some(start) = open.pop()
            && !chars[start + 1..i]
                .iter()
                .copied()
                .any(markup::is_right_to_left)
        {
            keep[start] = false;
            keep[i] = false;
        }
    }
    chars
        .into_iter()
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect()
}

/// The words of the `/stats` charts in a language: what `charts::ChartWords` asks for.
pub struct ChartText(pub Lang);

impl crate::charts::ChartWords for ChartText {
    fn kind(&self, kind: OpenKind) -> String {
        self.0.word(&format!("chart-{}", kind_key(kind)))
    }

    fn other_reads(&self) -> String {
        self.0.word("chart-other-reads")
    }

    fn account_title(&self, days: usize, timezone: &str) -> String {
        self.0.text(
            "chart-account-title",
            &Args::new()
                .number("days", days as f64)
                .text("timezone", timezone),
        )
    }

    fn reads_per_day(&self) -> String {
        self.0.word("chart-reads-per-day")
    }

    fn not_counted(&self) -> String {
        self.0.word("chart-not-counted")
    }

    fn tracker_caption(&self, fetches: usize, reads: usize, timezone: &str) -> String {
        self.0.text(
            "chart-tracker-caption",
            &Args::new()
                .number("fetches", fetches as f64)
                .number("reads", reads as f64)
                .text("timezone", timezone),
        )
    }

    fn day(&self, day: chrono::NaiveDate) -> String {
        format::month_day(self.0, day)
    }

    fn day_time(&self, at: chrono::NaiveDateTime) -> String {
        format::month_day_time(self.0, at)
    }

    fn right_to_left(&self) -> bool {
        self.0.right_to_left()
    }
}

/// The catalogue's name for a kind: `kind-gmail-proxy`, `chart-kind-gmail-proxy`.
pub fn kind_key(kind: OpenKind) -> &'static str {
    match kind {
        OpenKind::Direct => "kind-direct",
        OpenKind::GmailProxy => "kind-gmail-proxy",
        OpenKind::YahooProxy => "kind-yahoo-proxy",
        OpenKind::AppleMpp => "kind-apple-mpp",
        OpenKind::LinkPreview => "kind-link-preview",
        OpenKind::Scanner => "kind-scanner",
        OpenKind::Unverified => "kind-unverified",
        OpenKind::SelfView => "kind-self-view",
        OpenKind::Duplicate => "kind-duplicate",
    }
}

#[cfg(test)]
mod tests;
