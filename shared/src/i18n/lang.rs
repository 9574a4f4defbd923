//! The languages MailPing speaks (`Lang`) and the Unicode isolates that keep inserted values
//! readable inside right-to-left text. The catalogue lookups are `impl Lang` in `i18n/mod.rs`;
//! this file imports nothing of the crate, so every other module can name a language.

/// A language the bot speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Es,
    PtBr,
    De,
    Fr,
    It,
    Ru,
    Uk,
    Tr,
    Id,
    Fa,
    Ar,
}

/// First strong isolate: opens a value whose direction is its own.
pub const FSI: char = '\u{2068}';
/// Pop directional isolate: closes it.
pub const PDI: char = '\u{2069}';
