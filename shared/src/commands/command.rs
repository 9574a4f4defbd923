//! What a user can ask for, in no platform's words: who is asking (`Chat`), the commands and
//! their table (`COMMANDS`), parsing a message into one, and the shape of a `/track` answer.
//! Answers nothing itself: the `Commands` handlers do.

use crate::i18n::Lang;
use crate::models::account::Platform;
use crate::models::tracker::Tracker;

/// Who is talking: a Telegram chat or a Discord user, and the language their platform
/// reports for this message. Two messages from one chat are the same chat (one rate limit,
/// one account) whatever language the sender's app is set to.
#[derive(Debug, Clone)]
pub struct Chat {
    pub platform: Platform,
    pub chat_id: String,
    /// The language the platform reports (Telegram's `from.language_code`, Discord's
    /// `locale`), if it reports one we speak.
    pub reported: Option<Lang>,
    /// A group chat: several people, one language (the group's, not each sender's).
    pub group: bool,
}

impl Chat {
    pub fn new(platform: Platform, chat_id: impl ToString) -> Self {
        Chat {
            platform,
            chat_id: chat_id.to_string(),
            reported: None,
            group: false,
        }
    }

    /// The same chat, with the language code its platform reports for this message.
    pub fn speaking(mut self, code: Option<&str>) -> Self {
        self.reported = code.and_then(Lang::negotiate);
        self
    }

    /// The same chat, as a group (or not).
    pub fn in_group(mut self, group: bool) -> Self {
        self.group = group;
        self
    }

    /// The language to answer in when the account can't be read.
    pub(super) fn language(&self) -> Lang {
        self.reported.unwrap_or_default()
    }
}

impl PartialEq for Chat {
    fn eq(&self, other: &Self) -> bool {
        (self.platform, &self.chat_id) == (other.platform, &other.chat_id)
    }
}

impl Eq for Chat {}

impl std::hash::Hash for Chat {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (self.platform, &self.chat_id).hash(state);
    }
}

/// What the user asked for, in no platform's words. Arguments stay raw: validating them is
/// the command logic's job, so every platform gets the same friendly errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Start,
    Help,
    Track(String),
    /// `/opens` with no argument lists; with one, shows that tracker's timeline.
    Opens(String),
    Mute(String),
    Unmute(String),
    Delete(String),
    Tz(String),
    /// `/remind` lists; `/remind 3 2d`, `/remind 3 off`, `/remind default 3d` set.
    Remind(String),
    /// `/quiet 22:00-08:00`, `/quiet off`, or `/quiet` to show.
    Quiet(String),
    /// Delete everything held for this chat, after a confirmation.
    Forget,
    /// A command we don't have, e.g. `/foo`.
    Unknown(String),
    /// Text without a command.
    NotACommand,
    /// `/stats` charts the account's last 30 days; `/stats n` charts tracker n.
    Stats(String),
    /// `/export` sends every recorded fetch as CSV; `/export n` only tracker n's.
    Export(String),
    /// `/language` lists the languages; `/language de` picks one; `/language auto` goes back
    /// to the one the platform reports.
    Language(String),
    /// `/privacy` shows what is kept; `/privacy strict|standard` sets the chat's mode.
    Privacy(String),
    /// `/retention 30d|90d|1y|default`, or `/retention` to show.
    Retention(String),
    /// `/notice on|off|default|<text>`, or `/notice` to show: the recipient notice.
    Notice(String),
}

/// Every command with the shape of its argument (`<label>`: required, `[n]`: optional), in
/// the order `/help`, Telegram's menu and Discord's slash commands list them. Their words
/// (descriptions, argument hints) are in the catalogues: `command-<name>` and its `.args`.
pub const COMMANDS: &[(&str, Option<&str>)] = &[
    ("start", None),
    ("track", Some("<label>")),
    ("opens", Some("[n]")),
    ("mute", Some("<n>")),
    ("unmute", Some("<n>")),
    ("delete", Some("<n>")),
    ("tz", Some("<zone>")),
    ("remind", Some("[n] [when]")),
    ("quiet", Some("[hours]")),
    ("forget", None),
    ("help", None),
    ("stats", Some("[n]")),
    ("export", Some("[n]")),
    ("language", Some("[code]")),
    ("privacy", Some("[strict|standard]")),
    ("retention", Some("[30d|90d|1y]")),
    ("notice", Some("[on|off|text]")),
];

impl Command {
    /// Parses a chat message such as `/track Proposal` or `/opens@MailPingBot 3`.
    pub fn parse_text(text: &str) -> Command {
        let text = text.trim();
        let Some(rest) = text.strip_prefix('/') else {
            return Command::NotACommand;
        };
        let (head, arg) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let name = head.split('@').next().unwrap_or(head).to_lowercase();
        Command::from_name(&name, arg.trim())
    }

    /// The bot a chat command names after an `@`: `OtherBot` in `/opens@OtherBot 3`. In a group
    /// several bots read the same message, and each answers only its own commands.
    pub fn addressee(text: &str) -> Option<&str> {
        let rest = text.trim().strip_prefix('/')?;
        let head = rest.split(char::is_whitespace).next()?;
        head.split_once('@').map(|(_, bot)| bot)
    }

    /// Builds a command from its name and raw argument (Discord passes them separately).
    pub fn from_name(name: &str, arg: &str) -> Command {
        let arg = arg.to_owned();
        match name {
            "start" => Command::Start,
            "help" => Command::Help,
            "track" => Command::Track(arg),
            "opens" => Command::Opens(arg),
            "mute" => Command::Mute(arg),
            "unmute" => Command::Unmute(arg),
            "delete" => Command::Delete(arg),
            "tz" => Command::Tz(arg),
            "remind" => Command::Remind(arg),
            "quiet" => Command::Quiet(arg),
            "forget" => Command::Forget,
            "stats" => Command::Stats(arg),
            "export" => Command::Export(arg),
            "language" => Command::Language(arg),
            "privacy" => Command::Privacy(arg),
            "retention" => Command::Retention(arg),
            "notice" => Command::Notice(arg),
            other => Command::Unknown(other.to_owned()),
        }
    }
}

/// Most recipients one `/track` may name.
pub const MAX_RECIPIENTS: usize = 10;

/// A new tracker with its links, as the `/track` reply shows it.
pub struct TrackerLinks<'a> {
    pub tracker: &'a Tracker,
    pub pixel_url: String,
    pub copy_url: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_parse_with_and_without_bot_name() {
        assert_eq!(
            Command::parse_text("/track  Proposal to ACME "),
            Command::Track("Proposal to ACME".into())
        );
        assert_eq!(
            Command::parse_text("/opens@MailPingBot 3"),
            Command::Opens("3".into())
        );
        assert_eq!(Command::parse_text("/OPENS"), Command::Opens(String::new()));
        assert_eq!(
            Command::parse_text("/frobnicate"),
            Command::Unknown("frobnicate".into())
        );
        assert_eq!(Command::parse_text("hello"), Command::NotACommand);
        assert_eq!(
            Command::addressee("/opens@MailPingBot 3"),
            Some("MailPingBot")
        );
        assert_eq!(Command::addressee("/opens@Other"), Some("Other"));
        assert_eq!(Command::addressee("/opens 3 a@b"), None);
        assert_eq!(Command::addressee("mail me@home"), None);
        assert_eq!(
            Command::parse_text("/track\nline two"),
            Command::Track("line two".into())
        );
    }

    #[test]
    fn every_command_in_the_table_parses() {
        for (name, _) in COMMANDS {
            assert!(
                !matches!(Command::from_name(name, ""), Command::Unknown(_)),
                "{name}"
            );
        }
    }
}
