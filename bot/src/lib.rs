//! MailPing's bot: Telegram (teloxide) and Discord (serenity) adapters over the shared command
//! logic, and the alert dispatcher that drains the outbox.

pub mod app;
pub mod config;
pub mod discord;
pub mod dispatcher;
pub mod telegram;

pub use app::Application;
pub use config::{BotConfig, Cli};
pub use mailping_shared::config::Command;
