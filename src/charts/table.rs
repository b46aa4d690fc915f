//! A chart's numbers as a table: shown by the "Table" switch (for screen readers and anyone who
//! prefers numbers) and exported as a formula-safe CSV. The same data the chart draws.

/// Header and rows of text; a month without data is an empty cell.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

fn cell<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

impl Table {
    /// One row per month, one column per series.
    pub fn monthly<T: ToString + Copy>(
        months: &[String],
        series: &[(&str, &[Option<T>])],
    ) -> Table {
        let mut header = vec!["Month".to_string()];
        header.extend(series.iter().map(|(n, _)| n.to_string()));
        let rows = months
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let mut row = vec![m.clone()];
                row.extend(
                    series
                        .iter()
                        .map(|(_, v)| cell(v.get(i).copied().flatten())),
                );
                row
            })
            .collect();
        Table { header, rows }
    }

    /// One row per category.
    pub fn categories<T: ToString>(
        label: &str,
        value: &str,
        labels: &[String],
        values: &[T],
    ) -> Table {
        Table {
            header: vec![label.to_string(), value.to_string()],
            rows: labels
                .iter()
                .zip(values)
                .map(|(l, v)| vec![l.clone(), v.to_string()])
                .collect(),
        }
    }

    /// RFC 4180 CSV with cells that could run as formulas escaped (`export::csv`).
    pub fn to_csv(&self) -> String {
        let header: Vec<&str> = self.header.iter().map(String::as_str).collect();
        crate::export::csv(&header, &self.rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn monthly_rows_leave_missing_months_empty() {
        let months = vec!["2025-01".to_string(), "2025-02".to_string()];
        let t = Table::monthly(
            &months,
            &[
                ("New", &[Some(2u64), None][..]),
                ("Churned", &[Some(1u64), Some(0)][..]),
            ],
        );
        assert_eq!(t.header, ["Month", "New", "Churned"]);
        assert_eq!(t.rows, [["2025-01", "2", "1"], ["2025-02", "", "0"]]);
        assert_eq!(
            t.to_csv(),
            "Month,New,Churned\r\n2025-01,2,1\r\n2025-02,,0\r\n"
        );
        let c = Table::categories("Product", "Customers", &["=SUM(1)".to_string()], &[3u64]);
        assert_eq!(c.to_csv(), "Product,Customers\r\n'=SUM(1),3\r\n");
    }
}
