//! The copy page in a real browser: headless Chromium opens it, presses `Copy`, and reads back
//! what landed on the clipboard. Needs Chromium (Debian's `chromium`; `.ci/run` installs it,
//! or set `CHROME` to a Chrome or Chromium binary). Screenshots are saved under
//! `target/browser-artifacts/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use chromiumoxide::cdp::browser_protocol::browser::{
    PermissionDescriptor, PermissionSetting, SetPermissionParams,
};
use chromiumoxide::cdp::browser_protocol::emulation::{
    SetDeviceMetricsOverrideParams, SetFocusEmulationEnabledParams,
};
use chromiumoxide::cdp::browser_protocol::network::{
    EventRequestWillBeSent, EventResponseReceived,
};
use chromiumoxide::cdp::browser_protocol::page::CaptureScreenshotFormat;
use chromiumoxide::listeners::EventStream;
use chromiumoxide::page::ScreenshotParams;
use chromiumoxide::{Browser, BrowserConfig, Page};
use futures_util::StreamExt;
use mailping_shared::links;
use mailping_tests::app::{PATIENCE, TestApp};
use mailping_tests::{eventually, seed};
use serde_json::Value;
use tokio::task::JoinHandle;

/// What a person's desktop Chrome sends. Headless Chromium's own User-Agent says
/// `HeadlessChrome`, which MailPing rightly takes for a scanner; the person this test plays
/// uses an ordinary browser.
const DESKTOP_CHROME: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 \
     (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

/// The status line the page shows after a successful copy.
const COPIED: &str = "Copied \u{2014} now paste into your email.";

/// The Chromium binary: `CHROME`, else the first Chromium or Chrome on `PATH`. Fails the test,
/// in one line saying what to install, when there is none.
fn chromium() -> PathBuf {
    if let Some(path) = std::env::var_os("CHROME").filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
    .find(|candidate| candidate.is_file())
    .unwrap_or_else(|| {
        panic!(
            "Chromium is not installed: run `apt-get install -y chromium` \
                 (or set CHROME to a Chromium or Chrome binary)"
        )
    })
}

/// Where test artefacts go: `target/browser-artifacts/`, beside this test's own binary.
fn artifacts_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            // target/debug/deps/browser-… → target
            let exe = std::env::current_exe().ok()?;
            Some(exe.parent()?.parent()?.parent()?.to_path_buf())
        })
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let dir = target.join("browser-artifacts");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
    dir
}

/// A headless Chromium with a fresh profile, closed and its profile removed on drop.
struct Chromium {
    browser: Browser,
    events: JoinHandle<()>,
    profile: PathBuf,
}

impl Chromium {
    async fn launch(executable: &Path) -> Chromium {
        static LAUNCHED: AtomicU32 = AtomicU32::new(0);
        let profile = std::env::temp_dir().join(format!(
            "mailping-chromium-{}-{}",
            std::process::id(),
            LAUNCHED.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&profile);
        let config = BrowserConfig::builder()
            .chrome_executable(executable)
            .user_data_dir(&profile)
            .new_headless_mode()
            .no_sandbox()
            .window_size(1000, 760)
            .viewport(None)
            .launch_timeout(Duration::from_secs(30))
            // chromiumoxide adds the leading dashes.
            .args([
                "disable-gpu",
                "disable-quic",
                "no-first-run",
                "disable-background-networking",
                "disable-component-update",
                "disable-sync",
            ])
            .arg(("user-agent", DESKTOP_CHROME))
            .build()
            .unwrap_or_else(|e| panic!("Chromium settings: {e}"));
        let (browser, mut handler) = Browser::launch(config)
            .await
            .unwrap_or_else(|e| panic!("starting {}: {e}", executable.display()));
        // The handler drives the DevTools connection; it must be polled for anything to happen.
        let events = tokio::spawn(async move { while handler.next().await.is_some() {} });
        Chromium {
            browser,
            events,
            profile,
        }
    }

    /// Lets pages of `origin` read and write the clipboard, as a person who allowed it would.
    async fn allow_clipboard(&self, origin: &str) {
        for (name, unsanitized) in [("clipboard-read", true), ("clipboard-write", false)] {
            let mut permission = PermissionDescriptor::new(name);
            // Reading without sanitising shows exactly what the page wrote.
            permission.allow_without_sanitization = Some(unsanitized);
            let mut params = SetPermissionParams::new(permission, PermissionSetting::Granted);
            params.origin = Some(origin.to_owned());
            self.browser
                .execute(params)
                .await
                .unwrap_or_else(|e| panic!("granting {name}: {e}"));
        }
    }

    async fn close(mut self) {
        let _ = self.browser.close().await;
        let _ = self.browser.wait().await;
        self.events.abort();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Evaluates `js` (awaiting a promise) and returns its JSON value.
async fn eval(page: &Page, js: &str) -> Value {
    page.evaluate_expression(js)
        .await
        .unwrap_or_else(|e| panic!("evaluating {js}: {e}"))
        .into_value::<Value>()
        .unwrap_or(Value::Null)
}

/// Every format on the clipboard and its text, as the page's origin reads it.
async fn clipboard(page: &Page) -> BTreeMap<String, String> {
    let read = r#"(async () => {
        const items = await navigator.clipboard.read({unsanitized: ["text/html"]});
        const out = {};
        for (const item of items) for (const type of item.types)
            out[type] = await (await item.getType(type)).text();
        return out;
    })()"#;
    serde_json::from_value(eval(page, read).await).expect("clipboard formats")
}

/// The fragment in clipboard HTML. Chromium stores what a page writes as a whole document,
/// `<html><head></head><body>…</body></html>`; anything more around the fragment is kept, so
/// the comparison still sees it.
fn fragment(html: &str) -> &str {
    html.strip_prefix("<html><head></head><body>")
        .and_then(|rest| rest.strip_suffix("</body></html>"))
        .unwrap_or(html)
}

async fn screenshot(page: &Page, name: &str) -> PathBuf {
    let path = artifacts_dir().join(name);
    let params = ScreenshotParams::builder()
        .format(CaptureScreenshotFormat::Png)
        .full_page(true)
        .build();
    page.save_screenshot(params, &path)
        .await
        .unwrap_or_else(|e| panic!("screenshot {}: {e}", path.display()));
    path
}

/// A copy page open in Chromium, on a pixel server whose public URL is its own address.
struct OpenPage {
    app: TestApp,
    chromium: Chromium,
    page: Page,
    tracker: seed::SeededTracker,
    base: String,
    page_url: String,
    pixel_url: String,
    requests: EventStream<EventRequestWillBeSent>,
    responses: EventStream<EventResponseReceived>,
}

impl OpenPage {
    /// Opens the copy page of a new tracker with this label; `before_load` runs in the page
    /// before its own script.
    async fn open(label: &str, before_load: &str) -> OpenPage {
        let executable = chromium();
        let mut app = TestApp::spawn().await;
        // The page's image must come from this very server, so it is restarted on the port it
        // was given, with that as its public URL.
        let port = app.pixel_port();
        let base = format!("http://127.0.0.1:{port}");
        app.restart_pixel_with(&[
            ("--listen-addr", &format!("127.0.0.1:{port}")),
            ("--public-base-url", &base),
        ])
        .await;
        let tracker = seed::tracker(&mut app.conn().await, 1, label).await;
        let page_url = format!("{base}/{}/{}", links::COPY_PAGE_PREFIX, tracker.copy_token);
        let pixel_url = format!("{base}/{}/{}.gif", links::PIXEL_PREFIX, tracker.token);

        let chromium = Chromium::launch(&executable).await;
        chromium.allow_clipboard(&base).await;
        let page = chromium
            .browser
            .new_page("about:blank")
            .await
            .expect("a tab");
        // Headless windows never have focus, and the clipboard is only for the focused page.
        page.execute(SetFocusEmulationEnabledParams::new(true))
            .await
            .expect("focus emulation");
        page.evaluate_on_new_document(format!(
            "window.__violations = []; document.addEventListener('securitypolicyviolation', \
             e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI)); {before_load}"
        ))
        .await
        .expect("a script before the page's");
        let requests = page
            .event_listener::<EventRequestWillBeSent>()
            .await
            .expect("request events");
        let responses = page
            .event_listener::<EventResponseReceived>()
            .await
            .expect("response events");

        page.goto(page_url.as_str()).await.expect("the copy page");
        eventually(PATIENCE, "the page and its image to load", async || {
            let js =
                "document.readyState === 'complete' && document.querySelector('#px img').complete";
            (eval(&page, js).await == Value::Bool(true)).then_some(())
        })
        .await;
        OpenPage {
            app,
            chromium,
            page,
            tracker,
            base,
            page_url,
            pixel_url,
            requests,
            responses,
        }
    }

    /// Presses `Copy` and returns the status line the page shows then.
    async fn press_copy(&self) -> String {
        self.page
            .find_element("#copy")
            .await
            .expect("the Copy button")
            .click()
            .await
            .expect("pressing Copy");
        eventually(PATIENCE, "the page to answer the press", async || {
            let text = eval(&self.page, "document.getElementById('status').textContent").await;
            text.as_str().filter(|s| !s.is_empty()).map(str::to_owned)
        })
        .await
    }

    /// Checks the clipboard holds exactly the tracker's snippet as HTML and its URL as text.
    async fn assert_clipboard_holds_the_image(&self) {
        let copied = clipboard(&self.page).await;
        let html = copied.get("text/html").map(String::as_str).unwrap_or("");
        assert_eq!(
            fragment(html),
            links::snippet(&self.pixel_url),
            "the HTML on the clipboard: {copied:#?}"
        );
        assert_eq!(
            copied.get("text/plain"),
            Some(&self.pixel_url),
            "{copied:#?}"
        );
    }

    /// Closes the browser, stops the pixel server and returns the kinds recorded for the
    /// tracker.
    async fn close(mut self) -> Vec<String> {
        self.chromium.close().await;
        self.app.stop_pixel().await;
        seed::kinds(&mut self.app.conn().await, self.tracker.id).await
    }
}

#[tokio::test]
async fn the_copy_button_puts_exactly_the_image_on_the_clipboard() {
    let mut open = OpenPage::open("Q3 proposal <b>& \"friends\"</b> \u{1f4c8}", "").await;
    let page = &open.page;
    let title = page.get_title().await.expect("title").unwrap_or_default();
    assert!(
        title.contains("<b>& \"friends\"</b>"),
        "the label is shown as text: {title}"
    );
    screenshot(page, "copy-page.png").await;

    assert_eq!(open.press_copy().await, COPIED);
    open.assert_clipboard_holds_the_image().await;
    screenshot(page, "copy-page-copied.png").await;

    // On a phone: narrow, and the button still big enough for a thumb.
    page.execute(SetDeviceMetricsOverrideParams::new(390, 844, 2.0, true))
        .await
        .expect("a phone-sized viewport");
    let layout = eval(
        page,
        "(() => { const b = document.getElementById('copy').getBoundingClientRect(); \
         return [b.width, b.height, document.documentElement.scrollWidth, \
         parseFloat(getComputedStyle(document.body).fontSize)]; })()",
    )
    .await;
    let [width, height, page_width, font] = [0, 1, 2, 3].map(|i| layout[i].as_f64().unwrap_or(0.0));
    assert!(
        width >= 44.0 && height >= 44.0,
        "the button is {width}x{height} px"
    );
    assert!(
        page_width <= 390.0,
        "the page scrolls sideways: {page_width} px wide"
    );
    assert!(font >= 16.0, "the text is {font} px");
    screenshot(page, "copy-page-phone.png").await;

    let violations = eval(page, "window.__violations").await;
    assert_eq!(
        violations,
        Value::Array(vec![]),
        "blocked by the page's own CSP"
    );
    let mut urls = Vec::new();
    while let Ok(Some(event)) =
        tokio::time::timeout(Duration::from_millis(200), open.requests.next()).await
    {
        urls.push(event.request.url.clone());
    }
    assert!(
        urls.contains(&open.page_url) && urls.contains(&open.pixel_url),
        "{urls:#?}"
    );
    let base = open.base.clone();
    assert!(
        urls.iter().all(|u| u.starts_with(&format!("{base}/"))),
        "the page loaded something from another origin: {urls:#?}"
    );
    let page_url = open.page_url.clone();
    let responses = &mut open.responses;
    let document = eventually(PATIENCE, "the copy page's response", async || {
        let event = tokio::time::timeout(Duration::from_millis(200), responses.next())
            .await
            .ok()??;
        (event.response.url == page_url).then_some(event)
    })
    .await;
    let headers = document.response.headers.inner();
    let header = |name: &str| {
        headers
            .as_object()
            .and_then(|h| h.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)))
            .and_then(|(_, v)| v.as_str())
            .unwrap_or("")
            .to_owned()
    };
    let policy = header("content-security-policy");
    for directive in [
        "default-src 'none'",
        "script-src 'sha256-",
        "frame-ancestors 'none'",
    ] {
        assert!(policy.contains(directive), "{directive} in {policy:?}");
    }
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    assert!(policy.contains(&format!("img-src {base}/i/")), "{policy}");
    assert_eq!(header("referrer-policy"), "no-referrer");
    assert_eq!(header("cache-control"), "no-store");
    assert_eq!(header("x-robots-tag"), "noindex");

    assert_eq!(
        open.close().await,
        ["self"],
        "the page's own image is the sender's view, never a read"
    );
}

#[tokio::test]
async fn without_the_async_clipboard_api_the_button_still_copies_the_image() {
    // As in browsers without `ClipboardItem`: the page falls back to document.execCommand.
    let open = OpenPage::open("Invoice", "delete window.ClipboardItem;").await;
    assert_eq!(open.press_copy().await, COPIED);
    open.assert_clipboard_holds_the_image().await;
    assert_eq!(open.close().await, ["self"]);
}
