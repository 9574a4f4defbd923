use anyhow::Context;
use mailping_pixel_server::{Application, Cli, Command};
use mailping_shared::{db, shutdown, telemetry};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli: Cli = mailping_shared::config::load();
    telemetry::init();
    if cli.command == Some(Command::Migrate) {
        let n = db::run_migrations(cli.config.database.url())
            .await
            .context("migrating the database")?;
        tracing::info!(applied = n, "migrations done");
        return Ok(());
    }
    let app = Application::build(cli.config).await?;
    tracing::info!(port = app.port(), "pixel server listening");
    app.run_until_stopped(shutdown::signal()).await?;
    tracing::info!("pixel server stopped");
    Ok(())
}
