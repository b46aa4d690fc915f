//! Languages and number formats for display: English, Swedish, Dutch and French (issue 8).
//! Numbers in the report stay raw; only what the page shows is formatted.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    Sv,
    Nl,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Sv, Lang::Nl, Lang::Fr];

    /// From a BCP 47 tag (`sv-SE`, `nl`, `fr-BE`); English for anything else.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "sv" => Lang::Sv,
            "nl" => Lang::Nl,
            "fr" => Lang::Fr,
            _ => Lang::En,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Sv => "sv",
            Lang::Nl => "nl",
            Lang::Fr => "fr",
        }
    }
    /// The language's own name, for the switch.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Sv => "Svenska",
            Lang::Nl => "Nederlands",
            Lang::Fr => "Français",
        }
    }
    fn separators(self) -> (char, char) {
        match self {
            Lang::En => (',', '.'),
            // A no-break space groups thousands in Swedish and French.
            Lang::Sv | Lang::Fr => ('\u{a0}', ','),
            Lang::Nl => ('.', ','),
        }
    }

    /// `1234.5` with one decimal: `1,234.5`, `1 234,5` (sv, fr), `1.234,5` (nl).
    pub fn number(self, v: f64, decimals: usize) -> String {
        let (group, point) = self.separators();
        let text = format!("{:.*}", decimals, v.abs());
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mut out = String::new();
        if v < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
            out.push('−');
        }
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(group);
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push(point);
            out.push_str(frac);
        }
        out
    }

    /// A month for display: the language's abbreviated month name and the year, joined by a
    /// no-break space: `Jan 2025`, `jan. 2025`, `jan 2025`, `janv. 2025`. (Data attributes, CSV
    /// and JSON keep `2025-01`.)
    pub fn month(self, m: crate::month::Month) -> String {
        const EN: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        const SV: [&str; 12] = [
            "jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.", "nov.",
            "dec.",
        ];
        const NL: [&str; 12] = [
            "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
        ];
        const FR: [&str; 12] = [
            "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
            "nov.", "déc.",
        ];
        let names = match self {
            Lang::En => &EN,
            Lang::Sv => &SV,
            Lang::Nl => &NL,
            Lang::Fr => &FR,
        };
        let name = names[(m.month() as usize).clamp(1, 12) - 1];
        format!("{name}\u{a0}{}", m.year())
    }

    /// `month` for a `YYYY-MM` text (as charts label their columns); any other text unchanged.
    pub fn month_text(self, s: &str) -> String {
        match crate::month::Month::parse_ym(s) {
            Some(m) if s.len() == 7 => self.month(m),
            _ => s.to_string(),
        }
    }

    /// A date (`YYYY-MM-DD`) for display: `5 Jan 2026`, `5 jan. 2026`, `5 janv. 2026`.
    pub fn date_text(self, s: &str) -> String {
        let day = s.get(8..10).and_then(|d| d.parse::<u32>().ok());
        match (
            self,
            s.get(..7).and_then(crate::month::Month::parse_ym),
            day,
        ) {
            (_, Some(m), Some(d)) if s.len() == 10 => format!("{d}\u{a0}{}", self.month(m)),
            _ => s.to_string(),
        }
    }

    /// A percentage: `18.2%`, `18,2 %` (sv, fr, nl put a space before the sign).
    pub fn percent(self, v: f64, decimals: usize) -> String {
        match self {
            Lang::En => format!("{}%", self.number(v, decimals)),
            _ => format!("{}\u{a0}%", self.number(v, decimals)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn numbers_in_each_language() {
        assert_eq!(Lang::En.number(1234.5, 1), "1,234.5");
        assert_eq!(Lang::Sv.number(1234.5, 1), "1\u{a0}234,5");
        assert_eq!(Lang::Fr.number(1234.5, 1), "1\u{a0}234,5");
        assert_eq!(Lang::Nl.number(1234.5, 1), "1.234,5");
        assert_eq!(Lang::Sv.number(-1234567.0, 0), "−1\u{a0}234\u{a0}567");
        assert_eq!(Lang::En.number(-0.01, 1), "0.0");
        assert_eq!(Lang::Sv.percent(18.18, 1), "18,2\u{a0}%");
        assert_eq!(Lang::En.percent(18.18, 1), "18.2%");
    }
    #[test]
    fn months_and_dates() {
        let m = crate::month::Month::new(2025, 1).unwrap();
        assert_eq!(Lang::En.month(m), "Jan\u{a0}2025");
        assert_eq!(Lang::Sv.month(m), "jan.\u{a0}2025");
        assert_eq!(Lang::Nl.month_text("2025-03"), "mrt\u{a0}2025");
        assert_eq!(Lang::Fr.month_text("2025-02"), "févr.\u{a0}2025");
        assert_eq!(Lang::Fr.month_text("Other"), "Other");
        assert_eq!(Lang::Sv.date_text("2026-01-05"), "5\u{a0}jan.\u{a0}2026");
        assert_eq!(Lang::En.date_text("2026-01-05"), "5\u{a0}Jan\u{a0}2026");
        assert_eq!(Lang::En.date_text("9999-12-31 "), "9999-12-31 ");
    }
    #[test]
    fn tags() {
        assert_eq!(Lang::from_tag("sv-SE"), Lang::Sv);
        assert_eq!(Lang::from_tag("nl"), Lang::Nl);
        assert_eq!(Lang::from_tag("fr_BE"), Lang::Fr);
        assert_eq!(Lang::from_tag("de-DE"), Lang::En);
    }
}
