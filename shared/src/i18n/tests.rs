//! The catalogues' tests: every key of English in every language with the same variables, the
//! markup and isolates of replies, and the dates and numbers each language gets.

use super::*;
use crate::commands::Span;

#[test]
fn markup_becomes_spans_and_arguments_stay_text() {
    let spans = markup::spans(
        &format!(
            "Hi <b>{}</b>, send <code>/opens &lt;n&gt;</code> or see <a href=\"{}\">the page</a>.",
            markup::escape("<b>&evil</b>"),
            markup::escape("https://x.test/?a=1&b=\"2\""),
        ),
        false,
    );
    assert_eq!(
        spans,
        [
            Span::Plain("Hi ".into()),
            Span::Bold("<b>&evil</b>".into()),
            Span::Plain(", send ".into()),
            Span::Code("/opens <n>".into()),
            Span::Plain(" or see ".into()),
            Span::Link {
                text: "the page".into(),
                url: "https://x.test/?a=1&b=\"2\"".into()
            },
            Span::Plain(".".into()),
        ]
    );
}

#[test]
fn a_stray_angle_bracket_is_text() {
    assert_eq!(
        markup::spans("a < b <x> c</b>", false),
        [Span::Plain("a < b <x> c</b>".into())]
    );
}

#[test]
fn isolates_stay_around_right_to_left_values_and_go_elsewhere() {
    let ltr = tidy_isolates("Tracker \u{2068}3\u{2069} \u{2068}שלום\u{2069}", false);
    assert_eq!(ltr, "Tracker 3 \u{2068}שלום\u{2069}");
    let rtl = tidy_isolates("متتبع \u{2068}Proposal\u{2069}", true);
    assert_eq!(rtl, "متتبع \u{2068}Proposal\u{2069}");
    // Code is copied as typed: the marks go around it.
    let spans = markup::spans("أرسل <code>\u{2068}/opens 3\u{2069}</code>", true);
    assert_eq!(
        spans,
        [
            Span::Plain("أرسل \u{2068}".into()),
            Span::Code("/opens 3".into()),
            Span::Plain("\u{2069}".into()),
        ]
    );
}

#[test]
fn platform_codes_fall_back_sensibly() {
    for (code, lang) in [
        ("pt", Lang::PtBr),
        ("pt-br", Lang::PtBr),
        ("pt-PT", Lang::PtBr),
        ("es-419", Lang::Es),
        ("es-ES", Lang::Es),
        ("en-US", Lang::En),
        ("en_GB", Lang::En),
        ("de", Lang::De),
        ("uk", Lang::Uk),
        ("fa-IR", Lang::Fa),
        ("ar", Lang::Ar),
        ("in", Lang::Id),
    ] {
        assert_eq!(Lang::negotiate(code), Some(lang), "{code}");
    }
    assert_eq!(Lang::negotiate("zh-CN"), None);
    assert_eq!(Lang::from_platform(Some("ja")), Lang::En);
    assert_eq!(Lang::from_platform(None), Lang::En);
    for lang in Lang::ALL {
        assert_eq!(Lang::negotiate(lang.code()), Some(lang));
    }
}

#[test]
fn english_reads_as_before() {
    let reply = Lang::En.reply("no-such-tracker", &Args::new().id("number", 42));
    assert_eq!(
        reply.plain_text(),
        "⚠️ You have no tracker #42. /opens lists yours."
    );
    let text = Lang::En.text("duration-days", &Args::new().number("count", 1));
    assert_eq!(text, "1 day");
    let text = Lang::En.text("alert-nth-open", &Args::new().ordinal("ordinal", 22));
    assert_eq!(text, "22nd open");
    let text = Lang::En.text("alert-nth-open", &Args::new().ordinal("ordinal", 13));
    assert_eq!(text, "13th open");
}

/// The catalogue test: every key of the English catalogue exists in every other catalogue
/// with the same variables (attributes included), no catalogue has a key English lacks, each
/// parses without errors, and each language of `Lang::ALL` has its catalogue. Adding a
/// language is one file here and its `Lang` variant; this test says what is missing.
mod catalogues {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

    use super::Lang;

    type Keys = BTreeMap<String, BTreeSet<String>>;

    fn pattern_variables(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
        for element in &p.elements {
            if let PatternElement::Placeable { expression } = element {
                expression_variables(expression, out);
            }
        }
    }

    fn expression_variables(e: &Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            Expression::Select { selector, variants } => {
                inline_variables(selector, out);
                for v in variants {
                    pattern_variables(&v.value, out);
                }
            }
            Expression::Inline(i) => inline_variables(i, out),
        }
    }

    fn inline_variables(i: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match i {
            InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_owned());
            }
            InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline_variables(a, out);
                }
            }
            InlineExpression::Placeable { expression } => expression_variables(expression, out),
            _ => {}
        }
    }

    /// Each key (`message`, `message.attribute`) of a catalogue with its variables.
    fn keys(path: &Path) -> Keys {
        let text = std::fs::read_to_string(path).unwrap();
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        let mut keys = Keys::new();
        for entry in &resource.body {
            match entry {
                Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    if let Some(value) = &m.value {
                        pattern_variables(value, &mut vars);
                    }
                    keys.insert(m.id.name.to_owned(), vars);
                    for a in &m.attributes {
                        let mut vars = BTreeSet::new();
                        pattern_variables(&a.value, &mut vars);
                        keys.insert(format!("{}.{}", m.id.name, a.id.name), vars);
                    }
                }
                Entry::Junk { content } => panic!("{}: unreadable: {content}", path.display()),
                _ => {}
            }
        }
        keys
    }

    fn catalogue(lang: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(lang)
            .join("mailping.ftl")
    }

    #[test]
    fn every_catalogue_has_the_english_keys_with_the_same_variables() {
        let english = keys(&catalogue("en"));
        assert!(english.len() > 100, "{} keys", english.len());
        let mut problems = Vec::new();
        for lang in Lang::ALL {
            let path = catalogue(lang.code());
            if !path.exists() {
                problems.push(format!("{lang:?} has no catalogue at {}", path.display()));
                continue;
            }
            let theirs = keys(&path);
            for (key, vars) in &english {
                match theirs.get(key) {
                    None => problems.push(format!("{}: missing {key}", lang.code())),
                    Some(v) if v != vars => problems.push(format!(
                        "{}: {key} has variables {v:?}, English {vars:?}",
                        lang.code()
                    )),
                    Some(_) => {}
                }
            }
            for key in theirs.keys().filter(|k| !english.contains_key(*k)) {
                problems.push(format!("{}: {key} is not in English", lang.code()));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn every_catalogue_is_a_language_we_speak() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        for entry in std::fs::read_dir(dir).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            assert!(
                Lang::ALL.iter().any(|l| l.code() == name),
                "locales/{name} is no Lang"
            );
        }
    }
}

#[test]
fn dates_and_numbers_are_written_as_each_language_writes_them() {
    use chrono::TimeZone;
    // Monday 7 December 2026, 14:05 in Berlin.
    let at = chrono::Utc.with_ymd_and_hms(2026, 12, 7, 13, 5, 0).unwrap();
    let tz: chrono_tz::Tz = "Europe/Berlin".parse().unwrap();
    assert_eq!(
        format::weekday_day_time(Lang::En, at, tz),
        "Mon 7 Dec, 14:05"
    );
    assert_eq!(format::weekday_time(Lang::En, at, tz), "Mon 14:05");
    assert_eq!(format::day_time(Lang::De, at, tz), "7. Dez., 14:05");
    assert_eq!(format::day_time(Lang::Fr, at, tz), "7 déc., 14:05");
    assert_eq!(format::integer(Lang::En, 1_234_567), "1,234,567");
    assert_eq!(format::integer(Lang::De, 1_234_567), "1.234.567");
    // Persian and Arabic: the Gregorian calendar and Latin digits (docs/languages.md), the
    // month in their words, the clock as the locale writes it.
    assert_eq!(format::day_time(Lang::Fa, at, tz), "7 دسامبر، 14:05");
    assert_eq!(format::day_time(Lang::Ar, at, tz), "7 ديسمبر، 2:05 م");
    assert_eq!(format::integer(Lang::Fa, 42), "42");
    // Numbers inside messages go through ICU too, and still pick the plural form.
    let limit = Lang::De.text(
        "label-too-long",
        &Args::new().number("length", 10_000).number("limit", 200),
    );
    assert!(limit.contains("10.000 Zeichen"), "{limit}");
    assert_eq!(
        Lang::Ru.text("duration-days", &Args::new().number("count", 22)),
        "22 дня"
    );
}
