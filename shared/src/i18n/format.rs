//! Dates, times and numbers as each language writes them, with ICU4X's compiled data: month
//! and weekday names, day-month order, a 24- or 12-hour clock, digit grouping.
//!
//! Every language gets the Gregorian calendar and Latin digits, Persian and Arabic included
//! (ICU's defaults for them are the Solar Hijri calendar and native digits): a date in a
//! message must match the email's own Date header, the CSV export and the chart axes, and a
//! number in a message (a tracker, quiet hours) is one the user types back in a command. See
//! docs/languages.md.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Timelike, Utc};
use chrono_tz::Tz;
use fluent_templates::fluent_bundle::FluentValue;
use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets;
use icu_datetime::input::{DateTime as IcuDateTime, Time};
use icu_datetime::options::TimePrecision;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale_core::Locale;
use intl_memoizer::Memoizable;
use intl_memoizer::concurrent::IntlLangMemoizer;

use super::lang::Lang;

/// The locale ICU formats a language's dates and numbers with. English is written the
/// British way (the catalogue's spelling), so it gets a 24-hour clock and "7 Dec".
fn locale(lang: Lang) -> Locale {
    let tag = match lang {
        Lang::En => "en-GB",
        Lang::Fa => "fa-u-nu-latn",
        Lang::Ar => "ar-u-nu-latn",
        other => other.code(),
    };
    tag.parse().unwrap_or(Locale::UNKNOWN)
}

fn icu(at: NaiveDateTime) -> Option<IcuDateTime<Gregorian>> {
    let date = Date::try_new_gregorian(at.year(), at.month() as u8, at.day() as u8).ok()?;
    let time = Time::try_new(at.hour() as u8, at.minute() as u8, 0, 0).ok()?;
    Some(IcuDateTime { date, time })
}

/// Formats `at` with a field set; a failure (no data, a date out of range) falls back to
/// digits, which every reader can read, and is logged.
macro_rules! format_with {
    ($lang:expr, $at:expr, $fields:expr, $fallback:expr $(,)?) => {{
        let (lang, at): (Lang, NaiveDateTime) = ($lang, $at);
        let formatter =
            FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new(locale(lang).into(), $fields);
        match (formatter, icu(at)) {
            (Ok(f), Some(input)) => f.format(&input).to_string(),
            (Err(e), _) => {
                tracing::error!(language = lang.code(), error = %e, "no date format; writing digits");
                at.format($fallback).to_string()
            }
            (_, None) => at.format($fallback).to_string(),
        }
    }};
}

fn local(at: DateTime<Utc>, tz: Tz) -> NaiveDateTime {
    at.with_timezone(&tz).naive_local()
}

/// "14:32"
pub fn time(lang: Lang, at: DateTime<Utc>, tz: Tz) -> String {
    format_with!(lang, local(at, tz), fieldsets::T::hm(), "%H:%M")
}

/// "Mon 14:32"
pub fn weekday_time(lang: Lang, at: DateTime<Utc>, tz: Tz) -> String {
    format_with!(
        lang,
        local(at, tz),
        fieldsets::ET::short().with_time_precision(TimePrecision::Minute),
        "%a %H:%M",
    )
}

/// "3 Nov, 14:32"
pub fn day_time(lang: Lang, at: DateTime<Utc>, tz: Tz) -> String {
    month_day_time(lang, local(at, tz))
}

/// "Mon 7 Dec, 14:05"
pub fn weekday_day_time(lang: Lang, at: DateTime<Utc>, tz: Tz) -> String {
    format_with!(
        lang,
        local(at, tz),
        fieldsets::MDET::medium().with_time_precision(TimePrecision::Minute),
        "%a %-d %b %H:%M",
    )
}

/// "7 Dec": a chart's day.
pub fn month_day(lang: Lang, day: NaiveDate) -> String {
    format_with!(
        lang,
        day.and_hms_opt(0, 0, 0).unwrap_or_default(),
        fieldsets::MD::medium(),
        "%-d %b",
    )
}

/// "7 Dec, 14:05": a local time on a chart or in a timeline.
pub fn month_day_time(lang: Lang, at: NaiveDateTime) -> String {
    format_with!(
        lang,
        at,
        fieldsets::MDT::medium().with_time_precision(TimePrecision::Minute),
        "%-d %b %H:%M",
    )
}

/// An integer as the language writes it ("1,234", "1.234", "1 234").
pub fn integer(lang: Lang, n: i64) -> String {
    match DecimalFormatter::try_new(locale(lang).into(), Default::default()) {
        Ok(f) => f.format_to_string(&Decimal::from(n)),
        Err(_) => n.to_string(),
    }
}

/// ICU's number formatter for a catalogue's language, built once per language by Fluent's
/// memoizer (ICU's `sync` feature makes it shareable between tasks).
struct Numbers(DecimalFormatter);

impl Memoizable for Numbers {
    type Args = ();
    type Error = ();

    fn construct(lang: fluent_templates::LanguageIdentifier, _: ()) -> Result<Self, ()> {
        let ours = Lang::negotiate(&lang.to_string()).unwrap_or_default();
        DecimalFormatter::try_new(locale(ours).into(), Default::default())
            .map(Numbers)
            .map_err(drop)
    }
}

/// Fluent's hook for numbers inside messages: ICU formats them (up to three decimals, as
/// "10.6 MB" needs); anything else keeps Fluent's own formatting.
pub fn fluent_number(value: &FluentValue, intls: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let decimal = decimal(n.value)?;
    intls
        .with_try_get::<Numbers, _, _>((), |f| f.0.format_to_string(&decimal))
        .ok()
}

/// `x` as an ICU decimal, if it has at most three decimals and fits.
fn decimal(x: f64) -> Option<Decimal> {
    (0..=3i16).find_map(|places| {
        let scaled = x * 10f64.powi(places.into());
        if (scaled - scaled.round()).abs() > 1e-6 || scaled.abs() > 9.0e15 {
            return None;
        }
        let mut d = Decimal::from(scaled.round() as i64);
        d.absolute.multiply_pow10(-places);
        Some(d)
    })
}
