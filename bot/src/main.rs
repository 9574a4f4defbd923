use anyhow::Context;
use mailping_bot::{Application, Cli, Command};
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
    let app = match Application::build(cli.config).await {
        Ok(app) => app,
        Err(e) => {
            eprintln!("mailping-bot: {e}");
            std::process::exit(2);
        }
    };
    tracing::info!(port = app.port(), "bot listening");
    app.run_until_stopped(shutdown::signal()).await?;
    tracing::info!("bot stopped");
    Ok(())
}
