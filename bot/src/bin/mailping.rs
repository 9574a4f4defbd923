//! `mailping`: the pixel server and the bot in one process (see `mailping_bot::one_process`).

#[tokio::main]
async fn main() -> std::process::ExitCode {
    mailping_bot::one_process::main().await
}
