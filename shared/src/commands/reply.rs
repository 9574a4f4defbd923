//! Platform-neutral replies: spans of text with a meaning (bold, code, link), and buttons
//! carrying an `Action`. Each chat adapter renders spans in its own markup and escapes every
//! piece of user text there, once. Adapters send every message with link previews (Telegram)
//! and embeds (Discord) off: a preview bot fetching a pixel URL must never happen.

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
