//! MailPing's pixel server: serves the invisible image, classifies every fetch, and records
//! opens in Postgres without ever making the image wait for the database.

pub mod app;
pub mod config;
pub mod copy_page;
pub mod fetch;
pub mod gif;
pub mod live_networks;
pub mod networks_update;
pub mod optout_page;
pub mod recent_clients;
pub mod recorder;
pub mod routes;
pub mod spill;
pub mod tracker_cache;

pub use app::{Application, Extras};
pub use config::{Cli, PixelConfig};
