//! Fitting a drawing to the canvas it is read on: the zoom that shows all of it, how large
//! its names are drawn at that zoom, and stretching it to the canvas's shape.

/// Names on screen at a zoom of 1 and closer, in CSS pixels (a 1080p projector reads 16).
pub const LABEL_PX: f64 = 16.0;
/// The smallest a name gets on a laptop-sized canvas as the map is zoomed out: 13 px bold
/// still reads there, so a workshop's map keeps its names instead of hiding most of them.
pub const LABEL_MIN_PX: f64 = 13.0;
/// Canvases at least this wide are read from across a room (a 1080p projector with both
/// columns shown): names keep their full size on them.
pub const WIDE: f64 = 1000.0;

/// How large names are drawn at a zoom on a canvas `canvas_width` wide: full size at a
/// zoom of 1 and on a wide canvas, else shrinking with the zoom down to [`LABEL_MIN_PX`].
pub fn label_px(scale: f64, canvas_width: f64) -> f64 {
    let least = if canvas_width >= WIDE {
        LABEL_PX
    } else {
        LABEL_MIN_PX
    };
    (LABEL_PX * scale).clamp(least, LABEL_PX)
}

/// Canvases narrower than this are a phone's: read by zooming in, with a narrower margin,
/// and a map is not spread out to fit all its names on them.
pub const NARROW: f64 = 600.0;

/// Space kept between the outermost actors and the canvas's edge, in CSS pixels.
pub fn margin(canvas: [f64; 2]) -> f64 {
    if canvas[0] < NARROW {
        canvas[0] / 10.0
    } else {
        48.0
    }
}

/// The zoom at which a drawing of `extent` (width, height in map units) fills the canvas
/// within its margin.
pub fn fit_scale(extent: [f64; 2], canvas: [f64; 2]) -> f64 {
    let margin = margin(canvas);
    ((canvas[0] - 2.0 * margin) / extent[0].max(1.0))
        .min((canvas[1] - 2.0 * margin) / extent[1].max(1.0))
        .clamp(0.05, 2.5)
}

/// The box around the points: `[left, top, right, bottom]`, or None when there are none.
pub fn bounds<'a>(points: impl IntoIterator<Item = &'a [f64; 2]>) -> Option<[f64; 4]> {
    points.into_iter().fold(None, |b, [x, y]| {
        let [x0, y0, x1, y1] = b.unwrap_or([*x, *y, *x, *y]);
        Some([x0.min(*x), y0.min(*y), x1.max(*x), y1.max(*y)])
    })
}

/// How much to stretch a drawing of `extent` along x and y, this step, to come closer to
/// the canvas's shape (inside its margin): only ever outwards along the short axis, so no
/// two things drawn apart come to overlap, by at most `step` (e.g. 1.02) at a time.
pub fn stretch_towards(extent: [f64; 2], canvas: [f64; 2], step: f64) -> [f64; 2] {
    let margin = margin(canvas);
    let target = (canvas[0] - 2.0 * margin).max(1.0) / (canvas[1] - 2.0 * margin).max(1.0);
    let shape = extent[0].max(1.0) / extent[1].max(1.0);
    if shape > target {
        [1.0, (shape / target).min(step)]
    } else {
        [(target / shape).min(step), 1.0]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_shrink_with_the_zoom_down_to_their_least_size_on_a_laptop_canvas() {
        assert_eq!(label_px(2.0, 700.0), LABEL_PX);
        assert_eq!(label_px(0.9, 700.0), 0.9 * LABEL_PX);
        assert_eq!(label_px(0.3, 700.0), LABEL_MIN_PX);
        // Read from across a room: never smaller than full size.
        assert_eq!(label_px(0.3, 1134.0), LABEL_PX);
    }

    #[test]
    fn the_fit_is_set_by_the_tighter_axis() {
        // 1,000 × 100 on a 1,096 × 596 canvas (1,000 × 500 inside the margin).
        assert_eq!(fit_scale([1000.0, 100.0], [1096.0, 596.0]), 1.0);
        assert_eq!(fit_scale([500.0, 1000.0], [1096.0, 596.0]), 0.5);
    }

    #[test]
    fn a_wide_drawing_on_a_square_canvas_is_stretched_up_and_down_only() {
        let [x, y] = stretch_towards([300.0, 100.0], [596.0, 596.0], 1.02);
        assert_eq!((x, y), (1.0, 1.02));
        let [x, y] = stretch_towards([100.0, 101.0], [596.0, 596.0], 1.02);
        assert_eq!(y, 1.0);
        assert!((x - 1.01).abs() < 1e-9);
    }

    #[test]
    fn bounds_of_nothing_are_none() {
        assert_eq!(bounds(&[]), None);
        assert_eq!(
            bounds(&[[1.0, 2.0], [-3.0, 5.0]]),
            Some([-3.0, 2.0, 1.0, 5.0])
        );
    }
}
