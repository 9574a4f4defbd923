//! PNG charts for `/stats`, drawn with plotters on an in-memory bitmap with a font embedded
//! in the binary (DejaVu Sans, licence in `shared/fonts/`), so a server without fonts
//! renders exactly what a developer sees. No I/O here: data in, PNG bytes out.

use std::sync::Once;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::{FontStyle, register_font};

use crate::domain::OpenKind;
use crate::models::stats::DayCount;

/// Width of every chart, in pixels.
pub const WIDTH: u32 = 1000;
/// Height of the account chart.
pub const ACCOUNT_HEIGHT: u32 = 620;

const FONT_FAMILY: &str = "sans-serif";
static FONT: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static REGISTER: Once = Once::new();

/// Why a chart could not be drawn (a bug, never the user's data).
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("drawing the chart: {0}")]
    Draw(String),
    #[error("encoding the PNG: {0}")]
    Encode(#[from] png::EncodingError),
}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        ChartError::Draw(e.to_string())
    }
}

type Result<T> = std::result::Result<T, ChartError>;

/// plotters looks fonts up by family name in a process-wide table; ours goes in once.
fn register() {
    REGISTER.call_once(|| {
        if register_font(FONT_FAMILY, FontStyle::Normal, FONT).is_err() {
            tracing::error!("the embedded chart font is unreadable; charts will have no text");
        }
    });
}

fn font(size: u32) -> FontDesc<'static> {
    FontDesc::new(
        FontFamily::Name(FONT_FAMILY),
        f64::from(size),
        FontStyle::Normal,
    )
}

/// The colour of each kind: reads in strong colours, the rest in muted ones.
fn colour(kind: OpenKind) -> RGBColor {
    match kind {
        OpenKind::Direct => RGBColor(31, 119, 180),
        OpenKind::GmailProxy => RGBColor(214, 39, 40),
        OpenKind::YahooProxy => RGBColor(148, 103, 189),
        OpenKind::AppleMpp => RGBColor(255, 127, 14),
        OpenKind::LinkPreview => RGBColor(140, 140, 140),
        OpenKind::Scanner => RGBColor(90, 90, 90),
        OpenKind::Unverified => RGBColor(160, 120, 90),
        OpenKind::SelfView => RGBColor(188, 189, 34),
        OpenKind::Duplicate => RGBColor(199, 199, 199),
    }
}

/// A read kind not drawn in a colour of its own.
const OTHER_READS: RGBColor = RGBColor(44, 160, 44);

/// Every word a chart draws, already in the reader's language.
pub trait ChartWords {
    /// A kind's name in legends ("Gmail proxy").
    fn kind(&self, kind: crate::domain::OpenKind) -> String;
    /// The legend entry for reads of the kinds grouped together ("Other reads").
    fn other_reads(&self) -> String;
    /// The account chart's title ("Last 30 days, in Europe/Berlin").
    fn account_title(&self, days: usize, timezone: &str) -> String;
    /// The top panel's title ("Reads per day").
    fn reads_per_day(&self) -> String;
    /// The bottom panel's title ("Not counted as reads: Apple prefetches, bots, your own views, repeats").
    fn not_counted(&self) -> String;
    /// The tracker chart's caption ("12 fetches, 3 counted as reads (filled dots). Times in Europe/Berlin.").
    fn tracker_caption(&self, fetches: usize, reads: usize, timezone: &str) -> String;
    /// An axis label for a day ("Dec 7").
    fn day(&self, day: chrono::NaiveDate) -> String;
    /// An axis label for a local time ("Dec 7 14:05").
    fn day_time(&self, at: chrono::NaiveDateTime) -> String;
    /// Whether the language is written right to left.
    fn right_to_left(&self) -> bool;
}

/// Today's English words; tests and benches use it.
pub struct English;

impl ChartWords for English {
    fn kind(&self, kind: OpenKind) -> String {
        match kind {
            OpenKind::Direct => "Direct",
            OpenKind::GmailProxy => "Gmail proxy",
            OpenKind::YahooProxy => "Yahoo proxy",
            OpenKind::AppleMpp => "Apple prefetch",
            OpenKind::LinkPreview => "Link preview",
            OpenKind::Scanner => "Scanner or bot",
            OpenKind::Unverified => "Unrecognised client",
            OpenKind::SelfView => "Your own view",
            OpenKind::Duplicate => "Repeat",
        }
        .to_owned()
    }

    fn other_reads(&self) -> String {
        "Other reads".to_owned()
    }

    fn account_title(&self, days: usize, timezone: &str) -> String {
        format!("Last {days} days, in {timezone}")
    }

    fn reads_per_day(&self) -> String {
        "Reads per day".to_owned()
    }

    fn not_counted(&self) -> String {
        "Not counted as reads: Apple prefetches, bots, your own views, repeats".to_owned()
    }

    fn tracker_caption(&self, fetches: usize, reads: usize, timezone: &str) -> String {
        format!(
            "{fetches} {}, {reads} counted as {} (filled dots). Times in {timezone}.",
            if fetches == 1 { "fetch" } else { "fetches" },
            if reads == 1 { "a read" } else { "reads" },
        )
    }

    fn day(&self, day: NaiveDate) -> String {
        day.format("%b %-d").to_string()
    }

    fn day_time(&self, at: chrono::NaiveDateTime) -> String {
        at.format("%b %-d %H:%M").to_string()
    }

    fn right_to_left(&self) -> bool {
        false
    }
}

/// The stacked series of the account chart, bottom first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Series {
    Read(OpenKind),
    OtherReads,
    NotRead(OpenKind),
}

impl Series {
    fn of(kind: OpenKind) -> Series {
        match kind {
            OpenKind::Direct | OpenKind::GmailProxy | OpenKind::YahooProxy => Series::Read(kind),
            // A read kind added later is counted, in a colour of its own, until it gets one.
            k if k.counts_as_read() => Series::OtherReads,
            k => Series::NotRead(k),
        }
    }

    fn all() -> Vec<Series> {
        let mut all = vec![
            Series::Read(OpenKind::Direct),
            Series::Read(OpenKind::GmailProxy),
            Series::Read(OpenKind::YahooProxy),
            Series::OtherReads,
        ];
        all.extend(
            OpenKind::ALL
                .iter()
                .filter(|k| !k.counts_as_read())
                .map(|k| Series::NotRead(*k)),
        );
        all
    }

    fn is_read(self) -> bool {
        !matches!(self, Series::NotRead(_))
    }

    fn name(self, words: &dyn ChartWords) -> String {
        match self {
            Series::Read(k) | Series::NotRead(k) => words.kind(k),
            Series::OtherReads => words.other_reads(),
        }
    }

    fn colour(self) -> RGBColor {
        match self {
            Series::Read(k) | Series::NotRead(k) => colour(k),
            Series::OtherReads => OTHER_READS,
        }
    }
}

/// The account chart: reads per day stacked by how they arrived, and below, apart, what did
/// not count. `days` are the local days shown, oldest first; counts outside them are ignored.
pub fn account_chart(
    words: &dyn ChartWords,
    days: &[NaiveDate],
    counts: &[DayCount],
    timezone: &str,
) -> Result<Vec<u8>> {
    register();
    let series = Series::all();
    // grid[day][series]
    let mut grid = vec![vec![0u32; series.len()]; days.len()];
    for c in counts {
        let (Some(day), Some(s)) = (
            days.iter().position(|d| *d == c.day),
            series.iter().position(|s| *s == Series::of(c.kind)),
        ) else {
            continue;
        };
        grid[day][s] += u32::try_from(c.count).unwrap_or(u32::MAX);
    }
    let mut buf = vec![0u8; (WIDTH * ACCOUNT_HEIGHT * 3) as usize];
    {
        let root =
            BitMapBackend::with_buffer(&mut buf, (WIDTH, ACCOUNT_HEIGHT)).into_drawing_area();
        root.fill(&WHITE)?;
        let title = words.account_title(days.len(), timezone);
        let root = root.titled(&title, font(22))?;
        let (top, bottom) = root.split_vertically(ACCOUNT_HEIGHT * 58 / 100);
        stacked_panel(
            &top,
            words,
            &words.reads_per_day(),
            days,
            &grid,
            &series,
            |s| s.is_read(),
        )?;
        stacked_panel(
            &bottom,
            words,
            &words.not_counted(),
            days,
            &grid,
            &series,
            |s| !s.is_read(),
        )?;
        root.present()?;
    }
    encode(&buf, WIDTH, ACCOUNT_HEIGHT)
}

fn stacked_panel(
    area: &DrawingArea<BitMapBackend<'_>, Shift>,
    words: &dyn ChartWords,
    caption: &str,
    days: &[NaiveDate],
    grid: &[Vec<u32>],
    series: &[Series],
    shown: impl Fn(Series) -> bool,
) -> Result<()> {
    let shown: Vec<usize> = (0..series.len()).filter(|i| shown(series[*i])).collect();
    let highest = grid
        .iter()
        .map(|day| shown.iter().map(|i| day[*i]).sum::<u32>())
        .max()
        .unwrap_or(0);
    let top = highest + highest.div_ceil(8).max(1);
    let mut chart = ChartBuilder::on(area)
        .margin_left(10)
        .margin_right(20)
        .margin_top(6)
        .caption(caption, font(15))
        .x_label_area_size(26)
        .y_label_area_size(50)
        .build_cartesian_2d(-0.5f64..days.len() as f64 - 0.5, 0u32..top)?;
    let day_label = |x: &f64| {
        let i = x.round();
        if i < 0.0 || (i - x).abs() > 0.01 {
            return String::new();
        }
        days.get(i as usize)
            .map(|d| words.day(*d))
            .unwrap_or_default()
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(8)
        .x_label_formatter(&day_label)
        .y_labels(5)
        .label_style(font(12))
        .draw()?;
    let mut base = vec![0u32; days.len()];
    for i in shown {
        if grid.iter().all(|day| day[i] == 0) {
            continue;
        }
        let colour = series[i].colour();
        let bars: Vec<Rectangle<(f64, u32)>> = grid
            .iter()
            .enumerate()
            .filter(|(_, day)| day[i] > 0)
            .map(|(d, day)| {
                let x = d as f64;
                let y0 = base[d];
                Rectangle::new([(x - 0.38, y0), (x + 0.38, y0 + day[i])], colour.filled())
            })
            .collect();
        for (d, day) in grid.iter().enumerate() {
            base[d] += day[i];
        }
        chart
            .draw_series(bars)?
            .label(series[i].name(words))
            .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 12, y + 6)], colour.filled()));
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK.mix(0.3))
        .label_font(font(13))
        .draw()?;
    Ok(())
}

/// The height of a tracker chart showing this many kinds: one row each.
pub fn tracker_chart_height(kinds: usize) -> u32 {
    170 + 44 * kinds.max(1) as u32
}

/// One tracker's chart: every fetch on a time axis in the account's timezone, one row per
/// kind that occurred, reads as filled dots.
pub fn tracker_chart(
    words: &dyn ChartWords,
    number: i32,
    label: &str,
    fetches: &[(DateTime<Utc>, OpenKind)],
    tz: Tz,
) -> Result<Vec<u8>> {
    register();
    let kinds: Vec<OpenKind> = OpenKind::ALL
        .iter()
        .copied()
        .filter(|k| fetches.iter().any(|(_, f)| f == k))
        .collect();
    let height = tracker_chart_height(kinds.len());
    let (first, last) = fetches
        .iter()
        .fold(
            None,
            |span: Option<(DateTime<Utc>, DateTime<Utc>)>, (at, _)| {
                Some(span.map_or((*at, *at), |(lo, hi)| (lo.min(*at), hi.max(*at))))
            },
        )
        .unwrap_or((Utc::now(), Utc::now()));
    let span = (last - first).num_seconds().max(3600) as f64;
    let (x0, x1) = (
        first.timestamp() as f64 - span * 0.04,
        first.timestamp() as f64 + span * 1.04,
    );
    let mut buf = vec![0u8; (WIDTH * height * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE)?;
        let prefix = format!("#{number} ");
        let title_font = font(22);
        let room = (WIDTH - 40).saturating_sub(text_width(&prefix, &title_font));
        let title = format!("{prefix}{}", fit(label, &title_font, room));
        let root = root.titled(&title, title_font)?;
        let (plot, foot) = root.split_vertically(height - 90);
        let rows = kinds.len() as i32;
        let mut chart = ChartBuilder::on(&plot)
            .margin_left(10)
            .margin_right(30)
            .margin_top(10)
            .x_label_area_size(30)
            .y_label_area_size(130)
            .build_cartesian_2d(x0..x1, -1i32..rows)?;
        let days_only = span > 3.0 * 86_400.0;
        let time_label = |x: &f64| {
            DateTime::<Utc>::from_timestamp(*x as i64, 0)
                .map(|t| {
                    let local = t.with_timezone(&tz).naive_local();
                    if days_only {
                        words.day(local.date())
                    } else {
                        words.day_time(local)
                    }
                })
                .unwrap_or_default()
        };
        let row_label = |y: &i32| {
            usize::try_from(*y)
                .ok()
                .and_then(|i| kinds.get(i))
                .map(|k| words.kind(*k))
                .unwrap_or_default()
        };
        chart
            .configure_mesh()
            .x_labels(6)
            .x_label_formatter(&time_label)
            .y_labels(kinds.len() + 2)
            .y_label_formatter(&row_label)
            .label_style(font(13))
            .draw()?;
        let dots = fetches.iter().filter_map(|(at, kind)| {
            let row = kinds.iter().position(|k| k == kind)? as i32;
            let style = if kind.counts_as_read() {
                colour(*kind).filled()
            } else {
                colour(*kind).stroke_width(2)
            };
            Some(Circle::new((at.timestamp() as f64, row), 5, style))
        });
        chart.draw_series(dots)?;
        let reads = fetches.iter().filter(|(_, k)| k.counts_as_read()).count();
        let note = words.tracker_caption(fetches.len(), reads, tz.name());
        foot.draw(&Text::new(note, (20, 40), font(15)))?;
        root.present()?;
    }
    encode(&buf, WIDTH, height)
}

fn encode(rgb: &[u8], width: u32, height: u32) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(64 * 1024);
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(rgb)?;
    writer.finish()?;
    Ok(out)
}

fn text_width(text: &str, font: &FontDesc<'_>) -> u32 {
    font.box_size(text).map_or(0, |(w, _)| w)
}

/// The user's text as it can be drawn within `max_px`: control characters become spaces,
/// right-to-left runs are put in display order (plotters draws characters as given), and
/// what does not fit is cut with an ellipsis.
pub fn fit(text: &str, font: &FontDesc<'_>, max_px: u32) -> String {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let chars: Vec<char> = clean.chars().collect();
    let fits = |n: usize| {
        let mut s: String = chars[..n].iter().collect();
        if n < chars.len() {
            s.push('…');
        }
        (text_width(&s, font) <= max_px).then_some(s)
    };
    if let Some(whole) = fits(chars.len()) {
        return visual_order(&whole);
    }
    // The widest prefix that fits, by bisection: labels are at most a few hundred characters.
    let (mut lo, mut hi) = (0, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(mid).is_some() {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    visual_order(&fits(lo).unwrap_or_else(|| "…".to_owned()))
}

/// Reorders a line for left-to-right drawing with the Unicode bidirectional algorithm.
fn visual_order(line: &str) -> String {
    let bidi = unicode_bidi::BidiInfo::new(line, None);
    if !bidi.has_rtl() {
        return line.to_owned();
    }
    bidi.paragraphs
        .iter()
        .map(|p| bidi.reorder_line(p, p.range.clone()).into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(png_bytes: &[u8]) -> (u32, u32, Vec<u8>) {
        let decoder = png::Decoder::new(png_bytes);
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buf).unwrap();
        buf.truncate(info.buffer_size());
        (info.width, info.height, buf)
    }

    fn coloured_pixels(rgb: &[u8], colour: RGBColor) -> usize {
        rgb.chunks(3)
            .filter(|p| p[0] == colour.0 && p[1] == colour.1 && p[2] == colour.2)
            .count()
    }

    #[test]
    fn account_chart_draws_each_kind_in_its_colour() {
        let days: Vec<NaiveDate> = (1..=30)
            .map(|d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap())
            .collect();
        let counts = vec![
            DayCount {
                day: days[3],
                kind: OpenKind::GmailProxy,
                count: 4,
            },
            DayCount {
                day: days[3],
                kind: OpenKind::Direct,
                count: 2,
            },
            DayCount {
                day: days[10],
                kind: OpenKind::AppleMpp,
                count: 3,
            },
        ];
        let png_bytes = account_chart(&English, &days, &counts, "Europe/Berlin").unwrap();
        let (w, h, rgb) = decode(&png_bytes);
        assert_eq!((w, h), (WIDTH, ACCOUNT_HEIGHT));
        for kind in [OpenKind::GmailProxy, OpenKind::Direct, OpenKind::AppleMpp] {
            assert!(coloured_pixels(&rgb, colour(kind)) > 100, "{kind:?}");
        }
        assert_eq!(coloured_pixels(&rgb, colour(OpenKind::YahooProxy)), 0);
    }

    #[test]
    fn tracker_chart_grows_with_the_kinds_it_shows() {
        let t = |m: i64| DateTime::<Utc>::from_timestamp(1_790_000_000 + m * 60, 0).unwrap();
        let one = tracker_chart(
            &English,
            3,
            "Proposal",
            &[(t(0), OpenKind::Direct)],
            chrono_tz::UTC,
        );
        let three = tracker_chart(
            &English,
            3,
            "Proposal",
            &[
                (t(0), OpenKind::AppleMpp),
                (t(5), OpenKind::Scanner),
                (t(90), OpenKind::Direct),
            ],
            chrono_tz::Europe::Berlin,
        );
        let (w1, h1, rgb) = decode(&one.unwrap());
        let (w3, h3, _) = decode(&three.unwrap());
        assert_eq!((w1, w3), (WIDTH, WIDTH));
        assert!(h3 > h1);
        assert!(coloured_pixels(&rgb, colour(OpenKind::Direct)) > 20);
    }

    #[test]
    fn long_labels_are_cut_to_fit_with_an_ellipsis() {
        register();
        let f = font(22);
        let long = "📈 Предложение ACME שלום עולם ".repeat(10);
        let cut = fit(&long, &f, 400);
        assert!(cut.contains('…'), "{cut}");
        assert!(text_width(&cut, &f) <= 400);
        assert_eq!(fit("Short", &f, 400), "Short");
        assert_eq!(fit("a\nb", &f, 400), "a b");
        // Hebrew is drawn in display order.
        assert_eq!(fit("שלום", &f, 400), "םולש");
    }
}
