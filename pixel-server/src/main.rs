//! `mailping-pixel-server [serve|migrate]` runs the server, as `service_main!` does for the
//! bot; `mailping-pixel-server networks update` refreshes NETWORKS_FILE, and is parsed apart
//! because it needs no database.

use mailping_pixel_server::networks_update::{self, NetworksAction, NetworksCli, Top};
use mailping_pixel_server::{Application, Cli};
use mailping_shared::{config, service};

#[tokio::main]
async fn main() -> std::process::ExitCode {
    if std::env::args_os().nth(1).is_some_and(|a| a == "networks") {
        mailping_shared::telemetry::init();
        let cli: NetworksCli = config::load();
        let Top::Networks {
            action: NetworksAction::Update(args),
        } = cli.command;
        return networks_update::main(args).await;
    }
    let cli: Cli = config::load();
    let database = cli.config.service.database.clone();
    let binary = service::Binary {
        binary: env!("CARGO_BIN_NAME"),
        service: "pixel server",
        port: Application::port,
        run: Application::run_until_stopped,
    };
    let build = Application::build(cli.config);
    service::main(binary, cli.command, &database, build).await
}
