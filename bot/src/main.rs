//! `mailping-bot [serve|migrate]`: the bot alone, parsed and run by `service_main!`.

mailping_shared::service_main!(mailping_bot, "bot");
