//! One table of the user's actions: what each is called, its keyboard shortcuts and what
//! it does. The toolbar buttons, the keyboard handler and the help overlay all read it,
//! so a shortcut shown is a shortcut that works.

use crate::app::{use_doc, use_library, use_transfer, Doc, Library, Transfer};
use crate::i18n::Texts;
use crate::ui::dialogs::help::HelpOverlay;
use crate::ui::shell::projection::{self, Projection};
use crate::ui::shell::selection::Selection;
use crate::ui::{ActiveTab, Tab};
use leptos::prelude::*;
use leptos::web_sys::KeyboardEvent;

/// A user action that has a button, a shortcut or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Undo,
    Redo,
    NewMap,
    Import,
    ExportJson,
    FocusAddActor,
    DeleteSelected,
    LinkSelected,
    LogInteraction,
    ShowTab(Tab),
    ToggleProjection,
    ClearSelection,
    Help,
}

/// A key with its modifiers. `key` is `KeyboardEvent.key`, compared case-insensitively.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortcut {
    key: &'static str,
    ctrl: bool,
    shift: bool,
    alt: bool,
}

const fn key(k: &'static str) -> Shortcut {
    Shortcut {
        key: k,
        ctrl: false,
        shift: false,
        alt: false,
    }
}
const fn ctrl(k: &'static str) -> Shortcut {
    Shortcut {
        ctrl: true,
        ..key(k)
    }
}
const fn ctrl_shift(k: &'static str) -> Shortcut {
    Shortcut {
        ctrl: true,
        shift: true,
        ..key(k)
    }
}
const fn alt(k: &'static str) -> Shortcut {
    Shortcut {
        alt: true,
        ..key(k)
    }
}

impl Action {
    /// Every action, in the order the help overlay lists them.
    pub const ALL: [Action; 18] = [
        Action::FocusAddActor,
        Action::Undo,
        Action::Redo,
        Action::DeleteSelected,
        Action::LinkSelected,
        Action::ClearSelection,
        Action::ShowTab(Tab::Map),
        Action::ShowTab(Tab::Grid),
        Action::ShowTab(Tab::Table),
        Action::ShowTab(Tab::Council),
        Action::ShowTab(Tab::Onion),
        Action::ShowTab(Tab::Engagement),
        Action::LogInteraction,
        Action::ToggleProjection,
        Action::NewMap,
        Action::Import,
        Action::ExportJson,
        Action::Help,
    ];

    /// The shortcuts, the first one shown on buttons. Ctrl stands for ⌘ on a Mac too.
    pub fn shortcuts(self) -> Vec<Shortcut> {
        match self {
            Action::Undo => vec![ctrl("z")],
            Action::Redo => vec![ctrl_shift("z"), ctrl("y")],
            Action::NewMap => vec![alt("n")],
            Action::Import => vec![ctrl("o")],
            Action::ExportJson => vec![ctrl_shift("s")],
            Action::FocusAddActor => vec![alt("a"), key("/")],
            Action::DeleteSelected => vec![key("Delete")],
            Action::LinkSelected => vec![key("l")],
            Action::ShowTab(Tab::Map) => vec![alt("1")],
            Action::ShowTab(Tab::Grid) => vec![alt("2")],
            Action::ShowTab(Tab::Table) => vec![alt("3")],
            Action::ShowTab(Tab::Council) => vec![alt("4")],
            Action::ShowTab(Tab::Onion) => vec![alt("5")],
            Action::ShowTab(Tab::Engagement) => vec![alt("6")],
            Action::LogInteraction => vec![key("i")],
            Action::ToggleProjection => vec![alt("p")],
            Action::ClearSelection => vec![key("Escape")],
            Action::Help => vec![key("?")],
        }
    }

    /// The action's name in the UI language (the buttons' accessible names).
    pub fn label(self, t: &'static Texts) -> &'static str {
        match self {
            Action::Undo => t.undo,
            Action::Redo => t.redo,
            Action::NewMap => t.new_map,
            Action::Import => t.import,
            Action::ExportJson => t.export_json,
            Action::FocusAddActor => t.action_focus_add_actor,
            Action::DeleteSelected => t.action_delete_selected,
            Action::LinkSelected => t.action_link_selected,
            Action::LogInteraction => t.log_interaction,
            Action::ShowTab(tab) => tab.label(t),
            Action::ToggleProjection => t.projection_mode,
            Action::ClearSelection => t.action_clear_selection,
            Action::Help => t.keyboard_shortcuts,
        }
    }

    /// Plain keys (no Ctrl or Alt) act only outside text fields, where they type.
    fn needs_no_text_focus(self) -> bool {
        self.shortcuts()
            .iter()
            .all(|s| !s.ctrl && !s.alt && s.key != "Escape")
    }
}

impl Shortcut {
    fn matches(&self, ev: &KeyboardEvent) -> bool {
        let ctrl = ev.ctrl_key() || ev.meta_key();
        let shift_matters = self.ctrl || self.alt;
        ev.key().eq_ignore_ascii_case(self.key)
            && ctrl == self.ctrl
            && ev.alt_key() == self.alt
            && (!shift_matters || ev.shift_key() == self.shift)
            || (self.alt && ev.alt_key() && !ctrl && alt_code_matches(self.key, ev))
    }

    /// How the shortcut is written in the UI language (`Ctrl+Skift+Z`).
    pub fn text(&self, t: &'static Texts) -> String {
        let mut parts = Vec::new();
        if self.ctrl {
            parts.push("Ctrl".to_owned());
        }
        if self.shift {
            parts.push(t.key_shift.to_owned());
        }
        if self.alt {
            parts.push("Alt".to_owned());
        }
        parts.push(match self.key {
            "Escape" => "Esc".to_owned(),
            "Delete" => t.key_delete.to_owned(),
            // The keys are ASCII: no Unicode case tables in the first load for them.
            k => k.to_ascii_uppercase(),
        });
        parts.join("+")
    }
}

/// With Alt held, some layouts (a Mac's) type another character: match the physical key.
fn alt_code_matches(key: &str, ev: &KeyboardEvent) -> bool {
    let code = ev.code();
    match key.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => code == format!("Key{}", c.to_ascii_uppercase()),
        Some(c) if c.is_ascii_digit() => code == format!("Digit{c}"),
        _ => false,
    }
}

/// What the actions act on.
#[derive(Clone, Copy)]
pub struct ActionContext {
    doc: Doc,
    library: Library,
    transfer: Transfer,
    selection: Selection,
    projection: Projection,
    help: HelpOverlay,
    tab: RwSignal<Tab>,
    remover: crate::ui::shell::removal::Remover,
    linking: crate::ui::map::link_box::Linking,
    logging: crate::ui::engagement::log_interaction::Logging,
}

impl ActionContext {
    pub fn new(selection: Selection, projection: Projection, help: HelpOverlay) -> Self {
        Self {
            doc: use_doc(),
            library: use_library(),
            transfer: use_transfer(),
            selection,
            projection,
            help,
            tab: expect_context::<ActiveTab>().0,
            remover: expect_context(),
            linking: crate::ui::map::link_box::use_linking(),
            logging: crate::ui::engagement::log_interaction::use_logging(),
        }
    }

    /// Whether the action can run now (buttons are disabled otherwise).
    pub fn enabled(&self, action: Action) -> bool {
        match action {
            Action::Undo => self.doc.can_undo(),
            Action::Redo => self.doc.can_redo(),
            Action::ExportJson | Action::FocusAddActor | Action::ShowTab(_) => self.doc.is_open(),
            Action::DeleteSelected | Action::LinkSelected | Action::LogInteraction => {
                self.selection.0.with(Option::is_some)
            }
            _ => true,
        }
    }

    /// Carries the action out.
    pub fn run(&self, action: Action) {
        match action {
            Action::Undo => self.doc.undo(),
            Action::Redo => self.doc.redo(),
            Action::NewMap => {
                self.library.new_map();
                // The old map's box is still there until the next render.
                request_animation_frame(focus_add_actor);
            }
            Action::Import => click("import-file"),
            Action::ExportJson => self.transfer.export_current(),
            Action::FocusAddActor => focus_add_actor(),
            Action::DeleteSelected => {
                if let Some(id) = self.selection.0.get_untracked() {
                    self.remover.remove(vec![id]);
                }
            }
            Action::LinkSelected => self.linking.open.set(true),
            Action::LogInteraction => {
                let selected = self.selection.0.get_untracked();
                self.logging.open_for(selected.into_iter().collect());
            }
            Action::ShowTab(tab) => self.tab.set(tab),
            Action::ToggleProjection => {
                if !self.projection.is_projector {
                    projection::toggle(self.projection)
                }
            }
            Action::ClearSelection => {
                self.help.open.set(false);
                self.selection.0.set(None);
                if self.projection.on.get_untracked() && !self.projection.is_projector {
                    self.projection.on.set(false);
                }
            }
            Action::Help => self.help.open.update(|open| *open = !*open),
        }
    }
}

/// Runs the action whose shortcut the key is, if any.
pub fn on_key(context: &ActionContext, ev: &KeyboardEvent) {
    let typing = typing_in_a_field();
    let found = Action::ALL.into_iter().find(|action| {
        action.shortcuts().iter().any(|s| s.matches(ev))
            && !(typing && action.needs_no_text_focus())
    });
    let Some(action) = found else {
        return;
    };
    // The browser's own undo inside a text field stays the browser's.
    if typing && matches!(action, Action::Undo | Action::Redo) {
        return;
    }
    if action != Action::ClearSelection {
        ev.prevent_default();
    }
    if context.enabled(action) {
        context.run(action);
    }
}

fn typing_in_a_field() -> bool {
    let Some(active) = document().active_element() else {
        return false;
    };
    let tag = active.tag_name().to_ascii_lowercase();
    let typed = matches!(tag.as_str(), "textarea" | "select")
        || (tag == "input"
            && !matches!(
                active.get_attribute("type").as_deref(),
                Some("checkbox" | "radio" | "button" | "color" | "file")
            ));
    typed || active.get_attribute("contenteditable").is_some()
}

/// Puts the focus in `Add actor` (on the next frame when it is not drawn yet, as right
/// after `New map`).
pub fn focus_add_actor() {
    fn focus() -> bool {
        let Some(input) = document().get_element_by_id("quick-add") else {
            return false;
        };
        let input: leptos::web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(input);
        input.focus().is_ok()
    }
    if !focus() {
        request_animation_frame(|| {
            focus();
        });
    }
}

fn click(id: &str) {
    if let Some(element) = document().get_element_by_id(id) {
        let element: leptos::web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(element);
        element.click();
    }
}

/// A toolbar button for an action: its name, its first shortcut as a tooltip.
#[component]
pub fn ActionButton(action: Action, context: ActionContext) -> impl IntoView {
    let t = crate::ui::texts();
    let title = move || {
        action
            .shortcuts()
            .first()
            .map(|s| s.text(t()))
            .unwrap_or_default()
    };
    // Help is known by its sign; its name stays for screen readers and tests.
    let glyph = (action == Action::Help).then_some("?");
    view! {
        <button on:click=move |_| context.run(action) disabled=move || !context.enabled(action)
            title=move || format!("{} ({})", action.label(t()), title())
            aria-label=move || glyph.map(|_| action.label(t()))
            aria-keyshortcuts=move || action.shortcuts().first().map(|s| s.text(&crate::i18n::EN))>
            {move || glyph.map(str::to_owned).unwrap_or_else(|| action.label(t()).to_owned())}
        </button>
    }
}
