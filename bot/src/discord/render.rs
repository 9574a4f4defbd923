//! Replies rendered in Discord markdown, with buttons as message components.

use mailping_shared::commands::{Attachment, Reply, Span};
use serenity::all::{
    ButtonStyle, CreateActionRow, CreateAllowedMentions, CreateAttachment, CreateButton,
    CreateInteractionResponseFollowup, CreateInteractionResponseMessage, InteractionResponseFlags,
    MessageFlags,
};

/// Discord's limit on a message's content: 2,000 characters. It is measured here in UTF-16
/// code units, which are never fewer than characters however Discord counts them.
pub const CONTENT_LIMIT: usize = 2000;

/// Renders a reply in Discord markdown, cut to fit a message. User text is escaped so that it
/// shows exactly as typed; mentions can't ping because every message sets `allowed_mentions`
/// to none.
pub fn render(reply: &Reply) -> String {
    let spans = reply.spans_within(CONTENT_LIMIT, |span| {
        render_span(span).encode_utf16().count()
    });
    if spans.len() != reply.spans.len() || spans.last() != reply.spans.last() {
        tracing::warn!("a Discord reply was cut to fit the platform's limit");
    }
    spans.iter().map(render_span).collect()
}

/// Discord counts the markdown as sent, escapes included.
fn render_span(span: &Span) -> String {
    let mut out = String::new();
    match span {
        Span::Plain(t) => out.push_str(&escape(t)),
        Span::Bold(t) => {
            out.push_str("**");
            out.push_str(&escape(t));
            out.push_str("**");
        }
        Span::Italic(t) => {
            out.push('*');
            out.push_str(&escape(t));
            out.push('*');
        }
        Span::Code(t) if !t.contains('`') => {
            out.push('`');
            out.push_str(t);
            out.push('`');
        }
        Span::Code(t) => out.push_str(&escape(t)),
        Span::Pre(t) => {
            out.push_str("```\n");
            out.push_str(&t.replace("```", "'''"));
            out.push_str("\n```");
        }
        Span::Link { text, url } => {
            out.push('[');
            out.push_str(&escape(text));
            out.push_str("](<");
            out.push_str(url);
            out.push_str(">)");
        }
    }
    out
}

/// Backslash-escapes every character Discord markdown gives a meaning to.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*'
                | '_'
                | '~'
                | '`'
                | '|'
                | '>'
                | '<'
                | '#'
                | '-'
                | '['
                | ']'
                | '('
                | ')'
                | '@'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn components(reply: &Reply) -> Vec<CreateActionRow> {
    reply
        .buttons
        .iter()
        .map(|row| {
            CreateActionRow::Buttons(
                row.iter()
                    .map(|b| {
                        CreateButton::new(b.action.encode())
                            .label(&b.text)
                            .style(ButtonStyle::Secondary)
                    })
                    .collect(),
            )
        })
        .collect()
}

/// An interaction's answer: ephemeral, without embeds, pinging nobody.
pub fn message(reply: &Reply) -> CreateInteractionResponseMessage {
    CreateInteractionResponseMessage::new()
        .content(render(reply))
        .flags(InteractionResponseFlags::EPHEMERAL | InteractionResponseFlags::SUPPRESS_EMBEDS)
        .allowed_mentions(CreateAllowedMentions::new())
        .components(components(reply))
}

/// The reply's files, read whole: serenity's client takes attachments as bytes.
pub async fn attachments(reply: &Reply) -> std::io::Result<Vec<CreateAttachment>> {
    read(&reply.attachments).await
}

async fn read(files: &[Attachment]) -> std::io::Result<Vec<CreateAttachment>> {
    let mut out = Vec::with_capacity(files.len());
    for a in files {
        out.push(CreateAttachment::bytes(
            a.bytes().await?,
            a.filename.clone(),
        ));
    }
    Ok(out)
}

/// Files Discord takes on one message.
pub const FILES_PER_MESSAGE: usize = 10;

/// The reply's files in the groups that go on one message each: at most
/// [`FILES_PER_MESSAGE`], and together within `budget` bytes, as Discord applies its upload
/// limit to the whole request. A file over the budget alone still gets a message of its own.
/// A reply without files is one empty group.
pub async fn attachment_groups(reply: &Reply, budget: u64) -> std::io::Result<Vec<&[Attachment]>> {
    let files = &reply.attachments;
    let mut groups = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, a) in files.iter().enumerate() {
        let size = a.size().await?;
        if i > start && (i - start == FILES_PER_MESSAGE || bytes + size > budget) {
            groups.push(&files[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += size;
    }
    groups.push(&files[start..]);
    Ok(groups)
}

/// The follow-up carrying a group of files after the first.
pub async fn followup_files(
    files: &[Attachment],
) -> std::io::Result<CreateInteractionResponseFollowup> {
    Ok(CreateInteractionResponseFollowup::new()
        .flags(MessageFlags::EPHEMERAL | MessageFlags::SUPPRESS_EMBEDS)
        .allowed_mentions(CreateAllowedMentions::new())
        .add_files(read(files).await?))
}

/// The first follow-up of a reply: its text and buttons, with the first group of files.
pub async fn followup(
    reply: &Reply,
    files: &[Attachment],
) -> std::io::Result<CreateInteractionResponseFollowup> {
    Ok(followup_text(reply).add_files(read(files).await?))
}

/// A follow-up with the reply's text and buttons only.
pub fn followup_text(reply: &Reply) -> CreateInteractionResponseFollowup {
    CreateInteractionResponseFollowup::new()
        .content(render(reply))
        .flags(MessageFlags::EPHEMERAL | MessageFlags::SUPPRESS_EMBEDS)
        .allowed_mentions(CreateAllowedMentions::new())
        .components(components(reply))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_escaped() {
        let reply = Reply::new().bold("*_[]()~`>#+-=|{}.!<b>& @everyone <@123>");
        assert_eq!(
            render(&reply),
            "**\\*\\_\\[\\]\\(\\)\\~\\`\\>\\#+\\-=\\|{}.!\\<b\\>& \\@everyone \\<\\@123\\>**"
        );
    }
}
