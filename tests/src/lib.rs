//! Test support for MailPing's end-to-end tests: a per-test database, fake chat APIs,
//! and helpers that start the services in-process.

pub mod fake_discord;
pub mod fake_telegram;
