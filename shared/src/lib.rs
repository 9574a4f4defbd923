//! What both MailPing services share: configuration, the database layer, domain types,
//! the open classifier, and the platform-neutral command logic.

pub mod charts;
pub mod classifier;
pub mod commands;
pub mod config;
pub mod db;
pub mod domain;
pub mod errors;
pub mod i18n;
pub mod links;
pub mod models;
pub mod net;
pub mod postgres;
pub mod schedule;
pub mod schema;
pub mod service;
pub mod shutdown;
pub mod telemetry;
pub mod text;
