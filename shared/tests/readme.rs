//! The README's `opens.kind` and `opens.reason` tables are the documentation users read; they
//! must list exactly the values the code stores, and say rightly which kinds count as a read.

use std::collections::BTreeMap;

use mailping_shared::domain::{OpenKind, Reason};

const README: &str = include_str!("../../README.md");

/// The rows of the first table after `heading`: first cell (without backticks) to the others.
fn table_after(heading: &str) -> BTreeMap<String, Vec<String>> {
    let start = README
        .find(heading)
        .unwrap_or_else(|| panic!("README has no {heading:?}"));
    README[start..]
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

#[test]
fn the_kind_table_lists_every_kind_and_whether_it_counts_as_a_read() {
    let table = table_after("## What `opens.kind` means");
    let documented: Vec<&str> = table.keys().map(String::as_str).collect();
    let mut coded: Vec<&str> = OpenKind::ALL.iter().map(|k| k.as_str()).collect();
    coded.sort_unstable();
    assert_eq!(documented, coded, "README kinds vs OpenKind");
    for kind in OpenKind::ALL {
        let counts = table[kind.as_str()].last().map(String::as_str);
        let expected = if kind.counts_as_read() { "yes" } else { "no" };
        assert_eq!(
            counts,
            Some(expected),
            "README says {kind} counts: {counts:?}"
        );
    }
}

#[test]
fn the_reason_table_lists_every_reason_the_code_stores() {
    let table = table_after("## Why: `opens.reason`");
    let documented: Vec<&str> = table.keys().map(String::as_str).collect();
    let mut coded: Vec<&str> = Reason::ALL.iter().map(|r| r.as_str()).collect();
    coded.sort_unstable();
    assert_eq!(documented, coded, "README reasons vs Reason");
    for (code, cells) in &table {
        assert_eq!(cells.len(), 2, "{code}: meaning and words");
        assert!(cells.iter().all(|c| !c.is_empty()), "{code}: {cells:?}");
    }
}
