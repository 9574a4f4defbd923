//! The catalogues' markup: `<b>`, `<i>`, `<code>`, `<pre>`, `<a href="…">` and the entities
//! `&lt; &gt; &amp; &quot;`, read into spans. Arguments are escaped before Fluent inserts them,
//! so whatever they hold reads back as text. Anything else that looks like a tag is text too:
//! a translator's stray `<` shows as itself rather than breaking the message.

use unicode_bidi::{BidiClass, bidi_class};

use super::lang::{FSI, PDI};
use crate::commands::reply::Span;

/// An argument made safe to insert: markup characters become entities, and direction
/// controls are dropped so that Fluent's isolates around it stay paired.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A letter of a right-to-left script (Arabic, Hebrew, Syriac, Thaana…).
pub fn is_right_to_left(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Bold,
    Italic,
    Code,
    Pre,
    Link,
}

/// Reads a formatted message into spans.
pub fn spans(text: &str, right_to_left: bool) -> Vec<Span> {
    let mut out = Vec::new();
    let mut style = Style::Plain;
    let mut url = String::new();
    let mut current = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some((tag, after)) = tag(rest)
        {
            let next = match (style, tag) {
                (Style::Plain, Tag::Open(s, href)) => {
                    url = href;
                    Some(s)
                }
                (s, Tag::Close(closing)) if s == closing && s != Style::Plain => Some(Style::Plain),
                _ => None,
            };
            if let Some(next) = next {
                push(&mut out, style, &unescape(&current), &url, right_to_left);
                current.clear();
                style = next;
                rest = after;
                continue;
            }
        }
        current.push(c);
        rest = &rest[c.len_utf8()..];
    }
    push(&mut out, style, &unescape(&current), &url, right_to_left);
    out
}

enum Tag {
    Open(Style, String),
    Close(Style),
}

/// The tag at the start of `s`, and what follows it.
fn tag(s: &str) -> Option<(Tag, &str)> {
    let end = s.find('>')?;
    let inner = &s[1..end];
    let after = &s[end + 1..];
    let named = |name: &str| match name {
        "b" => Some(Style::Bold),
        "i" => Some(Style::Italic),
        "code" => Some(Style::Code),
        "pre" => Some(Style::Pre),
        "a" => Some(Style::Link),
        _ => None,
    };
    if let Some(name) = inner.strip_prefix('/') {
        return named(name).map(|s| (Tag::Close(s), after));
    }
    if let Some(href) = inner.strip_prefix("a href=\"") {
        let href = href.strip_suffix('"')?;
        let href: String = unescape(href)
            .chars()
            .filter(|c| *c != FSI && *c != PDI)
            .collect();
        return Some((Tag::Open(Style::Link, href), after));
    }
    match named(inner)? {
        Style::Link => None,
        s => Some((Tag::Open(s, String::new()), after)),
    }
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// Adds a span, merging plain text with the plain text before it. Code is copied as typed,
/// so its isolates go around it (in a right-to-left message) or away.
fn push(out: &mut Vec<Span>, style: Style, text: &str, url: &str, right_to_left: bool) {
    if text.is_empty() {
        return;
    }
    let span = match style {
        Style::Plain => {
            if let Some(Span::Plain(before)) = out.last_mut() {
                before.push_str(text);
            } else {
                out.push(Span::Plain(text.to_owned()));
            }
            return;
        }
        Style::Bold => Span::Bold(text.to_owned()),
        Style::Italic => Span::Italic(text.to_owned()),
        Style::Link => Span::Link {
            text: text.to_owned(),
            url: url.to_owned(),
        },
        Style::Code | Style::Pre => {
            let bare: String = text.chars().filter(|c| *c != FSI && *c != PDI).collect();
            let span = if style == Style::Code {
                Span::Code(bare)
            } else {
                Span::Pre(bare)
            };
            if right_to_left {
                push(out, Style::Plain, &FSI.to_string(), "", false);
                out.push(span);
                out.push(Span::Plain(PDI.to_string()));
            } else {
                out.push(span);
            }
            return;
        }
    };
    out.push(span);
}
