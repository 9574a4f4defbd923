//! The binary's start-up: `--help`, and a bad setting stopping it with one line naming it.

use std::process::Command;

fn pixel() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mailping-pixel-server"));
    // No inherited settings and no .env from a parent directory.
    cmd.env_clear().current_dir(std::env::temp_dir());
    cmd
}

#[test]
fn help_lists_the_settings() {
    let out = pixel().arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for setting in [
        "DATABASE_URL",
        "PUBLIC_BASE_URL",
        "PIXEL_LISTEN_ADDR",
        "TRUSTED_PROXIES",
        "OPENS_RETENTION_DAYS",
    ] {
        assert!(help.contains(setting), "{setting} missing from --help");
    }
}

#[test]
fn a_bad_setting_stops_start_up_with_one_line_naming_it() {
    for (name, value) in [
        ("PIXEL_LISTEN_ADDR", "not-an-address"),
        ("TRUSTED_PROXIES", "10.0.0.0/99"),
        ("PUBLIC_BASE_URL", "px.example.com"),
        ("RATE_LIMIT_PER_CLIENT", "0"),
        ("DEDUP_WINDOW_SECS", "-5"),
    ] {
        let out = pixel()
            .env("DATABASE_URL", "postgres://nobody@127.0.0.1:1/none")
            .env(name, value)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}={value}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.trim().lines().count(), 1, "{name}: {stderr}");
        assert!(stderr.contains(name), "{name} not named in {stderr:?}");
    }
    let out = pixel().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("DATABASE_URL"));
}
