//! Shared SVG helpers: client (pointer) coordinates to the SVG's own user coordinates.

use leptos::web_sys;

/// Converts a pointer position to the coordinates of `svg`'s viewBox, whatever its size
/// on screen and its aspect-ratio fit. None when the SVG is not laid out.
pub fn to_svg_point(
    svg: &web_sys::SvgsvgElement,
    client_x: f64,
    client_y: f64,
) -> Option<(f64, f64)> {
    let matrix = svg.get_screen_ctm()?.inverse().ok()?;
    let (a, b, c, d, e, f) = (
        matrix.a() as f64,
        matrix.b() as f64,
        matrix.c() as f64,
        matrix.d() as f64,
        matrix.e() as f64,
        matrix.f() as f64,
    );
    Some((
        a * client_x + c * client_y + e,
        b * client_x + d * client_y + f,
    ))
}

/// A pointer position in the coordinates of the SVG `svg` refers to (None before it is drawn).
pub fn point_in(
    svg: leptos::prelude::NodeRef<leptos::svg::Svg>,
    (x, y): (f64, f64),
) -> Option<(f64, f64)> {
    use leptos::prelude::GetUntracked;
    let svg: web_sys::SvgsvgElement = wasm_bindgen::JsCast::unchecked_into(svg.get_untracked()?);
    to_svg_point(&svg, x, y)
}

thread_local! {
    /// A canvas to measure label text with, and the widths measured so far (at 16 px).
    static MEASURE: std::cell::RefCell<(Option<web_sys::CanvasRenderingContext2d>, std::collections::HashMap<String, f64>)> =
        Default::default();
}

/// Measures names ahead of the labels pass that will need them (it is then a lookup), so
/// the pass after a 1k map's layout does not measure a thousand names in one task.
pub fn measure_names<'a>(names: impl IntoIterator<Item = &'a str>) {
    for name in names {
        label_width(name, 16.0);
    }
}

/// The width of `text` in CSS pixels at `px`, in the labels' bold system font, measured
/// once with a canvas; an estimate when no canvas is to be had.
pub fn label_width(text: &str, px: f64) -> f64 {
    const BASE: f64 = 16.0;
    let measured = MEASURE.with(|m| {
        let mut m = m.borrow_mut();
        if let Some(width) = m.1.get(text) {
            return Some(*width);
        }
        if m.0.is_none() {
            let canvas: web_sys::HtmlCanvasElement = wasm_bindgen::JsCast::dyn_into(
                web_sys::window()?.document()?.create_element("canvas").ok()?,
            )
            .ok()?;
            let context: web_sys::CanvasRenderingContext2d =
                wasm_bindgen::JsCast::dyn_into(canvas.get_context("2d").ok()??).ok()?;
            // As the labels are drawn (bold in projection mode, so measured bold).
            context.set_font(
                "700 16px system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif",
            );
            m.0 = Some(context);
        }
        let width = m.0.as_ref()?.measure_text(text).ok()?.width();
        m.1.insert(text.to_owned(), width);
        Some(width)
    });
    measured.unwrap_or_else(|| text.chars().count() as f64 * 0.7 * BASE) * px / BASE
}

/// Tells `changed` the element's size in CSS pixels whenever it changes (the window, a
/// side column hidden, projection mode on). Stops when dropped; it disconnects before
/// the callback goes, so the callback is never called after.
pub struct SizeWatch {
    observer: web_sys::ResizeObserver,
    _changed: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl SizeWatch {
    pub fn new(element: &web_sys::Element, changed: impl Fn(f64, f64) + 'static) -> Option<Self> {
        let target = element.clone();
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            changed(
                f64::from(target.client_width()),
                f64::from(target.client_height()),
            )
        });
        let observer =
            web_sys::ResizeObserver::new(wasm_bindgen::JsCast::unchecked_ref(callback.as_ref()))
                .ok()?;
        observer.observe(element);
        Some(Self {
            observer,
            _changed: callback,
        })
    }
}

impl Drop for SizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
