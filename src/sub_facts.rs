//! Subscription facts per month of the window (metrics.md §3, §6): which subscriptions are
//! active, their end dates, suspensions and Azure usage, and what is known of each
//! subscription. Filled row by row by `Facts::build` from the counting rows that pass the filter.

use crate::kind::Kind;
use crate::month::Month;
use crate::store::{Dim, Store, NONE, NO_DATE};
use crate::values::state::State;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Usage of one subscription or customer in one month, from Azure usage rows.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Usage {
    pub quantity: f64,
    pub acr: f64,
    /// Some row had `UsageQuantity > 0` or ACR above 0.
    pub positive: bool,
}

/// What is known of one subscription across its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct SubInfo {
    /// The customer key of its latest row.
    pub key: u32,
    /// The product of its latest row with one (`NONE` if none).
    pub product: u32,
    /// An Azure subscription: on an Azure usage row, or a status row whose product contains "Azure".
    pub azure: bool,
    /// Earliest `SubscriptionStartDate`, earliest `FirstUseDate` (days), first month with a row.
    pub start: i32,
    pub first_use: i32,
    pub first_seen: Month,
    /// Auto-renew of its latest row that says (0 no, 1 yes, 2 unknown).
    pub auto_renew: u8,
    /// Partner Center's `churnRisk` of its latest row that has one.
    pub churn_risk: u32,
    /// Months of `lastRenewalDate` values (JSON answers).
    pub renewals: Vec<Month>,
    latest: Month,
}

#[derive(Clone, Debug, Default)]
pub struct SubFacts {
    pub info: HashMap<u32, SubInfo>,
    /// Per window month: sorted ids of subscriptions with an active row.
    pub active: Vec<Vec<u32>>,
    /// Per window month: the latest `SubscriptionEndDate` (days) of each subscription.
    pub end: Vec<HashMap<u32, i32>>,
    /// Per window month: subscriptions with a suspended row.
    pub suspended: Vec<HashSet<u32>>,
    /// Per window month: Azure usage per subscription and per customer key.
    pub sub_usage: Vec<HashMap<u32, Usage>>,
    pub key_usage: Vec<HashMap<u32, Usage>>,
    /// Per window month: an Azure usage report has a row in it.
    pub azure_usage_covered: Vec<bool>,
    /// An Azure usage report is loaded / one of them has an ACR column with a value.
    pub azure_usage_loaded: bool,
    pub acr_known: bool,
    /// A subscriptions report (SeatsSubscriptionsAndRevenue or JSON) is loaded.
    pub subscriptions_loaded: bool,
    azure_product: HashMap<u32, bool>,
}

impl SubFacts {
    pub fn new(months: usize) -> SubFacts {
        SubFacts {
            active: vec![Vec::new(); months],
            end: vec![HashMap::default(); months],
            suspended: vec![HashSet::default(); months],
            sub_usage: vec![HashMap::default(); months],
            key_usage: vec![HashMap::default(); months],
            azure_usage_covered: vec![false; months],
            ..Default::default()
        }
    }

    /// Notes a row that is loaded, whatever it counts for (coverage, reports loaded).
    pub fn note_loaded(&mut self, store: &Store, row: usize, i: usize) {
        match store.kind[row] {
            Kind::AzureUsage => {
                self.azure_usage_covered[i] = true;
                self.azure_usage_loaded = true;
                if !store.acr[row].is_nan() {
                    self.acr_known = true;
                }
            }
            Kind::Subscriptions => self.subscriptions_loaded = true,
            _ => {}
        }
    }

    fn is_azure_product(&mut self, store: &Store, product: u32) -> bool {
        if product == NONE {
            return false;
        }
        *self
            .azure_product
            .entry(product)
            .or_insert_with(|| store.strings.get(product).to_lowercase().contains("azure"))
    }

    /// Adds a counting row of window month `i` that passed the filter.
    pub fn add(&mut self, store: &Store, row: usize, i: usize, month: Month) {
        let kind = store.kind[row];
        let key = store.key[row];
        if kind == Kind::AzureUsage && key != NONE {
            let u = self.key_usage[i].entry(key).or_default();
            add_usage(u, store, row);
        }
        let sub = store.subscription[row];
        if sub == NONE || !kind.is_status() {
            return;
        }
        if kind == Kind::AzureUsage {
            let u = self.sub_usage[i].entry(sub).or_default();
            add_usage(u, store, row);
        }
        // The product: the Product column, else the JSON answers' subscriptionType, else (only
        // without either) the SKU or offer name.
        let product = [
            store.dims[Dim::Product.index()][row],
            store.subscription_type[row],
            store.dims[Dim::Sku.index()][row],
        ]
        .into_iter()
        .find(|v| *v != NONE)
        .unwrap_or(NONE);
        let azure = kind == Kind::AzureUsage || self.is_azure_product(store, product);
        let info = self.info.entry(sub).or_insert_with(|| SubInfo {
            key,
            product,
            azure,
            start: NO_DATE,
            first_use: NO_DATE,
            first_seen: month,
            auto_renew: 2,
            churn_risk: NONE,
            renewals: Vec::new(),
            latest: month,
        });
        info.azure |= azure;
        info.first_seen = info.first_seen.min(month);
        let min_date = |a: i32, b: i32| {
            if a == NO_DATE {
                b
            } else if b == NO_DATE {
                a
            } else {
                a.min(b)
            }
        };
        info.start = min_date(info.start, store.start[row]);
        info.first_use = min_date(info.first_use, store.first_use[row]);
        if month >= info.latest {
            info.latest = month;
            if key != NONE {
                info.key = key;
            }
            if product != NONE {
                info.product = product;
            }
            if store.auto_renew[row] != 2 {
                info.auto_renew = store.auto_renew[row];
            }
            if store.churn_risk[row] != NONE {
                info.churn_risk = store.churn_risk[row];
            }
        }
        if let Some(m) = (store.last_renewal[row] != NO_DATE)
            .then(|| Month::from_days(store.last_renewal[row]))
            .flatten()
        {
            if !info.renewals.contains(&m) {
                info.renewals.push(m);
            }
        }
        let state = store.state[row];
        if state.is_active() {
            self.active[i].push(sub);
        }
        if state == State::Suspended {
            self.suspended[i].insert(sub);
        }
        if store.end[row] != NO_DATE {
            let e = self.end[i].entry(sub).or_insert(store.end[row]);
            *e = (*e).max(store.end[row]);
        }
    }

    pub fn finish(&mut self) {
        for a in self.active.iter_mut() {
            a.sort_unstable();
            a.dedup();
        }
    }

    /// Subscription ids active in window month `i`, Azure ones only when `azure`.
    pub fn active_in(&self, i: usize, azure: bool) -> Vec<u32> {
        self.active
            .get(i)
            .map(|a| {
                a.iter()
                    .copied()
                    .filter(|s| !azure || self.is_azure(*s))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn is_azure(&self, sub: u32) -> bool {
        self.info.get(&sub).is_some_and(|i| i.azure)
    }
}

fn add_usage(u: &mut Usage, store: &Store, row: usize) {
    let (q, a) = (store.usage_quantity[row], store.acr[row]);
    if !q.is_nan() {
        u.quantity += q;
    }
    if !a.is_nan() {
        u.acr += a;
    }
    u.positive |= store.has_usage[row];
}
