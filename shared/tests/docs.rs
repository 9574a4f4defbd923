//! The documentation is part of the interface: the kind and reason tables must list exactly the
//! values the code stores (and say rightly which kinds count as a read), every relative link
//! must lead somewhere, and the README must start with the two ways to run MailPing and its one
//! test command. The settings tables are checked against the clap definitions in
//! `bot/tests/settings_docs.rs`, where all three binaries' settings are in reach.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use mailping_shared::domain::{OpenKind, Reason};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace is the crate's parent")
        .to_owned()
}

fn read(relative: &str) -> String {
    let path = root().join(relative);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// The rows of the first table after `heading` in `text`: first cell (without backticks) to
/// the others.
fn table_after(text: &str, heading: &str) -> BTreeMap<String, Vec<String>> {
    let start = text
        .find(heading)
        .unwrap_or_else(|| panic!("no heading {heading:?}"));
    text[start..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2) // the header and its |---| line
        .map(|row| {
            let cells: Vec<String> = row
                .trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_owned())
                .collect();
            (cells[0].trim_matches('`').to_owned(), cells[1..].to_vec())
        })
        .collect()
}

fn check_kind_table(file: &str, heading: &str) {
    let table = table_after(&read(file), heading);
    let documented: Vec<&str> = table.keys().map(String::as_str).collect();
    let mut coded: Vec<&str> = OpenKind::ALL.iter().map(|k| k.as_str()).collect();
    coded.sort_unstable();
    assert_eq!(documented, coded, "{file}: kinds vs OpenKind");
    for kind in OpenKind::ALL {
        let counts = table[kind.as_str()].last().map(String::as_str);
        let expected = if kind.counts_as_read() { "yes" } else { "no" };
        assert_eq!(
            counts,
            Some(expected),
            "{file} says {kind} counts: {counts:?}"
        );
    }
}

#[test]
fn the_kind_tables_list_every_kind_and_whether_it_counts_as_a_read() {
    check_kind_table("docs/classification.md", "## What `opens.kind` means");
    check_kind_table("README.md", "## What \"opened\" means");
}

#[test]
fn the_reason_table_lists_every_reason_the_code_stores() {
    let table = table_after(&read("docs/classification.md"), "## Why: `opens.reason`");
    let documented: Vec<&str> = table.keys().map(String::as_str).collect();
    let mut coded: Vec<&str> = Reason::ALL.iter().map(|r| r.as_str()).collect();
    coded.sort_unstable();
    assert_eq!(
        documented, coded,
        "docs/classification.md reasons vs Reason"
    );
    for (code, cells) in &table {
        assert_eq!(cells.len(), 2, "{code}: meaning and words");
        assert!(cells.iter().all(|c| !c.is_empty()), "{code}: {cells:?}");
    }
}

/// The Markdown files whose links are checked: the README, every file of `docs/`, and the
/// READMEs of `bench/` and `tests/faults/`.
fn markdown_files() -> Vec<String> {
    let mut files = vec![
        "README.md".to_owned(),
        "bench/README.md".to_owned(),
        "tests/faults/README.md".to_owned(),
    ];
    let docs = fs::read_dir(root().join("docs")).expect("docs/ exists");
    for entry in docs {
        let name = entry.expect("a docs/ entry").file_name();
        let name = name.to_string_lossy();
        if name.ends_with(".md") {
            files.push(format!("docs/{name}"));
        }
    }
    files.sort();
    files
}

/// Text outside fenced code blocks, where links are links.
fn prose(text: &str) -> String {
    let mut fenced = false;
    let mut out = String::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Every `[text](target)` target in `text`'s prose.
fn link_targets(text: &str) -> Vec<String> {
    let prose = prose(text);
    let mut targets = Vec::new();
    let mut rest = prose.as_str();
    while let Some(at) = rest.find("](") {
        let after = &rest[at + 2..];
        let end = after.find(')').unwrap_or(after.len());
        targets.push(after[..end].trim().to_owned());
        rest = &after[end..];
    }
    targets
}

/// GitHub's anchor for a heading: lower case, punctuation other than `-` and `_` dropped,
/// spaces to `-`.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

fn anchors(text: &str) -> BTreeSet<String> {
    prose(text)
        .lines()
        .filter_map(|l| l.strip_prefix('#'))
        .map(|l| slug(l.trim_start_matches('#')))
        .collect()
}

#[test]
fn every_relative_link_names_a_file_and_heading_that_exist() {
    let mut broken = Vec::new();
    let files = markdown_files();
    assert!(files.len() >= 8, "docs/ has its files: {files:?}");
    for file in &files {
        let text = read(file);
        let dir = Path::new(file).parent().unwrap_or(Path::new(""));
        for target in link_targets(&text) {
            if target.starts_with("http://")
                || target.starts_with("https://")
                || target.starts_with("mailto:")
            {
                continue;
            }
            let (path, anchor) = match target.split_once('#') {
                Some((p, a)) => (p, Some(a)),
                None => (target.as_str(), None),
            };
            let (resolved, linked_text) = if path.is_empty() {
                (PathBuf::from(file), Some(text.clone()))
            } else {
                let resolved = dir.join(path);
                let full = root().join(&resolved);
                if !full.exists() {
                    broken.push(format!("{file}: {target} (no such file)"));
                    continue;
                }
                let linked = fs::read_to_string(&full).ok();
                (resolved, linked)
            };
            if let (Some(anchor), Some(linked)) = (anchor, linked_text)
                && !anchors(&linked).contains(anchor)
            {
                broken.push(format!(
                    "{file}: {target} (no heading #{anchor} in {})",
                    resolved.display()
                ));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn the_readme_starts_with_the_two_ways_to_run_it_and_the_test_command() {
    let readme = read("README.md");
    let lines = readme.lines().count();
    assert!(
        lines <= 300,
        "README.md has {lines} lines; keep it to about 300"
    );
    let head: Vec<&str> = readme.lines().take(40).collect();
    for command in [
        "docker compose up -d",
        "cargo run --release --bin mailping --",
        "tests/run",
    ] {
        assert!(
            head.iter().any(|l| l.contains(command)),
            "the README's first 40 lines lack {command:?}"
        );
    }
    // What the commands name exists: the binary, the compose file, the test script.
    assert!(root().join("bot/src/bin/mailping.rs").exists());
    assert!(root().join("docker-compose.yml").exists());
    let run = fs::metadata(root().join("tests/run")).expect("tests/run exists");
    use std::os::unix::fs::PermissionsExt;
    assert!(
        run.permissions().mode() & 0o111 != 0,
        "tests/run is executable"
    );
}

#[test]
fn slugs_are_githubs() {
    assert_eq!(slug("Why: `opens.reason`"), "why-opensreason");
    assert_eq!(
        slug("Self-opens and duplicates"),
        "self-opens-and-duplicates"
    );
    assert_eq!(slug("One process (`mailping`)"), "one-process-mailping");
}

/// Every module says at its top what it owns (`//!`), so a maintainer finds their way without
/// reading it whole. `schema.rs` is generated by Diesel and says so instead.
#[test]
fn every_module_starts_with_what_it_owns() {
    fn walk(dir: &Path, missing: &mut Vec<String>) {
        for entry in fs::read_dir(dir).expect("a source directory").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, missing);
            } else if path.extension().is_some_and(|e| e == "rs")
                && path.file_name().is_some_and(|n| n != "schema.rs")
            {
                let text = fs::read_to_string(&path).expect("a source file");
                if !text.starts_with("//!") {
                    missing.push(path.display().to_string());
                }
            }
        }
    }
    let mut missing = Vec::new();
    for krate in ["shared", "pixel-server", "bot", "tests"] {
        walk(&root().join(krate).join("src"), &mut missing);
    }
    assert!(
        missing.is_empty(),
        "modules without a //! header: {missing:#?}"
    );
}
