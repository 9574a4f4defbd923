//! The outbox: everything the bot sends without being asked. The dispatcher drains the
//! alerts table, woken by the listener, and hands each message to the `ChatSender` of its
//! platform. Platforms implement `ChatSender`; nothing here knows any platform's API.

mod dispatcher;
mod listener;
mod sender;

pub use dispatcher::{AlertDispatcher, backoff};
pub use sender::{ChatSender, Outgoing, SendError, Senders};
