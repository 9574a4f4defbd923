//! Replies rendered in Telegram's HTML parse mode, sent or edited in place.

use mailping_shared::commands::{Attachment, AttachmentKind, Content, Reply, Span};
use std::time::Duration;
use teloxide::payloads::{
    EditMessageTextSetters, SendDocumentSetters, SendMessageSetters, SendPhotoSetters,
};

use teloxide::prelude::*;
use teloxide::requests::Output;
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

/// How long one answer to a user may wait in all for Telegram's `retry_after`s: past it the
/// answer is given up, and the log says so.
pub const ANSWER_PATIENCE: Duration = Duration::from_secs(120);

/// Sends `request`, and again after each `retry_after` Telegram answers a 429 with, as long
/// as `patience` lasts (spent by each wait). Every part of an answer waits its turn, so the
/// parts arrive in order.
async fn patiently<R>(request: R, patience: &mut Duration) -> Result<Output<R>, RequestError>
where
    R: Request<Err = RequestError>,
{
    loop {
        match request.send_ref().await {
            Err(RequestError::RetryAfter(after)) if after.duration() <= *patience => {
                let wait = after.duration();
                *patience -= wait;
                tracing::info!(retry_after = ?wait, "Telegram asked to slow down; sending again after retry_after");
                tokio::time::sleep(wait).await;
            }
            other => return other,
        }
    }
}

/// Sends a reply as a new message once: a 429 is the caller's to schedule (the outbox does).
pub async fn send(bot: &Bot, chat_id: ChatId, reply: &Reply) -> Result<(), RequestError> {
    send_within(bot, chat_id, reply, Duration::ZERO).await
}

/// Sends the answer to a user's command, waiting out Telegram's 429s (up to
/// [`ANSWER_PATIENCE`]), so an answer or a part of an export is not lost to a flood limit.
pub async fn answer(bot: &Bot, chat_id: ChatId, reply: &Reply) -> Result<(), RequestError> {
    send_within(bot, chat_id, reply, ANSWER_PATIENCE).await
}

/// Sends a reply as a new message; a reply with attachments goes as `sendPhoto` or
/// `sendDocument`, one per file, the text being the first one's caption.
async fn send_within(
    bot: &Bot,
    chat_id: ChatId,
    reply: &Reply,
    mut patience: Duration,
) -> Result<(), RequestError> {
    if !reply.attachments.is_empty() {
        return send_files(bot, chat_id, reply, &mut patience).await;
    }
    let mut request = bot
        .send_message(chat_id, render(reply))
        .parse_mode(ParseMode::Html)
        .link_preview_options(no_preview());
    if let Some(kb) = keyboard(reply) {
        request = request.reply_markup(kb);
    }
    patiently(request, &mut patience).await.map(drop)
}

async fn send_files(
    bot: &Bot,
    chat_id: ChatId,
    reply: &Reply,
    patience: &mut Duration,
) -> Result<(), RequestError> {
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
                patiently(request, patience).await?;
            }
            AttachmentKind::Document => {
                let mut request = bot.send_document(chat_id, file);
                if let Some(caption) = caption {
                    request = request.caption(caption).parse_mode(ParseMode::Html);
                }
                patiently(request, patience).await?;
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

/// Replaces a message's text and buttons with a reply, waiting out Telegram's 429s.
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
    let mut patience = ANSWER_PATIENCE;
    match patiently(request, &mut patience).await {
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
