//! Where actors sit inside one cell of the power–interest grid when several share it:
//! packed side by side, never on top of each other, names kept in columns so they read.

/// Offsets of `n` actors from the centre of a `width` × `height` cell, and the dot radius
/// that fits them (at most `radius`). Actors stack in a column first, `rows` high, because
/// each name is written to the right of its dot; more columns are added only when a cell
/// is crowded. No two dots overlap and every dot stays inside the cell.
pub fn pack_cell(
    n: usize,
    width: f64,
    height: f64,
    radius: f64,
    rows: usize,
) -> (Vec<(f64, f64)>, f64) {
    if n == 0 {
        return (Vec::new(), radius);
    }
    let rows = rows.clamp(1, n);
    let columns = cell_columns(n, rows);
    let (step_x, step_y) = (width / columns as f64, height / rows as f64);
    // Dots shrink to fit the tighter of the two spacings, with a little air between them.
    let radius = radius.min(step_x.min(step_y) * 0.45);
    let offsets = (0..n)
        .map(|i| {
            let (column, row) = (i / rows, i % rows);
            (
                (column as f64 + 0.5) * step_x - width / 2.0,
                (row as f64 + 0.5) * step_y - height / 2.0,
            )
        })
        .collect();
    (offsets, radius)
}

/// How many columns [`pack_cell`] makes for `n` actors stacked `rows` high.
pub fn cell_columns(n: usize, rows: usize) -> usize {
    n.div_ceil(rows.clamp(1, n.max(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn up_to_twelve_actors_of_one_cell_never_overlap_and_stay_inside() {
        let (width, height) = (180.0, 110.0);
        for n in 1..=12 {
            let (offsets, radius) = pack_cell(n, width, height, 13.0, 4);
            assert_eq!(offsets.len(), n);
            assert!(radius > 4.0, "n = {n}: dots stay visible");
            for (i, a) in offsets.iter().enumerate() {
                assert!(a.0.abs() + radius <= width / 2.0 + 1e-9, "n = {n}: inside");
                assert!(a.1.abs() + radius <= height / 2.0 + 1e-9, "n = {n}: inside");
                for b in &offsets[i + 1..] {
                    let d = (a.0 - b.0).hypot(a.1 - b.1);
                    assert!(d >= 2.0 * radius, "n = {n}: {a:?} and {b:?} overlap");
                }
            }
        }
    }

    #[test]
    fn a_lone_actor_sits_in_the_middle() {
        assert_eq!(pack_cell(1, 100.0, 50.0, 13.0, 4).0, vec![(0.0, 0.0)]);
    }
}
