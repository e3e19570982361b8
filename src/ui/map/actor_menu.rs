//! An actor's actions in a small menu beside it: opened by a long press on the map or the grid,
//! by a right click, or by the context-menu key (or Shift+F10) on a focused actor. `Link` there
//! needs no keyboard: the next actor tapped becomes the other end.

use crate::app::use_doc;
use crate::ui::dialogs::modal::{focusables, return_focus_when_closed};
use crate::ui::dialogs::what_if::use_what_if;
use crate::ui::engagement::log_interaction::use_logging;
use crate::ui::map::link_box::use_linking;
use crate::ui::shell::chrome::{Chrome, Column};
use crate::ui::shell::removal::Remover;
use crate::ui::shell::selection::use_selection;
use crate::ui::texts;
use leptos::prelude::*;
use leptos::web_sys::KeyboardEvent;
use samverkan_model::ActorId;
use wasm_bindgen::JsCast;

/// How long a finger rests on an actor before its actions open.
pub const LONG_PRESS_MS: i32 = 500;
/// How far (CSS px) a finger may wander during a long press before it counts as a drag.
pub const LONG_PRESS_SLOP: f64 = 10.0;

/// Where the menu is open: for which actor, at which point of the window.
#[derive(Clone, Debug, PartialEq)]
pub struct MenuAt {
    pub id: ActorId,
    pub x: f64,
    pub y: f64,
}

/// The actor whose actions are open (view state).
#[derive(Clone, Copy)]
pub struct ActorMenu {
    pub open_at: RwSignal<Option<MenuAt>>,
    selected: RwSignal<Option<ActorId>>,
}

impl ActorMenu {
    pub fn provide() -> Self {
        let menu = Self {
            open_at: RwSignal::new(None),
            selected: use_selection().0,
        };
        provide_context(menu);
        menu
    }

    /// Selects `id` and opens its actions at (`x`, `y`) in the window.
    pub fn open(self, id: ActorId, x: f64, y: f64) {
        self.selected.set(Some(id.clone()));
        self.open_at.set(Some(MenuAt { id, x, y }));
    }

    /// Opens the menu of the actor drawn by `element` (keyboard: beside the element).
    pub fn open_beside(self, id: ActorId, element: &leptos::web_sys::Element) {
        let r = element.get_bounding_client_rect();
        self.open(id, r.right(), r.top() + r.height() / 2.0);
    }
}

pub fn use_actor_menu() -> ActorMenu {
    expect_context()
}

/// Whether a key opens a focused actor's actions: the context-menu key or Shift+F10.
pub fn opens_menu(ev: &KeyboardEvent) -> bool {
    ev.key() == "ContextMenu" || (ev.shift_key() && ev.key() == "F10")
}

/// A long press in progress: a timer that opens the menu unless the finger moves or lifts.
/// Made where the view is made (it takes the menu from context then).
#[derive(Clone, Copy)]
pub struct LongPress {
    timer: StoredValue<Option<(i32, f64, f64)>>,
    menu: ActorMenu,
}

impl LongPress {
    pub fn new() -> Self {
        Self {
            timer: StoredValue::new(None),
            menu: use_actor_menu(),
        }
    }

    /// Starts timing at the pointer's point; a mouse's main button does not long-press.
    pub fn start(self, ev: &leptos::web_sys::PointerEvent, id: ActorId) {
        self.cancel();
        if ev.pointer_type() == "mouse" {
            return;
        }
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let menu = self.menu;
        let fire = wasm_bindgen::closure::Closure::once_into_js(move || {
            if self
                .timer
                .try_update_value(|t| t.take())
                .flatten()
                .is_some()
            {
                menu.open(id, x, y);
            }
        });
        let handle = window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                fire.unchecked_ref(),
                LONG_PRESS_MS,
            )
            .unwrap_or(0);
        self.timer.set_value(Some((handle, x, y)));
    }

    /// A move farther than the slop ends the wait (it is a drag).
    pub fn moved(self, ev: &leptos::web_sys::PointerEvent) {
        let far = self.timer.with_value(|t| {
            t.is_some_and(|(_, x, y)| {
                let (dx, dy) = (f64::from(ev.client_x()) - x, f64::from(ev.client_y()) - y);
                dx.hypot(dy) > LONG_PRESS_SLOP
            })
        });
        if far {
            self.cancel();
        }
    }

    pub fn cancel(self) {
        if let Some((handle, _, _)) = self.timer.try_update_value(|t| t.take()).flatten() {
            window().clear_timeout_with_handle(handle);
        }
    }

    /// Whether the menu is open (then lifting the finger ends no drag).
    pub fn fired(self) -> bool {
        self.menu.open_at.with_untracked(Option::is_some)
    }
}

/// The menu's size on screen (CSS px), with room to spare: five items of 44 px and a border.
const MENU_SIZE: (f64, f64) = (240.0, 250.0);

/// Where the menu's top left corner goes for a press at `at` in a window of `window` size:
/// centred above the point when there is room, else below it, and never outside the window.
fn menu_place(at: (f64, f64), window: (f64, f64)) -> (f64, f64) {
    let gap = 24.0;
    let left = (at.0 - MENU_SIZE.0 / 2.0)
        .min(window.0 - MENU_SIZE.0)
        .max(0.0);
    let top = if at.1 - gap - MENU_SIZE.1 >= 0.0 {
        at.1 - gap - MENU_SIZE.1
    } else {
        (at.1 + gap).min(window.1 - MENU_SIZE.1).max(0.0)
    };
    (left, top)
}

/// The menu, over everything, beside the point it was opened at.
#[component]
pub fn ActorMenuPopup() -> impl IntoView {
    let menu = use_actor_menu();
    view! {
        <Show when=move || menu.open_at.with(Option::is_some)>
            <MenuItems/>
        </Show>
    }
}

#[component]
fn MenuItems() -> impl IntoView {
    let t = texts();
    let menu = use_actor_menu();
    let doc = use_doc();
    let (linking, logging, what_if) = (use_linking(), use_logging(), use_what_if());
    let remover = expect_context::<Remover>();
    let chrome = expect_context::<Chrome>();
    let Some(MenuAt { id, x, y }) = menu.open_at.get_untracked() else {
        return ().into_any();
    };
    return_focus_when_closed();
    let list = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(first) = list.get().and_then(|l| focusables(&l).into_iter().next()) {
            let _ = first.focus();
        }
    });
    let close = move || menu.open_at.set(None);
    let name = doc
        .with_map(|m| m.actor(&id).map(|a| a.name.clone()))
        .flatten()
        .unwrap_or_default();
    // Up and Down move between the items, wrapping; Escape and Tab close the menu.
    let on_key = move |ev: KeyboardEvent| {
        ev.stop_propagation();
        let Some(list) = list.get_untracked() else {
            return;
        };
        let items = focusables(&list);
        let active = document().active_element();
        let at = items
            .iter()
            .position(|e| active.as_ref() == Some(e.unchecked_ref()));
        let step = |by: usize| {
            let next = at.map_or(0, |i| (i + by) % items.len());
            let _ = items[next].focus();
        };
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                step(1);
            }
            "ArrowUp" => {
                ev.prevent_default();
                step(items.len() - 1);
            }
            "Escape" | "Tab" => {
                ev.prevent_default();
                close();
            }
            _ => {}
        }
    };
    let item = move |label: fn(&'static crate::i18n::Texts) -> &'static str,
                     run: Box<dyn Fn() + Send + Sync>,
                     danger: bool| {
        view! {
            <button role="menuitem" class:danger=danger tabindex="-1"
                on:click=move |_| { close(); run(); }>{move || label(t())}</button>
        }
    };
    let (b, c, d) = (id.clone(), id.clone(), id.clone());
    // Above the point when there is room (a finger there would hide it), else below it,
    // and inside the window however near its edge the actor is. Set as properties, not as a
    // style attribute, which the Content-Security-Policy (`style-src 'self'`) refuses.
    let size = |get: fn(
        &leptos::web_sys::Window,
    ) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>| {
        get(&window()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0)
    };
    let (width, height) = (size(|w| w.inner_width()), size(|w| w.inner_height()));
    let (left, top) = menu_place((x, y), (width, height));
    let (left, top) = (format!("{left:.0}px"), format!("{top:.0}px"));
    view! {
        <div class="menu-backdrop" on:pointerdown=move |_| close()></div>
        <div class="actor-menu" node_ref=list role="menu" style:left=left style:top=top on:keydown=on_key
            aria-label=move || (t().actions_of)(&name)>
            {item(|t| t.link, Box::new(move || linking.picking.set(true)), false)}
            {item(|t| t.log_interaction, Box::new(move || logging.open_for(vec![b.clone()])), false)}
            {item(|t| t.what_if_removed, Box::new(move || what_if.0.set(Some(vec![c.clone()]))), false)}
            {item(|t| t.details_sheet, Box::new(move || chrome.open(Column::Panel)), false)}
            {item(|t| t.remove, Box::new(move || remover.remove(vec![d.clone()])), true)}
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_menu_goes_above_the_finger_when_it_can_and_stays_in_the_window() {
        assert_eq!(menu_place((200.0, 600.0), (390.0, 844.0)), (80.0, 326.0));
        assert_eq!(
            menu_place((200.0, 100.0), (390.0, 844.0)),
            (80.0, 124.0),
            "no room above: below"
        );
        assert_eq!(
            menu_place((380.0, 830.0), (390.0, 844.0)),
            (150.0, 556.0),
            "right edge"
        );
        assert_eq!(
            menu_place((5.0, 100.0), (390.0, 300.0)),
            (0.0, 50.0),
            "a short window"
        );
    }
}
