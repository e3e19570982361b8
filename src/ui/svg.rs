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
