//! The page webmail users copy the invisible image from: a `Copy` button that puts the image on
//! the clipboard as rich HTML, how to paste it in the common clients, and the old way (select
//! between the arrows) for when scripts or the clipboard are unavailable.
//!
//! The page loads nothing but its own pixel. Its script and stylesheet are inline and allowed
//! by their SHA-256 in the `Content-Security-Policy`, so no `'unsafe-inline'` is needed and no
//! second request is made.

use std::sync::LazyLock;

use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use mailping_shared::config::BaseUrl;
use mailping_shared::links;
use sha2::{Digest, Sha256};

/// The page's stylesheet: phone first, big enough to read and to tap.
const STYLE: &str = "\
body{font:18px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0 auto;padding:1em 1.2em;max-width:36em;color:#1f1f1f;background:#fff}\
h1{font-size:1.5em;line-height:1.25;margin:.4em 0;overflow-wrap:anywhere}\
button{font:inherit;font-weight:600;min-width:10em;min-height:3em;padding:.6em 2em;border:0;border-radius:.5em;background:#1a73e8;color:#fff;cursor:pointer}\
button:active{background:#1557b0}\
#status{min-height:1.5em;font-weight:600}\
.ok{color:#137333}.err{color:#b3261e}\
ul{padding-left:1.2em}li{margin:.4em 0}\
.alt{color:#555;font-size:.9em;border-top:1px solid #ddd;padding-top:.8em;margin-top:1.5em}\
.alt b{font-size:2em;color:#1f1f1f}\
@media(max-width:30em){body{padding:.5em 1em}button{width:100%}}";

/// The `style` attribute of the snippet's image. The attribute is part of the snippet, so it
/// stays on the page's copy too, which selecting between the arrows copies.
const SNIPPET_STYLE: &str = "border:0";

/// The button's script. The async Clipboard API writes `text/html` and `text/plain` at once;
/// where it is missing or refused, a `copy` event handler sets the same two formats on the
/// user's copy of the marked region, so both ways put exactly the snippet on the clipboard.
const SCRIPT: &str = r#"(function(){
var b=document.getElementById("copy"),s=document.getElementById("status"),px=document.getElementById("px");
var html=b.getAttribute("data-html"),url=b.getAttribute("data-url"),ours=false;
function say(t,ok){s.textContent=t;s.className=ok?"ok":"err";}
function done(){say("Copied \u2014 now paste into your email.",true);}
document.addEventListener("copy",function(e){
if(!ours||!e.clipboardData)return;
e.clipboardData.setData("text/html",html);e.clipboardData.setData("text/plain",url);e.preventDefault();
});
function fallback(){
var r=document.createRange(),sel=window.getSelection(),ok=false;
r.selectNode(px);sel.removeAllRanges();sel.addRange(r);
ours=true;try{ok=document.execCommand("copy");}catch(e){ok=false;}ours=false;
if(ok){sel.removeAllRanges();done();}
else say("Could not copy automatically. Select everything between the arrows below, copy it (Ctrl+C or \u2318C) and paste it into your email.",false);
}
b.addEventListener("click",function(){
if(navigator.clipboard&&navigator.clipboard.write&&window.ClipboardItem){
navigator.clipboard.write([new ClipboardItem({
"text/html":new Blob([html],{type:"text/html"}),
"text/plain":new Blob([url],{type:"text/plain"})
})]).then(done,fallback);
}else fallback();
});
})();"#;

/// `'sha256-…'` of a text, as a CSP source expression.
fn csp_hash(text: &str) -> String {
    format!(
        "'sha256-{}'",
        STANDARD.encode(Sha256::digest(text.as_bytes()))
    )
}

/// The policy's fixed part, from the inline script and styles. Computed once: they are
/// constants, so this is too.
static FIXED_POLICY: LazyLock<String> = LazyLock::new(|| {
    format!(
        "default-src 'none'; script-src {script}; \
         style-src {style} 'unsafe-hashes' {attribute}; \
         base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        script = csp_hash(SCRIPT),
        style = csp_hash(STYLE),
        // 'unsafe-hashes' allows only style attributes with exactly this hash (the snippet's
        // `border:0`), not scripts and not any other inline style.
        attribute = csp_hash(SNIPPET_STYLE),
    )
});

/// The `Content-Security-Policy` of a copy page: only the inline script and styles by hash,
/// and images only from the pixel server's own pixel path.
pub fn content_security_policy(base: &BaseUrl) -> String {
    format!("{}; img-src {}", *FIXED_POLICY, image_source(base))
}

/// Where the page's image comes from, as a CSP source: the pixel path on the public base URL.
/// A base URL with characters that would end a CSP source (`;`, `,`, quotes, non-ASCII) falls
/// back to `'self'`, which still allows the page's own server.
fn image_source(base: &BaseUrl) -> String {
    let url = base.as_str();
    let rest = url.split_once("://").map_or("", |(_, rest)| rest);
    let safe = !rest.is_empty()
        && rest
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || b".-_~:/[]%".contains(&c));
    match safe {
        true => format!("{url}/{}/", links::PIXEL_PREFIX),
        false => "'self'".to_owned(),
    }
}

/// The page for a tracker with this label and pixel URL. Everything the user typed is escaped.
pub fn html(label: &str, pixel_url: &str) -> String {
    let label = escape_html(label);
    let snippet = links::snippet(pixel_url);
    format!(
        "<!doctype html><html lang=en><meta charset=utf-8>\
<meta name=viewport content=\"width=device-width,initial-scale=1\">\
<title>{label} \u{b7} MailPing</title><style>{STYLE}</style>\
<h1>{label}</h1>\
<p>Press <b>Copy</b>, then paste into your email. The image is invisible: you will see nothing where it goes.</p>\
<p><button id=copy type=button data-html=\"{data_html}\" data-url=\"{data_url}\">Copy</button></p>\
<p id=status role=status aria-live=polite></p>\
<ul>\
<li><b>Gmail:</b> click in the message and press Ctrl+V (\u{2318}V on a Mac).</li>\
<li><b>Outlook (web):</b> click in the message and press Ctrl+V (\u{2318}V); if asked, keep the formatting.</li>\
<li><b>Apple Mail:</b> press \u{2318}V in a message in Rich Text (Format \u{25b8} Make Rich Text).</li>\
</ul>\
<p class=alt>No button? Select everything between the arrows (it holds the invisible image), copy it, and paste it into your email.<br>\
<b>\u{25b6}</b><span id=px>{page_snippet}</span><b>\u{25c0}</b></p>\
<script>{SCRIPT}</script>",
        data_html = escape_html(&snippet),
        data_url = escape_html(pixel_url),
        page_snippet = links::snippet(&escape_html(pixel_url)),
    )
}

/// A copy page's response: the page with a strict policy, never cached, indexed or referred.
pub fn response(base: &BaseUrl, label: &str, pixel_url: &str) -> Response {
    let policy = content_security_policy(base);
    page_response(StatusCode::OK, &policy, html(label, pixel_url))
}

/// A short page saying what went wrong (unknown link, database down), with the same headers.
pub fn message(status: StatusCode, msg: &str) -> Response {
    let page = format!(
        "<!doctype html><html lang=en><meta charset=utf-8>\
<meta name=viewport content=\"width=device-width,initial-scale=1\">\
<title>MailPing</title><p>{}</p>",
        escape_html(msg)
    );
    page_response(
        status,
        "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        page,
    )
}

/// A page's response with the headers every MailPing page sends, under its own `policy`.
pub(crate) fn page_response(status: StatusCode, policy: &str, page: String) -> Response {
    let policy = HeaderValue::from_str(policy)
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'"));
    (
        status,
        [
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            (
                header::REFERRER_POLICY,
                HeaderValue::from_static("no-referrer"),
            ),
            (
                HeaderName::from_static("x-robots-tag"),
                HeaderValue::from_static("noindex"),
            ),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (header::CONTENT_SECURITY_POLICY, policy),
        ],
        Html(page),
    )
        .into_response()
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(s: &str) -> BaseUrl {
        s.parse().unwrap()
    }

    #[test]
    fn labels_are_escaped_everywhere() {
        let page = html(
            "<script>alert(1)</script>\"'&",
            "https://px.example.com/i/ab.gif",
        );
        assert!(!page.contains("<script>alert"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"));
        assert_eq!(
            page.matches("<script>").count(),
            1,
            "only the page's own script"
        );
    }

    #[test]
    fn the_button_carries_exactly_the_snippet_and_the_url() {
        let url = "https://px.example.com/i/0123.gif";
        let page = html("Proposal", url);
        let attribute = format!("data-html=\"{}\"", escape_html(&links::snippet(url)));
        assert!(page.contains(&attribute), "{page}");
        assert!(page.contains(&format!("data-url=\"{url}\"")));
        assert!(page.contains(&format!("<span id=px>{}</span>", links::snippet(url))));
    }

    #[test]
    fn the_policy_allows_only_the_inline_code_by_hash_and_the_pixel_path() {
        let policy = content_security_policy(&base("https://px.example.com"));
        assert!(!policy.contains("unsafe-inline"), "{policy}");
        assert!(!policy.contains('*'), "{policy}");
        for directive in [
            "default-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
            "img-src https://px.example.com/i/",
        ] {
            assert!(policy.contains(directive), "{directive} missing: {policy}");
        }
        assert!(policy.contains(&format!("script-src {};", csp_hash(SCRIPT))));
        // The hash is of the exact text between the tags the page sends.
        let page = html("x", "https://px.example.com/i/ab.gif");
        assert!(page.contains(&format!("<script>{SCRIPT}</script>")));
        assert!(page.contains(&format!("<style>{STYLE}</style>")));
        assert!(page.contains(&format!("style=\"{SNIPPET_STYLE}\"")));
    }

    #[test]
    fn a_base_url_that_could_break_the_policy_falls_back_to_self() {
        assert_eq!(
            image_source(&base("http://127.0.0.1:8080")),
            "http://127.0.0.1:8080/i/"
        );
        assert_eq!(
            image_source(&base("https://x.example/mp")),
            "https://x.example/mp/i/"
        );
        assert_eq!(image_source(&base("https://x.example/a;b")), "'self'");
        assert_eq!(image_source(&base("https://x.example/a'b")), "'self'");
        assert_eq!(image_source(&base("https://bücher.example")), "'self'");
    }

    #[test]
    fn the_page_stays_small() {
        let page = html(
            &"L".repeat(200),
            "https://px.example.com/i/0123456789abcdef0123456789abcdef.gif",
        );
        assert!(page.len() < 4_500, "{} bytes", page.len());
    }
}
