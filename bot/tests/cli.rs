//! The binary's start-up: a bad setting stops it with one line naming it.

use std::process::Command;

fn bot() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mailping-bot"));
    cmd.env_clear().current_dir(std::env::temp_dir());
    cmd.env("DATABASE_URL", "postgres://nobody@127.0.0.1:1/none")
        .env("BOT_LISTEN_ADDR", "127.0.0.1:0");
    cmd
}

#[test]
fn a_bad_setting_stops_start_up_with_one_line_naming_it() {
    let cases: [&[(&str, &str)]; 4] = [
        &[("TELEGRAM_API_URL", "not a url")],
        &[("BOT_LISTEN_ADDR", "nowhere")],
        &[
            ("DISCORD_BOT_TOKEN", "x"),
            ("DISCORD_APPLICATION_ID", "1"),
            ("DISCORD_PUBLIC_KEY", "zz"),
        ],
        &[("DISCORD_BOT_TOKEN", "x")],
    ];
    let named = [
        "TELEGRAM_API_URL",
        "BOT_LISTEN_ADDR",
        "DISCORD_PUBLIC_KEY",
        "DISCORD_APPLICATION_ID",
    ];
    for (settings, name) in cases.iter().zip(named) {
        let mut cmd = bot();
        for (k, v) in *settings {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{settings:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let lines: Vec<&str> = stderr
            .trim()
            .lines()
            .filter(|l| !l.contains("WARN"))
            .collect();
        assert_eq!(lines.len(), 1, "{settings:?}: {stderr}");
        assert!(lines[0].contains(name), "{name} not named in {stderr:?}");
    }
}
