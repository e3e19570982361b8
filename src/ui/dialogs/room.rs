//! The room's views: the facilitator's dialog (`Room link`, `Copy link`, the QR code, who is
//! in, the rules, `End room`), a participant's (`Your name`, `Leave room`), the invitation a
//! room link opens (`Join room`), and the bar that says the room is on, who is in and whether
//! the relay is reached.

use crate::app::room::{self, use_room, Shown};
use crate::notice::{Message, Severity};
use crate::ui::dialogs::modal::Modal;
use crate::ui::texts;
use leptos::prelude::*;
use samverkan_model::room::Rules;

/// The QR code of `text` as one SVG path of its dark modules, with the quiet zone around.
fn qr_path(text: &str) -> Option<(usize, String)> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    let width = code.width();
    let mut path = String::new();
    for (i, colour) in code.to_colors().into_iter().enumerate() {
        if colour == qrcode::Color::Dark {
            path.push_str(&format!("M{} {}h1v1h-1z", i % width + 4, i / width + 4));
        }
    }
    Some((width + 8, path))
}

#[component]
pub fn QrCode(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let t = texts();
    move || {
        qr_path(&text.get()).map(|(size, path)| {
            let view_box = format!("0 0 {size} {size}");
            view! {
                <svg class="qr" viewBox=view_box role="img" aria-label=move || t().room_qr
                    shape-rendering="crispEdges">
                    <rect width=size height=size fill="#fff"/>
                    <path d=path fill="#000"/>
                </svg>
            }
        })
    }
}

/// The projector window's view of the room link: its QR code over the map, large, while the
/// facilitator's window shows the room dialog.
#[component]
pub fn ProjectedQr() -> impl IntoView {
    let room = expect_context::<crate::ui::shell::projection::ProjectedRoom>();
    let t = texts();
    let link = Signal::derive(move || room.0.get().unwrap_or_default());
    move || {
        room.0.with(Option::is_some).then(|| {
            view! {
                <section class="projected-room" aria-labelledby="projected-room-title">
                    <h2 id="projected-room-title">{move || t().room_scan}</h2>
                    <QrCode text=link/>
                </section>
            }
        })
    }
}

/// While this window is in a room: how many are in it (or that the relay cannot be reached,
/// and that edits wait), and the way to the room's dialog. In the header, so the facilitator
/// sees it in projection mode too and it never covers the map or a column.
#[component]
pub fn RoomStatus() -> impl IntoView {
    let t = texts();
    let slot = use_room();
    move || {
        slot.shown.with(|shown| {
            let shown = shown.as_ref()?;
            let (online, waiting, people) = (shown.online, shown.waiting, shown.people.len());
            Some(view! {
                <div class="room-bar" class:offline=!online role="status">
                    <span class="dot" aria-hidden="true"></span>
                    <span>{if online { (t().room_people)(people) } else { t().room_offline.to_owned() }}</span>
                    {waiting.then(|| view! { <span>{move || t().room_waiting}</span> })}
                    <button class="small" on:click=move |_| slot.dialog.set(true)>{move || t().room}</button>
                </div>
            })
        })
    }
}

/// What a room adds to the page beside its dialogs (the count and the offline banner are in
/// the header, `RoomStatus`): others' selections drawn as rings, this one's sent, refused
/// edits told.
#[component]
pub fn RoomPresence() -> impl IntoView {
    let (slot, doc, notices) = (use_room(), crate::app::use_doc(), crate::app::use_notices());
    // Says why an edit the room's limits refused did not happen (not on the first run: a
    // refusal from before the room is old news).
    Effect::new(move |first: Option<()>| {
        if let (Some(()), Some(limits)) = (first, doc.refused.get()) {
            let message = Message::RoomRefused {
                locked: limits.locked,
            };
            notices.notify(Severity::Warning, message, vec![]);
        }
    });
    // This device's selection goes to the room; the others' are drawn as rings.
    if let Some(selection) = use_context::<crate::ui::shell::selection::Selection>() {
        Effect::new(move |_| {
            let selected = selection.0.get().map(|id| id.to_string());
            room::set_selection(slot, selected);
        });
    }
    Effect::new(move |ringed: Option<Vec<String>>| {
        let rings: Vec<(String, &'static str)> = slot.shown.with(|s| {
            s.iter()
                .flat_map(|s| &s.people)
                .filter(|p| !p.me)
                .filter_map(|p| Some((p.selection.clone()?, person_colour(p.id))))
                .collect()
        });
        draw_rings(ringed.unwrap_or_default(), &rings)
    });
}

/// Marks the actors others have selected with a ring in their colour (an attribute and a
/// CSS variable on the node, which the map's own rendering leaves alone: it owns the
/// node's classes); returns the ids marked.
fn draw_rings(before: Vec<String>, rings: &[(String, &'static str)]) -> Vec<String> {
    let node = |id: &str| {
        document()
            .query_selector(&format!("svg.network g.node[data-actor=\"{id}\"]"))
            .ok()
            .flatten()
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::SvgElement>(e).ok())
    };
    for id in &before {
        if let Some(node) = node(id) {
            let _ = node.remove_attribute("data-ring");
        }
    }
    for (id, colour) in rings {
        if let Some(node) = node(id) {
            let _ = node.set_attribute("data-ring", "");
            let _ = node.style().set_property("--ring", colour);
        }
    }
    rings.iter().map(|(id, _)| id.clone()).collect()
}

/// `Room`: the facilitator's controls, or a participant's.
#[component]
pub fn RoomDialog() -> impl IntoView {
    let slot = use_room();
    let close = Callback::new(move |()| slot.dialog.set(false));
    view! {
        <Show when=move || slot.dialog.get() && slot.shown.with(Option::is_some)>
            <Modal class="help room-dialog" labelled_by="room-title" close=close>
                <RoomControls close=close/>
            </Modal>
        </Show>
    }
}

#[component]
fn RoomControls(close: Callback<()>) -> impl IntoView {
    let slot = use_room();
    let t = texts();
    let shown = move || slot.shown.get();
    let with_shown = move |f: fn(&Shown) -> bool| slot.shown.with(|s| s.as_ref().is_some_and(f));
    let facilitator = move || with_shown(|s| s.facilitator);
    let link = Signal::derive(move || shown().map(|s| s.link).unwrap_or_default());
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let text = link.get_untracked();
        leptos::task::spawn_local(async move {
            copied.set(crate::browser::copy_text(&text).await);
        });
    };
    let rules = move || shown().map(|s| s.rules).unwrap_or_default();
    let set_rule = move |change: fn(&mut Rules, bool), on: bool| {
        let mut next = rules();
        change(&mut next, on);
        room::set_rules(slot, next);
    };
    let select_all = |ev: leptos::ev::FocusEvent| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        input.select();
    };
    view! {
        <h2 id="room-title">{move || t().room_heading}</h2>
        <p class="hint">{move || t().room_help}</p>
        <Show when=facilitator>
            <div class="room-link">
                <QrCode text=link/>
                <label class="field">
                    <span>{move || t().room_link}</span>
                    <input type="text" readonly prop:value=move || link.get() on:focus=select_all/>
                </label>
                <button on:click=copy>{move || t().copy_link}</button>
                <p class="hint" aria-live="polite">{move || copied.get().then(|| t().link_copied)}</p>
            </div>
        </Show>
        <label class="field">
            <span>{move || t().your_name}</span>
            <input type="text" prop:value=slot.name() maxlength="60"
                on:change=move |ev| room::set_name(slot, &event_target_value(&ev))/>
        </label>
        <Show when=facilitator>
            <label class="field">
                <span>{move || t().relay_address}</span>
                <input type="url" prop:value=move || shown().map(|s| s.relay).unwrap_or_default()
                    on:change=move |ev| room::set_relay(slot, &event_target_value(&ev))/>
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=move || rules().edit_everything
                    on:change=move |ev| set_rule(|r, on| r.edit_everything = on, event_target_checked(&ev))/>
                {move || t().edit_everything}
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=move || rules().locked
                    on:change=move |ev| set_rule(|r, on| r.locked = on, event_target_checked(&ev))/>
                {move || t().lock_map}
            </label>
        </Show>
        <h3>{move || t().room_people_heading}</h3>
        <ul class="people">
            {move || shown().map(|s| s.people).unwrap_or_default().into_iter().map(|p| {
                let colour = person_colour(p.id);
                let name = if p.name.trim().is_empty() { t().unnamed.to_owned() } else { p.name.clone() };
                let role = match (p.facilitator, p.me) {
                    (true, true) => format!(" ({}, {})", t().facilitator, t().you),
                    (true, false) => format!(" ({})", t().facilitator),
                    (false, true) => format!(" ({})", t().you),
                    (false, false) => String::new(),
                };
                view! { <li><span class="swatch" aria-hidden="true" style:background=colour></span>{name}{role}</li> }
            }).collect_view()}
        </ul>
        <div class="rowtools">
            <Show when=facilitator fallback=move || view! {
                <button on:click=move |_| room::leave_room(slot)>{move || t().leave_room}</button>
            }>
                <button class="danger" on:click=move |_| room::end_room(slot)>{move || t().end_room}</button>
            </Show>
            <button on:click=move |_| close.run(())>{move || t().close}</button>
        </div>
    }
}

/// Each person's colour, the same on every device (from their id).
pub fn person_colour(id: u64) -> &'static str {
    const COLOURS: [&str; 8] = [
        "#d7263d", "#1b998b", "#3f51b5", "#f46036", "#2e294e", "#8e44ad", "#c0842b", "#0b7a3e",
    ];
    COLOURS[(id % COLOURS.len() as u64) as usize]
}

/// The invitation a room link opens: `Your name`, then `Join room`; a link that is not whole
/// is said so.
#[component]
pub fn JoinDialog() -> impl IntoView {
    let (slot, notices) = (use_room(), crate::app::use_notices());
    let t = texts();
    let name = RwSignal::new(slot.name());
    let close = Callback::new(move |()| slot.invite.set(None));
    let invite = Memo::new(move |_| slot.invite.get().map(|data| room::Invite::parse(&data)));
    Effect::new(move |_| {
        if let Some(None) = invite.get() {
            notices.notify(Severity::Error, Message::RoomLinkBroken, vec![]);
            slot.invite.set(None);
        }
    });
    let join = move || {
        if let Some(Some(invite)) = invite.get_untracked() {
            slot.join(invite, name.get_untracked());
        }
    };
    view! {
        <Show when=move || matches!(invite.get(), Some(Some(_)))>
            <Modal class="help join-dialog" labelled_by="join-title" close=close keep_on_outside_click=true>
                <h2 id="join-title">{move || t().join_heading}</h2>
                <p class="hint">{move || t().join_help}</p>
                <form on:submit=move |ev| { ev.prevent_default(); join(); }>
                    <label class="field">
                        <span>{move || t().your_name}</span>
                        <input type="text" required maxlength="60" autocomplete="name"
                            prop:value=move || name.get()
                            on:input=move |ev| name.set(event_target_value(&ev))/>
                    </label>
                    <div class="rowtools">
                        <button type="submit" class="primary">{move || t().join_room}</button>
                        <button type="button" on:click=move |_| close.run(())>{move || t().cancel}</button>
                    </div>
                </form>
            </Modal>
        </Show>
    }
}
