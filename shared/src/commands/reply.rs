//! Platform-neutral replies: spans of text with a meaning (bold, code, link), and buttons
//! carrying an `Action`. Each chat adapter renders spans in its own markup and escapes every
//! piece of user text there, once. Adapters send every message with link previews (Telegram)
//! and embeds (Discord) off: a preview bot fetching a pixel URL must never happen.

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

use super::action::Action;

/// A piece of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Plain(String),
    Bold(String),
    Italic(String),
    /// Inline code: URLs and short values to copy.
    Code(String),
    /// A preformatted block: the HTML snippet.
    Pre(String),
    Link {
        text: String,
        url: String,
    },
}

impl Span {
    /// The text a user reads (a link's text, not its URL).
    pub fn text(&self) -> &str {
        match self {
            Span::Plain(t) | Span::Bold(t) | Span::Italic(t) | Span::Code(t) | Span::Pre(t) => t,
            Span::Link { text, .. } => text,
        }
    }

    /// The same kind of span with another text.
    fn with_text(&self, text: String) -> Span {
        match self {
            Span::Plain(_) => Span::Plain(text),
            Span::Bold(_) => Span::Bold(text),
            Span::Italic(_) => Span::Italic(text),
            Span::Code(_) => Span::Code(text),
            Span::Pre(_) => Span::Pre(text),
            Span::Link { url, .. } => Span::Link {
                text,
                url: url.clone(),
            },
        }
    }
}

/// What marks a reply cut to fit a platform's limit.
pub const ELLIPSIS: char = '…';

/// A button under a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub text: String,
    pub action: Action,
}

/// A message to show the user.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reply {
    pub spans: Vec<Span>,
    /// Rows of buttons.
    pub buttons: Vec<Vec<Button>>,
    /// Pictures or files sent with the message; the spans are then their caption.
    pub attachments: Vec<Attachment>,
}

/// How an attachment is shown: inline as a picture, or as a file to download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachmentKind {
    Photo,
    Document,
}

/// A picture or a file to send with a reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub kind: AttachmentKind,
    /// The name the user sees, e.g. `mailping-opens.csv`.
    pub filename: String,
    pub content: Content,
}

/// An attachment's bytes: small ones in memory, large ones in a temporary file that is
/// deleted when the last copy of the reply is dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    Bytes(Vec<u8>),
    File(TempFile),
}

/// A temporary file shared by the clones of a reply; deleted with the last one.
#[derive(Debug, Clone)]
pub struct TempFile(Arc<tempfile::TempPath>);

impl TempFile {
    pub fn new(path: tempfile::TempPath) -> Self {
        TempFile(Arc::new(path))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl PartialEq for TempFile {
    fn eq(&self, other: &Self) -> bool {
        self.path() == other.path()
    }
}

impl Eq for TempFile {}

impl Attachment {
    /// A PNG picture held in memory.
    pub fn photo(filename: impl Into<String>, png: Vec<u8>) -> Self {
        Attachment {
            kind: AttachmentKind::Photo,
            filename: filename.into(),
            content: Content::Bytes(png),
        }
    }

    /// A file to download, written to a temporary file.
    pub fn document(filename: impl Into<String>, file: TempFile) -> Self {
        Attachment {
            kind: AttachmentKind::Document,
            filename: filename.into(),
            content: Content::File(file),
        }
    }

    /// How many bytes it holds.
    pub async fn size(&self) -> std::io::Result<u64> {
        match &self.content {
            Content::Bytes(b) => Ok(b.len() as u64),
            Content::File(f) => tokio::fs::metadata(f.path()).await.map(|m| m.len()),
        }
    }

    /// The bytes, read from the temporary file if need be (Discord's client wants them whole).
    pub async fn bytes(&self) -> std::io::Result<Vec<u8>> {
        match &self.content {
            Content::Bytes(b) => Ok(b.clone()),
            Content::File(f) => tokio::fs::read(f.path()).await,
        }
    }
}

impl Reply {
    pub fn new() -> Self {
        Reply::default()
    }

    pub fn plain(mut self, s: impl Into<String>) -> Self {
        self.spans.push(Span::Plain(s.into()));
        self
    }

    pub fn bold(mut self, s: impl Into<String>) -> Self {
        self.spans.push(Span::Bold(s.into()));
        self
    }

    pub fn italic(mut self, s: impl Into<String>) -> Self {
        self.spans.push(Span::Italic(s.into()));
        self
    }

    pub fn code(mut self, s: impl Into<String>) -> Self {
        self.spans.push(Span::Code(s.into()));
        self
    }

    pub fn pre(mut self, s: impl Into<String>) -> Self {
        self.spans.push(Span::Pre(s.into()));
        self
    }

    pub fn link(mut self, text: impl Into<String>, url: impl Into<String>) -> Self {
        self.spans.push(Span::Link {
            text: text.into(),
            url: url.into(),
        });
        self
    }

    /// This reply followed by another's text, buttons and attachments.
    pub fn then(mut self, other: Reply) -> Self {
        self.spans.extend(other.spans);
        self.buttons.extend(other.buttons);
        self.attachments.extend(other.attachments);
        self
    }

    pub fn button_row(mut self, row: Vec<Button>) -> Self {
        if !row.is_empty() {
            self.buttons.push(row);
        }
        self
    }

    pub fn attach(mut self, attachment: Attachment) -> Self {
        self.attachments.push(attachment);
        self
    }

    /// The spans, cut so that their total `cost` (a platform's measure of a rendered span)
    /// is at most `limit`: whole spans while they fit, then the first one that doesn't,
    /// shortened and ending in "…". A platform refuses a message over its limit outright, so
    /// a reply cut short is better than none. `cost` must not shrink as a span's text grows.
    pub fn spans_within(&self, limit: usize, cost: impl Fn(&Span) -> usize) -> Cow<'_, [Span]> {
        let total: usize = self.spans.iter().map(&cost).sum();
        if total <= limit {
            return Cow::Borrowed(&self.spans);
        }
        let ellipsis = Span::Plain(ELLIPSIS.to_string());
        let mut kept = Vec::new();
        let mut used = 0;
        for span in &self.spans {
            let c = cost(span);
            // Keep room for an ellipsis after it.
            if used + c + cost(&ellipsis) <= limit {
                kept.push(span.clone());
                used += c;
                continue;
            }
            let room = limit.saturating_sub(used);
            let chars: Vec<char> = span.text().chars().collect();
            let cut = |n: usize| {
                let mut text: String = chars[..n].iter().collect();
                text.push(ELLIPSIS);
                span.with_text(text)
            };
            // The longest prefix that fits, by bisection (cost grows with the prefix).
            let (mut lo, mut hi) = (0, chars.len());
            while lo < hi {
                let mid = (lo + hi).div_ceil(2);
                if cost(&cut(mid)) <= room {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            let last = cut(lo);
            if lo > 0 && cost(&last) <= room {
                kept.push(last);
            } else if cost(&ellipsis) <= room {
                kept.push(ellipsis);
            }
            break;
        }
        Cow::Owned(kept)
    }

    /// The text without markup, as a user would read it. Handy in logs and tests.
    pub fn plain_text(&self) -> String {
        self.spans
            .iter()
            .map(|s| match s {
                Span::Plain(t) | Span::Bold(t) | Span::Italic(t) | Span::Code(t) | Span::Pre(t) => {
                    t.as_str()
                }
                Span::Link { text, .. } => text.as_str(),
            })
            .collect()
    }
}

impl Button {
    pub fn new(text: impl Into<String>, action: Action) -> Self {
        Button {
            text: text.into(),
            action,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(span: &Span) -> usize {
        span.text().chars().count()
    }

    #[test]
    fn a_reply_over_the_limit_is_cut_with_an_ellipsis() {
        let reply = Reply::new()
            .plain("Hello ")
            .bold("wonderful")
            .plain(" world");
        assert_eq!(
            reply.spans_within(100, chars).as_ref(),
            reply.spans.as_slice()
        );
        let cut = reply.spans_within(10, chars);
        assert_eq!(
            cut.as_ref(),
            [Span::Plain("Hello ".into()), Span::Bold("won…".into())]
        );
        let tight = reply.spans_within(6, chars);
        assert_eq!(
            tight.as_ref(),
            [Span::Plain("Hello…".into())],
            "the first span is cut when the second has no room"
        );
        assert!(reply.spans_within(0, chars).is_empty());
    }
}
