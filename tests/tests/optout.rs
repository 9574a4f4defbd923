//! The recipient's opt-out link (docs/privacy.md): opening it changes nothing, only its
//! button's POST withdraws, and then at once on every pixel replica, with the tracker's opens
//! deleted and the sender told once. Scanners, prefetches and other sites' forms withdraw
//! nothing, and the page is never an open.

use mailping_shared::commands::{Chat, Command, CommandLimits};
use mailping_shared::i18n::Lang;
use mailping_shared::models::Platform;
use mailping_tests::app::{PATIENCE, TestApp, token_in};
use mailping_tests::{eventually, seed};

const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

/// The opt-out page's path in a `/track` reply.
fn optout_path(text: &str) -> String {
    let start = text.find("/o/").expect("an opt-out link in the reply");
    text[start..start + 3 + 32].to_owned()
}

async fn wait_opens_of(app: &TestApp, tracker_id: i64, n: usize) {
    let mut conn = app.conn().await;
    eventually(
        PATIENCE,
        format!("{n} opens of tracker {tracker_id}"),
        async || (seed::kinds(&mut conn, tracker_id).await.len() == n).then_some(()),
    )
    .await;
}

/// A POST of the opt-out form, as a browser on the page sends it, with these headers changed.
async fn post(app: &TestApp, url: &str, headers: &[(&str, &str)], body: &str) -> (u16, String) {
    let mut req = app
        .client()
        .post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body.to_owned());
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let resp = req.send().await.expect("opt-out POST");
    (
        resp.status().as_u16(),
        resp.text().await.unwrap_or_default(),
    )
}

#[tokio::test]
async fn the_button_stops_recording_on_every_replica_deletes_the_opens_and_tells_the_sender_once() {
    let mut app = TestApp::spawn()
        .pixel_setting("--trusted-proxies", "127.0.0.0/8")
        .with_telegram()
        .await;
    let replica = app.start_pixel_replica().await;
    let chat = 7;
    let on = app.send(chat, "/notice on").await;
    assert!(on.text.contains("notice is on"), "{}", on.text);
    let created = app.send(chat, "/track Proposal").await;
    assert!(
        created
            .text
            .contains("This email tells me when it is opened"),
        "the notice line: {}",
        created.text
    );
    let token = token_in(&created.text);
    let link = optout_path(&created.text);
    let mut conn = app.conn().await;
    let t = seed::all_trackers(&mut conn).await[0].clone();
    let control = seed::tracker(&mut conn, 8, "Control").await;

    // Read on both replicas.
    app.fetch_pixel_with(&token, Some(FIREFOX), &[("x-forwarded-for", "203.0.113.1")])
        .await;
    app.client()
        .get(app.replica_pixel_url(replica, &TestApp::pixel_path(&token)))
        .header("user-agent", "Thunderbird/115.0")
        .header("x-forwarded-for", "198.51.100.1")
        .send()
        .await
        .unwrap();
    wait_opens_of(&app, t.id, 2).await;

    let (status, page) = post(
        &app,
        &app.pixel_url(&link),
        &[("user-agent", FIREFOX), ("origin", &app.pixel_base_url())],
        "withdraw=yes",
    )
    .await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Done."), "{page}");
    assert_eq!(
        seed::kinds(&mut conn, t.id).await.len(),
        0,
        "its opens are deleted before the page answers"
    );
    assert!(seed::optout(&mut conn, t.id).await.1, "withdrawn");

    // At once, on every replica: each fetch of the withdrawn tracker is queued before a fetch
    // of the control tracker on the same replica, so once the control's opens are written,
    // the withdrawn tracker's fetches have been handled.
    for (i, ip) in ["203.0.113.2", "198.51.100.2"].into_iter().enumerate() {
        let base = match i {
            0 => app.pixel_base_url(),
            _ => app.replica_pixel_url(replica, ""),
        };
        for tok in [&token, &control.token] {
            app.client()
                .get(format!("{base}{}", TestApp::pixel_path(tok)))
                .header("user-agent", FIREFOX)
                .header("x-forwarded-for", ip)
                .send()
                .await
                .unwrap();
        }
    }
    wait_opens_of(&app, control.id, 2).await;
    assert_eq!(
        seed::kinds(&mut conn, t.id).await.len(),
        0,
        "no replica records the withdrawn tracker"
    );

    // The sender is told, without the recipient's address.
    let told = eventually(PATIENCE, "the withdrawal notice", async || {
        let told: Vec<_> = app
            .telegram()
            .sent_to(chat)
            .into_iter()
            .filter(|m| m.text.contains("asked not to be tracked"))
            .collect();
        (!told.is_empty() && seed::withdrawal_notices(&mut conn).await == 0).then_some(told)
    })
    .await;
    assert!(told[0].text.contains("Proposal"), "{}", told[0].text);
    for address in ["203.0.113", "198.51.100", "127.0.0.1"] {
        assert!(!told[0].text.contains(address), "{}", told[0].text);
    }

    // A second visit changes nothing, and queues no second notice.
    let (status, again) = post(
        &app,
        &app.pixel_url(&link),
        &[("user-agent", FIREFOX)],
        "withdraw=yes",
    )
    .await;
    assert_eq!(status, 200);
    assert!(again.contains("done before"), "{again}");
    let page = app
        .client()
        .get(app.pixel_url(&link))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("done before"), "{page}");
    assert_eq!(seed::withdrawal_notices(&mut conn).await, 0);
    // The bot answers a command after any notice it still had to send.
    let timeline = app.send(chat, "/opens 1").await;
    assert!(
        timeline.text.contains("asked not to be tracked"),
        "{}",
        timeline.text
    );
    let notices = app
        .telegram()
        .sent_to(chat)
        .into_iter()
        .filter(|m| m.text.starts_with("🚫"))
        .count();
    assert_eq!(notices, 1, "the sender is told exactly once");
}

#[tokio::test]
async fn scanners_prefetches_and_other_sites_withdraw_nothing_and_the_page_is_never_an_open() {
    let app = TestApp::spawn()
        .pixel_setting("--trusted-proxies", "127.0.0.0/8")
        .await;
    let commands = app.commands(CommandLimits {
        trackers_per_minute: 100,
        commands_per_minute: 10_000,
    });
    let chat = Chat::new(Platform::Telegram, 42);
    commands.run(&chat, Command::Notice("on".into())).await;
    let created = commands
        .run(&chat, Command::Track("Proposal".into()))
        .await
        .plain_text();
    let url = app.pixel_url(&optout_path(&created));
    let mut conn = app.conn().await;
    let t = seed::all_trackers(&mut conn).await[0].clone();
    app.fetch_pixel_with(
        &t.token,
        Some(FIREFOX),
        &[("x-forwarded-for", "203.0.113.1")],
    )
    .await;
    wait_opens_of(&app, t.id, 1).await;

    // Following the link: a scanner, a browser, a HEAD, a prefetch.
    for (method, headers) in [
        ("GET", vec![("user-agent", "Barracuda")]),
        ("GET", vec![("user-agent", FIREFOX)]),
        ("HEAD", vec![("user-agent", FIREFOX)]),
        (
            "GET",
            vec![("user-agent", FIREFOX), ("sec-purpose", "prefetch")],
        ),
    ] {
        let mut req = app
            .client()
            .request(method.parse().unwrap(), &url)
            .header("x-forwarded-for", "198.51.100.7");
        for (name, value) in &headers {
            req = req.header(*name, *value);
        }
        let resp = req.send().await.unwrap();
        assert_eq!(resp.status(), 200, "{method} {headers:?}");
        let body = resp.text().await.unwrap();
        if method == "GET" {
            assert!(body.contains("<form method=post>"), "{body}");
        }
    }
    // POSTs that are not a person pressing the button.
    let refused: [(&[(&str, &str)], &str); 6] = [
        (&[("user-agent", "Barracuda")], "withdraw=yes"),
        (
            &[("user-agent", "Mozilla/5.0 (compatible; Mimecast)")],
            "withdraw=yes",
        ),
        (&[], "withdraw=yes"),
        (
            &[("user-agent", FIREFOX), ("sec-purpose", "prefetch")],
            "withdraw=yes",
        ),
        (
            &[("user-agent", FIREFOX), ("origin", "https://evil.example")],
            "withdraw=yes",
        ),
        (
            &[("user-agent", FIREFOX), ("sec-fetch-site", "cross-site")],
            "withdraw=yes",
        ),
    ];
    for (headers, body) in refused
        .iter()
        .chain([(&[("user-agent", FIREFOX)][..], "")].iter())
    {
        let (status, page) = post(&app, &url, headers, body).await;
        assert_eq!(status, 200, "{headers:?} {body:?}");
        assert!(
            page.contains("Nothing was changed"),
            "{headers:?} {body:?}: {page}"
        );
    }
    assert!(
        !seed::optout(&mut conn, t.id).await.1,
        "nothing was withdrawn"
    );
    assert_eq!(seed::withdrawal_notices(&mut conn).await, 0);

    // None of those page views is an open: a fetch of the pixel after them is the second.
    app.fetch_pixel_with(&t.token, Some(FIREFOX), &[("x-forwarded-for", "192.0.2.1")])
        .await;
    wait_opens_of(&app, t.id, 2).await;
    assert_eq!(seed::kinds(&mut conn, t.id).await, ["direct", "direct"]);

    // A link that matches nothing.
    let (status, _) = post(
        &app,
        &app.pixel_url(&format!("/o/{}", "ab".repeat(16))),
        &[("user-agent", FIREFOX)],
        "withdraw=yes",
    )
    .await;
    assert_eq!(status, 404);
    // And the button itself, from the page, does withdraw.
    let (status, page) = post(&app, &url, &[("user-agent", FIREFOX)], "withdraw=yes").await;
    assert_eq!(status, 200);
    assert!(page.contains("Done."), "{page}");
    assert!(seed::optout(&mut conn, t.id).await.1);
}

/// The page is in the browser's language where MailPing has it, read as the bot reads a
/// platform's language (the region dropped, Portuguese as Brazilian), right to left for
/// Persian and Arabic, and English otherwise.
#[tokio::test]
async fn the_page_speaks_the_browsers_language() {
    let app = TestApp::spawn().await;
    let commands = app.commands(CommandLimits {
        trackers_per_minute: 100,
        commands_per_minute: 10_000,
    });
    let chat = Chat::new(Platform::Telegram, 43);
    commands.run(&chat, Command::Notice("on".into())).await;
    let created = commands
        .run(&chat, Command::Track("Proposal".into()))
        .await
        .plain_text();
    let url = app.pixel_url(&optout_path(&created));
    let page = async |accept: Option<&str>| {
        let mut req = app.client().get(&url).header("user-agent", FIREFOX);
        if let Some(accept) = accept {
            req = req.header("accept-language", accept);
        }
        let resp = req.send().await.expect("opt-out GET");
        assert_eq!(resp.status(), 200, "{accept:?}");
        resp.text().await.unwrap()
    };
    for (accept, lang) in [
        (Some("de-DE,de;q=0.9"), Lang::De),
        (Some("fa"), Lang::Fa),
        (Some("ar-EG,en;q=0.5"), Lang::Ar),
        (Some("nl-NL,pt-PT;q=0.8,de;q=0.5"), Lang::PtBr),
        (Some("nl, zz;q=0.5"), Lang::En),
        (None, Lang::En),
    ] {
        let body = page(accept).await;
        let dir = if lang.right_to_left() {
            " dir=\"rtl\""
        } else {
            ""
        };
        assert!(
            body.contains(&format!("<html lang={}{dir}>", lang.code())),
            "{accept:?}: {body}"
        );
        for key in ["optout-title", "optout-ask", "optout-button"] {
            let words = lang.word(key).replace('\'', "&#39;");
            assert!(body.contains(&words), "{accept:?} {key}: {body}");
        }
        if lang != Lang::En {
            assert!(!body.contains(&Lang::En.word("optout-button")), "{body}");
        }
    }
    // What the page says after a POST is in the browser's language too.
    let (status, said) = post(
        &app,
        &url,
        &[
            ("user-agent", FIREFOX),
            ("accept-language", "de-DE,de;q=0.9"),
        ],
        "",
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        said.contains(&Lang::De.word("optout-press-the-button")),
        "{said}"
    );
}
