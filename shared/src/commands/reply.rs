//! Platform-neutral replies: spans of text with a meaning (bold, code, link), and buttons
//! carrying an `Action`. Each chat adapter renders spans in its own markup and escapes every
//! piece of user text there, once. Adapters send every message with link previews (Telegram)
//! and embeds (Discord) off: a preview bot fetching a pixel URL must never happen.

use std::path::Path;
use std::sync::Arc;

use super::Action;

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
