//! Replies rendered in Telegram's HTML parse mode, sent or edited in place.

use mailping_shared::commands::{Attachment, AttachmentKind, Content, Reply, Span};
use teloxide::payloads::{
    EditMessageTextSetters, SendDocumentSetters, SendMessageSetters, SendPhotoSetters,
};
use teloxide::prelude::*;
use teloxide::types::{
    InlineKeyboardButton, InlineKeyboardMarkup, InputFile, LinkPreviewOptions, MessageId, ParseMode,
};
use teloxide::utils::html;
use teloxide::{ApiError, RequestError};

/// Telegram's limit on a message's text, in UTF-16 code units of the text left after
/// parsing the HTML.
pub const MESSAGE_LIMIT: usize = 4096;
/// Telegram's limit on a photo's or a document's caption, counted the same way.
pub const CAPTION_LIMIT: usize = 1024;

/// Renders a reply in Telegram HTML, escaping every piece of text, cut to fit a message.
pub fn render(reply: &Reply) -> String {
    render_within(reply, MESSAGE_LIMIT)
}

/// Renders a reply as a caption, cut to fit one.
pub fn render_caption(reply: &Reply) -> String {
    render_within(reply, CAPTION_LIMIT)
}

/// Telegram counts what the user reads, so markup and escapes cost nothing.
fn visible_units(span: &Span) -> usize {
    span.text().encode_utf16().count()
}

fn render_within(reply: &Reply, limit: usize) -> String {
    let spans = reply.spans_within(limit, visible_units);
    if spans.len() != reply.spans.len() || spans.last() != reply.spans.last() {
        tracing::warn!(
            limit,
            "a Telegram reply was cut to fit the platform's limit"
        );
    }
    spans.iter().map(render_span).collect()
}

fn render_span(span: &Span) -> String {
    match span {
        Span::Plain(t) => html::escape(t),
        Span::Bold(t) => html::bold(&html::escape(t)),
        Span::Italic(t) => html::italic(&html::escape(t)),
        Span::Code(t) => html::code_inline(t),
        Span::Pre(t) => html::code_block(t),
        Span::Link { text, url } => html::link(url, text),
    }
}

fn keyboard(reply: &Reply) -> Option<InlineKeyboardMarkup> {
    if reply.buttons.is_empty() {
        return None;
    }
    Some(InlineKeyboardMarkup::new(reply.buttons.iter().map(|row| {
        row.iter()
            .map(|b| InlineKeyboardButton::callback(b.text.clone(), b.action.encode()))
            .collect::<Vec<_>>()
    })))
}

/// Previews are off on every message: a preview of a pixel URL would be Telegram's bot
/// fetching the pixel.
fn no_preview() -> LinkPreviewOptions {
    LinkPreviewOptions {
        is_disabled: true,
        url: None,
        prefer_small_media: false,
        prefer_large_media: false,
        show_above_text: false,
    }
}

/// Sends a reply as a new message; a reply with attachments goes as `sendPhoto` or
/// `sendDocument`, one per file, the text being the first one's caption.
pub async fn send(bot: &Bot, chat_id: ChatId, reply: &Reply) -> Result<(), RequestError> {
    if !reply.attachments.is_empty() {
        return send_files(bot, chat_id, reply).await;
    }
    let mut request = bot
        .send_message(chat_id, render(reply))
        .parse_mode(ParseMode::Html)
        .link_preview_options(no_preview());
    if let Some(kb) = keyboard(reply) {
        request = request.reply_markup(kb);
    }
    request.await.map(drop)
}

async fn send_files(bot: &Bot, chat_id: ChatId, reply: &Reply) -> Result<(), RequestError> {
    for (i, attachment) in reply.attachments.iter().enumerate() {
        let caption = (i == 0)
            .then(|| render_caption(reply))
            .filter(|c| !c.is_empty());
        let file = input_file(attachment);
        match attachment.kind {
            AttachmentKind::Photo => {
                let mut request = bot.send_photo(chat_id, file);
                if let Some(caption) = caption {
                    request = request.caption(caption).parse_mode(ParseMode::Html);
                }
                request.await?;
            }
            AttachmentKind::Document => {
                let mut request = bot.send_document(chat_id, file);
                if let Some(caption) = caption {
                    request = request.caption(caption).parse_mode(ParseMode::Html);
                }
                request.await?;
            }
        }
    }
    Ok(())
}

/// Files are streamed from disk by teloxide; pictures are small and sent from memory.
fn input_file(attachment: &Attachment) -> InputFile {
    let file = match &attachment.content {
        Content::Bytes(bytes) => InputFile::memory(bytes.clone()),
        Content::File(file) => InputFile::file(file.path()),
    };
    file.file_name(attachment.filename.clone())
}

/// Replaces a message's text and buttons with a reply.
pub async fn edit(
    bot: &Bot,
    chat_id: ChatId,
    message_id: MessageId,
    reply: &Reply,
) -> Result<(), RequestError> {
    let mut request = bot
        .edit_message_text(chat_id, message_id, render(reply))
        .parse_mode(ParseMode::Html)
        .link_preview_options(no_preview());
    if let Some(kb) = keyboard(reply) {
        request = request.reply_markup(kb);
    }
    match request.await {
        // Pressing ◀ twice quickly asks for the same text: nothing to do.
        Err(RequestError::Api(ApiError::MessageNotModified)) => Ok(()),
        other => other.map(drop),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_is_escaped_for_html() {
        let reply = Reply::new()
            .plain("a<b>&")
            .bold("*_[]()~`>#+-=|{}.!<b>&")
            .code("<img src=\"x\">");
        assert_eq!(
            render(&reply),
            "a&lt;b&gt;&amp;<b>*_[]()~`&gt;#+-=|{}.!&lt;b&gt;&amp;</b><code>&lt;img src=\"x\"&gt;</code>"
        );
    }
}
