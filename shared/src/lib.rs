//! What both MailPing services share: configuration, the database layer, domain types,
//! the open classifier, and the platform-neutral command logic.

pub mod classifier;
pub mod domain;
