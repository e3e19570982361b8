//! Shared SVG helpers: client (pointer) coordinates to the SVG's own user coordinates, and
//! numbers written to a tenth.

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

/// Writes `value` to a tenth (`12.3`, `-0.5`), as `{:.1}` would but through integer
/// formatting: a 1k map's lines are 12,000 numbers per redraw, and Rust's exact float
/// formatting was 12 ms of one such redraw under the profiler.
pub fn push_tenths(out: &mut String, value: f64) {
    use std::fmt::Write;
    let tenths = (value * 10.0).round();
    // Beyond what an i64 holds (never on a map), or not a number: as Rust writes it.
    if !tenths.is_finite() || tenths.abs() >= 1e15 {
        let _ = write!(out, "{value:.1}");
        return;
    }
    let tenths = tenths as i64;
    if tenths < 0 {
        out.push('-');
    }
    let tenths = tenths.unsigned_abs();
    let _ = write!(out, "{}.{}", tenths / 10, tenths % 10);
}

/// An SVG `translate` to a tenth of a unit.
pub fn translate(x: f64, y: f64) -> String {
    let mut out = String::with_capacity(24);
    out.push_str("translate(");
    push_tenths(&mut out, x);
    out.push(' ');
    push_tenths(&mut out, y);
    out.push(')');
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_to_a_tenth_as_rust_formats_them() {
        for value in [
            0.0, 1.0, 12.34, 12.36, -0.04, -0.06, -7.25, 99.95, 1234.5678, -1e6,
        ] {
            let mut out = String::new();
            push_tenths(&mut out, value);
            let expected = format!("{value:.1}");
            let parsed: f64 = out.parse().unwrap();
            assert!(
                (parsed - expected.parse::<f64>().unwrap()).abs() <= 0.1 + 1e-9,
                "{value}: {out} against {expected}"
            );
            assert!(out.split('.').nth(1).is_some_and(|d| d.len() == 1), "{out}");
        }
        let mut out = String::new();
        push_tenths(&mut out, -12.34);
        assert_eq!(out, "-12.3");
        assert_eq!(
            translate(3.0, -0.04),
            "translate(3.0 0.0)",
            "no negative zero"
        );
        let mut huge = String::new();
        push_tenths(&mut huge, f64::NAN);
        assert_eq!(huge, "NaN");
    }
}
