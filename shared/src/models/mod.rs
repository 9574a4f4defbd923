//! Model structs and the queries beside them, as plain `async fn`s taking a connection.

pub mod account;
pub mod alert;
pub mod open;
pub mod tracker;

pub use account::{Account, Platform};
pub use alert::{AlertToSend, ClaimedAlert};
pub use open::{NewOpen, Open};
pub use tracker::{Tracker, TrackerSummary};
