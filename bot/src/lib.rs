//! MailPing's bot: Telegram (teloxide) and Discord (serenity) adapters over the shared command
//! logic, and the outbox that sends alerts through them.

pub mod app;
pub mod config;
pub mod discord;
pub mod health;
pub mod one_process;
pub mod outbox;
pub mod router;
pub mod telegram;

pub use app::Application;
pub use config::{BotConfig, Cli};
pub use mailping_shared::service::StartError;
