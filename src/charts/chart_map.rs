//! The map from screen pixels back to what a chart drew: tooltips and clicks use it.

/// A drawn shape, in backend pixels.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Rect {
        x0: i32,
        y0: i32,
        x1: i32,
        y1: i32,
    },
    /// A pie slice: centre, radius, and angles in radians clockwise from 12 o'clock.
    Slice {
        cx: i32,
        cy: i32,
        r: i32,
        start: f64,
        end: f64,
    },
    Polygon(Vec<(i32, i32)>),
}

impl Shape {
    pub fn contains(&self, x: i32, y: i32) -> bool {
        match self {
            Shape::Rect { x0, y0, x1, y1 } => {
                x >= *x0.min(x1) && x <= *x0.max(x1) && y >= *y0.min(y1) && y <= *y0.max(y1)
            }
            Shape::Slice {
                cx,
                cy,
                r,
                start,
                end,
            } => {
                let (dx, dy) = ((x - cx) as f64, (y - cy) as f64);
                if dx * dx + dy * dy > (*r as f64) * (*r as f64) {
                    return false;
                }
                let a = dx.atan2(-dy).rem_euclid(std::f64::consts::TAU);
                a >= *start && a < *end
            }
            Shape::Polygon(points) => point_in_polygon(points, x, y),
        }
    }
}

fn point_in_polygon(points: &[(i32, i32)], x: i32, y: i32) -> bool {
    let (x, y) = (x as f64 + 0.5, y as f64 + 0.5);
    let mut inside = false;
    let n = points.len();
    for i in 0..n {
        let (xi, yi) = (points[i].0 as f64, points[i].1 as f64);
        let (xj, yj) = (
            points[(i + n - 1) % n].0 as f64,
            points[(i + n - 1) % n].1 as f64,
        );
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
    }
    inside
}

/// One thing a pointer can land on: which category (a month, a product, a country) and which
/// series, and where it was drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub index: usize,
    pub series: Option<usize>,
    pub shape: Shape,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartMap {
    /// The plotting area, in backend pixels: `(x0, y0, x1, y1)`.
    pub plot: (i32, i32, i32, i32),
    /// The pixel row of the value 0, for charts with a value axis.
    pub zero_y: Option<i32>,
    /// Whole-category bands (a month's column), for tooltips anywhere over a column.
    pub bands: Vec<Item>,
    /// Drawn marks, in drawing order.
    pub items: Vec<Item>,
}

impl ChartMap {
    /// The topmost drawn mark under the pointer.
    pub fn hit(&self, x: i32, y: i32) -> Option<&Item> {
        self.items.iter().rev().find(|i| i.shape.contains(x, y))
    }
    /// The category band under the pointer, else the mark under it.
    pub fn category_at(&self, x: i32, y: i32) -> Option<usize> {
        self.bands
            .iter()
            .find(|b| b.shape.contains(x, y))
            .or_else(|| self.hit(x, y))
            .map(|i| i.index)
    }
    /// Scales every coordinate by `1 / ratio` (canvas bitmaps are drawn at the device pixel ratio;
    /// pointer events arrive in CSS pixels).
    pub fn scaled(&self, ratio: f64) -> ChartMap {
        let s = |v: i32| (v as f64 / ratio).round() as i32;
        let shape = |sh: &Shape| match sh {
            Shape::Rect { x0, y0, x1, y1 } => Shape::Rect {
                x0: s(*x0),
                y0: s(*y0),
                x1: s(*x1),
                y1: s(*y1),
            },
            Shape::Slice {
                cx,
                cy,
                r,
                start,
                end,
            } => Shape::Slice {
                cx: s(*cx),
                cy: s(*cy),
                r: s(*r),
                start: *start,
                end: *end,
            },
            Shape::Polygon(p) => Shape::Polygon(p.iter().map(|(x, y)| (s(*x), s(*y))).collect()),
        };
        let item = |i: &Item| Item {
            index: i.index,
            series: i.series,
            shape: shape(&i.shape),
        };
        ChartMap {
            plot: (
                s(self.plot.0),
                s(self.plot.1),
                s(self.plot.2),
                s(self.plot.3),
            ),
            zero_y: self.zero_y.map(s),
            bands: self.bands.iter().map(item).collect(),
            items: self.items.iter().map(item).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn hits() {
        let sq = Shape::Polygon(vec![(0, 0), (10, 0), (10, 10), (0, 10)]);
        assert!(sq.contains(5, 5));
        assert!(!sq.contains(15, 5));
        let quarter = Shape::Slice {
            cx: 0,
            cy: 0,
            r: 10,
            start: 0.0,
            end: std::f64::consts::FRAC_PI_2,
        };
        assert!(
            quarter.contains(3, -3),
            "up and to the right is the first quarter"
        );
        assert!(!quarter.contains(-3, -3));
        assert!(!quarter.contains(9, -9), "outside the radius");
    }
}
