//! Country shapes for the geography map (`public/world.json`, made from npm `world-atlas`,
//! Natural Earth 1:110m, public domain) and the matching of Partner Center market names to them.

use serde::Deserialize;

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Country {
    pub name: String,
    /// Outer rings as `[lon, lat]`.
    pub rings: Vec<Vec<[f64; 2]>>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct World {
    pub countries: Vec<Country>,
}

impl World {
    pub fn parse(json: &[u8]) -> Result<World, String> {
        serde_json::from_slice(json).map_err(|e| format!("world.json: {e}"))
    }
    /// The country a market label names (`United States`, `Korea`, `Czech Republic`, `US`, …).
    pub fn find(&self, market: &str) -> Option<usize> {
        let want = key(alias(market));
        self.countries.iter().position(|c| key(&c.name) == want)
    }
}

fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Partner Center spellings (and two-letter codes) that differ from Natural Earth's short names.
fn alias(market: &str) -> &str {
    let m = market.trim();
    const ALIASES: &[(&str, &str)] = &[
        ("united states", "United States of America"),
        ("us", "United States of America"),
        ("usa", "United States of America"),
        ("gb", "United Kingdom"),
        ("uk", "United Kingdom"),
        ("great britain", "United Kingdom"),
        ("korea", "South Korea"),
        ("republic of korea", "South Korea"),
        ("korea, republic of", "South Korea"),
        ("kr", "South Korea"),
        ("czech republic", "Czechia"),
        ("cz", "Czechia"),
        ("russian federation", "Russia"),
        ("viet nam", "Vietnam"),
        ("bosnia and herzegovina", "Bosnia and Herz."),
        ("dominican republic", "Dominican Rep."),
        ("congo (drc)", "Dem. Rep. Congo"),
        ("democratic republic of the congo", "Dem. Rep. Congo"),
        ("north macedonia", "Macedonia"),
        ("türkiye", "Turkey"),
        ("turkiye", "Turkey"),
        ("eswatini", "eSwatini"),
        ("côte d’ivoire", "Côte d'Ivoire"),
        ("ivory coast", "Côte d'Ivoire"),
        ("central african republic", "Central African Rep."),
        ("south sudan", "S. Sudan"),
        ("equatorial guinea", "Eq. Guinea"),
        ("solomon islands", "Solomon Is."),
        ("de", "Germany"),
        ("fr", "France"),
        ("se", "Sweden"),
        ("nl", "Netherlands"),
        ("jp", "Japan"),
        ("ca", "Canada"),
        ("au", "Australia"),
        ("br", "Brazil"),
        ("in", "India"),
        ("cn", "China"),
        ("es", "Spain"),
        ("it", "Italy"),
        ("no", "Norway"),
        ("dk", "Denmark"),
        ("fi", "Finland"),
        ("be", "Belgium"),
        ("ch", "Switzerland"),
        ("at", "Austria"),
        ("pl", "Poland"),
        ("ie", "Ireland"),
        ("pt", "Portugal"),
        ("mx", "Mexico"),
        ("za", "South Africa"),
        ("nz", "New Zealand"),
    ];
    let lower = m.to_lowercase();
    ALIASES
        .iter()
        .find(|(a, _)| *a == lower)
        .map(|(_, to)| *to)
        .unwrap_or(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn market_names_find_their_country() {
        let w = World {
            countries: [
                "Czechia",
                "South Korea",
                "Sweden",
                "United States of America",
            ]
            .iter()
            .map(|n| Country {
                name: n.to_string(),
                rings: vec![],
            })
            .collect(),
        };
        assert_eq!(w.find("United States"), Some(3));
        assert_eq!(w.find("US"), Some(3));
        assert_eq!(w.find("Korea"), Some(1));
        assert_eq!(w.find("Czech Republic"), Some(0));
        assert_eq!(w.find(" sweden "), Some(2));
        assert_eq!(w.find("Atlantis"), None);
    }
}
