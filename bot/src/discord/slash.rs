//! The slash commands, built from the shared command table, and their registration. Their
//! descriptions and option names come from the catalogues, with a localisation for each
//! Discord locale we speak; the command names stay English in every language, as the messages
//! tell people to type them (Discord sends the English name whatever the user sees).

use mailping_shared::commands::{COMMANDS, command_description};
use mailping_shared::i18n::Lang;
use serenity::all::{CommandOptionType, CreateCommand, CreateCommandOption, GuildId, Http};

/// The Discord locales a language serves. Discord has no Persian or Arabic locale: people
/// who read those pick them with `/language`.
pub fn discord_locales(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En | Lang::Fa | Lang::Ar => &[],
        Lang::Es => &["es-ES", "es-419"],
        Lang::PtBr => &["pt-BR"],
        Lang::De => &["de"],
        Lang::Fr => &["fr"],
        Lang::It => &["it"],
        Lang::Ru => &["ru"],
        Lang::Uk => &["uk"],
        Lang::Tr => &["tr"],
        Lang::Id => &["id"],
    }
}

/// Every (Discord locale, language) pair we localise for.
fn localised() -> impl Iterator<Item = (&'static str, Lang)> {
    Lang::ALL.into_iter().flat_map(|lang| {
        discord_locales(lang)
            .iter()
            .map(move |locale| (*locale, lang))
    })
}

/// An option whose name and description are the catalogue's `key` (`option-label`).
fn option(kind: CommandOptionType, key: &str) -> CreateCommandOption {
    let description = format!("{key}.description");
    localised().fold(
        CreateCommandOption::new(kind, Lang::En.word(key), Lang::En.word(&description)),
        |option, (locale, lang)| {
            option
                .name_localized(locale, lang.word(key))
                .description_localized(locale, lang.word(&description))
        },
    )
}

/// The slash commands, built from the shared command table.
pub fn slash_commands() -> Vec<CreateCommand> {
    COMMANDS
        .iter()
        .map(|(name, args)| {
            let command = localised().fold(
                CreateCommand::new(*name).description(command_description(Lang::En, name)),
                |command, (locale, lang)| {
                    command.description_localized(locale, command_description(lang, name))
                },
            );
            match *args {
                Some("<label>") => command
                    .add_option(
                        option(CommandOptionType::String, "option-label")
                            .required(true)
                            .max_length(200),
                    )
                    .add_option(option(CommandOptionType::String, "option-recipients")),
                Some("[n] [when]") => command
                    .add_option(option(CommandOptionType::String, "option-tracker"))
                    .add_option(option(CommandOptionType::String, "option-when")),
                Some("[hours]") => {
                    command.add_option(option(CommandOptionType::String, "option-hours"))
                }
                Some("[n]") => command.add_option(
                    option(
                        CommandOptionType::Integer,
                        match *name {
                            "opens" => "option-number-to-list",
                            _ => "option-number-or-all",
                        },
                    )
                    .min_int_value(1),
                ),
                Some("<n>") => command.add_option(
                    option(CommandOptionType::Integer, "option-number")
                        .required(true)
                        .min_int_value(1),
                ),
                Some("<zone>") => command
                    .add_option(option(CommandOptionType::String, "option-zone").required(true)),
                Some("[code]") => {
                    command.add_option(option(CommandOptionType::String, "option-code"))
                }
                Some("[strict|standard]") => {
                    command.add_option(option(CommandOptionType::String, "option-mode"))
                }
                Some("[30d|90d|1y]") => {
                    command.add_option(option(CommandOptionType::String, "option-period"))
                }
                Some("[on|off|text]") => command
                    .add_option(option(CommandOptionType::String, "option-notice").max_length(300)),
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

    #[test]
    fn descriptions_are_localised_for_discords_locales() {
        let json = serde_json::to_value(slash_commands()).unwrap();
        let track = &json[1];
        assert_eq!(track["name"], "track");
        assert_eq!(
            track["description_localizations"]["de"],
            command_description(Lang::De, "track")
        );
        assert_eq!(
            track["options"][0]["name_localizations"]["pt-BR"],
            Lang::PtBr.word("option-label")
        );
    }
}
