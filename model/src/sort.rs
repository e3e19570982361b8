//! Stable sorting with one compiled copy of the sort algorithm.
//!
//! The standard library's `sort_by` is compiled anew for every comparison closure, about
//! 3 KiB of wasm each; the app had 35 of them (measured with `scripts/size-breakdown.mjs`).
//! Here only the order of positions is sorted, through one `dyn` comparison, and the items
//! are then moved into that order.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &|a, b| compare(&items[a], &items[b]));
    apply_order(items, order);
}

/// Sorts `items` stably by a key, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts positions stably by a comparison of the positions; the one place the standard
/// sort is instantiated.
pub fn sort_positions(positions: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    positions.sort_by(|&a, &b| compare(a, b));
}

/// Moves the items so that the one at `order[k]` ends at `k`, by following cycles of swaps.
fn apply_order<T>(items: &mut [T], order: Vec<usize>) {
    // destination[i]: where the item now at i belongs.
    let mut destination = vec![0; order.len()];
    for (to, &from) in order.iter().enumerate() {
        destination[from] = to;
    }
    for i in 0..items.len() {
        while destination[i] != i {
            let to = destination[i];
            items.swap(i, to);
            destination.swap(i, to);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn keeps_equal_items_in_their_order() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut items, |item| item.0);
        assert_eq!(
            items,
            vec![(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]
        );
    }

    proptest! {
        #[test]
        fn sorts_as_the_standard_stable_sort(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..60)) {
            let mut ours = items.clone();
            let mut standard = items;
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            standard.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, standard);
        }
    }
}
