//! The connection to the relay: the Yjs project's signalling server (`y-webrtc-signaling`), a
//! blind publish/subscribe service over WebSocket. This device subscribes to the room's topic
//! and publishes sealed messages to it; the relay hands each to every subscriber. Lost
//! connections are retried with backoff; a connection that stops answering its heartbeat is
//! taken as lost (a dropped Wi-Fi does not always close a socket).

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, WebSocket};

/// How often the relay is asked whether it is still there, and how long it may be silent.
const HEARTBEAT_MS: i32 = 4_000;
const SILENCE_MS: f64 = 9_000.0;
/// The wait before the n-th retry: 0.5 s, 1 s, 2 s, … at most 8 s.
fn backoff_ms(attempt: u32) -> i32 {
    (500 * 2i32.pow(attempt.min(4))).min(8_000)
}

/// The heartbeat's interval id and its callback (kept alive while it runs).
type Heartbeat = (i32, Closure<dyn Fn()>);
/// The listener for the page's policy refusals.
type PolicyWatch = Closure<dyn Fn(web_sys::SecurityPolicyViolationEvent)>;

pub struct Relay {
    address: String,
    topic: String,
    socket: RefCell<Option<WebSocket>>,
    /// What each received `data` is given to.
    on_data: Box<dyn Fn(String)>,
    /// Told true when the relay is reached, false when it is lost.
    on_online: Box<dyn Fn(bool)>,
    /// Told when the page's Content-Security-Policy does not let it reach the relay.
    on_blocked: Box<dyn Fn()>,
    /// Listens for the policy's refusals while connecting (removed on close).
    policy_watch: RefCell<Option<PolicyWatch>>,
    attempts: Cell<u32>,
    last_heard: Cell<f64>,
    closed: Cell<bool>,
    heartbeat: RefCell<Option<Heartbeat>>,
}

impl Relay {
    pub fn new(
        address: String,
        topic: String,
        on_data: impl Fn(String) + 'static,
        on_online: impl Fn(bool) + 'static,
        on_blocked: impl Fn() + 'static,
    ) -> Rc<Self> {
        Rc::new(Self {
            address,
            topic,
            socket: RefCell::new(None),
            on_data: Box::new(on_data),
            on_online: Box::new(on_online),
            on_blocked: Box::new(on_blocked),
            policy_watch: RefCell::new(None),
            attempts: Cell::new(0),
            last_heard: Cell::new(0.0),
            closed: Cell::new(false),
            heartbeat: RefCell::new(None),
        })
    }

    /// Connects (again); the socket's events hold only a weak reference to the relay.
    pub fn connect(self: &Rc<Self>) {
        if self.closed.get() {
            return;
        }
        self.watch_policy();
        let Ok(socket) = WebSocket::new(&self.address) else {
            // A malformed address: nothing to retry.
            return (self.on_online)(false);
        };
        let weak = Rc::downgrade(self);
        let on_open = Closure::<dyn Fn()>::new(move || {
            if let Some(relay) = weak.upgrade() {
                relay.opened();
            }
        });
        let weak = Rc::downgrade(self);
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            if let (Some(relay), Some(text)) = (weak.upgrade(), event.data().as_string()) {
                relay.heard(&text);
            }
        });
        let weak = Rc::downgrade(self);
        let socket_seen = socket.clone();
        let on_close = Closure::<dyn Fn()>::new(move || {
            if let Some(relay) = weak.upgrade() {
                relay.lost(&socket_seen);
            }
        });
        socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        // A socket the page's policy refused fails with an error and no close.
        socket.set_onerror(Some(on_close.as_ref().unchecked_ref()));
        // The socket owns its handlers from here; they go when it is closed and collected.
        on_open.forget();
        on_message.forget();
        on_close.forget();
        *self.socket.borrow_mut() = Some(socket);
    }

    /// A relay the page's Content-Security-Policy (`connect-src`) does not name cannot be
    /// reached whatever the network does: said once, and not retried.
    fn watch_policy(self: &Rc<Self>) {
        if self.policy_watch.borrow().is_some() {
            return;
        }
        let weak = Rc::downgrade(self);
        let watch = PolicyWatch::new(move |event: web_sys::SecurityPolicyViolationEvent| {
            let Some(relay) = weak.upgrade() else { return };
            let blocked = event.blocked_uri();
            let address = relay.address.trim_end_matches('/');
            if blocked.trim_end_matches('/') == address && !relay.closed.replace(true) {
                (relay.on_blocked)();
            }
        });
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            let _ = document.add_event_listener_with_callback(
                "securitypolicyviolation",
                watch.as_ref().unchecked_ref(),
            );
        }
        *self.policy_watch.borrow_mut() = Some(watch);
    }

    fn opened(self: &Rc<Self>) {
        self.attempts.set(0);
        self.last_heard.set(crate::browser::now_ms());
        let subscribe = serde_json::json!({ "type": "subscribe", "topics": [self.topic] });
        self.send_raw(&subscribe.to_string());
        self.start_heartbeat();
        (self.on_online)(true);
    }

    fn heard(&self, text: &str) {
        self.last_heard.set(crate::browser::now_ms());
        let Ok(message) = serde_json::from_str::<serde_json::Value>(text) else {
            return;
        };
        let publish = message["type"] == "publish" && message["topic"] == self.topic.as_str();
        if let (true, Some(data)) = (publish, message["data"].as_str()) {
            (self.on_data)(data.to_owned());
        }
    }

    /// The socket closed (or went silent): tell, and try again after a while.
    fn lost(self: &Rc<Self>, socket: &WebSocket) {
        let current = self.socket.borrow().as_ref() == Some(socket);
        if !current {
            return;
        }
        self.socket.borrow_mut().take();
        self.stop_heartbeat();
        (self.on_online)(false);
        if self.closed.get() {
            return;
        }
        let attempt = self.attempts.get();
        self.attempts.set(attempt + 1);
        let weak = Rc::downgrade(self);
        crate::browser::after_ms(backoff_ms(attempt), move || {
            if let Some(relay) = weak.upgrade() {
                relay.connect();
            }
        });
    }

    fn start_heartbeat(self: &Rc<Self>) {
        let weak = Rc::downgrade(self);
        let beat = Closure::<dyn Fn()>::new(move || {
            let Some(relay) = weak.upgrade() else { return };
            let silent = crate::browser::now_ms() - relay.last_heard.get() > SILENCE_MS;
            let socket = relay.socket.borrow().clone();
            match socket {
                Some(socket) if silent => {
                    let _ = socket.close();
                    relay.lost(&socket);
                }
                Some(_) => {
                    relay.send_raw(r#"{"type":"ping"}"#);
                }
                None => {}
            }
        });
        let id = web_sys::window().and_then(|w| {
            w.set_interval_with_callback_and_timeout_and_arguments_0(
                beat.as_ref().unchecked_ref(),
                HEARTBEAT_MS,
            )
            .ok()
        });
        if let Some(id) = id {
            *self.heartbeat.borrow_mut() = Some((id, beat));
        }
    }

    fn stop_heartbeat(&self) {
        if let (Some((id, _)), Some(window)) =
            (self.heartbeat.borrow_mut().take(), web_sys::window())
        {
            window.clear_interval_with_handle(id);
        }
    }

    fn send_raw(&self, text: &str) -> bool {
        let socket = self.socket.borrow();
        match socket.as_ref() {
            Some(s) if s.ready_state() == WebSocket::OPEN => s.send_with_str(text).is_ok(),
            _ => false,
        }
    }

    /// Publishes `data` (sealed, base64url) to the room; false when not connected.
    pub fn publish(&self, data: &str) -> bool {
        let message = serde_json::json!({ "type": "publish", "topic": self.topic, "data": data });
        self.send_raw(&message.to_string())
    }

    pub fn is_online(&self) -> bool {
        self.socket
            .borrow()
            .as_ref()
            .is_some_and(|s| s.ready_state() == WebSocket::OPEN)
    }

    /// Closes for good.
    pub fn close(&self) {
        self.closed.set(true);
        self.stop_heartbeat();
        if let (Some(watch), Some(document)) = (
            self.policy_watch.borrow_mut().take(),
            web_sys::window().and_then(|w| w.document()),
        ) {
            let _ = document.remove_event_listener_with_callback(
                "securitypolicyviolation",
                watch.as_ref().unchecked_ref(),
            );
        }
        if let Some(socket) = self.socket.borrow_mut().take() {
            let _ = socket.close();
        }
    }
}
