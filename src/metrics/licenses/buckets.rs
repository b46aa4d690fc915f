//! License rows per 20-point band of deployment % and usage % (metrics.md §4 "Buckets").

use super::license_rows::CustomerLicense;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Bands {
    #[serde(rename = "0-20")]
    pub b0: u64,
    #[serde(rename = "20-40")]
    pub b20: u64,
    #[serde(rename = "40-60")]
    pub b40: u64,
    #[serde(rename = "60-80")]
    pub b60: u64,
    #[serde(rename = "80-100")]
    pub b80: u64,
    #[serde(rename = ">100")]
    pub over: u64,
}

impl Bands {
    pub const LABELS: [&'static str; 6] = ["0-20", "20-40", "40-60", "60-80", "80-100", ">100"];
    pub fn counts(&self) -> [u64; 6] {
        [self.b0, self.b20, self.b40, self.b60, self.b80, self.over]
    }
    /// A band holds its lower bound; exactly 100 falls in `80-100`; null is in no band.
    pub fn add(&mut self, v: Option<f64>) {
        let Some(v) = v else { return };
        let slot = if v > 100.0 {
            &mut self.over
        } else if v >= 80.0 {
            &mut self.b80
        } else if v >= 60.0 {
            &mut self.b60
        } else if v >= 40.0 {
            &mut self.b40
        } else if v >= 20.0 {
            &mut self.b20
        } else {
            &mut self.b0
        };
        *slot += 1;
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Buckets {
    pub deployment: Bands,
    pub usage: Bands,
}

pub fn buckets(rows: &[CustomerLicense]) -> Buckets {
    let mut b = Buckets::default();
    for r in rows {
        b.deployment.add(r.deployment_pct);
        b.usage.add(r.usage_pct);
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn band_edges() {
        let mut b = Bands::default();
        for v in [
            0.0, 19.99, 20.0, 39.9, 40.0, 60.0, 79.99, 80.0, 100.0, 100.01, 250.0,
        ] {
            b.add(Some(v));
        }
        b.add(None);
        assert_eq!(b.counts(), [2, 2, 1, 2, 2, 2]);
    }
}
