//! The settings tables of `docs/operations.md` are what operators configure MailPing from: every
//! setting the three binaries parse must be there with its default, and nothing may be there
//! that none of them parses. The README's short table may only name real settings.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use clap::CommandFactory;

/// Settings read outside clap (by tracing's filter), documented in the same tables.
const NOT_CLAP: &[&str] = &["RUST_LOG"];

/// Every setting (its environment variable) of a command and its subcommands, with its default.
fn settings_of(command: &clap::Command, out: &mut BTreeMap<String, Option<String>>) {
    for arg in command.get_arguments() {
        if let Some(env) = arg.get_env() {
            let default = arg
                .get_default_values()
                .first()
                .map(|v| v.to_string_lossy().into_owned());
            out.insert(env.to_string_lossy().into_owned(), default);
        }
    }
    for sub in command.get_subcommands() {
        settings_of(sub, out);
    }
}

fn parsed() -> BTreeMap<String, Option<String>> {
    let mut all = BTreeMap::new();
    settings_of(&mailping_bot::one_process::Cli::command(), &mut all);
    settings_of(&mailping_bot::Cli::command(), &mut all);
    settings_of(&mailping_pixel_server::Cli::command(), &mut all);
    // `mailping-pixel-server networks update` is parsed apart from the server's settings.
    settings_of(
        &mailping_pixel_server::networks_update::NetworksCli::command(),
        &mut all,
    );
    all
}

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// The rows of every table in the section under `heading` (up to the next heading of the same
/// level): each setting named in a row's first cell, with the row's second cell (the default).
fn documented(text: &str, heading: &str) -> Vec<(String, String)> {
    let start = text
        .find(heading)
        .unwrap_or_else(|| panic!("no heading {heading:?}"));
    let level = heading.split(' ').next().unwrap_or("##").to_owned() + " ";
    let section = &text[start + heading.len()..];
    let end = section.find(&format!("\n{level}")).unwrap_or(section.len());
    let mut rows = Vec::new();
    for line in section[..end].lines() {
        if !line.starts_with('|') || line.starts_with("|---") || line.starts_with("| Setting") {
            continue;
        }
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
        let default = cells.get(1).copied().unwrap_or("").to_owned();
        for name in cells[0].split(',') {
            let name = name.trim().trim_matches('`');
            if !name.is_empty() {
                rows.push((name.to_owned(), default.clone()));
            }
        }
    }
    rows
}

#[test]
fn every_setting_is_documented_with_its_default_and_nothing_else_is() {
    let parsed = parsed();
    assert!(
        parsed.len() > 40,
        "the clap definitions were read: {parsed:?}"
    );
    let rows = documented(&read("docs/operations.md"), "## Settings");
    let names: BTreeSet<&str> = rows.iter().map(|(n, _)| n.as_str()).collect();

    let undocumented: Vec<&String> = parsed
        .keys()
        .filter(|k| !names.contains(k.as_str()))
        .collect();
    assert!(
        undocumented.is_empty(),
        "parsed but not in docs/operations.md's settings tables: {undocumented:?}"
    );
    let unknown: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| !parsed.contains_key(*n) && !NOT_CLAP.contains(n))
        .collect();
    assert!(
        unknown.is_empty(),
        "documented but parsed by no binary: {unknown:?}"
    );

    // A default clap has must be the one the table says (the same setting may appear in two
    // tables, e.g. the one process's own default; one of them must say clap's).
    let mut wrong = Vec::new();
    for (name, default) in &parsed {
        let Some(default) = default else { continue };
        let cells: Vec<&String> = rows
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, d)| d)
            .collect();
        let says = |cell: &&String| {
            cell.contains(&format!("`{default}`"))
                || (default.is_empty() && cell.starts_with("(empty"))
        };
        if !cells.iter().any(says) {
            wrong.push(format!(
                "{name}: clap's default {default:?}, the table says {cells:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "defaults:\n{}", wrong.join("\n"));
}

#[test]
fn the_readmes_settings_are_real_settings() {
    let parsed = parsed();
    let rows = documented(&read("README.md"), "## Configuration");
    assert!(rows.len() >= 5, "the README's table was read: {rows:?}");
    for (name, _) in rows {
        assert!(
            parsed.contains_key(&name),
            "the README names {name}, which no binary parses"
        );
    }
}
