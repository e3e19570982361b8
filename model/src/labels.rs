//! Which labels to show so that no two shown labels overlap: the most important first
//! (the selected actor, its neighbours, then the most influential), each kept only if its
//! box is clear of the boxes kept before it. Works on screen coordinates, so the answer
//! depends on the zoom: zooming in shows more names.

use std::collections::HashMap;

/// A label's box on screen and how much it matters (higher is shown first).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelBox {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub priority: f64,
}

impl LabelBox {
    fn overlaps(&self, other: &LabelBox) -> bool {
        self.x < other.x + other.width
            && other.x < self.x + self.width
            && self.y < other.y + other.height
            && other.y < self.y + self.height
    }
}

/// For each box, whether its label is shown. Greedy by priority (ties: the earlier box),
/// with a grid of cells so a thousand labels take well under a millisecond.
pub fn visible_labels(boxes: &[LabelBox]) -> Vec<bool> {
    visible_labels_among(boxes, &[])
}

/// Like [`visible_labels`], with `obstacles` (the dots) that no shown label may cover.
pub fn visible_labels_among(boxes: &[LabelBox], obstacles: &[LabelBox]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..boxes.len()).collect();
    order.sort_by(|&a, &b| {
        boxes[b]
            .priority
            .total_cmp(&boxes[a].priority)
            .then(a.cmp(&b))
    });
    let cell = boxes
        .iter()
        .chain(obstacles)
        .filter(|b| b.width.is_finite() && b.height.is_finite())
        .map(|b| b.width.max(b.height))
        .fold(1.0f64, f64::max);
    let cells_of = |b: &LabelBox| {
        let (x0, x1) = (
            (b.x / cell).floor() as i64,
            ((b.x + b.width) / cell).floor() as i64,
        );
        let (y0, y1) = (
            (b.y / cell).floor() as i64,
            ((b.y + b.height) / cell).floor() as i64,
        );
        (x0..=x1).flat_map(move |cx| (y0..=y1).map(move |cy| (cx, cy)))
    };
    // Kept boxes by cell: labels by their index, obstacles after them.
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    let all: Vec<LabelBox> = boxes.iter().chain(obstacles).copied().collect();
    for (k, obstacle) in obstacles.iter().enumerate() {
        if [obstacle.x, obstacle.y, obstacle.width, obstacle.height]
            .iter()
            .all(|v| v.is_finite())
        {
            for c in cells_of(obstacle) {
                grid.entry(c).or_default().push(boxes.len() + k);
            }
        }
    }
    let mut shown = vec![false; boxes.len()];
    for i in order {
        let b = &boxes[i];
        let finite = [b.x, b.y, b.width, b.height].iter().all(|v| v.is_finite());
        if !finite {
            continue;
        }
        let clear = cells_of(b).all(|c| {
            grid.get(&c)
                .is_none_or(|kept| kept.iter().all(|&k| !all[k].overlaps(b)))
        });
        if clear {
            shown[i] = true;
            for c in cells_of(b) {
                grid.entry(c).or_default().push(i);
            }
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(x: f64, y: f64, priority: f64) -> LabelBox {
        LabelBox {
            x,
            y,
            width: 100.0,
            height: 20.0,
            priority,
        }
    }

    #[test]
    fn the_more_important_of_two_overlapping_labels_is_shown() {
        let shown = visible_labels(&[label(0.0, 0.0, 1.0), label(50.0, 10.0, 2.0)]);
        assert_eq!(shown, vec![false, true]);
    }

    #[test]
    fn a_label_never_covers_an_obstacle() {
        let dot = LabelBox {
            x: 60.0,
            y: 5.0,
            width: 10.0,
            height: 10.0,
            priority: 0.0,
        };
        let shown = visible_labels_among(&[label(0.0, 0.0, 1.0), label(0.0, 40.0, 1.0)], &[dot]);
        assert_eq!(shown, vec![false, true]);
    }

    #[test]
    fn labels_apart_are_all_shown() {
        let shown = visible_labels(&[
            label(0.0, 0.0, 1.0),
            label(0.0, 20.0, 1.0),
            label(100.0, 0.0, 1.0),
        ]);
        assert_eq!(shown, vec![true, true, true]);
    }

    #[test]
    fn no_two_shown_labels_overlap_in_a_crowd() {
        let boxes: Vec<LabelBox> = (0..400)
            .map(|i| {
                let (x, y) = ((i * 37 % 500) as f64, (i * 53 % 300) as f64);
                label(x, y, (i % 7) as f64)
            })
            .collect();
        let shown = visible_labels(&boxes);
        let kept: Vec<&LabelBox> = boxes
            .iter()
            .zip(&shown)
            .filter(|(_, s)| **s)
            .map(|(b, _)| b)
            .collect();
        assert!(kept.len() > 10);
        for (i, a) in kept.iter().enumerate() {
            for b in &kept[i + 1..] {
                assert!(!a.overlaps(b));
            }
        }
        // Every label left out is covered by one that was kept.
        for (b, s) in boxes.iter().zip(&shown) {
            if !s {
                assert!(kept.iter().any(|k| k.overlaps(b)));
            }
        }
    }
}
