//! The recipient's opt-out page (`/o/<optout_token>`), from the notice line `/track` offers.
//!
//! Security scanners and link previews follow every link in a message, so opening the page
//! changes nothing: it shows one button, and only the button's `POST` withdraws, as RFC 8058's
//! one-click unsubscribe does. A `POST` is refused (the page is shown again, nothing changes)
//! when it says it is a prefetch, when its User-Agent or network is a known machine's, when
//! it comes from another site's page (`Origin` or `Sec-Fetch-Site`), or when it lacks the
//! button's field. The page loads nothing, runs no script, and is never an open.
//!
//! Its words come from the catalogues through `privacy_words::optout_page_words`, in the
//! browser's language where MailPing has it (read as the bot reads a platform's language),
//! written right to left for Persian and Arabic.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use mailping_shared::commands::privacy_words::OptOutPage;
use mailping_shared::config::BaseUrl;

use crate::copy_page::{escape_html, page_response};

/// The page's stylesheet: the copy page's, cut down.
const STYLE: &str = "\
body{font:18px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0 auto;padding:1em 1.2em;max-width:36em;color:#1f1f1f;background:#fff}\
h1{font-size:1.4em;line-height:1.25;margin:.4em 0}\
button{font:inherit;font-weight:600;min-height:3em;padding:.6em 1.5em;border:0;border-radius:.5em;background:#1a73e8;color:#fff;cursor:pointer}\
@media(max-width:30em){button{width:100%}}";

/// The field the button posts; a POST without it withdraws nothing. `List-Unsubscribe` is
/// what an RFC 8058 one-click POST carries.
pub fn is_the_buttons_form(body: &[u8]) -> bool {
    body.split(|b| *b == b'&').any(|pair| {
        pair == b"withdraw=yes" || pair.eq_ignore_ascii_case(b"List-Unsubscribe=One-Click")
    })
}

/// Whether a POST comes from a page of another site: its `Origin` is neither the public base
/// URL's nor the host the request was sent to, or the browser says so in `Sec-Fetch-Site`.
/// No `Origin` at all (an older browser, a mail client's one-click POST) and `null` (sent
/// under our own `no-referrer` policy) are allowed.
pub fn from_elsewhere(headers: &HeaderMap, base: &BaseUrl) -> bool {
    let ours = origin_of(base.as_str());
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let same = |o: &str| {
        o == "null"
            || o == ours
            || host.is_some_and(|h| {
                o.split_once("://")
                    .is_some_and(|(_, authority)| authority == h)
            })
    };
    let origin_differs = headers
        .get(header::ORIGIN)
        .is_some_and(|o| o.to_str().map_or(true, |o| !same(o)));
    let cross_site = headers
        .get("sec-fetch-site")
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"cross-site"));
    origin_differs || cross_site
}

/// `scheme://host[:port]` of a URL.
fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    match url[after_scheme..].find('/') {
        Some(i) => &url[..after_scheme + i],
        None => url,
    }
}

/// The page with its button (the form posts to the page itself).
pub fn form(words: &OptOutPage, note: Option<&str>) -> Response {
    let note = note.map_or(String::new(), |n| {
        format!("<p><b>{}</b></p>", escape_html(n))
    });
    page(
        StatusCode::OK,
        words,
        format!(
            "{note}<p>{ask}</p><form method=post><input type=hidden name=withdraw value=yes>\
<button type=submit>{button}</button></form>",
            ask = escape_html(&words.ask),
            button = escape_html(&words.button),
        ),
    )
}

/// A page with one sentence.
pub fn said(status: StatusCode, words: &OptOutPage, sentence: &str) -> Response {
    page(status, words, format!("<p>{}</p>", escape_html(sentence)))
}

fn page(status: StatusCode, words: &OptOutPage, body: String) -> Response {
    let html = format!(
        "<!doctype html><html lang={lang}{dir}><meta charset=utf-8>\
<meta name=viewport content=\"width=device-width,initial-scale=1\">\
<title>{title}</title><style>{STYLE}</style><h1>{title}</h1>{body}",
        lang = escape_html(words.lang),
        dir = if words.right_to_left {
            " dir=\"rtl\""
        } else {
            ""
        },
        title = escape_html(&words.title),
    );
    // The copy page's headers (no caching, no referrer, no indexing, no sniffing), with this
    // page's policy, and Vary: the words follow Accept-Language.
    let mut response = page_response(
        status,
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; \
         base-uri 'none'; frame-ancestors 'none'",
        html,
    );
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("accept-language"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_buttons_field_or_a_one_click_post_withdraws() {
        assert!(is_the_buttons_form(b"withdraw=yes"));
        assert!(is_the_buttons_form(b"a=b&withdraw=yes"));
        assert!(is_the_buttons_form(b"List-Unsubscribe=One-Click"));
        assert!(!is_the_buttons_form(b""));
        assert!(!is_the_buttons_form(b"withdraw=no"));
        assert!(!is_the_buttons_form(b"xwithdraw=yes"));
    }

    #[test]
    fn a_post_from_another_sites_page_is_from_elsewhere() {
        let base: BaseUrl = "https://px.example.com".parse().unwrap();
        let with = |pairs: &[(&'static str, &'static str)]| {
            let mut h = HeaderMap::new();
            for (n, v) in pairs {
                h.insert(*n, HeaderValue::from_static(v));
            }
            from_elsewhere(&h, &base)
        };
        assert!(!with(&[]));
        assert!(!with(&[("origin", "https://px.example.com")]));
        assert!(!with(&[("origin", "null")]));
        assert!(!with(&[
            ("origin", "http://127.0.0.1:8080"),
            ("host", "127.0.0.1:8080")
        ]));
        assert!(with(&[
            ("origin", "http://127.0.0.1:8081"),
            ("host", "127.0.0.1:8080")
        ]));
        assert!(!with(&[("sec-fetch-site", "same-origin")]));
        assert!(with(&[("origin", "https://evil.example")]));
        assert!(with(&[("sec-fetch-site", "cross-site")]));
    }
}
