//! Which labels to show so that no two shown labels overlap: the most important first
//! (the selected actor, its neighbours, then the most influential), each kept only if its
//! box is clear of the boxes kept before it. Works on screen coordinates, so the answer
//! depends on the zoom: zooming in shows more names.

use crate::sort::sort_positions;
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
    let candidates: Vec<Vec<LabelBox>> = boxes.iter().map(|b| vec![*b]).collect();
    place_labels(&candidates, obstacles)
        .into_iter()
        .map(|spot| spot.is_some())
        .collect()
}

/// For each label, which of its candidate boxes it takes (the first that is clear), or
/// None when none is: labels go in order of their first candidate's priority, and no
/// label covers another taken box or an obstacle.
pub fn place_labels(candidates: &[Vec<LabelBox>], obstacles: &[LabelBox]) -> Vec<Option<usize>> {
    let boxes: Vec<LabelBox> = candidates
        .iter()
        .map(|c| {
            c.first().copied().unwrap_or(LabelBox {
                x: f64::NAN,
                y: f64::NAN,
                width: 0.0,
                height: 0.0,
                priority: f64::NEG_INFINITY,
            })
        })
        .collect();
    let mut order: Vec<usize> = (0..boxes.len()).collect();
    sort_positions(&mut order, &|a, b| {
        boxes[b]
            .priority
            .total_cmp(&boxes[a].priority)
            .then(a.cmp(&b))
    });
    let cell = candidates
        .iter()
        .flatten()
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
    // Kept boxes by cell, as indices into the obstacles and the boxes taken so far.
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (k, obstacle) in obstacles.iter().enumerate() {
        if [obstacle.x, obstacle.y, obstacle.width, obstacle.height]
            .iter()
            .all(|v| v.is_finite())
        {
            for c in cells_of(obstacle) {
                grid.entry(c).or_default().push(k);
            }
        }
    }
    let mut taken: Vec<Option<usize>> = vec![None; boxes.len()];
    let mut kept_boxes: Vec<LabelBox> = obstacles.to_vec();
    for i in order {
        for (k, b) in candidates[i].iter().enumerate() {
            let finite = [b.x, b.y, b.width, b.height].iter().all(|v| v.is_finite());
            if !finite {
                continue;
            }
            let clear = cells_of(b).all(|c| {
                grid.get(&c)
                    .is_none_or(|kept| kept.iter().all(|&j| !kept_boxes[j].overlaps(b)))
            });
            if clear {
                taken[i] = Some(k);
                kept_boxes.push(*b);
                for c in cells_of(b) {
                    grid.entry(c).or_default().push(kept_boxes.len() - 1);
                }
                break;
            }
        }
    }
    taken
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
    fn a_label_that_does_not_fit_below_takes_its_next_place() {
        let first = label(0.0, 0.0, 2.0);
        let below = label(10.0, 5.0, 1.0);
        let beside = label(200.0, 5.0, 1.0);
        let taken = place_labels(&[vec![first], vec![below, beside]], &[]);
        assert_eq!(taken, vec![Some(0), Some(1)]);
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
