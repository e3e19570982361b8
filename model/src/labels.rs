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

    /// The middle of the box's side that faces `point` (its left or right side), where a
    /// line from a circle at `point` to a label in the box ends.
    pub fn side_facing(&self, [x, _]: [f64; 2]) -> [f64; 2] {
        let side = if self.x > x {
            self.x
        } else {
            self.x + self.width
        };
        [side, self.y + self.height / 2.0]
    }
}

/// Whether a line from `from` to `to` passes clear of the circles in `circles` (each the
/// circle a box holds), leaving out the one it starts from.
pub fn line_clear_of(from: [f64; 2], to: [f64; 2], circles: &[LabelBox]) -> bool {
    let ([ax, ay], [bx, by]) = (from, to);
    let (dx, dy) = (bx - ax, by - ay);
    let length = (dx * dx + dy * dy).max(f64::EPSILON);
    circles.iter().all(|c| {
        let (r, cx, cy) = (c.width / 2.0, c.x + c.width / 2.0, c.y + c.height / 2.0);
        let starts_inside = (cx - ax).hypot(cy - ay) <= r;
        let along = (((cx - ax) * dx + (cy - ay) * dy) / length).clamp(0.0, 1.0);
        starts_inside || (ax + along * dx - cx).hypot(ay + along * dy - cy) > r
    })
}

/// The places a label of `size` may take beside a circle at `centre` with radius `r`, in
/// the order they are tried: below, right, left, above, then below right, below left,
/// above right and above left. `gap` is the space between a circle and a name beside it.
pub fn spots_around(
    centre: [f64; 2],
    r: f64,
    size: [f64; 2],
    gap: f64,
    priority: f64,
) -> [LabelBox; 8] {
    let ([cx, cy], [width, height]) = (centre, size);
    let at = |x: f64, y: f64| LabelBox {
        x,
        y,
        width,
        height,
        priority,
    };
    [
        at(cx - width / 2.0, cy + r),
        at(cx + r + gap, cy - height / 2.0),
        at(cx - r - gap - width, cy - height / 2.0),
        at(cx - width / 2.0, cy - r - height),
        at(cx + r, cy + r),
        at(cx - r - width, cy + r),
        at(cx + r, cy - r - height),
        at(cx - r - width, cy - r - height),
    ]
}

/// Places for a label further from its circle than [`spots_around`], for when none of
/// those is clear: beside it (on the right first when `rightwards`, else on the left) one
/// to four lines above or below its centre, then as much again half a label and a
/// whole label further out. A line should lead from the circle to a label placed here.
pub fn spots_further(
    centre: [f64; 2],
    r: f64,
    size: [f64; 2],
    gap: f64,
    priority: f64,
    rightwards: bool,
) -> impl Iterator<Item = LabelBox> {
    let ([cx, cy], [width, height]) = (centre, size);
    [0.0, 0.5, 1.0].into_iter().flat_map(move |out| {
        [1.0, -1.0, 2.0, -2.0, 3.0, -3.0, 4.0, -4.0]
            .into_iter()
            .flat_map(move |lines| {
                let right = cx + r + gap + out * width;
                let left = cx - r - gap - width - out * width;
                let sides = if rightwards {
                    [right, left]
                } else {
                    [left, right]
                };
                sides.map(|x| LabelBox {
                    x,
                    y: cy - height / 2.0 + lines * height,
                    width,
                    height,
                    priority,
                })
            })
    })
}

/// A name cut into two lines at the space nearest its middle, for a place too narrow for
/// it on one line; None for a name of one word.
pub fn two_lines(text: &str) -> Option<(&str, &str)> {
    let middle = text.len() / 2;
    let cut = text
        .match_indices(' ')
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(middle))?;
    Some((&text[..cut], &text[cut + 1..]))
}

/// A name's candidate boxes at font size `px`: the spots `spots` gives for it on one
/// line, then for it cut in two (see [`two_lines`]); and the index from which on the
/// boxes are for two lines. `width` measures a line of text.
pub fn one_or_two_lines<I: IntoIterator<Item = LabelBox>>(
    text: &str,
    px: f64,
    width: impl Fn(&str) -> f64,
    spots: impl Fn([f64; 2]) -> I,
) -> (Vec<LabelBox>, usize) {
    let mut all: Vec<LabelBox> = spots([width(text), px * 1.4]).into_iter().collect();
    let one_line = all.len();
    if let Some((first, second)) = two_lines(text) {
        all.extend(spots([width(first).max(width(second)), px * 2.6]));
    }
    (all, one_line)
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
    place_labels_where(candidates, obstacles, |_, _| true)
}

/// Like [`place_labels`], where label `i` may take its spot `k` only if `usable(i, k)`: a
/// test that may cost more than the overlap test, so it is made only for spots that are
/// otherwise clear (most labels take one of their first spots and never reach the rest).
pub fn place_labels_where(
    candidates: &[Vec<LabelBox>],
    obstacles: &[LabelBox],
    usable: impl Fn(usize, usize) -> bool,
) -> Vec<Option<usize>> {
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
            if clear && usable(i, k) {
                taken[i] = Some(k);
                kept_boxes.push(*b);
                for c in cells_of(b) {
                    grid.entry(c).or_default().push(kept_boxes.len() - 1);
                }
                break;
            }
        }
    }
    if boxes.len() <= REPAIRED_UP_TO {
        repair(candidates, obstacles, &usable, &mut taken);
    }
    taken
}

/// Labels up to this many get a second chance (see [`repair`]); a bigger map is read
/// zoomed in, where names have room anyway.
const REPAIRED_UP_TO: usize = 300;

/// Gives each label left out a second chance: a spot of its own that only one placed
/// label blocks is taken when that label can move to another of its spots that is clear.
/// (The first pass is greedy: a label takes its first clear spot even when that spot was
/// the only one a later label had.)
fn repair(
    candidates: &[Vec<LabelBox>],
    obstacles: &[LabelBox],
    usable: &impl Fn(usize, usize) -> bool,
    taken: &mut [Option<usize>],
) {
    let finite = |b: &LabelBox| [b.x, b.y, b.width, b.height].iter().all(|v| v.is_finite());
    let placed = |taken: &[Option<usize>], i: usize| taken[i].map(|k| candidates[i][k]);
    for i in 0..candidates.len() {
        if taken[i].is_some() {
            continue;
        }
        'spots: for (k, spot) in candidates[i].iter().enumerate() {
            if !finite(spot) || obstacles.iter().any(|o| o.overlaps(spot)) {
                continue;
            }
            let mut blockers =
                (0..taken.len()).filter(|&j| placed(taken, j).is_some_and(|b| b.overlaps(spot)));
            let (Some(j), None) = (blockers.next(), blockers.next()) else {
                continue;
            };
            if !usable(i, k) {
                continue;
            }
            for (other, alternative) in candidates[j].iter().enumerate() {
                let clear = finite(alternative)
                    && Some(other) != taken[j]
                    && !alternative.overlaps(spot)
                    && !obstacles.iter().any(|o| o.overlaps(alternative))
                    && (0..taken.len()).all(|m| {
                        m == j || placed(taken, m).is_none_or(|b| !b.overlaps(alternative))
                    })
                    && usable(j, other);
                if clear {
                    taken[j] = Some(other);
                    taken[i] = Some(k);
                    break 'spots;
                }
            }
        }
    }
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
    fn a_spot_that_is_not_usable_is_passed_over_and_only_clear_spots_are_asked_about() {
        let first = label(0.0, 0.0, 2.0);
        let (covered, refused, free) = (
            label(10.0, 5.0, 1.0),
            label(200.0, 5.0, 1.0),
            label(400.0, 5.0, 1.0),
        );
        let asked = std::cell::RefCell::new(Vec::new());
        let taken =
            place_labels_where(&[vec![first], vec![covered, refused, free]], &[], |i, k| {
                asked.borrow_mut().push((i, k));
                (i, k) != (1, 1)
            });
        assert_eq!(taken, vec![Some(0), Some(2)]);
        assert_eq!(asked.into_inner(), vec![(0, 0), (1, 1), (1, 2)]);
    }

    #[test]
    fn a_label_moves_to_its_second_spot_to_make_room_for_one_with_no_other() {
        // The first label (more important) takes its first spot, the only one the second
        // has; it can as well stand in its second spot, so both are shown.
        let first = label(0.0, 0.0, 2.0);
        let elsewhere = label(0.0, 100.0, 2.0);
        let only = label(20.0, 5.0, 1.0);
        let taken = place_labels(&[vec![first, elsewhere], vec![only]], &[]);
        assert_eq!(taken, vec![Some(1), Some(0)]);
    }

    #[test]
    fn places_further_away_start_a_line_off_on_the_side_asked_for_and_never_cover_the_circle() {
        let circle = LabelBox {
            x: 90.0,
            y: 90.0,
            width: 20.0,
            height: 20.0,
            priority: 0.0,
        };
        let further: Vec<LabelBox> =
            spots_further([100.0, 100.0], 10.0, [80.0, 20.0], 5.0, 1.0, false).collect();
        assert_eq!(further.len(), 48);
        // Left of the circle first, one line below the middle.
        assert_eq!((further[0].x, further[0].y), (5.0, 110.0));
        assert!(further.iter().all(|b| !b.overlaps(&circle)));
        // None of them is a place right beside the circle.
        let beside = spots_around([100.0, 100.0], 10.0, [80.0, 20.0], 5.0, 1.0);
        assert!(further.iter().all(|b| !beside.contains(b)));
    }

    #[test]
    fn a_line_to_a_label_is_clear_only_when_it_passes_no_other_circle() {
        let circle = |x: f64, y: f64| LabelBox {
            x: x - 5.0,
            y: y - 5.0,
            width: 10.0,
            height: 10.0,
            priority: 0.0,
        };
        let circles = [circle(0.0, 0.0), circle(50.0, 0.0), circle(50.0, 40.0)];
        // Straight through the circle at (50, 0); above it; stopping short of it.
        assert!(!line_clear_of([0.0, 0.0], [100.0, 0.0], &circles));
        assert!(line_clear_of([0.0, 0.0], [100.0, 20.0], &circles));
        assert!(line_clear_of([0.0, 0.0], [40.0, 0.0], &circles));
        let label = label(60.0, 30.0, 1.0);
        assert_eq!(label.side_facing([0.0, 0.0]), [60.0, 40.0]);
        assert_eq!(label.side_facing([200.0, 0.0]), [160.0, 40.0]);
    }

    #[test]
    fn a_name_is_cut_at_the_space_nearest_its_middle() {
        assert_eq!(
            two_lines("Jönköpings läns museum"),
            Some(("Jönköpings", "läns museum"))
        );
        assert_eq!(
            two_lines("Coompanion Jönköpings län"),
            Some(("Coompanion", "Jönköpings län"))
        );
        assert_eq!(two_lines("Arbetsförmedlingen"), None);
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
