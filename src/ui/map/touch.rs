//! Several fingers on a canvas: the pointers that are down, and the zoom and pan two of them
//! make (spread or pinch to zoom, move both to pan). Shared by the map and the grid.

use leptos::prelude::*;
use leptos::web_sys::PointerEvent;

/// A point in client (CSS pixel) coordinates.
pub type Point = (f64, f64);

/// The pointers down on a canvas, each at its last point.
#[derive(Clone, Copy)]
pub struct Pointers(StoredValue<Vec<(i32, Point)>>);

impl Default for Pointers {
    fn default() -> Self {
        Self(StoredValue::new(Vec::new()))
    }
}

fn client(ev: &PointerEvent) -> Point {
    (f64::from(ev.client_x()), f64::from(ev.client_y()))
}

impl Pointers {
    /// How many pointers are down (before the one going down now is noted).
    pub fn count(self) -> usize {
        self.0.with_value(Vec::len)
    }

    /// Notes a pointer going down; how many are down now.
    pub fn down(self, ev: &PointerEvent) -> usize {
        let (id, at) = (ev.pointer_id(), client(ev));
        self.0.update_value(|p| {
            p.retain(|(other, _)| *other != id);
            p.push((id, at));
        });
        self.count()
    }

    pub fn moved(self, ev: &PointerEvent) {
        let (id, at) = (ev.pointer_id(), client(ev));
        self.0.update_value(|p| {
            if let Some(entry) = p.iter_mut().find(|(other, _)| *other == id) {
                entry.1 = at;
            }
        });
    }

    /// Forgets a pointer that went up or was cancelled; how many are still down.
    pub fn up(self, ev: &PointerEvent) -> usize {
        let id = ev.pointer_id();
        self.0.update_value(|p| p.retain(|(other, _)| *other != id));
        self.count()
    }

    /// The first two pointers' points, while two or more are down, each put through
    /// `to_canvas` (client coordinates to the canvas's own).
    pub fn two_in(self, to_canvas: impl Fn(Point) -> Option<Point>) -> Option<[Point; 2]> {
        let [a, b] = self
            .0
            .with_value(|p| (p.len() >= 2).then(|| [p[0].1, p[1].1]))?;
        Some([to_canvas(a)?, to_canvas(b)?])
    }
}

/// Two fingers from where they went down.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pinch {
    start: [Point; 2],
}

impl Pinch {
    pub fn new(start: [Point; 2]) -> Self {
        Self { start }
    }

    /// Where the fingers are now, as the zoom factor since the start and the midpoint then
    /// and now: the point of the picture under the first midpoint follows the second.
    pub fn now(&self, now: [Point; 2]) -> (f64, Point, Point) {
        let distance = |[a, b]: [Point; 2]| (a.0 - b.0).hypot(a.1 - b.1).max(1.0);
        let middle = |[a, b]: [Point; 2]| ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
        (
            distance(now) / distance(self.start),
            middle(self.start),
            middle(now),
        )
    }
}

/// A zoomed and panned picture: screen = map × scale + offset.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub x: f64,
    pub y: f64,
    pub scale: f64,
}

impl View {
    pub const IDENTITY: View = View {
        x: 0.0,
        y: 0.0,
        scale: 1.0,
    };

    /// A point on screen in the picture's own coordinates.
    pub fn to_map(self, (sx, sy): Point) -> Point {
        ((sx - self.x) / self.scale, (sy - self.y) / self.scale)
    }

    /// This view zoomed by `factor` (kept within `limits`) with the picture's point under
    /// `from` moved to `to`.
    pub fn pinched(self, factor: f64, from: Point, to: Point, limits: (f64, f64)) -> View {
        let scale = (self.scale * factor).max(limits.0).min(limits.1);
        let (mx, my) = self.to_map(from);
        View {
            x: to.0 - mx * scale,
            y: to.1 - my * scale,
            scale,
        }
    }

    /// The SVG `transform` that draws the picture so.
    pub fn transform(self) -> String {
        format!(
            "translate({:.2} {:.2}) scale({:.4})",
            self.x, self.y, self.scale
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingers_spread_to_twice_their_distance_zoom_in_twice_about_their_midpoint() {
        let pinch = Pinch::new([(100.0, 100.0), (200.0, 100.0)]);
        let (factor, then, now) = pinch.now([(50.0, 100.0), (250.0, 100.0)]);
        assert_eq!((factor, then, now), (2.0, (150.0, 100.0), (150.0, 100.0)));
        let view = View::IDENTITY.pinched(factor, then, now, (0.1, 5.0));
        assert_eq!(view.scale, 2.0);
        assert_eq!(
            view.to_map((150.0, 100.0)),
            (150.0, 100.0),
            "the point under the fingers stays"
        );
    }

    #[test]
    fn two_fingers_moved_together_pan_without_zoom() {
        let pinch = Pinch::new([(0.0, 0.0), (80.0, 0.0)]);
        let (factor, then, now) = pinch.now([(30.0, 40.0), (110.0, 40.0)]);
        let view = View::IDENTITY.pinched(factor, then, now, (0.1, 5.0));
        assert_eq!(
            view,
            View {
                x: 30.0,
                y: 40.0,
                scale: 1.0
            }
        );
    }

    #[test]
    fn zoom_stays_within_its_limits() {
        let view = View::IDENTITY.pinched(10.0, (0.0, 0.0), (0.0, 0.0), (1.0, 4.0));
        assert_eq!(view.scale, 4.0);
    }
}
