//! Picture export of what is on screen (network map or grid): a self-contained SVG with
//! title, legend and the styles it needs, and a PNG drawn from that SVG.

use crate::browser;
use leptos::prelude::*;
use leptos::web_sys;
use samverkan_model::Map;
use wasm_bindgen::{closure::Closure, JsCast};

/// The rules the exported picture needs, so it looks the same outside the app.
const PICTURE_STYLE: &str = "
text { font-family: system-ui, 'Segoe UI', Roboto, Arial, sans-serif; }
.background { fill: #ffffff; }
.node circle, .grid-actor circle { stroke: #ffffff; stroke-width: 2.5; }
.node-label, .grid-name { font-weight: 600; fill: #1d2430; paint-order: stroke; stroke: #ffffff; stroke-width: 4px; stroke-linejoin: round; }
.node.dimmed, .relation.dimmed, .arrowheads.dimmed { opacity: 0.15; }
.leaders line, .node-leader line { stroke: #7a8594; stroke-width: 1; vector-effect: non-scaling-stroke; }
.relation { fill: none; stroke: #7a8594; }
.relation.collaboration { stroke: #4e79a7; }
.relation.funding { stroke: #59a14f; stroke-dasharray: 10 4; }
.relation.membership { stroke: #b07aa1; stroke-dasharray: 2 4; stroke-linecap: round; }
.relation.information { stroke: #9aa3ad; stroke-dasharray: 6 4; }
.relation.agreement { stroke: #1d2430; }
.relation.tension { stroke: #e15759; stroke-dasharray: 12 4 2 4; }
.arrowheads { fill: #5a6472; }
.quadrant { stroke: #d5dae1; }
.quadrant.manage { fill: #e8f1fb; } .quadrant.satisfied { fill: #f3f0fa; }
.quadrant.informed { fill: #eef7ef; } .quadrant.monitor { fill: #f7f7f5; }
.quadrant-label { font-size: 22px; font-weight: 700; fill: #56606d; }
.axis-label { font-size: 18px; fill: #5a6472; font-weight: 600; }
.grid-actor circle.supportive { stroke: #1b7f3b; stroke-width: 4; }
.grid-actor circle.opposed { stroke: #b3261e; stroke-width: 4; stroke-dasharray: 4 2; }
.attitude-mark { font-size: 13px; font-weight: 800; fill: #ffffff; }
.title { font-size: 26px; font-weight: 700; fill: #1d2430; }
.legend-text { font-size: 15px; fill: #1d2430; }
";

/// Escapes text for XML content and attribute values.
pub fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// Builds the picture: title above, the view's drawing, the sector legend below.
/// `drawing` is the serialised content of the on-screen SVG (the browser escapes user text).
pub fn compose_svg(map: &Map, drawing: &str, width: f64, height: f64) -> String {
    let used: Vec<_> = map
        .sectors
        .iter()
        .filter(|s| map.actors.iter().any(|a| a.sector == s.id))
        .collect();
    let per_row = 4usize;
    let legend_rows = used.len().div_ceil(per_row) as f64;
    let top = 50.0;
    let total = top + height + 20.0 + legend_rows * 26.0;
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {total}" width="{width}" height="{total}"><style>{PICTURE_STYLE}</style><rect width="{width}" height="{total}" fill="#ffffff"/><text x="16" y="34" class="title">{}</text><g transform="translate(0 {top})">{drawing}</g>"##,
        xml_escape(&map.title)
    );
    for (i, sector) in used.iter().enumerate() {
        let x = 16.0 + (i % per_row) as f64 * (width / per_row as f64);
        let y = top + height + 30.0 + (i / per_row) as f64 * 26.0;
        svg += &format!(
            r#"<circle cx="{}" cy="{}" r="8" fill="{}"/><text x="{}" y="{}" class="legend-text">{}</text>"#,
            x + 8.0,
            y - 5.0,
            xml_escape(&sector.color),
            x + 22.0,
            y,
            xml_escape(&sector.label)
        );
    }
    svg + "</svg>"
}

/// The picture of the on-screen SVG `selector` as `shown` (the map after the export
/// profile), or None when it is not shown. `map` is the map on screen.
fn picture(map: &Map, shown: &Map, selector: &str) -> Option<(String, f64, f64)> {
    let element = document().query_selector(selector).ok()??;
    let view_box = element.get_attribute("viewBox")?;
    let numbers: Vec<f64> = view_box
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    let (width, height) = (*numbers.get(2)?, *numbers.get(3)?);
    let drawing = if shown.profile == map.profile {
        element.inner_html()
    } else {
        let copy: web_sys::Element = element.clone_node_with_deep(true).ok()?.unchecked_into();
        apply_profile(&copy, map, shown);
        copy.inner_html()
    };
    Some((compose_svg(shown, &drawing, width, height), width, height))
}

/// Makes a copy of the drawing show what the export profile keeps: renamed people get
/// their pseudonym, removed ones go with their relations, and the accessible names (which
/// hold the real names) are dropped.
fn apply_profile(copy: &web_sys::Element, map: &Map, shown: &Map) {
    let all = |selector: &str| {
        let list = copy.query_selector_all(selector).ok();
        let items = list
            .iter()
            .flat_map(|l| (0..l.length()).filter_map(move |i| l.get(i)));
        items
            .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
            .collect::<Vec<_>>()
    };
    let (on_screen, index) = (map.actor_index(), shown.actor_index());
    let gone = |id: &str| !index.contains_key(&samverkan_model::ActorId::from(id));
    for element in all("[data-actor]") {
        let id =
            samverkan_model::ActorId::from(element.get_attribute("data-actor").unwrap_or_default());
        let (Some(&before), Some(&after)) = (on_screen.get(&id), index.get(&id)) else {
            element.remove();
            continue;
        };
        let (before, after) = (&map.actors[before], &shown.actors[after]);
        if before.label() != after.label() {
            let text = if element.tag_name() == "text" {
                Some(element.clone())
            } else {
                element.query_selector("text.grid-name").ok().flatten()
            };
            if let Some(text) = text {
                text.set_text_content(Some(after.label()));
            }
        }
    }
    for lines in all("[data-ends]") {
        crate::ui::map::lines::keep_lines(&lines, |id| !gone(id));
    }
    for labelled in all("[aria-label]") {
        let _ = labelled.remove_attribute("aria-label");
    }
}

/// Downloads the on-screen view as `<title>.svg`.
pub fn export_svg(map: &Map, shown: &Map, selector: &str, suffix: &str) {
    if let Some((svg, _, _)) = picture(map, shown, selector) {
        browser::download(
            &format!(
                "{}-{suffix}.svg",
                samverkan_model::io::file_stem(&map.title)
            ),
            &svg,
            "image/svg+xml",
        );
    }
}

/// Downloads the on-screen view as a PNG at twice the drawing's size (sharp on slides).
pub fn export_png(map: &Map, shown: &Map, selector: &str, suffix: &str) {
    let Some((svg, width, height)) = picture(map, shown, selector) else {
        return;
    };
    let name = format!(
        "{}-{suffix}.png",
        samverkan_model::io::file_stem(&map.title)
    );
    let parts = js_sys::Array::of1(&svg.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let scale = 2.0;
    let total_height = height + 50.0 + 20.0 + 26.0 * 3.0;
    let loaded = image.clone();
    let svg_url = url.clone();
    let on_load = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&svg_url);
        let Ok(canvas) = document().create_element("canvas") else {
            return;
        };
        let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
        canvas.set_width((width * scale) as u32);
        canvas.set_height((loaded.natural_height() as f64 * scale).max(total_height) as u32);
        let Ok(Some(context)) = canvas.get_context("2d") else {
            return;
        };
        let context: web_sys::CanvasRenderingContext2d = context.unchecked_into();
        let _ = context.scale(scale, scale);
        let _ = context.draw_image_with_html_image_element(&loaded, 0.0, 0.0);
        let Ok(data) = canvas.to_data_url_with_type("image/png") else {
            return;
        };
        if let Ok(anchor) = document().create_element("a") {
            let anchor: web_sys::HtmlAnchorElement = anchor.unchecked_into();
            anchor.set_href(&data);
            anchor.set_download(&name);
            anchor.click();
        }
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_src(&url);
}

#[cfg(test)]
mod tests {
    use super::xml_escape;

    #[test]
    fn user_text_is_escaped() {
        assert_eq!(
            xml_escape(r#"<script>"a" & 'b'"#),
            "&lt;script&gt;&quot;a&quot; &amp; &apos;b&apos;"
        );
    }
}
