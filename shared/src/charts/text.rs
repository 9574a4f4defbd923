//! The charts' text: shaped with cosmic-text (HarfRust shaping, the Unicode bidirectional
//! algorithm, font fallback) in fonts embedded in the binary, rasterised with swash (colour
//! bitmaps for emoji) and blended onto the plotters bitmap. plotters itself draws characters one
//! by one in one font, so it could neither join Arabic letters nor put right-to-left text in
//! order nor draw an emoji; every string a chart shows goes through [`Canvas`] instead.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, MutexGuard};

use cosmic_text::{
    Attrs, Buffer, CacheKey, Family, FontSystem, Metrics, Shaping, SwashCache, SwashContent, fontdb,
};
use plotters::backend::BitMapBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

/// Latin, Greek, Cyrillic, Hebrew and most symbols.
pub(super) const SANS: &str = "DejaVu Sans";
/// Arabic and Persian, with their joining forms.
pub(super) const ARABIC: &str = "Noto Sans Arabic";
/// Emoji, as colour bitmaps.
#[cfg(test)]
pub(super) const EMOJI: &str = "Noto Color Emoji";

static FONT_FILES: [&[u8]; 3] = [
    include_bytes!("../../fonts/DejaVuSans.ttf"),
    include_bytes!("../../fonts/NotoSansArabic-Regular.ttf"),
    include_bytes!("../../fonts/NotoColorEmoji.ttf"),
];

/// A plotters font size is the height from DejaVu Sans's ascender to its descender, in pixels
/// (what plotters' own text drawing used); cosmic-text wants the em size.
const EM_PER_SIZE: f32 = 2048.0 / (1901.0 + 483.0);
/// Where the baseline sits in that height.
const ASCENT_PER_SIZE: f32 = 1901.0 / (1901.0 + 483.0);

/// Lines shaped recently, by text and size: a chart's axis labels and titles repeat from one
/// chart to the next. Cleared when full; a few hundred short strings.
const SHAPED_LINES_KEPT: usize = 512;

/// One shaped line, glyphs in visual order, x from its left edge and y from its baseline.
#[derive(Debug)]
pub(super) struct Line {
    pub(super) width: f32,
    pub(super) glyphs: Vec<Glyph>,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Glyph {
    key: CacheKey,
    x: i32,
    y: i32,
    /// The byte where the glyph's text starts.
    #[cfg(test)]
    pub(super) start: usize,
    /// Whether the glyph belongs to a right-to-left run.
    #[cfg(test)]
    pub(super) rtl: bool,
}

#[cfg(test)]
impl Glyph {
    pub(super) fn id(&self) -> u16 {
        self.key.glyph_id
    }

    pub(super) fn x(&self) -> i32 {
        self.x
    }
}

/// The fonts and the caches of shaped lines and rasterised glyphs, shared by every chart.
struct Fonts {
    system: FontSystem,
    glyphs: SwashCache,
    lines: HashMap<(String, u32), Arc<Line>>,
}

/// One for the process, built on first use (parsing the embedded fonts' tables takes well under
/// a millisecond; the caches are what is worth keeping). Held only while one string is shaped
/// or drawn.
static FONTS: LazyLock<Mutex<Fonts>> = LazyLock::new(|| Mutex::new(Fonts::new()));

fn fonts() -> MutexGuard<'static, Fonts> {
    // The caches stay consistent even if a panic interrupted a holder: at worst an entry is
    // missing and is made again.
    FONTS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Fonts {
    fn new() -> Fonts {
        // Only the embedded fonts: what the host has installed never changes a chart.
        let mut db = fontdb::Database::new();
        for file in FONT_FILES {
            db.load_font_source(fontdb::Source::Binary(Arc::new(file)));
        }
        db.set_sans_serif_family(SANS);
        Fonts {
            system: FontSystem::new_with_locale_and_db("en-US".to_owned(), db),
            glyphs: SwashCache::new(),
            lines: HashMap::new(),
        }
    }

    fn line(&mut self, text: &str, size: f64) -> Arc<Line> {
        let key = (text.to_owned(), (size as f32).to_bits());
        if let Some(line) = self.lines.get(&key) {
            return Arc::clone(line);
        }
        if self.lines.len() >= SHAPED_LINES_KEPT {
            self.lines.clear();
        }
        let line = Arc::new(self.shape(text, size as f32));
        self.lines.insert(key, Arc::clone(&line));
        line
    }

    fn shape(&mut self, text: &str, size: f32) -> Line {
        let em = size * EM_PER_SIZE;
        // Fallback goes word by word from the first family: Arabic text starts from the Arabic
        // font, or DejaVu Sans (which has some Arabic letters of its own) would draw it.
        let family = if text.chars().any(is_arabic) {
            ARABIC
        } else {
            SANS
        };
        let mut buffer = Buffer::new_empty(Metrics::new(em, size.max(1.0)));
        buffer.set_size(None, None);
        buffer.set_text(
            text,
            &Attrs::new().family(Family::Name(family)),
            Shaping::Advanced,
            None,
        );
        buffer.shape_until_scroll(&mut self.system, false);
        let mut glyphs = Vec::new();
        let mut width = 0f32;
        for run in buffer.layout_runs() {
            width = width.max(run.line_w);
            glyphs.extend(run.glyphs.iter().map(|g| {
                let physical = g.physical((0.0, 0.0), 1.0);
                Glyph {
                    key: physical.cache_key,
                    x: physical.x,
                    y: physical.y,
                    #[cfg(test)]
                    start: g.start,
                    #[cfg(test)]
                    rtl: g.level.is_rtl(),
                }
            }));
        }
        // Right-to-left lines may be laid out from a right edge; start every line at 0.
        if let Some(left) = glyphs.iter().map(|g| g.x).min().filter(|left| *left != 0) {
            for g in &mut glyphs {
                g.x -= left;
            }
        }
        Line { width, glyphs }
    }

    /// The family of the font a glyph was taken from.
    #[cfg(test)]
    fn family(&self, glyph: &Glyph) -> String {
        self.system
            .db()
            .face(glyph.key.font_id)
            .and_then(|face| face.families.first().map(|(name, _)| name.clone()))
            .unwrap_or_default()
    }
}

fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// The line as it will be drawn at this plotters font size.
pub(super) fn shape(text: &str, size: f64) -> Arc<Line> {
    fonts().line(text, size)
}

/// The font family each glyph of the line was taken from, in visual order.
#[cfg(test)]
pub(super) fn families(line: &Line) -> Vec<String> {
    let fonts = fonts();
    line.glyphs.iter().map(|g| fonts.family(g)).collect()
}

/// Width and height of the text in pixels, as [`Canvas`] draws it.
pub(super) fn size_of(text: &str, size: f64) -> (u32, u32) {
    let line = shape(text, size);
    (line.width.ceil() as u32, size.round() as u32)
}

/// A plotters bitmap whose text is shaped; everything else is drawn by the bitmap as before.
pub(super) struct Canvas<'a> {
    bitmap: BitMapBackend<'a>,
}

impl<'a> Canvas<'a> {
    /// Draws on an RGB buffer of `size`.
    pub(super) fn with_buffer(buf: &'a mut [u8], size: (u32, u32)) -> Canvas<'a> {
        Canvas {
            bitmap: BitMapBackend::with_buffer(buf, size),
        }
    }
}

type BitmapError = <BitMapBackend<'static> as DrawingBackend>::ErrorType;

impl DrawingBackend for Canvas<'_> {
    type ErrorType = BitmapError;

    fn get_size(&self) -> (u32, u32) {
        self.bitmap.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<BitmapError>> {
        self.bitmap.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<BitmapError>> {
        self.bitmap.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<BitmapError>> {
        self.bitmap.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<BitmapError>> {
        self.bitmap.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<BitmapError>> {
        self.bitmap.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        (iw, ih): (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<BitmapError>> {
        self.bitmap.blit_bitmap(pos, (iw, ih), src)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<BitmapError>> {
        Ok(size_of(text, style.size()))
    }

    /// Draws the shaped line with its box anchored at `pos` as the style says (plotters' own
    /// text drawing anchors the same way). Rotation is not supported: no chart rotates text.
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<BitmapError>> {
        let colour = style.color();
        if colour.alpha == 0.0 || text.is_empty() {
            return Ok(());
        }
        let size = style.size();
        let line = shape(text, size);
        let (width, height) = (line.width.round() as i32, size.round() as i32);
        let Pos { h_pos, v_pos } = style.anchor();
        let left = pos.0
            - match h_pos {
                HPos::Left => 0,
                HPos::Center => width / 2,
                HPos::Right => width,
            };
        let top = pos.1
            - match v_pos {
                VPos::Top => 0,
                VPos::Center => height / 2,
                VPos::Bottom => height,
            };
        let baseline = top + (size as f32 * ASCENT_PER_SIZE).round() as i32;
        let mut fonts = fonts();
        let Fonts {
            system,
            glyphs: cache,
            ..
        } = &mut *fonts;
        for glyph in &line.glyphs {
            let Some(image) = cache.get_image(system, glyph.key) else {
                continue;
            };
            let x0 = left + glyph.x + image.placement.left;
            let y0 = baseline + glyph.y - image.placement.top;
            let w = image.placement.width as usize;
            for (i, px) in image
                .data
                .chunks_exact(image_channels(image.content))
                .enumerate()
            {
                let (alpha, rgb) = match image.content {
                    SwashContent::Color => (px[3], (px[0], px[1], px[2])),
                    _ => (px[0], colour.rgb),
                };
                if alpha == 0 {
                    continue;
                }
                let at = (x0 + (i % w) as i32, y0 + (i / w) as i32);
                self.bitmap.draw_pixel(
                    at,
                    BackendColor {
                        alpha: colour.alpha * f64::from(alpha) / 255.0,
                        rgb,
                    },
                )?;
            }
        }
        Ok(())
    }
}

fn image_channels(content: SwashContent) -> usize {
    match content {
        SwashContent::Mask => 1,
        SwashContent::Color => 4,
        SwashContent::SubpixelMask => 4,
    }
}
