//! A fake Telegram Bot API server for end-to-end tests.
//!
//! teloxide talks to it over plain HTTP on 127.0.0.1 (`Bot::set_api_url(fake.api_url())`); tests
//! queue user messages and button presses, then look at what the bot sent. Message text is
//! validated the way Telegram does it (HTML, emptiness, length), so a formatting bug
//! fails a test here instead of an alert in production.
//!
//! Where Telegram is lenient but its documentation is strict (a bare `&` in HTML), the fake
//! follows the documentation. It enforces Telegram's documented flood limits too ([`Limits`]):
//! past them a send answers 429 with `retry_after`, as Telegram does.

use std::collections::{HashMap, HashSet, VecDeque};
use std::net::SocketAddr;
use std::pin::pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header::CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use serde_json::{Map, Value, json};
use tokio::sync::Notify;
use tokio::task::JoinHandle;
use tokio::time::{Instant, timeout_at};

/// Long polls wait at most this long, whatever `timeout` the bot asks for, to keep tests fast
/// (unless a test sets another cap with [`FakeTelegram::set_max_poll_wait`]).
const MAX_POLL_WAIT: Duration = Duration::from_secs(1);
/// Telegram's limit on a message's text after entity parsing, in UTF-16 code units (an emoji
/// outside the Basic Multilingual Plane counts 2).
const MAX_TEXT_CHARS: usize = 4096;
/// Telegram's limit on `callback_data`, in bytes.
const MAX_CALLBACK_DATA_BYTES: usize = 64;
/// Telegram's limit on a caption's text after entity parsing, in UTF-16 code units.
const MAX_CAPTION_CHARS: usize = 1024;
/// What bots may upload: photos up to 10 MB, other files up to 50 MB.
const MAX_PHOTO_BYTES: usize = 10 * 1000 * 1000;
const MAX_DOCUMENT_BYTES: usize = 50 * 1000 * 1000;

/// A running fake Bot API server; it stops when dropped.
pub struct FakeTelegram {
    shared: Arc<Shared>,
    addr: SocketAddr,
    server: JoinHandle<()>,
}

/// A message the bot sent or edited, as Telegram would store it.
#[derive(Debug, Clone, PartialEq)]
pub struct SentMessage {
    /// `"sendMessage"` or `"editMessageText"`.
    pub method: String,
    pub chat_id: i64,
    pub message_id: i32,
    /// The text as a user sees it: escapes and markup parsed away, surrounding whitespace trimmed.
    pub text: String,
    /// The text exactly as the bot sent it.
    pub raw_text: String,
    pub parse_mode: Option<String>,
    /// From `disable_web_page_preview` or `link_preview_options.is_disabled`.
    pub link_preview_disabled: bool,
    /// The `reply_markup` as sent (any keyboard kind).
    pub reply_markup: Option<Value>,
    /// Formatting entities Telegram derived from the markup (offsets in UTF-16 code units).
    pub entities: Vec<Entity>,
    /// The uploaded file of a `sendPhoto` or `sendDocument`; `text` is then its caption.
    pub file: Option<SentFile>,
}

/// A file the bot uploaded as multipart/form-data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentFile {
    /// The form field it came in: `"photo"` or `"document"`.
    pub field: String,
    pub filename: String,
    pub bytes: Vec<u8>,
}

/// A formatting entity in a rendered text, as in Telegram's `MessageEntity`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Telegram's entity type: `"bold"`, `"text_link"`, `"pre"`, `"blockquote"`, ...
    pub kind: String,
    /// Offset in UTF-16 code units.
    pub offset: usize,
    /// Length in UTF-16 code units.
    pub length: usize,
    /// For `text_link`: the normalised URL.
    pub url: Option<String>,
    /// For `pre`: the code block's language.
    pub language: Option<String>,
    /// For `custom_emoji`.
    pub custom_emoji_id: Option<String>,
}

/// The result of parsing a text with a parse mode: what a user sees, plus its entities.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rendered {
    pub text: String,
    pub entities: Vec<Entity>,
}

/// An inline keyboard button of a sent message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub text: String,
    pub callback_data: Option<String>,
    pub url: Option<String>,
}

/// A bot's answer to a button press (`answerCallbackQuery`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallbackAnswer {
    pub callback_query_id: String,
    pub text: Option<String>,
    pub show_alert: bool,
}

/// A canned error for [`FakeTelegram::fail_next`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// 429 with `parameters.retry_after`; teloxide turns it into `RequestError::RetryAfter`.
    TooManyRequests { retry_after: u32 },
    /// 403 "Forbidden: bot was blocked by the user" (`ApiError::BotBlocked`).
    Forbidden,
    /// 500. Note that teloxide sleeps 10 s before reading any 5xx response.
    ServerError,
    /// Any other error, e.g. 400 "Bad Request: chat not found".
    Api {
        error_code: u16,
        description: String,
    },
}

impl FakeTelegram {
    /// The only token the fake accepts; any other gets 401 "Unauthorized".
    pub const TOKEN: &'static str = "123456:TEST";
    /// The bot's user id (the token's prefix, as in real tokens).
    pub const BOT_ID: i64 = 123_456;
    /// The bot's username, as returned by `getMe`.
    pub const BOT_USERNAME: &'static str = "mailping_test_bot";

    /// Starts the server on 127.0.0.1 on a free port.
    pub async fn start() -> Self {
        Self::start_on(0).await
    }

    /// Starts the server on 127.0.0.1:`port` (0 picks a free one); a test that reserved a
    /// port with nothing listening on it can bring "Telegram" up late.
    pub async fn start_on(port: u16) -> Self {
        let shared = Arc::new(Shared::default());
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .expect("fake Telegram: bind 127.0.0.1");
        let addr = listener.local_addr().expect("fake Telegram: local address");
        let app = Router::new()
            .route("/{token}/{method}", any(handle_method))
            .fallback(handle_unknown_path)
            .with_state(Arc::clone(&shared));
        let server = tokio::spawn(async move {
            if let Err(error) = axum::serve(listener, app).await {
                tracing::error!(%error, "fake Telegram server stopped");
            }
        });
        Self {
            shared,
            addr,
            server,
        }
    }

    /// Caps later long polls at `cap` instead of the default second, for a test that must
    /// tell a poll woken by an update from one that ran out its wait.
    pub fn set_max_poll_wait(&self, cap: Duration) {
        self.shared.lock().max_poll_wait = Some(cap);
    }

    /// The base URL to pass to `teloxide::Bot::set_api_url`.
    pub fn api_url(&self) -> url::Url {
        url::Url::parse(&format!("http://{}/", self.addr)).expect("fake Telegram: api url")
    }

    /// A teloxide bot already pointed at this server.
    pub fn bot(&self) -> teloxide::Bot {
        teloxide::Bot::new(Self::TOKEN).set_api_url(self.api_url())
    }

    /// Queues a text message from the user `chat_id` in their private chat with the bot.
    /// Returns the new message's id.
    pub fn send_text(&self, chat_id: i64, text: &str) -> i32 {
        self.send_text_from(chat_id, chat_id, text)
    }

    /// Queues a text message from `user_id` in `chat_id` (a group when the id is negative).
    /// Returns the new message's id.
    pub fn send_text_from(&self, chat_id: i64, user_id: i64, text: &str) -> i32 {
        let message_id = {
            let mut inner = self.shared.lock();
            let entities = command_entity(text).into_iter().collect();
            let message = StoredMessage {
                from: user_id,
                date: unix_now(),
                edit_date: None,
                method: "update",
                text: text.to_owned(),
                raw_text: text.to_owned(),
                parse_mode: None,
                entities,
                reply_markup: None,
                link_preview_disabled: false,
                file: None,
            };
            let message_id = inner.store_message(chat_id, message);
            let json = inner.message_json(chat_id, message_id);
            inner.queue_update("message", json);
            message_id
        };
        self.shared.updates_changed.notify_waiters();
        message_id
    }

    /// Queues a press of an inline button with `data` on message `message_id` by the user
    /// `chat_id`. Returns the callback query id. If the fake never saw that message, the update
    /// carries an inaccessible message (date 0), as Telegram does for old messages.
    pub fn press_button(&self, chat_id: i64, message_id: i32, data: &str) -> String {
        self.press_button_from(chat_id, chat_id, message_id, data)
    }

    /// Like [`Self::press_button`], pressed by `user_id` (for group chats).
    pub fn press_button_from(
        &self,
        chat_id: i64,
        user_id: i64,
        message_id: i32,
        data: &str,
    ) -> String {
        let id = {
            let mut inner = self.shared.lock();
            inner.next_callback_id += 1;
            let id = format!("{}{:06}", Self::BOT_ID, inner.next_callback_id);
            inner.open_callbacks.insert(id.clone());
            let message = if inner.message(chat_id, message_id).is_some() {
                inner.message_json(chat_id, message_id)
            } else {
                json!({ "message_id": message_id, "chat": chat_json(chat_id), "date": 0 })
            };
            let query = json!({
                "id": id,
                "from": user_json(user_id, inner.language_of(user_id)),
                "message": message,
                "chat_instance": format!("{}", chat_id.unsigned_abs()),
                "data": data,
            });
            inner.queue_update("callback_query", query);
            id
        };
        self.shared.updates_changed.notify_waiters();
        id
    }

    /// Every message the bot sent or edited, in order. Failed calls are not included.
    pub fn sent(&self) -> Vec<SentMessage> {
        self.shared.lock().sent.clone()
    }

    /// The messages sent after the first `from`, so a watcher of many messages copies each once.
    pub fn sent_since(&self, from: usize) -> Vec<SentMessage> {
        let inner = self.shared.lock();
        inner.sent.get(from..).unwrap_or_default().to_vec()
    }

    /// [`Self::sent`], only for `chat_id`.
    pub fn sent_to(&self, chat_id: i64) -> Vec<SentMessage> {
        let inner = self.shared.lock();
        inner
            .sent
            .iter()
            .filter(|m| m.chat_id == chat_id)
            .cloned()
            .collect()
    }

    /// The current state of a message (after any edits), if it exists.
    pub fn message(&self, chat_id: i64, message_id: i32) -> Option<SentMessage> {
        let inner = self.shared.lock();
        inner
            .message(chat_id, message_id)
            .map(|m| m.view(chat_id, message_id))
    }

    /// Waits until a sent or edited message (including ones sent before the call) matches
    /// `pred`, and returns the first that does; `None` after `timeout`.
    pub async fn wait_for(
        &self,
        timeout: Duration,
        pred: impl Fn(&SentMessage) -> bool,
    ) -> Option<SentMessage> {
        let deadline = Instant::now() + timeout;
        loop {
            let mut changed = pin!(self.shared.sent_changed.notified());
            changed.as_mut().enable();
            let found = self.shared.lock().sent.iter().find(|m| pred(m)).cloned();
            if found.is_some() || Instant::now() >= deadline {
                return found;
            }
            let _ = timeout_at(deadline, changed).await;
        }
    }

    /// Makes the next call of `method` (for `chat_id`, if given) fail once with `failure`.
    /// Planned failures queue up and are used in order.
    pub fn fail_next(&self, method: &str, chat_id: Option<i64>, failure: Failure) {
        self.shared.lock().failures.push(PlannedFailure {
            method: method.to_ascii_lowercase(),
            chat_id,
            failure,
        });
    }

    /// From now on every call addressed to `chat_id` answers 403 "Forbidden: bot was blocked
    /// by the user".
    pub fn block_chat(&self, chat_id: i64) {
        self.shared.lock().blocked.insert(chat_id);
    }

    /// Undoes [`Self::block_chat`].
    pub fn unblock_chat(&self, chat_id: i64) {
        self.shared.lock().blocked.remove(&chat_id);
    }

    /// `"{method}: {description}"` of every request the fake refused as invalid (400 bad text
    /// or markup, 401, 404 unknown method, 409); planned failures are not included.
    pub fn rejected(&self) -> Vec<String> {
        self.shared.lock().rejected.clone()
    }

    /// Revokes the bot's token, as @BotFather's /revoke does: every call gets 401 from now on.
    pub fn revoke_token(&self) {
        self.shared.lock().revoked = true;
    }

    /// Sets the flood limits the fake enforces (by default Telegram's, see [`Limits`]).
    pub fn set_limits(&self, limits: Limits) {
        self.shared.lock().limits = limits;
    }

    /// `"{method} to {chat}: retry after {n}"` for each call the flood limits answered with 429.
    pub fn throttled(&self) -> Vec<String> {
        self.shared.lock().throttled.clone()
    }

    /// `(command, description)` pairs from the latest `setMyCommands` without a language code
    /// (the menu of every user whose language has none of its own).
    pub fn commands(&self) -> Vec<(String, String)> {
        self.commands_for("")
    }

    /// `(command, description)` pairs from the latest `setMyCommands` for `language_code`
    /// (`""`: the default menu).
    pub fn commands_for(&self, language_code: &str) -> Vec<(String, String)> {
        let inner = self.shared.lock();
        inner.menus.get(language_code).cloned().unwrap_or_default()
    }

    /// The `language_code` Telegram reports for `user_id` from now on (`"en"` until set; none
    /// at all for `None`, as for users who hide it).
    pub fn set_language(&self, user_id: i64, language_code: Option<&str>) {
        self.shared
            .lock()
            .languages
            .insert(user_id, language_code.map(str::to_owned));
    }

    /// How many callback queries the bot answered.
    pub fn answered_callbacks(&self) -> usize {
        self.shared.lock().callback_answers.len()
    }

    /// The bot's answers to callback queries, in order.
    pub fn callback_answers(&self) -> Vec<CallbackAnswer> {
        self.shared.lock().callback_answers.clone()
    }

    /// How many times `method` was called (case-insensitive), including failed calls.
    pub fn call_count(&self, method: &str) -> usize {
        let inner = self.shared.lock();
        inner
            .calls
            .get(&method.to_ascii_lowercase())
            .copied()
            .unwrap_or(0)
    }

    /// Updates queued and not yet confirmed by a `getUpdates` offset.
    pub fn pending_updates(&self) -> usize {
        self.shared.lock().updates.len()
    }
}

impl Drop for FakeTelegram {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl SentMessage {
    /// The inline keyboard's buttons, row by row, flattened.
    pub fn buttons(&self) -> Vec<Button> {
        let Some(rows) = self
            .reply_markup
            .as_ref()
            .and_then(|m| m.get("inline_keyboard"))
            .and_then(Value::as_array)
        else {
            return Vec::new();
        };
        rows.iter()
            .filter_map(Value::as_array)
            .flatten()
            .map(|b| Button {
                text: b["text"].as_str().unwrap_or_default().to_owned(),
                callback_data: b["callback_data"].as_str().map(str::to_owned),
                url: b["url"].as_str().map(str::to_owned),
            })
            .collect()
    }

    /// The `callback_data` of the button labelled `label`, if any.
    pub fn callback_data(&self, label: &str) -> Option<String> {
        self.buttons()
            .into_iter()
            .find(|b| b.text == label)
            .and_then(|b| b.callback_data)
    }
}

impl Entity {
    fn new(kind: &str, offset: usize, length: usize) -> Self {
        Self {
            kind: kind.to_owned(),
            offset,
            length,
            url: None,
            language: None,
            custom_emoji_id: None,
        }
    }

    fn to_json(&self) -> Value {
        let mut entity = json!({ "type": self.kind, "offset": self.offset, "length": self.length });
        if let Some(url) = &self.url {
            entity["url"] = json!(url);
        }
        if let Some(language) = &self.language {
            entity["language"] = json!(language);
        }
        if let Some(id) = &self.custom_emoji_id {
            entity["custom_emoji_id"] = json!(id);
        }
        entity
    }

    fn from_json(value: &Value) -> Option<Self> {
        Some(Self {
            kind: value.get("type")?.as_str()?.to_owned(),
            offset: usize::try_from(value.get("offset")?.as_u64()?).ok()?,
            length: usize::try_from(value.get("length")?.as_u64()?).ok()?,
            url: value.get("url").and_then(Value::as_str).map(str::to_owned),
            language: value
                .get("language")
                .and_then(Value::as_str)
                .map(str::to_owned),
            custom_emoji_id: value
                .get("custom_emoji_id")
                .and_then(Value::as_str)
                .map(str::to_owned),
        })
    }
}

impl Failure {
    fn refusal(&self) -> Refusal {
        let refusal = match self {
            Failure::TooManyRequests { retry_after } => Refusal {
                retry_after: Some(*retry_after),
                ..Refusal::new(429, format!("Too Many Requests: retry after {retry_after}"))
            },
            Failure::Forbidden => Refusal::new(403, "Forbidden: bot was blocked by the user"),
            Failure::ServerError => Refusal::new(500, "Internal Server Error"),
            Failure::Api {
                error_code,
                description,
            } => Refusal::new(*error_code, description.clone()),
        };
        Refusal {
            planned: true,
            ..refusal
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Server state

#[derive(Default)]
struct Shared {
    inner: Mutex<Inner>,
    /// Woken when an update is queued, to end long polls early.
    updates_changed: Notify,
    /// Woken when `sent` grows, for `wait_for`.
    sent_changed: Notify,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panicking test thread must not hide the fake's state from the other assertions.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[derive(Default)]
struct Inner {
    /// The long-poll cap a test set; `None` is [`MAX_POLL_WAIT`].
    max_poll_wait: Option<Duration>,
    last_update_id: i64,
    updates: VecDeque<QueuedUpdate>,
    /// `allowed_updates` from the latest `getUpdates` that set it; `None` means all.
    allowed_updates: Option<Vec<String>>,
    chats: HashMap<i64, ChatLog>,
    sent: Vec<SentMessage>,
    failures: Vec<PlannedFailure>,
    blocked: HashSet<i64>,
    rejected: Vec<String>,
    /// Each `setMyCommands` menu by its `language_code` (`""` for the default one).
    menus: HashMap<String, Vec<(String, String)>>,
    /// The `language_code` each user's updates carry, where a test set one.
    languages: HashMap<i64, Option<String>>,
    next_callback_id: u64,
    open_callbacks: HashSet<String>,
    callback_answers: Vec<CallbackAnswer>,
    calls: HashMap<String, usize>,
    webhook_url: Option<String>,
    limits: Limits,
    /// The token was revoked: every call gets 401.
    revoked: bool,
    /// When each accepted message went out, per chat and overall, for the rate limits.
    sends_per_chat: HashMap<i64, VecDeque<Instant>>,
    sends: VecDeque<Instant>,
    /// `"{method} to {chat}: retry after {n}"` for each 429 the rate limits answered.
    throttled: Vec<String>,
}

/// Telegram's documented flood limits, which the fake enforces with 429 and
/// `parameters.retry_after` (whole seconds, at least 1): "avoid sending more than one message
/// per second" in a chat ("we may allow short bursts"), "no more than 30 messages per second"
/// overall, and "no more than 20 messages per minute to the same group". Each limit is at most
/// `count` messages (sent or edited) in any `window`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// In one private chat: by default 5 in any 5 s, a short burst at one a second.
    pub per_chat: (usize, Duration),
    /// In one group (a negative chat id): by default 20 in any minute.
    pub per_group: (usize, Duration),
    /// Over every chat: by default 30 in any second.
    pub overall: (usize, Duration),
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            per_chat: (5, Duration::from_secs(5)),
            per_group: (20, Duration::from_secs(60)),
            overall: (30, Duration::from_secs(1)),
        }
    }
}

impl Limits {
    /// No limit at all, for a test about something else that sends a lot.
    pub fn none() -> Self {
        let unlimited = (usize::MAX, Duration::ZERO);
        Limits {
            per_chat: unlimited,
            per_group: unlimited,
            overall: unlimited,
        }
    }
}

/// The methods that send or edit a message, which Telegram's flood limits count.
const LIMITED_METHODS: [&str; 4] = [
    "sendmessage",
    "sendphoto",
    "senddocument",
    "editmessagetext",
];

/// Whole seconds until a window with `count` sends at most in `window` takes one more, if it
/// is full now (dropping the sends older than the window).
fn wait_for_room(
    sends: &mut VecDeque<Instant>,
    (count, window): (usize, Duration),
    now: Instant,
) -> Option<u32> {
    while sends
        .front()
        .is_some_and(|t| now.duration_since(*t) >= window)
    {
        sends.pop_front();
    }
    if sends.len() < count {
        return None;
    }
    let oldest = *sends.front()?;
    let wait = window.saturating_sub(now.duration_since(oldest));
    Some(
        u32::try_from(wait.as_millis().div_ceil(1000))
            .unwrap_or(u32::MAX)
            .max(1),
    )
}

struct QueuedUpdate {
    id: i64,
    kind: &'static str,
    payload: Value,
}

#[derive(Default)]
struct ChatLog {
    /// Telegram numbers a private chat's messages in one sequence, whoever sent them.
    last_message_id: i32,
    messages: HashMap<i32, StoredMessage>,
}

#[derive(Clone)]
struct StoredMessage {
    from: i64,
    date: i64,
    edit_date: Option<i64>,
    method: &'static str,
    text: String,
    raw_text: String,
    parse_mode: Option<String>,
    entities: Vec<Entity>,
    reply_markup: Option<Value>,
    link_preview_disabled: bool,
    file: Option<SentFile>,
}

struct PlannedFailure {
    method: String,
    chat_id: Option<i64>,
    failure: Failure,
}

impl StoredMessage {
    fn view(&self, chat_id: i64, message_id: i32) -> SentMessage {
        SentMessage {
            method: self.method.to_owned(),
            chat_id,
            message_id,
            text: self.text.clone(),
            raw_text: self.raw_text.clone(),
            parse_mode: self.parse_mode.clone(),
            link_preview_disabled: self.link_preview_disabled,
            reply_markup: self.reply_markup.clone(),
            entities: self.entities.clone(),
            file: self.file.clone(),
        }
    }

    /// Telegram only echoes inline keyboards back in `Message.reply_markup`.
    fn inline_keyboard(&self) -> Option<&Value> {
        self.reply_markup
            .as_ref()
            .filter(|m| m.get("inline_keyboard").is_some())
    }
}

impl Inner {
    fn store_message(&mut self, chat_id: i64, message: StoredMessage) -> i32 {
        let chat = self.chats.entry(chat_id).or_default();
        chat.last_message_id += 1;
        chat.messages.insert(chat.last_message_id, message);
        chat.last_message_id
    }

    /// The `language_code` `user_id`'s updates carry.
    fn language_of(&self, user_id: i64) -> Option<&str> {
        match self.languages.get(&user_id) {
            Some(code) => code.as_deref(),
            None => Some("en"),
        }
    }

    fn message(&self, chat_id: i64, message_id: i32) -> Option<&StoredMessage> {
        self.chats.get(&chat_id)?.messages.get(&message_id)
    }

    /// A full `Message` object, as Telegram returns it and puts it in updates.
    fn message_json(&self, chat_id: i64, message_id: i32) -> Value {
        let Some(m) = self.message(chat_id, message_id) else {
            return Value::Null;
        };
        let from = if m.from == FakeTelegram::BOT_ID {
            bot_user_json()
        } else {
            user_json(m.from, self.language_of(m.from))
        };
        let mut message = json!({
            "message_id": message_id,
            "from": from,
            "chat": chat_json(chat_id),
            "date": m.date,
        });
        let (text_key, entities_key) = match &m.file {
            None => ("text", "entities"),
            Some(file) => {
                message[file.field.as_str()] = file_json(file, message_id);
                ("caption", "caption_entities")
            }
        };
        if m.file.is_none() || !m.text.is_empty() {
            message[text_key] = json!(m.text);
        }
        if !m.entities.is_empty() {
            message[entities_key] = m.entities.iter().map(Entity::to_json).collect();
        }
        if let Some(markup) = m.inline_keyboard() {
            message["reply_markup"] = markup.clone();
        }
        if let Some(edit_date) = m.edit_date {
            message["edit_date"] = json!(edit_date);
        }
        message
    }

    fn queue_update(&mut self, kind: &'static str, payload: Value) {
        self.last_update_id += 1;
        self.updates.push_back(QueuedUpdate {
            id: self.last_update_id,
            kind,
            payload,
        });
    }

    /// Forgets updates the bot confirmed, with Telegram's `offset` semantics.
    fn confirm_updates(&mut self, offset: i64) {
        if offset > 0 {
            self.updates.retain(|u| u.id >= offset);
        } else if offset < 0 {
            let keep = usize::try_from(offset.unsigned_abs()).unwrap_or(usize::MAX);
            while self.updates.len() > keep {
                self.updates.pop_front();
            }
        }
    }

    fn deliverable_updates(&self, limit: usize) -> Vec<Value> {
        self.updates
            .iter()
            .filter(|u| {
                self.allowed_updates
                    .as_ref()
                    .is_none_or(|allowed| allowed.iter().any(|a| a == u.kind))
            })
            .take(limit)
            .map(|u| {
                let mut update = json!({ "update_id": u.id });
                update[u.kind] = u.payload.clone();
                update
            })
            .collect()
    }

    /// The `retry_after` for one more message to `chat_id`, if the flood limits are reached.
    fn check_limits(&mut self, chat_id: i64) -> Option<u32> {
        let now = Instant::now();
        let chat_limit = if chat_id < 0 {
            self.limits.per_group
        } else {
            self.limits.per_chat
        };
        let chat = self.sends_per_chat.entry(chat_id).or_default();
        wait_for_room(chat, chat_limit, now)
            .into_iter()
            .chain(wait_for_room(&mut self.sends, self.limits.overall, now))
            .max()
    }

    /// Counts a message Telegram accepted against the flood limits.
    fn count_send(&mut self, chat_id: i64) {
        let now = Instant::now();
        self.sends_per_chat
            .entry(chat_id)
            .or_default()
            .push_back(now);
        self.sends.push_back(now);
    }

    fn take_failure(&mut self, method: &str, chat_id: Option<i64>) -> Option<Failure> {
        let index = self.failures.iter().position(|f| {
            f.method == method && f.chat_id.is_none_or(|wanted| Some(wanted) == chat_id)
        })?;
        Some(self.failures.remove(index).failure)
    }

    fn record_sent(&mut self, chat_id: i64, message_id: i32) -> SentMessage {
        let view = self
            .message(chat_id, message_id)
            .map(|m| m.view(chat_id, message_id))
            .expect("recorded message exists");
        self.sent.push(view.clone());
        view
    }

    fn send_message(&mut self, p: &Params) -> Result<Value, Refusal> {
        let chat_id = p.chat_id()?;
        let raw_text = p.str("text").unwrap_or_default();
        let parse_mode = p.str("parse_mode").filter(|m| !m.is_empty());
        let rendered = render_for_telegram(&raw_text, parse_mode.as_deref(), p)?;
        if rendered.text.is_empty() {
            return Err(Refusal::bad_request("message text is empty"));
        }
        if rendered.text.encode_utf16().count() > MAX_TEXT_CHARS {
            return Err(Refusal::bad_request("message is too long"));
        }
        let reply_markup = p.json("reply_markup");
        check_reply_markup(reply_markup.as_ref())?;
        let message = StoredMessage {
            from: FakeTelegram::BOT_ID,
            date: unix_now(),
            edit_date: None,
            method: "sendMessage",
            text: rendered.text,
            raw_text,
            parse_mode,
            entities: rendered.entities,
            reply_markup,
            link_preview_disabled: p.link_preview_disabled(),
            file: None,
        };
        let message_id = self.store_message(chat_id, message);
        self.record_sent(chat_id, message_id);
        Ok(self.message_json(chat_id, message_id))
    }

    /// `sendPhoto` and `sendDocument`: the file must come as a multipart upload.
    fn send_file(&mut self, p: &Params, field: &str) -> Result<Value, Refusal> {
        let chat_id = p.chat_id()?;
        // A file part under the field's name, or one the field names as `attach://<part>`
        // (teloxide's way, which Telegram accepts for every file parameter).
        let attached = p
            .str(field)
            .and_then(|v| v.strip_prefix("attach://").map(str::to_owned));
        let upload = match attached {
            Some(part) => p.files.get(&part),
            None => p.files.get(field),
        };
        let Some(upload) = upload else {
            return Err(Refusal::bad_request(&format!(
                "there is no {field} in the request"
            )));
        };
        let max = if field == "photo" {
            MAX_PHOTO_BYTES
        } else {
            MAX_DOCUMENT_BYTES
        };
        if upload.bytes.is_empty() {
            return Err(Refusal::bad_request("file must be non-empty"));
        }
        if upload.bytes.len() > max {
            return Err(Refusal::new(413, "Request Entity Too Large"));
        }
        if field == "photo" && png_size(&upload.bytes).is_none() {
            return Err(Refusal::bad_request("IMAGE_PROCESS_FAILED"));
        }
        let raw_text = p.str("caption").unwrap_or_default();
        let parse_mode = p.str("parse_mode").filter(|m| !m.is_empty());
        let rendered = if raw_text.is_empty() {
            Rendered::default()
        } else {
            render_for_telegram(&raw_text, parse_mode.as_deref(), p)?
        };
        if rendered.text.encode_utf16().count() > MAX_CAPTION_CHARS {
            return Err(Refusal::bad_request("message caption is too long"));
        }
        let reply_markup = p.json("reply_markup");
        check_reply_markup(reply_markup.as_ref())?;
        let message = StoredMessage {
            from: FakeTelegram::BOT_ID,
            date: unix_now(),
            edit_date: None,
            method: if field == "photo" {
                "sendPhoto"
            } else {
                "sendDocument"
            },
            text: rendered.text,
            raw_text,
            parse_mode,
            entities: rendered.entities,
            reply_markup,
            link_preview_disabled: false,
            file: Some(SentFile {
                field: field.to_owned(),
                filename: upload.filename.clone(),
                bytes: upload.bytes.clone(),
            }),
        };
        let message_id = self.store_message(chat_id, message);
        self.record_sent(chat_id, message_id);
        Ok(self.message_json(chat_id, message_id))
    }

    fn edit_message_text(&mut self, p: &Params) -> Result<Value, Refusal> {
        let (chat_id, message_id) = self.editable_message(p)?;
        let raw_text = p.str("text").unwrap_or_default();
        let parse_mode = p.str("parse_mode").filter(|m| !m.is_empty());
        let rendered = render_for_telegram(&raw_text, parse_mode.as_deref(), p)?;
        if rendered.text.is_empty() {
            return Err(Refusal::bad_request("message text is empty"));
        }
        if rendered.text.encode_utf16().count() > MAX_TEXT_CHARS {
            return Err(Refusal::bad_request("MESSAGE_TOO_LONG"));
        }
        // Telegram drops the inline keyboard of an edited message unless it is sent again.
        let reply_markup = p.json("reply_markup");
        check_reply_markup(reply_markup.as_ref())?;
        let link_preview_disabled = p.link_preview_disabled();
        let stored = self
            .chats
            .get_mut(&chat_id)
            .and_then(|c| c.messages.get_mut(&message_id))
            .expect("editable message exists");
        if stored.text == rendered.text
            && stored.entities == rendered.entities
            && stored.inline_keyboard() == reply_markup.as_ref()
        {
            return Err(not_modified());
        }
        stored.text = rendered.text;
        stored.entities = rendered.entities;
        stored.raw_text = raw_text;
        stored.parse_mode = parse_mode;
        stored.reply_markup = reply_markup;
        stored.link_preview_disabled = link_preview_disabled;
        stored.edit_date = Some(unix_now());
        stored.method = "editMessageText";
        self.record_sent(chat_id, message_id);
        Ok(self.message_json(chat_id, message_id))
    }

    fn edit_message_reply_markup(&mut self, p: &Params) -> Result<Value, Refusal> {
        let (chat_id, message_id) = self.editable_message(p)?;
        let reply_markup = p.json("reply_markup");
        check_reply_markup(reply_markup.as_ref())?;
        let stored = self
            .chats
            .get_mut(&chat_id)
            .and_then(|c| c.messages.get_mut(&message_id))
            .expect("editable message exists");
        if stored.inline_keyboard() == reply_markup.as_ref() {
            return Err(not_modified());
        }
        stored.reply_markup = reply_markup;
        stored.edit_date = Some(unix_now());
        Ok(self.message_json(chat_id, message_id))
    }

    fn editable_message(&self, p: &Params) -> Result<(i64, i32), Refusal> {
        if p.str("inline_message_id").is_some() {
            return Err(Refusal::bad_request(
                "MESSAGE_ID_INVALID (the fake does not support inline messages)",
            ));
        }
        let chat_id = p.chat_id()?;
        let message_id = p
            .i64("message_id")
            .and_then(|id| i32::try_from(id).ok())
            .ok_or_else(|| Refusal::bad_request("message identifier is not specified"))?;
        let message = self
            .message(chat_id, message_id)
            .ok_or_else(|| Refusal::bad_request("message to edit not found"))?;
        if message.from != FakeTelegram::BOT_ID {
            return Err(Refusal::bad_request("message can't be edited"));
        }
        Ok((chat_id, message_id))
    }

    fn delete_message(&mut self, p: &Params) -> Result<Value, Refusal> {
        let chat_id = p.chat_id()?;
        let message_id = p
            .i64("message_id")
            .and_then(|id| i32::try_from(id).ok())
            .ok_or_else(|| Refusal::bad_request("message identifier is not specified"))?;
        self.chats
            .get_mut(&chat_id)
            .and_then(|c| c.messages.remove(&message_id))
            .ok_or_else(|| Refusal::bad_request("message to delete not found"))?;
        Ok(json!(true))
    }

    fn answer_callback_query(&mut self, p: &Params) -> Result<Value, Refusal> {
        let id = p.str("callback_query_id").unwrap_or_default();
        if !self.open_callbacks.remove(&id) {
            // teloxide's wording, so the error maps to `ApiError::InvalidQueryId`.
            return Err(Refusal::bad_request(
                "query is too old and response timeout expired or query id is invalid",
            ));
        }
        self.callback_answers.push(CallbackAnswer {
            callback_query_id: id,
            text: p.str("text"),
            show_alert: p.bool("show_alert"),
        });
        Ok(json!(true))
    }

    fn set_my_commands(&mut self, p: &Params) -> Result<Value, Refusal> {
        // "A two-letter ISO 639-1 language code", or none for the default menu.
        let language_code = p.str("language_code").unwrap_or_default();
        let code_ok = language_code.is_empty()
            || (language_code.len() == 2 && language_code.bytes().all(|b| b.is_ascii_lowercase()));
        if !code_ok {
            return Err(Refusal::bad_request("LANG_CODE_INVALID"));
        }
        let Some(Value::Array(list)) = p.json("commands") else {
            return Err(Refusal::bad_request("can't parse commands JSON object"));
        };
        if list.len() > 100 {
            return Err(Refusal::bad_request("too many commands"));
        }
        let mut commands = Vec::with_capacity(list.len());
        for item in &list {
            let command = item["command"].as_str().unwrap_or_default();
            let description = item["description"].as_str().unwrap_or_default();
            let command_ok = (1..=32).contains(&command.len())
                && command
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !command_ok {
                return Err(Refusal::bad_request("BOT_COMMAND_INVALID"));
            }
            if !(1..=256).contains(&description.trim().chars().count()) {
                return Err(Refusal::bad_request("BOT_COMMAND_DESCRIPTION_INVALID"));
            }
            commands.push((command.to_owned(), description.to_owned()));
        }
        self.menus.insert(language_code.to_owned(), commands);
        Ok(json!(true))
    }

    fn handle(&mut self, method: &str, p: &Params) -> Result<Value, Refusal> {
        match method {
            "getme" => Ok(bot_me_json()),
            "sendmessage" => self.send_message(p),
            "sendphoto" => self.send_file(p, "photo"),
            "senddocument" => self.send_file(p, "document"),
            "editmessagetext" => self.edit_message_text(p),
            "editmessagereplymarkup" => self.edit_message_reply_markup(p),
            "deletemessage" => self.delete_message(p),
            "answercallbackquery" => self.answer_callback_query(p),
            "setmycommands" => self.set_my_commands(p),
            "deletemycommands" => {
                let language_code = p.str("language_code").unwrap_or_default();
                self.menus.remove(language_code.as_str());
                Ok(json!(true))
            }
            "getmycommands" => Ok(self
                .menus
                .get(p.str("language_code").unwrap_or_default().as_str())
                .into_iter()
                .flatten()
                .map(|(command, description)| {
                    json!({ "command": command, "description": description })
                })
                .collect()),
            "setwebhook" => {
                let url = p.str("url").unwrap_or_default();
                self.webhook_url = Some(url).filter(|u| !u.is_empty());
                Ok(json!(true))
            }
            "deletewebhook" => {
                self.webhook_url = None;
                if p.bool("drop_pending_updates") {
                    self.updates.clear();
                }
                Ok(json!(true))
            }
            "getwebhookinfo" => Ok(json!({
                "url": self.webhook_url.clone().unwrap_or_default(),
                "has_custom_certificate": false,
                "pending_update_count": self.updates.len(),
            })),
            "sendchataction" => {
                p.chat_id()?;
                Ok(json!(true))
            }
            "close" | "logout" => Ok(json!(true)),
            _ => Err(Refusal::new(404, "Not Found: method not found")),
        }
    }
}

fn not_modified() -> Refusal {
    Refusal::bad_request(
        "message is not modified: specified new message content and reply markup are exactly \
         the same as a current content and reply markup of the message",
    )
}

// ---------------------------------------------------------------------------------------------
// HTTP

/// An error answer: `{"ok":false,"error_code":..,"description":..}`.
#[derive(Debug)]
struct Refusal {
    code: u16,
    description: String,
    retry_after: Option<u32>,
    /// Asked for by the test (`fail_next`, `block_chat`), so not a bot bug.
    planned: bool,
}

impl Refusal {
    fn new(code: u16, description: impl Into<String>) -> Self {
        Self {
            code,
            description: description.into(),
            retry_after: None,
            planned: false,
        }
    }

    fn bad_request(description: &str) -> Self {
        Self::new(400, format!("Bad Request: {description}"))
    }

    fn into_response(self) -> Response {
        let mut body = json!({
            "ok": false,
            "error_code": self.code,
            "description": self.description,
        });
        if let Some(retry_after) = self.retry_after {
            body["parameters"] = json!({ "retry_after": retry_after });
        }
        let status = StatusCode::from_u16(self.code).unwrap_or(StatusCode::BAD_REQUEST);
        (status, axum::Json(body)).into_response()
    }
}

async fn handle_method(
    State(shared): State<Arc<Shared>>,
    Path((token, method)): Path<(String, String)>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let outcome = call(&shared, &token, &method, query.as_deref(), &headers, &body).await;
    match outcome {
        Ok(result) => {
            tracing::debug!(method = %method, "fake Telegram: ok");
            axum::Json(json!({ "ok": true, "result": result })).into_response()
        }
        Err(refusal) => {
            tracing::debug!(
                method = %method,
                code = refusal.code,
                description = %refusal.description,
                "fake Telegram: error"
            );
            if !refusal.planned {
                let method = canonical_method_name(&method);
                let mut inner = shared.lock();
                inner
                    .rejected
                    .push(format!("{method}: {}", refusal.description));
            }
            refusal.into_response()
        }
    }
}

/// Telegram's spelling of a method name; teloxide sends the payload type's name
/// (`SendMessage`), and Telegram matches names case-insensitively.
fn canonical_method_name(method: &str) -> &str {
    const SERVED: [&str; 18] = [
        "getMe",
        "getUpdates",
        "sendMessage",
        "sendPhoto",
        "sendDocument",
        "editMessageText",
        "editMessageReplyMarkup",
        "deleteMessage",
        "answerCallbackQuery",
        "setMyCommands",
        "deleteMyCommands",
        "getMyCommands",
        "setWebhook",
        "deleteWebhook",
        "getWebhookInfo",
        "sendChatAction",
        "close",
        "logOut",
    ];
    SERVED
        .into_iter()
        .find(|name| name.eq_ignore_ascii_case(method))
        .unwrap_or(method)
}

async fn handle_unknown_path(State(shared): State<Arc<Shared>>, uri: axum::http::Uri) -> Response {
    shared
        .lock()
        .rejected
        .push(format!("{}: Not Found", uri.path()));
    Refusal::new(404, "Not Found").into_response()
}

async fn call(
    shared: &Shared,
    token: &str,
    method: &str,
    query: Option<&str>,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Value, Refusal> {
    let key = method.to_ascii_lowercase();
    *shared.lock().calls.entry(key.clone()).or_default() += 1;
    let Some(token) = token.strip_prefix("bot") else {
        return Err(Refusal::new(404, "Not Found"));
    };
    if token != FakeTelegram::TOKEN || shared.lock().revoked {
        return Err(Refusal::new(401, "Unauthorized"));
    }
    let params = Params::parse(query, headers, body).await?;
    let chat_id = params.i64("chat_id");
    {
        let mut inner = shared.lock();
        if let Some(failure) = inner.take_failure(&key, chat_id) {
            return Err(failure.refusal());
        }
        if chat_id.is_some_and(|id| inner.blocked.contains(&id)) {
            return Err(Failure::Forbidden.refusal());
        }
        if let Some(chat_id) = chat_id.filter(|_| LIMITED_METHODS.contains(&key.as_str()))
            && let Some(retry_after) = inner.check_limits(chat_id)
        {
            let method = canonical_method_name(method);
            inner
                .throttled
                .push(format!("{method} to {chat_id}: retry after {retry_after}"));
            return Err(Failure::TooManyRequests { retry_after }.refusal());
        }
    }
    if key == "getupdates" {
        return get_updates(shared, &params).await;
    }
    let (result, sent_grew) = {
        let mut inner = shared.lock();
        let sent_before = inner.sent.len();
        let result = inner.handle(&key, &params);
        if let Some(chat_id) =
            chat_id.filter(|_| result.is_ok() && LIMITED_METHODS.contains(&key.as_str()))
        {
            inner.count_send(chat_id);
        }
        (result, inner.sent.len() != sent_before)
    };
    if sent_grew {
        shared.sent_changed.notify_waiters();
    }
    result
}

/// Long polling: answers as soon as an update is deliverable, else when the (capped) timeout
/// ends.
async fn get_updates(shared: &Shared, p: &Params) -> Result<Value, Refusal> {
    let offset = p.i64("offset").unwrap_or(0);
    let limit = usize::try_from(p.i64("limit").unwrap_or(100).clamp(1, 100)).unwrap_or(100);
    let timeout = u64::try_from(p.i64("timeout").unwrap_or(0)).unwrap_or(0);
    let deadline = {
        let mut inner = shared.lock();
        let cap = inner.max_poll_wait.unwrap_or(MAX_POLL_WAIT);
        if inner.webhook_url.is_some() {
            return Err(Refusal::new(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use \
                 deleteWebhook to delete the webhook first",
            ));
        }
        if let Some(Value::Array(allowed)) = p.json("allowed_updates") {
            let allowed: Vec<String> = allowed
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect();
            inner.allowed_updates = Some(allowed).filter(|a| !a.is_empty());
        }
        inner.confirm_updates(offset);
        Instant::now() + Duration::from_secs(timeout).min(cap)
    };
    loop {
        let mut queued = pin!(shared.updates_changed.notified());
        queued.as_mut().enable();
        let batch = shared.lock().deliverable_updates(limit);
        if !batch.is_empty() || Instant::now() >= deadline {
            return Ok(Value::Array(batch));
        }
        let _ = timeout_at(deadline, queued).await;
    }
}

// ---------------------------------------------------------------------------------------------
// Request parameters: JSON, urlencoded form, multipart form or query string, as Telegram accepts.

struct Params {
    fields: Map<String, Value>,
    /// Multipart file parts by field name.
    files: HashMap<String, Upload>,
}

/// A file part of a multipart request.
struct Upload {
    filename: String,
    bytes: Vec<u8>,
}

impl Params {
    async fn parse(query: Option<&str>, headers: &HeaderMap, body: &[u8]) -> Result<Self, Refusal> {
        let mut files = HashMap::new();
        let mut map = Map::new();
        if let Some(query) = query {
            for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
                map.insert(k.into_owned(), Value::String(v.into_owned()));
            }
        }
        let content_type = headers
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let media_type = content_type
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        match media_type.as_str() {
            // Parameterless calls may come with an empty body.
            "application/json" if !body.is_empty() => match serde_json::from_slice::<Value>(body) {
                Ok(Value::Object(fields)) => map.extend(fields),
                _ => return Err(Refusal::bad_request("can't parse JSON object")),
            },
            "application/x-www-form-urlencoded" => {
                for (k, v) in url::form_urlencoded::parse(body) {
                    map.insert(k.into_owned(), Value::String(v.into_owned()));
                }
            }
            "multipart/form-data" => {
                let boundary = content_type
                    .split(';')
                    .filter_map(|part| part.trim().strip_prefix("boundary="))
                    .next()
                    .map(|b| b.trim_matches('"').to_owned())
                    .ok_or_else(|| Refusal::bad_request("can't parse multipart form"))?;
                let (fields, uploads) = parse_multipart(body, &boundary).await.map_err(|e| {
                    Refusal::bad_request(&format!("can't parse multipart form: {e}"))
                })?;
                map.extend(fields);
                files = uploads;
            }
            _ => {}
        }
        // Telegram drops `null` fields; so must we, or `chat_id: null` would look present.
        map.retain(|_, v| !v.is_null());
        Ok(Self { fields: map, files })
    }

    fn str(&self, key: &str) -> Option<String> {
        match self.fields.get(key)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    fn i64(&self, key: &str) -> Option<i64> {
        match self.fields.get(key)? {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    fn bool(&self, key: &str) -> bool {
        match self.fields.get(key) {
            Some(Value::Bool(b)) => *b,
            Some(Value::String(s)) => s == "true" || s == "1",
            Some(Value::Number(n)) => n.as_i64() == Some(1),
            _ => false,
        }
    }

    /// An object or array field; in form bodies such fields are JSON-encoded strings.
    fn json(&self, key: &str) -> Option<Value> {
        match self.fields.get(key)? {
            Value::String(s) => serde_json::from_str(s).ok(),
            other => Some(other.clone()),
        }
    }

    fn chat_id(&self) -> Result<i64, Refusal> {
        match self.fields.get("chat_id") {
            None => Err(Refusal::bad_request("chat_id is empty")),
            Some(_) => self
                .i64("chat_id")
                .ok_or_else(|| Refusal::bad_request("chat not found")),
        }
    }

    fn link_preview_disabled(&self) -> bool {
        self.bool("disable_web_page_preview")
            || self
                .json("link_preview_options")
                .and_then(|o| o.get("is_disabled").and_then(Value::as_bool))
                .unwrap_or(false)
    }
}

/// Parses multipart/form-data with `multer` (axum's parser): text parts become fields, parts
/// with a filename become uploads, byte for byte.
async fn parse_multipart(
    body: &[u8],
    boundary: &str,
) -> Result<(Map<String, Value>, HashMap<String, Upload>), multer::Error> {
    let body = Bytes::copy_from_slice(body);
    let stream = futures_util::stream::once(async move { Ok::<_, std::io::Error>(body) });
    let mut multipart = multer::Multipart::new(stream, boundary);
    let mut fields = Map::new();
    let mut files = HashMap::new();
    while let Some(field) = multipart.next_field().await? {
        let name = field.name().unwrap_or_default().to_owned();
        match field.file_name().map(str::to_owned) {
            Some(filename) => {
                let bytes = field.bytes().await?.to_vec();
                files.insert(name, Upload { filename, bytes });
            }
            None => {
                fields.insert(name, Value::String(field.text().await?));
            }
        }
    }
    Ok((fields, files))
}

/// The width and height in a PNG's header, if it is one.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.len() < 24 || &bytes[..8] != SIGNATURE || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let word =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    Some((word(16), word(20)))
}

/// The `photo` (sizes) or `document` object of a message with an uploaded file.
fn file_json(file: &SentFile, message_id: i32) -> Value {
    let id = format!("fake-file-{message_id}");
    match file.field.as_str() {
        "photo" => {
            let (width, height) = png_size(&file.bytes).unwrap_or((0, 0));
            json!([{
                "file_id": id,
                "file_unique_id": id,
                "width": width,
                "height": height,
                "file_size": file.bytes.len(),
            }])
        }
        _ => json!({
            "file_id": id,
            "file_unique_id": id,
            "file_name": file.filename,
            "file_size": file.bytes.len(),
        }),
    }
}

// ---------------------------------------------------------------------------------------------
// Telegram objects

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

fn bot_user_json() -> Value {
    json!({
        "id": FakeTelegram::BOT_ID,
        "is_bot": true,
        "first_name": "MailPing Test",
        "username": FakeTelegram::BOT_USERNAME,
    })
}

fn bot_me_json() -> Value {
    let mut me = bot_user_json();
    let fields = [
        ("can_join_groups", true),
        ("can_read_all_group_messages", false),
        ("supports_inline_queries", false),
        ("can_connect_to_business", false),
        ("has_main_web_app", false),
    ];
    for (key, value) in fields {
        me[key] = json!(value);
    }
    me
}

fn user_json(user_id: i64, language_code: Option<&str>) -> Value {
    let mut user = json!({
        "id": user_id,
        "is_bot": false,
        "first_name": "Test",
        "last_name": format!("User{user_id}"),
        "username": format!("user{user_id}"),
    });
    if let Some(code) = language_code {
        user["language_code"] = json!(code);
    }
    user
}

/// Positive ids are private chats with that user; negative ids are groups, and ids below
/// -10^12 supergroups, as Telegram numbers them.
fn chat_json(chat_id: i64) -> Value {
    if chat_id > 0 {
        json!({
            "id": chat_id,
            "type": "private",
            "first_name": "Test",
            "last_name": format!("User{chat_id}"),
            "username": format!("user{chat_id}"),
        })
    } else if chat_id < -1_000_000_000_000 {
        json!({ "id": chat_id, "type": "supergroup", "title": format!("Test group {chat_id}") })
    } else {
        json!({ "id": chat_id, "type": "group", "title": format!("Test group {chat_id}") })
    }
}

/// Telegram marks a leading `/command` (or `/command@bot`) in incoming text as `bot_command`.
fn command_entity(text: &str) -> Option<Entity> {
    if !text.starts_with('/') {
        return None;
    }
    let command = text.split(char::is_whitespace).next().unwrap_or_default();
    let length = command.encode_utf16().count();
    (length > 1).then(|| Entity::new("bot_command", 0, length))
}

fn check_reply_markup(markup: Option<&Value>) -> Result<(), Refusal> {
    let Some(rows) = markup.and_then(|m| m.get("inline_keyboard")) else {
        return Ok(());
    };
    let rows = rows
        .as_array()
        .ok_or_else(|| Refusal::bad_request("can't parse inline keyboard markup"))?;
    const OTHER_ACTIONS: [&str; 8] = [
        "login_url",
        "web_app",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "copy_text",
        "callback_game",
        "pay",
    ];
    for button in rows.iter().filter_map(Value::as_array).flatten() {
        if let Some(data) = button.get("callback_data").and_then(Value::as_str) {
            if data.is_empty() {
                return Err(Refusal::bad_request(
                    "can't parse inline keyboard button: Text buttons are unallowed in the \
                     inline keyboard",
                ));
            }
            if data.len() > MAX_CALLBACK_DATA_BYTES {
                return Err(Refusal::bad_request("BUTTON_DATA_INVALID"));
            }
        } else if let Some(url) = button.get("url").and_then(Value::as_str) {
            if normalize_link(url).is_none() {
                return Err(Refusal::bad_request("BUTTON_URL_INVALID"));
            }
        } else if !OTHER_ACTIONS.iter().any(|a| button.get(*a).is_some()) {
            return Err(Refusal::bad_request(
                "can't parse inline keyboard button: Text buttons are unallowed in the inline \
                 keyboard",
            ));
        }
    }
    Ok(())
}

/// Telegram's link check: no scheme means http, and only http(s), tg and ton links are kept.
/// `None` means Telegram would drop the link.
fn normalize_link(link: &str) -> Option<String> {
    let link = link.trim();
    if link.is_empty() {
        return None;
    }
    let candidate = if link.contains("://") || link.starts_with("tg:") || link.starts_with("ton:") {
        link.to_owned()
    } else {
        format!("http://{link}")
    };
    let url = url::Url::parse(&candidate).ok()?;
    match url.scheme() {
        "http" | "https" if url.host_str().is_some_and(|h| !h.is_empty()) => Some(url.into()),
        "tg" | "ton" => Some(url.into()),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Message text: parse modes, the way Telegram (tdlib) parses them

fn render_for_telegram(
    raw: &str,
    parse_mode: Option<&str>,
    p: &Params,
) -> Result<Rendered, Refusal> {
    let parsed = match parse_mode.map(str::to_ascii_lowercase).as_deref() {
        None => Ok(finish(Builder {
            text: raw.to_owned(),
            utf16: raw.encode_utf16().count(),
            entities: p
                .json("entities")
                .and_then(|e| e.as_array().cloned())
                .unwrap_or_default()
                .iter()
                .filter_map(Entity::from_json)
                .collect(),
        })),
        Some("html") => render_html(raw),
        // MailPing sends HTML only; a Markdown mode would be a bug worth failing on.
        Some("markdownv2" | "markdown") => {
            return Err(Refusal::bad_request(
                "the fake Telegram implements only the HTML parse mode, which MailPing uses",
            ));
        }
        Some(_) => return Err(Refusal::bad_request("unsupported parse_mode")),
    };
    parsed.map_err(|e| Refusal::bad_request(&format!("can't parse entities: {e}")))
}

/// Accumulates rendered text and entities; offsets are in UTF-16 code units, like Telegram's.
#[derive(Default)]
struct Builder {
    text: String,
    utf16: usize,
    entities: Vec<Entity>,
}

impl Builder {
    fn push(&mut self, c: char) {
        self.text.push(c);
        self.utf16 += c.len_utf16();
    }

    /// Adds an entity from `start` to here; Telegram drops empty ones.
    fn entity(&mut self, mut entity: Entity, start: usize) {
        if self.utf16 > start {
            entity.offset = start;
            entity.length = self.utf16 - start;
            self.entities.push(entity);
        }
    }
}

fn is_tg_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}')
}

/// Telegram trims whitespace around a message's text; entities are shifted and clipped to match.
fn finish(b: Builder) -> Rendered {
    let start = b.text.len() - b.text.trim_start_matches(is_tg_space).len();
    let end = b.text.trim_end_matches(is_tg_space).len().max(start);
    let lead = b.text[..start].encode_utf16().count();
    let text = b.text[start..end].to_owned();
    let total = text.encode_utf16().count();
    let mut entities: Vec<Entity> = b
        .entities
        .into_iter()
        .filter_map(|mut e| {
            let from = e.offset.saturating_sub(lead).min(total);
            let to = (e.offset + e.length).saturating_sub(lead).min(total);
            (to > from).then(|| {
                e.offset = from;
                e.length = to - from;
                e
            })
        })
        .collect();
    entities.sort_by(|a, b| a.offset.cmp(&b.offset).then(b.length.cmp(&a.length)));
    Rendered { text, entities }
}

fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

struct OpenTag {
    name: String,
    /// `href` of `a`, language of `code`/`pre`, `expandable` of `blockquote`, id of `tg-emoji`.
    argument: Option<String>,
    start: usize,
    text_start: usize,
}

const HTML_TAGS: [&str; 16] = [
    "a",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "tg-spoiler",
    "span",
    "code",
    "pre",
    "blockquote",
    "tg-emoji",
];

/// Decodes `&lt;`, `&gt;`, `&amp;`, `&quot;` or a numeric reference at `i`, returning the
/// character and the index after the `;`.
fn decode_html_entity(text: &str, i: usize) -> Option<(char, usize)> {
    let rest = &text[i + 1..];
    let end = rest.find(';')?;
    let name = &rest[..end];
    let c = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                    u32::from_str_radix(hex, 16).ok()?
                }
                None if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => {
                    number.parse().ok()?
                }
                _ => return None,
            };
            char::from_u32(code).filter(|c| *c != '\0')?
        }
    };
    Some((c, i + 1 + end + 1))
}

/// Attribute values are decoded leniently, as Telegram does: an unknown `&` stays literal.
fn decode_attribute(value: &str) -> String {
    let mut decoded = String::with_capacity(value.len());
    let mut i = 0;
    while i < value.len() {
        if value.as_bytes()[i] == b'&'
            && let Some((c, next)) = decode_html_entity(value, i)
        {
            decoded.push(c);
            i = next;
            continue;
        }
        let c = value[i..].chars().next().expect("char boundary");
        decoded.push(c);
        i += c.len_utf8();
    }
    decoded
}

/// Parses Telegram's HTML parse mode; `Err` is the part of the description after
/// "Bad Request: can't parse entities: ".
///
/// Supported: b, strong, i, em, u, ins, s, strike, del, tg-spoiler, span class="tg-spoiler",
/// a href, code (class="language-x" inside pre), pre, blockquote [expandable], tg-emoji, and
/// the entities `&lt; &gt; &amp; &quot;` plus numeric ones. Every other `<` or `&` is an error.
pub fn render_html(text: &str) -> Result<Rendered, String> {
    let b = text.as_bytes();
    let mut out = Builder::default();
    let mut open: Vec<OpenTag> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'&' => {
                let (c, next) = decode_html_entity(text, i).ok_or_else(|| {
                    format!(
                        "Character '&' at byte offset {i} does not start a supported HTML \
                         entity; escape it as &amp;"
                    )
                })?;
                out.push(c);
                i = next;
            }
            b'<' if b.get(i + 1) == Some(&b'/') => {
                let begin = i;
                let mut j = i + 2;
                while j < b.len() && !is_ascii_space(b[j]) && b[j] != b'>' {
                    j += 1;
                }
                let name = text[i + 2..j].to_ascii_lowercase();
                while j < b.len() && is_ascii_space(b[j]) {
                    j += 1;
                }
                if j >= b.len() || b[j] != b'>' {
                    return Err(format!("Unclosed end tag at byte offset {begin}"));
                }
                i = j + 1;
                let Some(tag) = open.pop() else {
                    return Err(format!("Unexpected end tag at byte offset {begin}"));
                };
                if tag.name != name {
                    return Err(format!(
                        "Unmatched end tag at byte offset {begin}, expected \"</{}>\", found \
                         \"</{name}>\"",
                        tag.name
                    ));
                }
                close_html_tag(&mut out, &mut open, tag);
            }
            b'<' => {
                let (tag, next) = parse_start_tag(text, i)?;
                open.push(OpenTag {
                    start: out.utf16,
                    text_start: out.text.len(),
                    ..tag
                });
                i = next;
            }
            c if c >= 0x80 => {
                let ch = text[i..].chars().next().expect("char boundary");
                out.push(ch);
                i += ch.len_utf8();
            }
            c => {
                out.push(char::from(c));
                i += 1;
            }
        }
    }
    if let Some(tag) = open.last() {
        return Err(format!(
            "Can't find end tag corresponding to start tag \"{}\"",
            tag.name
        ));
    }
    Ok(finish(out))
}

fn parse_start_tag(text: &str, begin: usize) -> Result<(OpenTag, usize), String> {
    let b = text.as_bytes();
    let unclosed = || format!("Unclosed start tag at byte offset {begin}");
    let mut j = begin + 1;
    while j < b.len() && !is_ascii_space(b[j]) && b[j] != b'>' {
        j += 1;
    }
    if j >= b.len() {
        return Err(unclosed());
    }
    let name = text[begin + 1..j].to_ascii_lowercase();
    if !HTML_TAGS.contains(&name.as_str()) {
        return Err(format!(
            "Unsupported start tag \"{name}\" at byte offset {begin}"
        ));
    }
    let mut attributes: Vec<(String, String)> = Vec::new();
    loop {
        while j < b.len() && is_ascii_space(b[j]) {
            j += 1;
        }
        if j >= b.len() {
            return Err(unclosed());
        }
        if b[j] == b'>' {
            j += 1;
            break;
        }
        let name_start = j;
        while j < b.len() && !is_ascii_space(b[j]) && !matches!(b[j], b'=' | b'>' | b'"' | b'\'') {
            j += 1;
        }
        let attribute = text[name_start..j].to_ascii_lowercase();
        if attribute.is_empty() {
            return Err(format!(
                "Empty attribute name in the tag \"{name}\" at byte offset {j}"
            ));
        }
        while j < b.len() && is_ascii_space(b[j]) {
            j += 1;
        }
        if j >= b.len() {
            return Err(unclosed());
        }
        if b[j] != b'=' {
            if attribute == "expandable" {
                attributes.push((attribute, String::new()));
                continue;
            }
            return Err(format!(
                "Expected equal sign in declaration of an attribute of the tag \"{name}\" at \
                 byte offset {j}"
            ));
        }
        j += 1;
        while j < b.len() && is_ascii_space(b[j]) {
            j += 1;
        }
        if j >= b.len() {
            return Err(unclosed());
        }
        let value = if b[j] == b'"' || b[j] == b'\'' {
            let quote = char::from(b[j]);
            let end = text[j + 1..].find(quote).ok_or_else(unclosed)? + j + 1;
            let value = &text[j + 1..end];
            j = end + 1;
            value
        } else {
            let start = j;
            while j < b.len() && !is_ascii_space(b[j]) && b[j] != b'>' {
                j += 1;
            }
            &text[start..j]
        };
        attributes.push((attribute, decode_attribute(value)));
    }
    let attribute = |wanted: &str| {
        attributes
            .iter()
            .find(|(n, _)| n == wanted)
            .map(|(_, v)| v.clone())
    };
    let argument = match name.as_str() {
        "a" => attribute("href"),
        "span" => {
            if attribute("class").as_deref() != Some("tg-spoiler") {
                return Err(format!(
                    "Tag \"span\" must have class \"tg-spoiler\" at byte offset {begin}"
                ));
            }
            None
        }
        "code" => attribute("class").and_then(|c| c.strip_prefix("language-").map(str::to_owned)),
        "blockquote" => attribute("expandable"),
        "tg-emoji" => Some(attribute("emoji-id").ok_or_else(|| {
            format!("Custom emoji entity must have an emoji-id at byte offset {begin}")
        })?),
        _ => None,
    };
    let tag = OpenTag {
        name,
        argument,
        start: 0,
        text_start: 0,
    };
    Ok((tag, j))
}

fn close_html_tag(out: &mut Builder, open: &mut [OpenTag], tag: OpenTag) {
    let mut entity = Entity::new("", 0, 0);
    entity.kind = match tag.name.as_str() {
        "b" | "strong" => "bold",
        "i" | "em" => "italic",
        "u" | "ins" => "underline",
        "s" | "strike" | "del" => "strikethrough",
        "tg-spoiler" | "span" => "spoiler",
        "a" => {
            let target = tag
                .argument
                .unwrap_or_else(|| out.text[tag.text_start..].to_owned());
            match normalize_link(&target) {
                Some(url) => entity.url = Some(url),
                // Telegram keeps the text and drops a link it can't use.
                None => return,
            }
            "text_link"
        }
        "code" => {
            // `<pre><code class="language-x">` is a pre block in language x, not code in pre.
            if let (Some(language), Some(parent)) = (&tag.argument, open.last_mut())
                && parent.name == "pre"
                && parent.argument.is_none()
            {
                parent.argument = Some(language.clone());
                return;
            }
            "code"
        }
        "pre" => {
            entity.language = tag.argument;
            "pre"
        }
        "blockquote" if tag.argument.is_some() => "expandable_blockquote",
        "blockquote" => "blockquote",
        "tg-emoji" => {
            entity.custom_emoji_id = tag.argument;
            "custom_emoji"
        }
        other => unreachable!("unsupported tag {other} was accepted"),
    }
    .to_owned();
    out.entity(entity, tag.start);
}
