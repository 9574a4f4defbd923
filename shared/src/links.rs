//! The public URLs of a tracker. Paths are unbranded: no "track", "pixel", "open" or "mail",
//! which spam filters and privacy blockers look for.

use crate::config::BaseUrl;
use crate::domain::Token;

/// Pixel URLs are `/{PIXEL_PREFIX}/{token}.gif`.
pub const PIXEL_PREFIX: &str = "i";
/// Copy pages are `/{COPY_PAGE_PREFIX}/{copy_token}`.
pub const COPY_PAGE_PREFIX: &str = "c";

/// Recipients' opt-out pages are `/{OPTOUT_PREFIX}/{optout_token}`: a token of its own, as
/// unguessable as the pixel's, so that neither link gives the other away.
pub const OPTOUT_PREFIX: &str = "o";

pub fn optout_url(base: &BaseUrl, optout_token: Token) -> String {
    format!("{}/{OPTOUT_PREFIX}/{optout_token}", base.as_str())
}

pub fn pixel_url(base: &BaseUrl, token: Token) -> String {
    format!("{}/{PIXEL_PREFIX}/{token}.gif", base.as_str())
}

pub fn copy_page_url(base: &BaseUrl, copy_token: Token) -> String {
    format!("{}/{COPY_PAGE_PREFIX}/{copy_token}", base.as_str())
}

/// The token of a pixel file name such as `0123…cdef.gif`; anything else is `None`.
pub fn parse_pixel_file(file: &str) -> Option<Token> {
    file.strip_suffix(".gif").and_then(Token::parse)
}

/// The snippet to paste into an HTML email. No `display:none` or other hiding: SpamAssassin
/// penalises that (STY_INVIS_DIRECT), and a 1x1 image is invisible anyway.
pub fn snippet(pixel_url: &str) -> String {
    format!("<img src=\"{pixel_url}\" width=\"1\" height=\"1\" alt=\"\" style=\"border:0\">")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_unbranded_and_end_in_gif() {
        let base: BaseUrl = "https://px.example.com".parse().unwrap();
        let url = pixel_url(&base, Token::generate());
        assert!(url.ends_with(".gif"));
        let path = url
            .trim_start_matches("https://px.example.com")
            .to_lowercase();
        for word in ["track", "pixel", "open", "mail"] {
            assert!(!path.contains(word), "{path} contains {word}");
        }
        assert!(!snippet(&url).contains("display"));
        let optout = optout_url(&base, Token::generate()).to_lowercase();
        for word in ["track", "pixel", "open", "mail", "unsub"] {
            assert!(!optout.contains(word), "{optout} contains {word}");
        }
    }
}
