//! No two files of a crate import each other, directly or round a loop: each module can be read
//! knowing only what it imports. A file imports another when it names a path into it
//! (`crate::a::b::Item`, `super::sibling::Item`, or `super::Item`, which is the parent's), in a
//! `use` or inline. Declaring a child (`mod child;`) is not an import of it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const CRATES: &[&str] = &["shared", "pixel-server", "bot", "tests"];

/// A module: its path from the crate root (`["commands", "words"]`), empty for the root.
type Module = Vec<String>;

fn modules(src: &Path) -> BTreeMap<Module, PathBuf> {
    fn walk(dir: &Path, prefix: &Module, out: &mut BTreeMap<Module, PathBuf>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if name == "bin" {
                    continue; // binaries are crates of their own
                }
                let mut module = prefix.clone();
                module.push(name);
                walk(&path, &module, out);
            } else if let Some(stem) = name.strip_suffix(".rs") {
                let module = match stem {
                    "mod" => prefix.clone(),
                    "lib" | "main" if prefix.is_empty() => Vec::new(),
                    _ => {
                        let mut m = prefix.clone();
                        m.push(stem.to_owned());
                        m
                    }
                };
                out.insert(module, path);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(src, &Vec::new(), &mut out);
    out
}

/// Code without comments and string literals, so that a path in prose is not an import.
fn code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        };
        let mut in_string = false;
        let mut prev = ' ';
        for c in line.chars() {
            if c == '"' && prev != '\\' {
                in_string = !in_string;
            } else if !in_string {
                out.push(c);
            }
            prev = c;
        }
        out.push('\n');
    }
    out
}

/// The paths a file names: each `crate::…` or `super::…` path, and each path inside a `use`
/// group that starts with one (`use super::{a, b::C}`), as segments.
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for start in ["crate::", "super::"] {
        let mut rest = code;
        while let Some(at) = rest.find(start) {
            let before = rest[..at].chars().last();
            rest = &rest[at..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                rest = &rest[start.len()..];
                continue;
            }
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':' || c == '{'))
                .unwrap_or(rest.len());
            let path = &rest[..end];
            if let Some(group_at) = path.find('{') {
                let head = &path[..group_at];
                let close = rest.find('}').unwrap_or(rest.len());
                for member in rest[group_at + 1..close].split(',') {
                    let member = member.trim().split(" as ").next().unwrap_or("").trim();
                    let member = member.trim_start_matches('{');
                    found.push(segments(&format!("{head}{member}")));
                }
                rest = &rest[close.min(rest.len())..];
            } else {
                found.push(segments(path));
                rest = &rest[end..];
            }
        }
    }
    found
}

/// Whether `code` names a path into its child module `name` (`name::…`, not `x_name::…` or
/// `crate::name::…`, which `paths` resolves).
fn names_child(code: &str, name: &str) -> bool {
    let needle = format!("{name}::");
    let mut rest = code;
    while let Some(at) = rest.find(&needle) {
        let before = rest[..at].chars().last();
        let ok = match before {
            None => true,
            Some(c) => !(c.is_alphanumeric() || c == '_' || c == ':'),
        };
        let self_path = rest[..at].ends_with("self::") && !rest[..at].ends_with("super::");
        if ok || self_path {
            return true;
        }
        rest = &rest[at + needle.len()..];
    }
    false
}

fn segments(path: &str) -> Vec<String> {
    path.split("::")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The module a path leads into, from `module`'s point of view: the longest prefix that is a
/// module file of the crate.
fn target(module: &Module, path: &[String], all: &BTreeMap<Module, PathBuf>) -> Option<Module> {
    let mut base: Module = Vec::new();
    let mut rest = path;
    match path.first().map(String::as_str) {
        Some("crate") => rest = &path[1..],
        Some("super") => {
            base = module.clone();
            while rest.first().map(String::as_str) == Some("super") {
                base.pop()?;
                rest = &rest[1..];
            }
        }
        _ => return None,
    }
    let mut best = base.clone();
    let mut probe = base;
    for segment in rest {
        probe.push(segment.clone());
        if all.contains_key(&probe) {
            best = probe.clone();
        } else {
            break;
        }
    }
    Some(best)
}

fn cycles_in(krate: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(krate);
    let all = modules(&root.join("src"));
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (module, file) in &all {
        let text = fs::read_to_string(file).expect("a source file");
        // Unit tests are a module of their own inside the file: they may use anything.
        let text = match text.find("#[cfg(test)]") {
            Some(at) => &text[..at],
            None => &text,
        };
        let code = code(text);
        // A parent naming a child's items (`words::welcome()`, `use self::reply::Reply`).
        for (child, _) in all.range(module.clone()..) {
            if child.len() != module.len() + 1 || !child.starts_with(module) {
                continue;
            }
            let name = &child[module.len()];
            if names_child(&code, name) {
                edges
                    .entry(module.clone())
                    .or_default()
                    .insert(child.clone());
            }
        }
        for path in paths(&code) {
            if let Some(to) = target(module, &path, &all)
                && &to != module
                && !to.is_empty()
            {
                edges.entry(module.clone()).or_default().insert(to);
            }
        }
    }
    // Every cycle through the strongly connected parts, named once each by a shortest loop.
    let mut found = BTreeSet::new();
    for start in edges.keys() {
        // Breadth-first from start's successors back to start.
        let mut previous: BTreeMap<Module, Module> = BTreeMap::new();
        let mut queue: std::collections::VecDeque<Module> = edges[start].iter().cloned().collect();
        for next in &edges[start] {
            previous.insert(next.clone(), start.clone());
        }
        while let Some(at) = queue.pop_front() {
            if &at == start {
                let mut loop_ = vec![start.join("::")];
                let mut step = previous[start].clone();
                while &step != start {
                    loop_.push(step.join("::"));
                    step = previous[&step].clone();
                }
                loop_.reverse();
                // Name the loop from its smallest member, so each is listed once.
                let min = (0..loop_.len()).min_by_key(|&i| &loop_[i]).unwrap_or(0);
                loop_.rotate_left(min);
                found.insert(format!("{krate}: {}", loop_.join(" -> ")));
                break;
            }
            for next in edges.get(&at).into_iter().flatten() {
                if !previous.contains_key(next) {
                    previous.insert(next.clone(), at.clone());
                    queue.push_back(next.clone());
                }
            }
        }
    }
    found.into_iter().collect()
}

#[test]
fn no_two_files_of_a_crate_import_each_other() {
    let cycles: Vec<String> = CRATES.iter().flat_map(|k| cycles_in(k)).collect();
    assert!(
        cycles.is_empty(),
        "import cycles ({}):\n{}",
        cycles.len(),
        cycles.join("\n")
    );
}

#[test]
fn a_loop_is_found_and_a_declaration_is_not_an_import() {
    let mut all = BTreeMap::new();
    for m in [&[][..], &["a"][..], &["a", "b"][..], &["c"][..]] {
        all.insert(
            m.iter().map(|s| s.to_string()).collect::<Module>(),
            PathBuf::new(),
        );
    }
    let a: Module = vec!["a".into()];
    let ab: Module = vec!["a".into(), "b".into()];
    let paths_in = |text: &str| paths(&code(text));
    // `super::Item` from a/b is a/ itself; `super::super::c::X` is c.
    let p = paths_in("use super::{Item, b::Other};\nfn f() { super::super::c::X::new(); }");
    let targets: Vec<Module> = p.iter().filter_map(|p| target(&ab, p, &all)).collect();
    assert!(targets.contains(&a), "{targets:?}");
    assert!(targets.contains(&vec!["c".to_string()]), "{targets:?}");
    // A parent naming its child's items imports the child.
    assert!(names_child("let r = words::welcome();", "words"));
    assert!(names_child("use self::words::welcome;", "words"));
    assert!(!names_child("let r = crate::x::words_list::y;", "words"));
    // A path in a comment or a string is not an import.
    assert!(paths_in("// crate::c::X\nlet s = \"crate::c\";").is_empty());
}
