//! What shows around the view, by the window's width. On a desktop the map list and the side
//! panel are columns beside the view. On a tablet the view fills the window and one of them at
//! a time slides over it. On a phone they and the header's actions are sheets that rise from a
//! bottom bar, one at a time.

use crate::i18n::Texts;
use crate::ui::texts;
use leptos::prelude::*;

/// The three layouts, by the window's width in CSS pixels (style/main.css uses the same).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Narrower than 600 px.
    Phone,
    /// 600 to 1100 px.
    Tablet,
    Desktop,
}

impl Layout {
    pub fn of_width(width: f64) -> Layout {
        if width < 600.0 {
            Layout::Phone
        } else if width < 1100.0 {
            Layout::Tablet
        } else {
            Layout::Desktop
        }
    }

    fn of_window() -> Layout {
        let width = window().inner_width().ok().and_then(|w| w.as_f64());
        Layout::of_width(width.unwrap_or(1280.0))
    }
}

/// What can be shown around the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Maps,
    Panel,
    /// The header's actions (a sheet of its own on a phone).
    Menu,
}

/// Which of the map list, side panel and header actions show (view state).
#[derive(Clone, Copy)]
pub struct Chrome {
    pub maps: RwSignal<bool>,
    pub panel: RwSignal<bool>,
    pub menu: RwSignal<bool>,
    pub layout: RwSignal<Layout>,
}

impl Chrome {
    /// Columns open on a desktop, closed on a tablet or phone; set again when the window
    /// crosses from one layout to another (a tablet turned, a window resized).
    pub fn provide() -> Self {
        let layout = Layout::of_window();
        let chrome = Self {
            maps: RwSignal::new(false),
            panel: RwSignal::new(false),
            menu: RwSignal::new(false),
            layout: RwSignal::new(layout),
        };
        chrome.settle(layout);
        let resize = window_event_listener(leptos::ev::resize, move |_| {
            let now = Layout::of_window();
            if now != chrome.layout.get_untracked() {
                chrome.layout.set(now);
                chrome.settle(now);
            }
        });
        on_cleanup(move || resize.remove());
        provide_context(chrome);
        chrome
    }

    fn settle(self, layout: Layout) {
        let desktop = layout == Layout::Desktop;
        self.maps.set(desktop);
        self.panel.set(desktop);
        self.menu.set(false);
    }

    fn signal(self, column: Column) -> RwSignal<bool> {
        match column {
            Column::Maps => self.maps,
            Column::Panel => self.panel,
            Column::Menu => self.menu,
        }
    }

    /// Whether the map list, panel or menu lie over the view (tablet, phone).
    pub fn overlaid(self) -> bool {
        self.layout.get() != Layout::Desktop
    }

    /// Shows or hides `column`; over the view only one shows at a time.
    pub fn toggle(self, column: Column) {
        let open = !self.signal(column).get_untracked();
        if open && self.layout.get_untracked() != Layout::Desktop {
            self.close_overlays();
        }
        self.signal(column).set(open);
    }

    /// Opens `column` (the side panel from an actor's `Details`).
    pub fn open(self, column: Column) {
        if !self.signal(column).get_untracked() {
            self.toggle(column);
        }
    }

    /// Closes whatever lies over the view; true when something did (Escape is used up).
    pub fn close_overlays(self) -> bool {
        if self.layout.get_untracked() == Layout::Desktop {
            return false;
        }
        let open = [self.maps, self.panel, self.menu]
            .into_iter()
            .filter(|s| s.get_untracked())
            .count();
        for s in [self.maps, self.panel, self.menu] {
            s.set(false);
        }
        open > 0
    }
}

/// A button that shows or hides a side column (beside the tabs on a desktop or tablet).
#[component]
pub fn ColumnToggle(
    column: Column,
    hide: fn(&'static Texts) -> &'static str,
    show: fn(&'static Texts) -> &'static str,
    glyphs: (&'static str, &'static str),
) -> impl IntoView {
    let t = texts();
    let chrome = expect_context::<Chrome>();
    let shown = chrome.signal(column);
    view! {
        <button class="small column-toggle" aria-expanded=move || shown.get().to_string()
            aria-label=move || if shown.get() { hide(t()) } else { show(t()) }
            title=move || if shown.get() { hide(t()) } else { show(t()) }
            on:click=move |_| chrome.toggle(column)>
            {move || if shown.get() { glyphs.0 } else { glyphs.1 }}
        </button>
    }
}

/// The phone's bottom bar: the map list, the header's actions and the side panel as sheets.
#[component]
pub fn BottomBar() -> impl IntoView {
    let t = texts();
    let chrome = expect_context::<Chrome>();
    let button =
        move |column: Column, name: fn(&'static Texts) -> &'static str, glyph: &'static str| {
            let shown = chrome.signal(column);
            view! {
                <button aria-expanded=move || shown.get().to_string()
                    class:active=move || shown.get() on:click=move |_| chrome.toggle(column)>
                    <span class="glyph" aria-hidden="true">{glyph}</span>
                    <span>{move || name(t())}</span>
                </button>
            }
        };
    view! {
        <Show when=move || chrome.layout.get() == Layout::Phone>
            <nav class="bottombar" aria-label=move || t().bottom_bar>
                {button(Column::Maps, |t| t.maps_sheet, "☰")}
                {button(Column::Menu, |t| t.menu_sheet, "⋯")}
                {button(Column::Panel, |t| t.details_sheet, "ℹ")}
            </nav>
        </Show>
    }
}

/// Dims the view under a sheet or a column lying over it; a tap on it closes them.
#[component]
pub fn Scrim() -> impl IntoView {
    let chrome = expect_context::<Chrome>();
    let shown =
        move || chrome.overlaid() && (chrome.maps.get() || chrome.panel.get() || chrome.menu.get());
    view! {
        <Show when=shown>
            <div class="scrim" aria-hidden="true" on:click=move |_| { chrome.close_overlays(); }></div>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_change_at_600_and_1100_pixels() {
        assert_eq!(Layout::of_width(320.0), Layout::Phone);
        assert_eq!(Layout::of_width(599.0), Layout::Phone);
        assert_eq!(Layout::of_width(600.0), Layout::Tablet);
        assert_eq!(Layout::of_width(1099.0), Layout::Tablet);
        assert_eq!(Layout::of_width(1100.0), Layout::Desktop);
    }
}
