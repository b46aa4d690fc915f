//! New Azure customers per month (metrics.md §3 `monthly.new_customers`, §6).

use crate::facts::Facts;
use rustc_hash::FxHashMap as HashMap;

/// Per window month: keys whose first month of the window with an active Azure subscription or
/// Azure usage above 0 is that month. Null in the window's first month and in a missing month;
/// still computed after a missing month.
pub fn new_azure_customers(facts: &Facts) -> Vec<Option<u64>> {
    let s = &facts.subs;
    let n = facts.status_covered.len();
    let mut first: HashMap<u32, usize> = HashMap::default();
    for i in 0..n {
        let keys = s
            .active_in(i, true)
            .into_iter()
            .filter_map(|sub| s.info.get(&sub).map(|x| x.key));
        let users = s.key_usage[i]
            .iter()
            .filter(|(_, u)| u.positive)
            .map(|(k, _)| *k);
        for k in keys.chain(users) {
            first.entry(k).or_insert(i);
        }
    }
    let mut counts = vec![0u64; n];
    for i in first.values() {
        counts[*i] += 1;
    }
    (0..n)
        .map(|i| (i > 0 && facts.status_covered[i]).then_some(counts[i]))
        .collect()
}
