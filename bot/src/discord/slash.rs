//! The slash commands, built from the shared command table, and their registration.

use mailping_shared::commands::COMMANDS;
use serenity::all::{CommandOptionType, CreateCommand, CreateCommandOption, GuildId, Http};

/// The slash commands, built from the shared command table.
pub fn slash_commands() -> Vec<CreateCommand> {
    COMMANDS
        .iter()
        .map(|(name, args, description)| {
            let command = CreateCommand::new(*name).description(*description);
            match *args {
                "<label>" => command
                    .add_option(
                        CreateCommandOption::new(
                            CommandOptionType::String,
                            "label",
                            "What the email is, e.g. Proposal to ACME",
                        )
                        .required(true)
                        .max_length(200),
                    )
                    .add_option(CreateCommandOption::new(
                        CommandOptionType::String,
                        "recipients",
                        "One tracker per recipient, comma-separated, e.g. Alice, Bob",
                    )),
                "[n] [when]" => command
                    .add_option(CreateCommandOption::new(
                        CommandOptionType::String,
                        "tracker",
                        "Tracker number, or \"default\" for every new tracker (leave empty to list)",
                    ))
                    .add_option(CreateCommandOption::new(
                        CommandOptionType::String,
                        "when",
                        "e.g. 2d, 36h, 1w, 3 days, or off",
                    )),
                "[hours]" => command.add_option(CreateCommandOption::new(
                    CommandOptionType::String,
                    "hours",
                    "e.g. 22:00-08:00, or off (leave empty to show)",
                )),
                "[n]" => command.add_option(
                    CreateCommandOption::new(
                        CommandOptionType::Integer,
                        "number",
                        match *name {
                            "opens" => "Tracker number (leave empty to list)",
                            _ => "Tracker number (leave empty for all your trackers)",
                        },
                    )
                    .min_int_value(1),
                ),
                "<n>" => command.add_option(
                    CreateCommandOption::new(
                        CommandOptionType::Integer,
                        "number",
                        "Tracker number, see /opens",
                    )
                    .required(true)
                    .min_int_value(1),
                ),
                "<zone>" => command.add_option(
                    CreateCommandOption::new(
                        CommandOptionType::String,
                        "zone",
                        "IANA timezone, e.g. Europe/Berlin",
                    )
                    .required(true),
                ),
                "[strict|standard]" => command.add_option(CreateCommandOption::new(
                    CommandOptionType::String,
                    "mode",
                    "strict or standard (leave empty to see what is kept)",
                )),
                "[30d|90d|1y]" => command.add_option(CreateCommandOption::new(
                    CommandOptionType::String,
                    "period",
                    "e.g. 30d, 90d, 1y, or default (leave empty to show)",
                )),
                "[on|off|text]" => command.add_option(
                    CreateCommandOption::new(
                        CommandOptionType::String,
                        "notice",
                        "on, off, default, or your own sentence with {link}",
                    )
                    .max_length(300),
                ),
                _ => command,
            }
        })
        .collect()
}

/// Registers the slash commands: in one guild when given (instant), else globally.
pub async fn register(http: &Http, guild: Option<u64>) -> serenity::Result<()> {
    match guild {
        Some(id) => GuildId::new(id)
            .set_commands(http, slash_commands())
            .await
            .map(drop),
        None => serenity::all::Command::set_global_commands(http, slash_commands())
            .await
            .map(drop),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shared_command_becomes_a_slash_command() {
        let json = serde_json::to_value(slash_commands()).unwrap();
        let names: Vec<_> = json
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap().to_owned())
            .collect();
        let expected: Vec<_> = COMMANDS.iter().map(|c| c.0.to_owned()).collect();
        assert_eq!(names, expected);
    }
}
