//! PNG charts for `/stats`, drawn with plotters on an in-memory bitmap. Their text is shaped
//! by cosmic-text in fonts embedded in the binary (DejaVu Sans, Noto Sans Arabic, Noto Color
//! Emoji; licences and sources in `shared/fonts/`, see `docs/charts.md`), so Arabic is joined
//! and right to left, an emoji is drawn, and a server without fonts renders exactly what a
//! developer sees. No I/O here: words and data in, PNG bytes out.

mod text;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use unicode_segmentation::UnicodeSegmentation;

use crate::domain::OpenKind;
use crate::models::stats::DayCount;
use text::Canvas;

/// Width of every chart, in pixels.
pub const WIDTH: u32 = 1000;
/// Height of the account chart.
pub const ACCOUNT_HEIGHT: u32 = 620;

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

type Area<'a> = DrawingArea<Canvas<'a>, Shift>;

/// A text style of this size (the height from ascender to descender, in pixels). The family
/// is only a name for plotters: [`Canvas`] picks the fonts.
fn font(size: u32) -> TextStyle<'static> {
    TextStyle::from(("sans-serif", f64::from(size)).into_font())
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
        let root = Canvas::with_buffer(&mut buf, (WIDTH, ACCOUNT_HEIGHT)).into_drawing_area();
        root.fill(&WHITE)?;
        let rtl = words.right_to_left();
        let root = titled(&root, &words.account_title(days.len(), timezone), 22, rtl)?;
        let (top, bottom) = root.split_vertically(ACCOUNT_HEIGHT * 58 / 100);
        let panel = Panel {
            words,
            days,
            grid: &grid,
            series: &series,
        };
        panel.draw(&top, &words.reads_per_day(), |s| s.is_read())?;
        panel.draw(&bottom, &words.not_counted(), |s| !s.is_read())?;
        root.present()?;
    }
    encode(&buf, WIDTH, ACCOUNT_HEIGHT)
}

/// Draws `title` at the top of `area` and returns the rest: centred, or from the right edge
/// for a right-to-left language.
fn titled<'a>(area: &Area<'a>, title: &str, size: u32, rtl: bool) -> Result<Area<'a>> {
    let (width, full_height) = area.dim_in_pixel();
    let style = font(size);
    let (_, height) = area.estimate_text_size(title, &style)?;
    let pad = (height / 2).min(5) as i32;
    let (x, h_pos) = if rtl {
        (width as i32 - 20, HPos::Right)
    } else {
        (width as i32 / 2, HPos::Center)
    };
    area.draw(&Text::new(
        title,
        (x, pad),
        style.pos(Pos::new(h_pos, VPos::Top)),
    ))?;
    let used = height + pad as u32 * 2;
    Ok(area
        .clone()
        .shrink((0, used), (width, full_height.saturating_sub(used))))
}

/// One panel of the account chart: some of the series, stacked per day.
struct Panel<'a> {
    words: &'a dyn ChartWords,
    days: &'a [NaiveDate],
    grid: &'a [Vec<u32>],
    series: &'a [Series],
}

impl Panel<'_> {
    fn draw(&self, area: &Area<'_>, caption: &str, shown: impl Fn(Series) -> bool) -> Result<()> {
        let (days, grid, series) = (self.days, self.grid, self.series);
        let rtl = self.words.right_to_left();
        let shown: Vec<usize> = (0..series.len()).filter(|i| shown(series[*i])).collect();
        let highest = grid
            .iter()
            .map(|day| shown.iter().map(|i| day[*i]).sum::<u32>())
            .max()
            .unwrap_or(0);
        let top = highest + highest.div_ceil(8).max(1);
        let area = titled(&area.margin(6, 0, 0, 0), caption, 15, rtl)?;
        // The value axis sits on the side a reader starts from; days run left to right in
        // every language, as dates and digits do in Arabic and Persian charts.
        let (value_axis, left, right) = if rtl {
            (LabelAreaPosition::Right, 20, 10)
        } else {
            (LabelAreaPosition::Left, 10, 20)
        };
        let mut chart = ChartBuilder::on(&area)
            .margin_left(left)
            .margin_right(right)
            .x_label_area_size(26)
            .set_label_area_size(value_axis, 50)
            .build_cartesian_2d(-0.5f64..days.len() as f64 - 0.5, 0u32..top)?;
        let day_label = |x: &f64| {
            let i = x.round();
            if i < 0.0 || (i - x).abs() > 0.01 {
                return String::new();
            }
            days.get(i as usize)
                .map(|d| self.words.day(*d))
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
        let mut legend = Vec::new();
        for i in shown {
            if grid.iter().all(|day| day[i] == 0) {
                continue;
            }
            let colour = series[i].colour();
            let bars = grid
                .iter()
                .enumerate()
                .filter(|(_, day)| day[i] > 0)
                .map(|(d, day)| {
                    let x = d as f64;
                    let y0 = base[d];
                    Rectangle::new([(x - 0.38, y0), (x + 0.38, y0 + day[i])], colour.filled())
                });
            chart.draw_series(bars)?;
            for (d, day) in grid.iter().enumerate() {
                base[d] += day[i];
            }
            legend.push((series[i].name(self.words), colour));
        }
        draw_legend(&chart.plotting_area().strip_coord_spec(), &legend, rtl)
    }
}

/// The series' names with their colours, in a box in the plot's upper corner on the reader's
/// starting side (plotters' own legend measures text without shaping and draws its markers
/// on the left only).
fn draw_legend(plot: &Area<'_>, entries: &[(String, RGBColor)], rtl: bool) -> Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    const MARGIN: i32 = 5;
    const MARKER: i32 = 12;
    const GAP: i32 = 8;
    let style = font(13);
    let row = 17;
    let text_width = entries
        .iter()
        .map(|(name, _)| plot.estimate_text_size(name, &style).map(|(w, _)| w as i32))
        .try_fold(0, |widest, w| w.map(|w| widest.max(w)))?;
    let (plot_width, _) = plot.dim_in_pixel();
    let (w, h) = (
        MARGIN * 2 + MARKER + GAP + text_width,
        MARGIN * 2 + row * entries.len() as i32,
    );
    let x0 = if rtl { plot_width as i32 - 5 - w } else { 5 };
    let y0 = 5;
    plot.draw(&Rectangle::new(
        [(x0, y0), (x0 + w, y0 + h)],
        WHITE.mix(0.85).filled(),
    ))?;
    plot.draw(&Rectangle::new(
        [(x0, y0), (x0 + w, y0 + h)],
        BLACK.mix(0.3),
    ))?;
    for (n, (name, colour)) in entries.iter().enumerate() {
        let middle = y0 + MARGIN + row * n as i32 + row / 2;
        let (marker_x, text_x, h_pos) = if rtl {
            (
                x0 + w - MARGIN - MARKER,
                x0 + w - MARGIN - MARKER - GAP,
                HPos::Right,
            )
        } else {
            (x0 + MARGIN, x0 + MARGIN + MARKER + GAP, HPos::Left)
        };
        plot.draw(&Rectangle::new(
            [(marker_x, middle - 6), (marker_x + MARKER, middle + 6)],
            colour.filled(),
        ))?;
        plot.draw(&Text::new(
            name.as_str(),
            (text_x, middle),
            style.pos(Pos::new(h_pos, VPos::Center)),
        ))?;
    }
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
    let rtl = words.right_to_left();
    let mut buf = vec![0u8; (WIDTH * height * 3) as usize];
    {
        let root = Canvas::with_buffer(&mut buf, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE)?;
        let prefix = format!("#{number} ");
        let room = (WIDTH - 40).saturating_sub(text_width(&prefix, 22));
        let title = format!("{prefix}{}", fit(label, 22, room));
        let root = titled(&root, &title, 22, rtl)?;
        let (plot, foot) = root.split_vertically(height - 90);
        let rows = kinds.len() as i32;
        // The kinds' names sit on the reader's starting side; time runs left to right.
        let (kind_axis, left, right) = if rtl {
            (LabelAreaPosition::Right, 30, 10)
        } else {
            (LabelAreaPosition::Left, 10, 30)
        };
        let mut chart = ChartBuilder::on(&plot)
            .margin_left(left)
            .margin_right(right)
            .margin_top(10)
            .x_label_area_size(30)
            .set_label_area_size(kind_axis, 130)
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
        let (x, h_pos) = if rtl {
            (WIDTH as i32 - 20, HPos::Right)
        } else {
            (20, HPos::Left)
        };
        foot.draw(&Text::new(
            note,
            (x, 40),
            font(15).pos(Pos::new(h_pos, VPos::Top)),
        ))?;
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

/// The width of the text in pixels as a chart draws it at this size: shaped, so with Arabic
/// letters joined, ligatures and emoji as they are drawn.
fn text_width(text: &str, size: u32) -> u32 {
    text::size_of(text, f64::from(size)).0
}

/// The user's text as it can be drawn within `max_px` at this size: control characters become
/// spaces, and what does not fit is cut, between graphemes (an emoji sequence or a letter with
/// its marks stays whole), and ends with an ellipsis. Stays in logical order: the shaper puts
/// right-to-left text in display order when it is drawn.
pub fn fit(text: &str, size: u32, max_px: u32) -> String {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text_width(&clean, size) <= max_px {
        return clean;
    }
    let ends: Vec<usize> = clean.grapheme_indices(true).map(|(i, _)| i).collect();
    let cut = |n: usize| format!("{}…", clean[..ends[n]].trim_end());
    // The most graphemes that fit before the ellipsis, by bisection: labels are at most a few
    // hundred characters, and each try is one shaping.
    let (mut lo, mut hi) = (0, ends.len() - 1);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if text_width(&cut(mid), size) <= max_px {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    cut(lo)
}

#[cfg(test)]
mod tests;
