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
    let cases: [&[(&str, &str)]; 6] = [
        &[("TELEGRAM_API_URL", "not a url")],
        // serenity's rate limiter speaks https to discord.com; a plain URL could only bypass it.
        &[("DISCORD_API_URL", "http://127.0.0.1:9")],
        &[("DISCORD_API_CA_FILE", "/tmp/ca.pem")],
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
        "DISCORD_API_URL",
        "DISCORD_API_URL",
        "BOT_LISTEN_ADDR",
        "DISCORD_PUBLIC_KEY",
        "DISCORD_APPLICATION_ID",
    ];
    assert_each_stops_start_up(&cases, &named);
}

/// A valid Ed25519 public key (RFC 8032, test 1).
const PUBLIC_KEY: &str = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
/// 64 hex digits for y = 2, which is on no point of the curve.
const INVALID_POINT: &str = "0200000000000000000000000000000000000000000000000000000000000000";

#[test]
fn discord_settings_are_checked_as_a_set_by_the_parser() {
    let cases: [&[(&str, &str)]; 5] = [
        // Two of three.
        &[("DISCORD_BOT_TOKEN", "x"), ("DISCORD_APPLICATION_ID", "1")],
        &[
            ("DISCORD_APPLICATION_ID", "1"),
            ("DISCORD_PUBLIC_KEY", PUBLIC_KEY),
        ],
        // One of three.
        &[("DISCORD_PUBLIC_KEY", PUBLIC_KEY)],
        // All three, but the key is too short, or is 64 hex digits that are no Ed25519 key.
        &[
            ("DISCORD_BOT_TOKEN", "x"),
            ("DISCORD_APPLICATION_ID", "1"),
            ("DISCORD_PUBLIC_KEY", &PUBLIC_KEY[2..]),
        ],
        &[
            ("DISCORD_BOT_TOKEN", "x"),
            ("DISCORD_APPLICATION_ID", "1"),
            ("DISCORD_PUBLIC_KEY", INVALID_POINT),
        ],
    ];
    let named = [
        "DISCORD_PUBLIC_KEY",
        "DISCORD_BOT_TOKEN",
        "DISCORD_BOT_TOKEN",
        "DISCORD_PUBLIC_KEY",
        "DISCORD_PUBLIC_KEY",
    ];
    assert_each_stops_start_up(&cases, &named);
}

/// Each set of settings stops start-up with status 2 and one line naming the setting.
fn assert_each_stops_start_up(cases: &[&[(&str, &str)]], named: &[&str]) {
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
