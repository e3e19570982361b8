//! Moving between things drawn on a plane with the arrow keys: the nearest one in a direction.

/// An arrow key's direction on screen (y grows downward).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

impl Direction {
    /// The direction of an arrow key (`KeyboardEvent.key`), if it is one.
    pub fn of_key(key: &str) -> Option<Direction> {
        match key {
            "ArrowLeft" => Some(Direction::Left),
            "ArrowRight" => Some(Direction::Right),
            "ArrowUp" => Some(Direction::Up),
            "ArrowDown" => Some(Direction::Down),
            _ => None,
        }
    }

    /// How far `to` lies ahead in this direction, and how far to the side.
    fn split(self, (dx, dy): (f64, f64)) -> (f64, f64) {
        match self {
            Direction::Right => (dx, dy.abs()),
            Direction::Left => (-dx, dy.abs()),
            Direction::Down => (dy, dx.abs()),
            Direction::Up => (-dy, dx.abs()),
        }
    }
}

/// The nearest of `others` seen from `from` in `direction`: those within 45° of it first,
/// distance to the side counting double; failing those, the nearest ahead at all. `None`
/// when nothing lies that way (things at the very same point are not ahead).
pub fn nearest_in_direction<T>(
    from: (f64, f64),
    others: impl IntoIterator<Item = (T, (f64, f64))>,
    direction: Direction,
) -> Option<T> {
    let mut in_cone: Option<(f64, T)> = None;
    let mut ahead_at_all: Option<(f64, T)> = None;
    for (item, (x, y)) in others {
        let (ahead, aside) = direction.split((x - from.0, y - from.1));
        if ahead <= 0.0 {
            continue;
        }
        let cost = ahead + 2.0 * aside;
        let best = if aside <= ahead {
            &mut in_cone
        } else {
            &mut ahead_at_all
        };
        if best.as_ref().is_none_or(|(c, _)| cost < *c) {
            *best = Some((cost, item));
        }
    }
    in_cone.or(ahead_at_all).map(|(_, item)| item)
}

#[cfg(test)]
mod tests {
    use super::*;

    const POINTS: [(&str, (f64, f64)); 5] = [
        ("east", (10.0, 1.0)),
        ("far east", (30.0, 0.0)),
        ("north-east", (8.0, -9.0)),
        ("south", (0.0, 12.0)),
        ("west, far off the row", (-5.0, 40.0)),
    ];

    #[test]
    fn each_arrow_finds_the_nearest_in_its_direction() {
        let go = |d| nearest_in_direction((0.0, 0.0), POINTS, d);
        assert_eq!(go(Direction::Right), Some("east"));
        assert_eq!(go(Direction::Down), Some("south"));
        assert_eq!(
            go(Direction::Up),
            Some("north-east"),
            "outside every 45° cone: the nearest ahead"
        );
        assert_eq!(go(Direction::Left), Some("west, far off the row"));
    }

    #[test]
    fn nothing_that_way_or_at_the_same_point_is_none() {
        assert_eq!(
            nearest_in_direction((0.0, 0.0), [("here", (0.0, 0.0))], Direction::Right),
            None
        );
        assert_eq!(
            nearest_in_direction((0.0, 0.0), [("east", (3.0, 0.0))], Direction::Left),
            None
        );
    }

    #[test]
    fn arrow_keys_have_directions() {
        assert_eq!(Direction::of_key("ArrowUp"), Some(Direction::Up));
        assert_eq!(Direction::of_key("a"), None);
    }
}
