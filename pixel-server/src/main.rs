use std::process::ExitCode;

use mailping_pixel_server::{Application, Cli};
use mailping_shared::{config, service};

#[tokio::main]
async fn main() -> ExitCode {
    let cli: Cli = config::load();
    let database = cli.config.database.clone();
    let build = Application::build(cli.config);
    service::main(env!("CARGO_BIN_NAME"), cli.command, &database, build).await
}
