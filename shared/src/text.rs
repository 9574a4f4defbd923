//! Small text helpers that both the command logic and the parsers below it use. Knows nothing
//! of commands, replies or the database.

/// `s` cut to `max` characters, with an ellipsis when cut.
pub fn truncate_chars(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        s.chars().take(max).chain(std::iter::once('…')).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::truncate_chars;

    #[test]
    fn cuts_by_characters_and_marks_the_cut() {
        assert_eq!(truncate_chars("Proposal", 8), "Proposal");
        assert_eq!(truncate_chars("Proposal", 4), "Prop…");
        assert_eq!(truncate_chars("Предложение", 3), "Пре…");
    }
}
