//! The charts' tests: shaping, direction, emoji, colours and cutting labels to fit, each
//! with words of a test-only language.

use super::*;

/// Words of a right-to-left language, written as its readers would say them.
struct Rtl {
    kinds: [&'static str; 9],
    other_reads: &'static str,
    title: fn(usize, &str) -> String,
    reads_per_day: &'static str,
    not_counted: &'static str,
    caption: fn(usize, usize, &str) -> String,
    months: [&'static str; 12],
}

/// Fluent wraps every inserted value in direction isolates; so do these words.
fn isolate(value: &str) -> String {
    format!("\u{2068}{value}\u{2069}")
}

const ARABIC: Rtl = Rtl {
    kinds: [
        "فتح مباشر",
        "وكيل Gmail",
        "وكيل Yahoo",
        "جلب مسبق من Apple",
        "معاينة رابط",
        "ماسح أو روبوت",
        "عميل غير معروف",
        "مشاهدتك أنت",
        "تكرار",
    ],
    other_reads: "قراءات أخرى",
    title: |days, tz| format!("آخر {days} يومًا، بتوقيت {}", isolate(tz)),
    reads_per_day: "القراءات في اليوم",
    not_counted: "لا تُحتسب قراءات: الجلب المسبق من Apple، والروبوتات، ومشاهداتك، والتكرارات",
    caption: |fetches, reads, tz| {
        format!(
            "{fetches} عملية جلب، منها {reads} محتسبة قراءات (النقاط الممتلئة). الأوقات بتوقيت {}.",
            isolate(tz)
        )
    },
    months: [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
};

const PERSIAN: Rtl = Rtl {
    kinds: [
        "باز کردن مستقیم",
        "پراکسی Gmail",
        "پراکسی Yahoo",
        "پیش‌بارگیری Apple",
        "پیش‌نمایش پیوند",
        "اسکنر یا ربات",
        "برنامهٔ ناشناخته",
        "بازدید خودتان",
        "تکراری",
    ],
    other_reads: "خواندن‌های دیگر",
    title: |days, tz| format!("{days} روز گذشته، به وقت {}", isolate(tz)),
    reads_per_day: "خواندن‌ها در هر روز",
    not_counted: "خواندن حساب نمی‌شوند: پیش‌بارگیری‌های Apple، ربات‌ها، بازدیدهای خودتان، تکرارها",
    caption: |fetches, reads, tz| {
        format!(
            "{fetches} بار دریافت، {reads} مورد خواندن حساب شد (نقطه‌های توپر). زمان‌ها به وقت {}.",
            isolate(tz)
        )
    },
    months: [
        "ژانویه",
        "فوریه",
        "مارس",
        "آوریل",
        "مه",
        "ژوئن",
        "ژوئیه",
        "اوت",
        "سپتامبر",
        "اکتبر",
        "نوامبر",
        "دسامبر",
    ],
};

impl ChartWords for Rtl {
    fn kind(&self, kind: OpenKind) -> String {
        let i = OpenKind::ALL.iter().position(|k| *k == kind).unwrap();
        self.kinds[i].to_owned()
    }
    fn other_reads(&self) -> String {
        self.other_reads.to_owned()
    }
    fn account_title(&self, days: usize, timezone: &str) -> String {
        (self.title)(days, timezone)
    }
    fn reads_per_day(&self) -> String {
        self.reads_per_day.to_owned()
    }
    fn not_counted(&self) -> String {
        self.not_counted.to_owned()
    }
    fn tracker_caption(&self, fetches: usize, reads: usize, timezone: &str) -> String {
        (self.caption)(fetches, reads, timezone)
    }
    fn day(&self, day: NaiveDate) -> String {
        use chrono::Datelike;
        format!("{} {}", day.day(), self.months[day.month0() as usize])
    }
    fn day_time(&self, at: chrono::NaiveDateTime) -> String {
        format!("{} {}", self.day(at.date()), at.format("%H:%M"))
    }
    fn right_to_left(&self) -> bool {
        true
    }
}

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

/// Where dark (text) pixels are in rows `rows` of the picture: the leftmost and rightmost x.
fn ink(rgb: &[u8], rows: std::ops::Range<u32>) -> Option<(u32, u32)> {
    let mut span: Option<(u32, u32)> = None;
    for y in rows {
        for x in 0..WIDTH {
            let i = ((y * WIDTH + x) * 3) as usize;
            if rgb[i..i + 3].iter().all(|c| *c < 110) {
                span = Some(span.map_or((x, x), |(lo, hi)| (lo.min(x), hi.max(x))));
            }
        }
    }
    span
}

/// Pixels in rows `rows` that are clearly coloured (not black, grey or white): only an emoji
/// or a series is drawn in colour.
fn colourful_pixels(rgb: &[u8], rows: std::ops::Range<u32>) -> usize {
    rows.flat_map(|y| (0..WIDTH).map(move |x| ((y * WIDTH + x) * 3) as usize))
        .filter(|i| {
            let p = &rgb[*i..*i + 3];
            p.iter().max().unwrap() - p.iter().min().unwrap() > 60
        })
        .count()
}

fn month() -> Vec<NaiveDate> {
    (1..=30)
        .map(|d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap())
        .collect()
}

/// Some of every kind on a few days.
fn every_kind(days: &[NaiveDate]) -> Vec<DayCount> {
    OpenKind::ALL
        .iter()
        .enumerate()
        .flat_map(|(i, kind)| {
            [3, 10, 20].map(|d| DayCount {
                day: days[d + i],
                kind: *kind,
                count: 2 + i as i64,
            })
        })
        .collect()
}

fn fetches_of_every_kind() -> Vec<(DateTime<Utc>, OpenKind)> {
    let t = |m: i64| DateTime::<Utc>::from_timestamp(1_790_000_000 + m * 60, 0).unwrap();
    OpenKind::ALL
        .iter()
        .enumerate()
        .flat_map(|(i, kind)| [(t(i as i64 * 7), *kind), (t(i as i64 * 11 + 200), *kind)])
        .collect()
}

/// Saves a picture under `target/charts/` for people to look at.
fn save(name: &str, png_bytes: &[u8]) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../target/charts");
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(format!("{dir}/{name}"), png_bytes).unwrap();
}

#[test]
fn account_chart_draws_each_kind_in_its_colour() {
    let days = month();
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
fn every_kind_keeps_its_colour_in_every_direction() {
    let days = month();
    let counts = every_kind(&days);
    for words in [&English as &dyn ChartWords, &ARABIC] {
        let (_, _, rgb) = decode(&account_chart(words, &days, &counts, "UTC").unwrap());
        let (_, _, dots) = decode(
            &tracker_chart(words, 7, "Offer", &fetches_of_every_kind(), chrono_tz::UTC).unwrap(),
        );
        for kind in OpenKind::ALL {
            assert!(
                coloured_pixels(&rgb, colour(*kind)) > 20,
                "{kind:?} in bars"
            );
            assert!(
                coloured_pixels(&dots, colour(*kind)) > 5,
                "{kind:?} in dots"
            );
        }
    }
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

/// The glyph ids of the text as drawn, left to right.
fn glyph_ids(text: &str) -> Vec<u16> {
    text::shape(text, 22.0)
        .glyphs
        .iter()
        .map(|g| g.id())
        .collect()
}

#[test]
fn arabic_letters_are_joined_by_the_arabic_font() {
    for word in ["سلام", "بيت", "گزارش"] {
        let line = text::shape(word, 22.0);
        assert!(
            text::families(&line).iter().all(|f| f == text::ARABIC),
            "{word}: {:?}",
            text::families(&line)
        );
        // Each letter alone is in its isolated form; within the word, joined letters take
        // their initial, medial or final forms (or a ligature, as lam-alef), other glyphs.
        let mut isolated: Vec<u16> = word
            .chars()
            .flat_map(|c| glyph_ids(&c.to_string()))
            .collect();
        isolated.reverse(); // drawn right to left
        let joined = glyph_ids(word);
        assert!(!joined.contains(&0), "{word}: a missing glyph");
        assert_ne!(joined, isolated, "{word} is drawn unjoined");
    }
}

#[test]
fn right_to_left_text_is_in_display_order_with_its_latin_parts() {
    let text = "آخر 30 يومًا، بتوقيت \u{2068}Europe/Berlin\u{2069}";
    let line = text::shape(text, 22.0);
    assert!(!line.glyphs.iter().any(|g| g.id() == 0), "a missing glyph");
    let x_of = |byte: usize| {
        line.glyphs
            .iter()
            .find(|g| g.start == byte)
            .unwrap_or_else(|| panic!("no glyph at byte {byte}"))
            .x()
    };
    let first_word = x_of(0);
    let europe = x_of(text.find("Europe").unwrap());
    let berlin = x_of(text.find("Berlin").unwrap());
    let thirty = x_of(text.find("30").unwrap());
    // The first Arabic word is at the right end, the timezone (read left to right) at the
    // left end, and the number between them.
    assert!(
        line.glyphs.iter().all(|g| g.x() <= first_word),
        "{first_word}"
    );
    assert!(europe < berlin, "Europe/Berlin reads left to right");
    assert!(
        line.glyphs
            .iter()
            .all(|g| g.x() >= europe || g.start > 0 && g.rtl)
    );
    assert!(berlin < thirty && thirty < first_word);
}

#[test]
fn an_emoji_is_drawn_from_the_emoji_font() {
    let line = text::shape("📈 Q3 👩‍💻", 22.0);
    let families = text::families(&line);
    let emoji: Vec<u16> = line
        .glyphs
        .iter()
        .zip(&families)
        .filter(|(_, f)| *f == text::EMOJI)
        .map(|(g, _)| g.id())
        .collect();
    // One glyph each: the ZWJ sequence is one picture, not a woman and a computer.
    assert_eq!(emoji.len(), 2, "{families:?}");
    assert!(!emoji.contains(&0), "an emoji is a missing glyph");
}

#[test]
fn an_emoji_in_a_label_is_drawn_in_colour() {
    let fetches = fetches_of_every_kind();
    let plain = tracker_chart(&English, 5, "Proposal", &fetches, chrono_tz::UTC).unwrap();
    let emoji = tracker_chart(&English, 5, "📈 Proposal 🚀", &fetches, chrono_tz::UTC).unwrap();
    save("tracker-emoji.png", &emoji);
    let title = 0..34;
    assert_eq!(colourful_pixels(&decode(&plain).2, title.clone()), 0);
    assert!(colourful_pixels(&decode(&emoji).2, title) > 100);
}

#[test]
fn right_to_left_titles_and_captions_align_right() {
    let days = month();
    let counts = every_kind(&days);
    let (_, _, english) = decode(&account_chart(&English, &days, &counts, "UTC").unwrap());
    let (lo, hi) = ink(&english, 0..30).unwrap();
    assert!(
        lo < WIDTH / 2 && hi > WIDTH / 2,
        "English is centred: {lo}..{hi}"
    );
    for (name, words) in [("arabic", &ARABIC), ("persian", &PERSIAN)] {
        let png_bytes = account_chart(words, &days, &counts, "Asia/Tehran").unwrap();
        save(&format!("account-{name}.png"), &png_bytes);
        let (_, _, rgb) = decode(&png_bytes);
        let (lo, hi) = ink(&rgb, 0..30).unwrap();
        assert!(
            lo > WIDTH / 2 && hi > WIDTH - 40,
            "{name} title at {lo}..{hi}"
        );
        // The top panel's caption too.
        let (lo, hi) = ink(&rgb, 40..56).unwrap();
        assert!(
            lo > WIDTH / 2 && hi > WIDTH - 40,
            "{name} caption at {lo}..{hi}"
        );

        let png_bytes = tracker_chart(
            words,
            12,
            "عرض ACME 📈",
            &fetches_of_every_kind(),
            chrono_tz::Asia::Tehran,
        )
        .unwrap();
        save(&format!("tracker-{name}.png"), &png_bytes);
        let (_, h, rgb) = decode(&png_bytes);
        let (lo, hi) = ink(&rgb, h - 20..h).unwrap();
        assert!(lo > 100 && hi > WIDTH - 40, "{name} footnote at {lo}..{hi}");
    }
}

#[test]
fn long_labels_are_cut_to_fit_with_an_ellipsis() {
    for (script, text) in [
        ("latin", "Quarterly newsletter for every subscriber "),
        ("cyrillic", "Предложение для ACME на следующий квартал "),
        ("hebrew", "שלום עולם הצעת מחיר "),
        ("arabic", "عرض الأسعار لشركة ACME للربع القادم "),
        ("emoji", "📈👩‍💻🚀 "),
        // A keycap's digit alone is narrower than the keycap: a cut between characters
        // would keep the digit and drop the rest of its sequence.
        ("keycaps", "1️⃣2️⃣3️⃣#️⃣🇩🇪 "),
    ] {
        let long = text.repeat(12);
        for max in [40, 200, 400] {
            let cut = fit(&long, 22, max);
            assert!(cut.ends_with('…'), "{script}: {cut}");
            assert!(text_width(&cut, 22) <= max, "{script} {max}: {cut}");
            let kept = cut.trim_end_matches('…');
            assert!(long.starts_with(kept), "{script}: {cut}");
            // As much as fits: one more grapheme would not.
            let next = long[kept.len()..].graphemes(true).next().unwrap();
            assert!(
                text_width(&format!("{kept}{next}…"), 22) > max || next.trim().is_empty(),
                "{script} {max}: {cut} could keep {next}"
            );
            // Cut between graphemes: never half an emoji sequence or a letter without its marks.
            assert!(
                long.grapheme_indices(true).any(|(i, _)| i == kept.len()),
                "{script} {max}: {cut:?} splits a grapheme"
            );
            assert!(!glyph_ids(&cut).contains(&0), "{script}: {cut}");
        }
    }
    assert_eq!(fit("Short", 22, 400), "Short");
    assert_eq!(fit("a\nb", 22, 400), "a b");
    // Kept in logical order: the shaper reorders when drawing.
    assert_eq!(fit("שלום", 22, 400), "שלום");
}
