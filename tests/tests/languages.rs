//! The same story in every language on both platforms: `/start`, `/track`, a read and its
//! alert, `/opens`, a reminder, `/stats`, `/export`, errors and `/language`, told by one app to
//! twelve Telegram chats and twelve Discord users at once. Every reply must be in the chat's
//! language (no sentence of the English catalogue left in it, and words of its own catalogue
//! in it), accepted by Telegram (the fake parses the HTML as Telegram does and refuses what
//! Telegram refuses) and within each platform's limits. Also: the language follows the
//! platform until `/language` picks one, a group keeps one language, and the menus are
//! registered per language.

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::Duration;
use fluent_syntax::ast::{Entry, Expression, Pattern, PatternElement};
use futures_util::future::join_all;
use mailping_shared::i18n::Lang;
use mailping_tests::app::{DISCORD_GUILD, PATIENCE, TestApp, token_in};
use mailping_tests::fake_discord::{self, DISCORD_LOCALES};
use mailping_tests::fake_telegram::{Limits, SentMessage, render_html};
use mailping_tests::{Describe, eventually, seed};
use serde_json::{Value, json};

const GMAIL: &str =
    "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";

/// What Telegram reports for a user of each language (as its apps send them).
fn telegram_code(lang: Lang) -> &'static str {
    match lang {
        Lang::PtBr => "pt-br",
        other => other.code(),
    }
}

/// The Discord locale of a user of each language; Persian and Arabic have none, so those
/// users pick their language with `/language`.
fn discord_locale(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => Some("en-US"),
        Lang::Es => Some("es-419"),
        Lang::Fa | Lang::Ar => None,
        other => Some(other.code()),
    }
}

// ---------------------------------------------------------------------------------------------
// The catalogues' sentences

fn catalogue(lang: Lang) -> String {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "shared",
        "locales",
        lang.code(),
        "mailping.ftl",
    ]
    .iter()
    .collect();
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn pattern_texts(p: &Pattern<&str>, out: &mut Vec<String>) {
    for element in &p.elements {
        match element {
            PatternElement::TextElement { value } => out.push((*value).to_owned()),
            PatternElement::Placeable {
                expression: Expression::Select { variants, .. },
            } => {
                for v in variants {
                    pattern_texts(&v.value, out);
                }
            }
            PatternElement::Placeable { .. } => out.push("\u{0}".to_owned()),
        }
    }
}

/// The runs of text of a catalogue's messages, as a user reads them: between the inserted
/// values and the markup tags, entities decoded, trimmed.
fn fragments(lang: Lang) -> BTreeSet<String> {
    let source = catalogue(lang);
    let resource = fluent_syntax::parser::parse(source.as_str()).expect("a readable catalogue");
    let mut texts = Vec::new();
    for entry in &resource.body {
        if let Entry::Message(m) = entry {
            let mut pieces = Vec::new();
            if let Some(value) = &m.value {
                pattern_texts(value, &mut pieces);
            }
            for a in &m.attributes {
                pieces.push("\u{0}".to_owned());
                pattern_texts(&a.value, &mut pieces);
            }
            texts.push(pieces.concat());
        }
    }
    let mut out = BTreeSet::new();
    for text in texts {
        let mut plain = String::new();
        let mut in_tag = false;
        for c in text.chars() {
            match c {
                '<' => {
                    in_tag = true;
                    plain.push('\u{0}');
                }
                '>' if in_tag => in_tag = false,
                _ if in_tag => {}
                c => plain.push(c),
            }
        }
        let plain = plain
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&");
        for piece in plain.split(['\u{0}', '\n']) {
            let piece = piece.trim();
            if !piece.is_empty() {
                out.insert(piece.to_owned());
            }
        }
    }
    out
}

/// What tells a language apart in a reply.
struct Words {
    lang: Lang,
    /// Every fragment of the English catalogue and of this language's, for buttons.
    english_all: BTreeSet<String>,
    own_all: BTreeSet<String>,
    /// Each language's name in its own words: the `/language` buttons show them all.
    names: Vec<String>,
    /// English sentences (two words or more, ten characters or more) but commands (`/quiet
    /// off`), which are typed the same in every language: none may appear in its replies.
    english: Vec<String>,
    /// This language's own fragments of five characters or more: every reply has one.
    own: Vec<String>,
}

impl Words {
    fn of(lang: Lang) -> Words {
        let own = fragments(lang);
        let english_all = fragments(Lang::En);
        let own_all = own.clone();
        let names = Lang::ALL.iter().map(|l| l.word("language-name")).collect();
        let english = if lang == Lang::En {
            Vec::new()
        } else {
            fragments(Lang::En)
                .into_iter()
                .filter(|f| {
                    f.chars().count() >= 10
                        && f.split_whitespace()
                            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
                            .count()
                            >= 2
                        && !f.starts_with('/')
                })
                .collect()
        };
        let own = own.into_iter().filter(|f| f.chars().count() >= 5).collect();
        Words {
            lang,
            english_all,
            own_all,
            names,
            english,
            own,
        }
    }

    /// Panics unless `text` (what a user reads of a reply) is in this language.
    fn check(&self, what: &str, text: &str) {
        if let Some(sentence) = self.english.iter().find(|s| text.contains(s.as_str())) {
            panic!(
                "{:?} {what}: an English sentence is left, {sentence:?}, in:\n{text}",
                self.lang
            );
        }
        assert!(
            self.own.iter().any(|f| text.contains(f.as_str())),
            "{:?} {what}: no words of its catalogue in:\n{text}",
            self.lang
        );
    }

    /// Buttons are checked as a whole: an English button text may not stand for another
    /// language's.
    fn check_button(&self, what: &str, label: &str) {
        if self.lang != Lang::En
            && self.english_all.contains(label)
            && !self.names.iter().any(|n| n == label)
        {
            assert!(
                self.own_all.contains(label),
                "{:?} {what}: the English button {label:?}",
                self.lang
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Telegram

/// Checks one Telegram message: valid HTML, within the limit, in the language.
fn check_telegram(words: &Words, what: &str, m: &SentMessage) {
    let rendered = render_html(&m.raw_text)
        .unwrap_or_else(|e| panic!("{:?} {what}: Telegram refuses the HTML ({e})", words.lang));
    let limit = if m.file.is_some() { 1024 } else { 4096 };
    assert!(
        rendered.text.encode_utf16().count() <= limit,
        "{:?} {what}: over Telegram's {limit}",
        words.lang
    );
    // The second file of an export comes without a caption.
    if !(m.file.is_some() && m.text.is_empty()) {
        words.check(what, &m.text);
    }
    for b in m.buttons() {
        words.check_button(what, &b.text);
    }
}

/// Sends `text` and returns the bot's answer, waiting for all `parts` of it (an export is
/// two files) so that the next answer is not mistaken for one of them.
async fn say_in(app: &TestApp, chat: i64, text: &str, parts: usize) -> SentMessage {
    let before = app.telegram().sent_to(chat).len();
    app.telegram().send_text(chat, text);
    let first = app.next_message(chat, before).await;
    app.next_message(chat, before + parts - 1).await;
    first
}

async fn say(app: &TestApp, chat: i64, text: &str) -> SentMessage {
    say_in(app, chat, text, 1).await
}

async fn telegram_story(app: &TestApp, lang: Lang, chat: i64) -> Vec<(String, SentMessage)> {
    let tg = app.telegram();
    tg.set_language(chat, Some(telegram_code(lang)));
    let mut replies = Vec::new();
    let mut keep = |what: &str, m: SentMessage| replies.push((what.to_owned(), m));
    keep("/start", say(app, chat, "/start").await);
    let one = say(app, chat, "/track ACME Q1").await;
    let token = token_in(&one.text);
    keep("/track", one);
    keep("/track 2", say(app, chat, "/track ACME Q2").await);
    keep("/remind 2 1d", say(app, chat, "/remind 2 1d").await);
    keep("/remind", say(app, chat, "/remind").await);
    app.fetch_pixel(&token, Some(GMAIL)).await;
    let alert = eventually(
        PATIENCE,
        Describe(|| format!("{lang:?}: an alert in chat {chat}: {:#?}", tg.sent_to(chat))),
        async || {
            tg.sent_to(chat)
                .into_iter()
                .find(|m| m.text.starts_with('📬'))
        },
    )
    .await;
    keep("alert", alert);
    keep("/opens", say(app, chat, "/opens").await);
    keep("/opens 1", say(app, chat, "/opens 1").await);
    keep("/stats", say(app, chat, "/stats").await);
    keep("/stats 1", say(app, chat, "/stats 1").await);
    keep("/export", say_in(app, chat, "/export", 2).await);
    keep("/opens abc", say(app, chat, "/opens abc").await);
    keep("/frobnicate", say(app, chat, "/frobnicate").await);
    keep("/remind 2 soon", say(app, chat, "/remind 2 soon").await);
    keep("/tz Mars/Olympus", say(app, chat, "/tz Mars/Olympus").await);
    // Issue 29's privacy words: the screen, retention, and /track with the recipient notice.
    keep("/privacy", say(app, chat, "/privacy").await);
    keep("/privacy loose", say(app, chat, "/privacy loose").await);
    keep("/retention", say(app, chat, "/retention").await);
    keep("/retention 90d", say(app, chat, "/retention 90d").await);
    keep("/retention soon", say(app, chat, "/retention soon").await);
    keep("/notice on", say(app, chat, "/notice on").await);
    let noticed = say(app, chat, "/track ACME Q3").await;
    assert!(
        noticed.text.contains(&format!(
            "{} {}",
            lang.word("notice-default"),
            app.pixel_url("/o/")
        )),
        "{lang:?}: the notice line in the chat's language: {}",
        noticed.text
    );
    keep("/track with notice", noticed);
    keep("/privacy strict", say(app, chat, "/privacy strict").await);
    keep("/help", say(app, chat, "/help").await);
    keep("/language", say(app, chat, "/language").await);
    replies
}

// ---------------------------------------------------------------------------------------------
// Discord

/// Runs a slash command as `user` with their locale; returns the answer's `data`.
async fn slash(
    app: &TestApp,
    user: u64,
    locale: &str,
    name: &str,
    options: &[(&str, Value)],
) -> Value {
    let body = fake_discord::with_locale(
        fake_discord::slash_command(name, options, user, Some(DISCORD_GUILD)),
        locale,
    );
    let (status, answer) = app.interact(&body).await;
    assert_eq!(status, 200, "/{name}: {answer}");
    assert_eq!(answer["type"], 4, "/{name}: {answer}");
    answer["data"].clone()
}

/// Runs a slash command that answers with a file; returns its first follow-up's content.
async fn slash_file(
    app: &TestApp,
    user: u64,
    locale: &str,
    name: &str,
    options: &[(&str, Value)],
) -> String {
    let body = fake_discord::with_locale(
        fake_discord::slash_command(name, options, user, Some(DISCORD_GUILD)),
        locale,
    );
    let token = body["token"].as_str().expect("a token").to_owned();
    let (status, answer) = app.interact(&body).await;
    assert_eq!(
        (status, answer["type"].as_u64()),
        (200, Some(5)),
        "{answer}"
    );
    let dc = app.discord();
    dc.wait_for(PATIENCE, |m| m.interaction_token.as_deref() == Some(&token))
        .await
        .unwrap_or_else(|| panic!("no follow-up to /{name}; refused: {:#?}", dc.refused()))
        .content
}

/// What a user reads of Discord markdown: escapes and emphasis markers removed.
fn shown(markdown: &str) -> String {
    let mut out = String::new();
    let markdown = markdown.replace("**", "");
    let mut chars = markdown.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            out.push(chars.next().unwrap_or('\\'));
        } else if c != '`' {
            out.push(c);
        }
    }
    out
}

fn check_discord(words: &Words, what: &str, content: &str, components: Option<&Value>) {
    assert!(
        content.encode_utf16().count() <= 2000,
        "{:?} {what}: over Discord's 2,000",
        words.lang
    );
    words.check(what, &shown(content));
    let labels = components
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|row| row["components"].as_array())
        .flatten()
        .filter_map(|b| b["label"].as_str());
    for label in labels {
        words.check_button(what, label);
    }
}

async fn discord_story(app: &TestApp, lang: Lang, user: u64) -> Vec<(String, String, Value)> {
    let locale = discord_locale(lang).unwrap_or("en-US");
    let mut replies = Vec::new();
    if discord_locale(lang).is_none() {
        let picked = slash(
            app,
            user,
            locale,
            "language",
            &[("code", json!(lang.code()))],
        )
        .await;
        replies.push((
            "/language".to_owned(),
            picked["content"].as_str().unwrap_or_default().to_owned(),
            picked["components"].clone(),
        ));
    }
    let mut keep = |what: &str, data: Value| {
        replies.push((
            what.to_owned(),
            data["content"].as_str().unwrap_or_default().to_owned(),
            data["components"].clone(),
        ))
    };
    keep("/start", slash(app, user, locale, "start", &[]).await);
    let one = slash(app, user, locale, "track", &[("label", json!("ACME Q1"))]).await;
    let token = token_in(&shown(one["content"].as_str().unwrap_or_default()));
    keep("/track", one);
    keep(
        "/track 2",
        slash(
            app,
            user,
            locale,
            "track",
            &[
                ("label", json!("ACME Q2")),
                ("recipients", json!("Ana, Bo")),
            ],
        )
        .await,
    );
    keep(
        "/remind 2 1d",
        slash(
            app,
            user,
            locale,
            "remind",
            &[("tracker", json!("2")), ("when", json!("1d"))],
        )
        .await,
    );
    app.fetch_pixel(&token, Some(GMAIL)).await;
    let alert = app.dms(user, 1).await.remove(0);
    keep(
        "alert",
        json!({ "content": alert.content, "components": alert.components }),
    );
    keep("/opens", slash(app, user, locale, "opens", &[]).await);
    keep(
        "/opens 1",
        slash(app, user, locale, "opens", &[("number", json!(1))]).await,
    );
    let stats = slash_file(app, user, locale, "stats", &[]).await;
    keep("/stats", json!({ "content": stats }));
    let export = slash_file(app, user, locale, "export", &[]).await;
    keep("/export", json!({ "content": export }));
    keep(
        "/remind abc",
        slash(
            app,
            user,
            locale,
            "remind",
            &[("tracker", json!("abc")), ("when", json!("1d"))],
        )
        .await,
    );
    keep(
        "/tz Mars/Olympus",
        slash(app, user, locale, "tz", &[("zone", json!("Mars/Olympus"))]).await,
    );
    keep("/privacy", slash(app, user, locale, "privacy", &[]).await);
    keep(
        "/retention 90d",
        slash(app, user, locale, "retention", &[("period", json!("90d"))]).await,
    );
    keep(
        "/notice on",
        slash(app, user, locale, "notice", &[("notice", json!("on"))]).await,
    );
    keep(
        "/track with notice",
        slash(app, user, locale, "track", &[("label", json!("ACME Q3"))]).await,
    );
    keep("/help", slash(app, user, locale, "help", &[]).await);
    replies
}

// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn the_same_story_in_every_language_on_telegram_and_discord() {
    let app = TestApp::spawn().with_telegram().with_discord().await;
    // A test of words, not of flood limits: twelve chats talk at once.
    app.telegram().set_limits(Limits::none());
    let chats: Vec<(Lang, i64, u64)> = Lang::ALL
        .iter()
        .enumerate()
        .map(|(i, &lang)| (lang, 9_100 + i as i64, 5_000_000_000_000_000 + i as u64))
        .collect();

    let (telegram, discord) = tokio::join!(
        join_all(
            chats
                .iter()
                .map(|&(lang, chat, _)| telegram_story(&app, lang, chat))
        ),
        join_all(
            chats
                .iter()
                .map(|&(lang, _, user)| discord_story(&app, lang, user))
        ),
    );

    // Every tracker 2 was left unread with a one-day reminder: a day later, each is reminded.
    let mut conn = app.conn().await;
    seed::advance_clock(&mut conn, Duration::days(1) + Duration::minutes(1)).await;
    let tg = app.telegram();
    for (i, &(lang, chat, user)) in chats.iter().enumerate() {
        let words = Words::of(lang);
        for (what, m) in &telegram[i] {
            check_telegram(&words, &format!("Telegram {what}"), m);
        }
        // The reminder; and every message of the chat, files' captions included.
        eventually(
            PATIENCE,
            Describe(|| {
                format!(
                    "{lang:?}: a reminder in chat {chat}: {:#?}",
                    tg.sent_to(chat)
                )
            }),
            async || {
                tg.sent_to(chat).into_iter().find(|m| {
                    m.text.starts_with('⏰') && m.text.contains("ACME Q2") && m.buttons().len() == 3
                })
            },
        )
        .await;
        for m in tg.sent_to(chat) {
            check_telegram(&words, &format!("Telegram message {}", m.message_id), &m);
        }
        for (what, content, components) in &discord[i] {
            check_discord(
                &words,
                &format!("Discord {what}"),
                content,
                Some(components),
            );
        }
        let dms = app.dms(user, 2).await;
        for dm in &dms {
            check_discord(&words, "Discord DM", &dm.content, dm.components.as_ref());
        }
    }
    assert!(
        tg.rejected().is_empty(),
        "Telegram refused: {:#?}",
        tg.rejected()
    );
    assert!(
        app.discord().refused().is_empty(),
        "Discord refused: {:#?}",
        app.discord().refused()
    );
}

/// Sends `text` to a Telegram group as `user` and returns the bot's answer.
async fn say_in_group(app: &TestApp, group: i64, user: i64, text: &str) -> SentMessage {
    let before = app.telegram().sent_to(group).len();
    app.telegram().send_text_from(group, user, text);
    app.next_message(group, before).await
}

#[tokio::test]
async fn the_language_follows_the_app_until_the_chat_picks_one() {
    let app = TestApp::spawn().with_telegram().await;
    let tg = app.telegram();
    let chat = 9_201;
    let help = |lang: Lang| Lang::word(lang, "commands-title");

    // Portuguese is Brazilian Portuguese; a regional code falls back to its language.
    tg.set_language(chat, Some("pt"));
    assert!(
        say(&app, chat, "/help")
            .await
            .text
            .starts_with(&help(Lang::PtBr))
    );
    tg.set_language(chat, Some("es-419"));
    assert!(
        say(&app, chat, "/help")
            .await
            .text
            .starts_with(&help(Lang::Es))
    );
    // A language we don't speak, or none reported, is English.
    let other = 9_202;
    tg.set_language(other, Some("ja"));
    assert!(
        say(&app, other, "/help")
            .await
            .text
            .starts_with("MailPing commands")
    );
    let hidden = 9_203;
    tg.set_language(hidden, None);
    assert!(
        say(&app, hidden, "/help")
            .await
            .text
            .starts_with("MailPing commands")
    );

    // `/language` alone lists every language as a button, each in its own words.
    let list = say(&app, chat, "/language").await;
    assert!(list.text.contains("Español"), "{}", list.text);
    let names: Vec<String> = list.buttons().into_iter().map(|b| b.text).collect();
    for lang in Lang::ALL {
        assert!(names.contains(&lang.word("language-name")), "{names:?}");
    }

    // Picked, it stays whatever the app says.
    let picked = say(&app, chat, "/language it").await;
    assert!(picked.text.contains("Italiano"), "{}", picked.text);
    tg.set_language(chat, Some("de"));
    assert!(
        say(&app, chat, "/help")
            .await
            .text
            .starts_with(&help(Lang::It))
    );
    // A button picks one too, answered in the language picked.
    let pressed = app.press(chat, list.message_id, "lg:fr").await;
    assert!(pressed.text.contains("Français"), "{}", pressed.text);
    assert!(
        say(&app, chat, "/help")
            .await
            .text
            .starts_with(&help(Lang::Fr))
    );
    // An unknown code is refused, in the chat's language, with the choices.
    let unknown = say(&app, chat, "/language xx").await;
    assert!(unknown.text.contains("xx"), "{}", unknown.text);
    assert!(unknown.buttons().len() >= 12, "{:?}", unknown.buttons());
    assert!(!unknown.text.contains("I don't speak"), "{}", unknown.text);
    // `auto` follows the app again.
    let auto = say(&app, chat, "/language auto").await;
    assert!(auto.text.contains("Deutsch"), "{}", auto.text);
    tg.set_language(chat, Some("uk"));
    assert!(
        say(&app, chat, "/help")
            .await
            .text
            .starts_with(&help(Lang::Uk))
    );

    // Alerts, which answer no message, use the stored language.
    let tracked = say(&app, chat, "/track Angebot").await;
    app.fetch_pixel(&token_in(&tracked.text), Some(GMAIL)).await;
    let alert = tg
        .wait_for(PATIENCE, |m| m.chat_id == chat && m.text.starts_with('📬'))
        .await
        .expect("an alert");
    assert!(!alert.text.starts_with("📬 Opened"), "{}", alert.text);
    assert_eq!(alert.buttons()[0].text, Lang::Uk.word("button-timeline"));
}

#[tokio::test]
async fn a_telegram_group_speaks_one_language_whoever_writes() {
    let app = TestApp::spawn().with_telegram().await;
    let tg = app.telegram();
    let group = -9_300;
    let (anna, pierre) = (9_301, 9_302);
    tg.set_language(anna, Some("de"));
    tg.set_language(pierre, Some("fr"));
    let title = |lang: Lang| lang.word("commands-title");
    assert!(
        say_in_group(&app, group, anna, "/help")
            .await
            .text
            .starts_with(&title(Lang::De))
    );
    // Pierre's app is French; the group still speaks German.
    assert!(
        say_in_group(&app, group, pierre, "/help")
            .await
            .text
            .starts_with(&title(Lang::De))
    );
    // Until someone picks another language for the group.
    say_in_group(&app, group, pierre, "/language fr").await;
    assert!(
        say_in_group(&app, group, anna, "/help")
            .await
            .text
            .starts_with(&title(Lang::Fr))
    );
    // A private chat with Anna follows her app as before.
    assert!(
        say(&app, anna, "/help")
            .await
            .text
            .starts_with(&title(Lang::De))
    );
}

#[tokio::test]
async fn menus_are_registered_in_every_language_as_the_platforms_take_them() {
    let app = TestApp::spawn().with_telegram().with_discord().await;
    let tg = app.telegram();
    let english = eventually(PATIENCE, "the default menu", async || {
        let menu = tg.commands();
        (!menu.is_empty()).then_some(menu)
    })
    .await;
    assert_eq!(english.len(), mailping_shared::commands::COMMANDS.len());
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        // Telegram takes two-letter codes: Brazilian Portuguese's menu is "pt".
        let code = &lang.code()[..2];
        let menu = eventually(
            PATIENCE,
            Describe(|| format!("the {code} menu")),
            async || {
                let menu = tg.commands_for(code);
                (!menu.is_empty()).then_some(menu)
            },
        )
        .await;
        let names: Vec<&str> = menu.iter().map(|(c, _)| c.as_str()).collect();
        let english_names: Vec<&str> = english.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(names, english_names, "command names stay the same");
        assert_eq!(
            menu[1].1,
            mailping_shared::commands::command_description(lang, "track")
        );
        assert_ne!(menu[1].1, english[1].1, "{code}");
    }

    let dc = app.discord();
    let commands = eventually(PATIENCE, "the slash commands", async || {
        let c = dc.global_commands();
        (!c.is_empty()).then_some(c)
    })
    .await;
    let track = commands
        .iter()
        .find(|c| c["name"] == "track")
        .expect("/track");
    let locales = track["description_localizations"]
        .as_object()
        .expect("localised descriptions");
    for locale in [
        "de", "es-ES", "es-419", "pt-BR", "fr", "it", "ru", "uk", "tr", "id",
    ] {
        assert!(locales.contains_key(locale), "{locale}: {locales:?}");
    }
    for locale in locales.keys() {
        assert!(DISCORD_LOCALES.contains(&locale.as_str()), "{locale}");
    }
    assert_eq!(
        track["options"][0]["name_localizations"]["de"],
        Lang::De.word("option-label")
    );
}
