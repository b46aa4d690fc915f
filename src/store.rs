//! The loaded data: one column-wise table for the rows of every file, strings dictionary-encoded
//! (STYLE.md "Data flows one way": bytes → typed table → monthly facts → metrics → report).

use crate::kind::Kind;
use crate::month::Month;
use crate::values::state::State;
use rustc_hash::FxHashMap as HashMap;

/// "No value" in a dictionary-encoded column.
pub const NONE: u32 = u32::MAX;
/// "No value" in a date column (days since 1970-01-01).
pub const NO_DATE: i32 = i32::MIN;

/// Interned strings: each distinct text is stored once and rows hold its `u32` id.
#[derive(Default, Debug)]
pub struct Dict {
    index: HashMap<Box<str>, u32>,
    values: Vec<Box<str>>,
}

impl Dict {
    pub fn intern(&mut self, s: &str) -> u32 {
        if let Some(id) = self.index.get(s) {
            return *id;
        }
        let id = self.values.len() as u32;
        self.values.push(s.into());
        self.index.insert(s.into(), id);
        id
    }
    /// The strings of a part of a file on its way to being appended to a store (see
    /// `Store::append`), in id order: not indexed, as nothing is looked up in them.
    pub(crate) fn unindexed(values: Vec<Box<str>>) -> Dict {
        Dict {
            index: HashMap::default(),
            values,
        }
    }
    /// The id of `s`, if it was ever interned.
    pub fn id(&self, s: &str) -> Option<u32> {
        self.index.get(s).copied()
    }
    pub fn get(&self, id: u32) -> &str {
        self.values.get(id as usize).map(|s| &**s).unwrap_or("")
    }
    pub fn len(&self) -> usize {
        self.values.len()
    }
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

/// The dimensions customers are counted by (metrics.md §2 "Distributions").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dim {
    Product,
    Sku,
    Market,
    Segment,
    PartnerLocation,
    SalesChannel,
    PricingLevel,
    Attribution,
}

impl Dim {
    pub const ALL: [Dim; 8] = [
        Dim::Product,
        Dim::Sku,
        Dim::Market,
        Dim::Segment,
        Dim::PartnerLocation,
        Dim::SalesChannel,
        Dim::PricingLevel,
        Dim::Attribution,
    ];
    pub fn index(self) -> usize {
        self as usize
    }
    /// The field name in the report JSON.
    pub fn key(self) -> &'static str {
        match self {
            Dim::Product => "product",
            Dim::Sku => "sku",
            Dim::Market => "market",
            Dim::Segment => "segment",
            Dim::PartnerLocation => "partner_location",
            Dim::SalesChannel => "sales_channel",
            Dim::PricingLevel => "pricing_level",
            Dim::Attribution => "attribution_type",
        }
    }
}

/// The store's columns of dictionary ids (besides `dims`), for code that treats them alike.
macro_rules! id_columns {
    ($m:ident) => {
        $m!(
            key,
            name,
            subscription,
            subscription_type,
            workload,
            churn_risk,
            license_product
        )
    };
}

/// The store's other columns (besides `dims`, `repeat` and `digests`), copied as they are.
macro_rules! value_columns {
    ($m:ident) => {
        $m!(
            file,
            kind,
            month,
            state,
            duplicate,
            start,
            end,
            first_use,
            last_renewal,
            auto_renew,
            usage_quantity,
            acr,
            sold,
            assigned,
            active_units,
            has_usage
        )
    };
}

/// Every loaded row of every file, one `Vec` per column. Numbers are `f64` with `NaN` for null.
#[derive(Default, Debug)]
pub struct Store {
    pub strings: Dict,
    pub file: Vec<u16>,
    pub kind: Vec<Kind>,
    pub month: Vec<Month>,
    /// Customer key (`t:` tenant id lower-cased, `p:` TPID, `n:` name), or `NONE`.
    pub key: Vec<u32>,
    pub name: Vec<u32>,
    pub state: Vec<State>,
    /// `IsDuplicateRowForPGA` / `IsACRDuplicateAtPGALevel` set.
    pub duplicate: Vec<bool>,
    /// Identical to a row of an earlier file (metrics.md §6 "Identical rows").
    pub repeat: Vec<bool>,
    /// One column per `Dim`; `NONE` where the row's file has no such column.
    pub dims: [Vec<u32>; 8],
    pub subscription: Vec<u32>,
    /// `subscriptionType` of the JSON subscription answers (`Azure`, `Office`, …).
    pub subscription_type: Vec<u32>,
    pub workload: Vec<u32>,
    pub churn_risk: Vec<u32>,
    pub start: Vec<i32>,
    pub end: Vec<i32>,
    pub first_use: Vec<i32>,
    pub last_renewal: Vec<i32>,
    /// 0 = no, 1 = yes, 2 = unknown.
    pub auto_renew: Vec<u8>,
    pub usage_quantity: Vec<f64>,
    pub acr: Vec<f64>,
    pub sold: Vec<f64>,
    pub assigned: Vec<f64>,
    pub active_units: Vec<f64>,
    /// The row shows usage: Azure usage or ACR above 0, or active users / seats above 0.
    pub has_usage: Vec<bool>,
    /// For rows of a license source (metrics.md §4): the product its licenses count under;
    /// `NONE` for every other row.
    pub license_product: Vec<u32>,
    /// Each row's hash (metrics.md §6 "Identical rows").
    pub(crate) digests: Vec<u128>,
    /// The hashes of the rows of the files before the one being loaded (built when a second
    /// file starts, so a single large file never pays for it).
    pub(crate) earlier: rustc_hash::FxHashSet<u128>,
    /// How many of `digests` are in `earlier`.
    indexed: usize,
}

impl Store {
    pub fn len(&self) -> usize {
        self.month.len()
    }
    pub fn is_empty(&self) -> bool {
        self.month.is_empty()
    }
    /// Rows that count in counts and sums: neither a PGA duplicate nor a repeat of another file.
    pub fn counts(&self, row: usize) -> bool {
        !self.duplicate[row] && !self.repeat[row]
    }
}

/// One row on its way into the store.
#[derive(Clone, Debug)]
pub struct Row {
    pub month: Month,
    pub key: u32,
    pub name: u32,
    pub state: State,
    pub duplicate: bool,
    pub repeat: bool,
    pub dims: [u32; 8],
    pub subscription: u32,
    pub subscription_type: u32,
    pub workload: u32,
    pub churn_risk: u32,
    pub start: i32,
    pub end: i32,
    pub first_use: i32,
    pub last_renewal: i32,
    pub auto_renew: u8,
    pub usage_quantity: f64,
    pub acr: f64,
    pub sold: f64,
    pub assigned: f64,
    pub active_units: f64,
    pub has_usage: bool,
    pub license_product: u32,
}

impl Store {
    /// Room for `n` more rows in every column (a large file is not copied column by column as
    /// its columns grow).
    pub fn reserve(&mut self, n: usize) {
        macro_rules! room {
            ($($c:ident),*) => { $(self.$c.reserve(n);)* };
        }
        id_columns!(room);
        value_columns!(room);
        self.repeat.reserve(n);
        for d in self.dims.iter_mut() {
            d.reserve(n);
        }
        self.digests.reserve(n);
    }

    /// Called when a file starts: indexes the hashes of every row loaded so far.
    pub(crate) fn index_earlier_rows(&mut self) {
        let new = &self.digests[self.indexed.min(self.digests.len())..];
        self.earlier.reserve(new.len());
        self.earlier.extend(new.iter().copied());
        self.indexed = self.digests.len();
    }

    pub fn push(&mut self, file: u16, kind: Kind, r: Row, digest: u128) {
        self.digests.push(digest);
        self.file.push(file);
        self.kind.push(kind);
        self.month.push(r.month);
        self.key.push(r.key);
        self.name.push(r.name);
        self.state.push(r.state);
        self.duplicate.push(r.duplicate);
        self.repeat.push(r.repeat);
        for (col, v) in self.dims.iter_mut().zip(r.dims) {
            col.push(v);
        }
        self.subscription.push(r.subscription);
        self.subscription_type.push(r.subscription_type);
        self.workload.push(r.workload);
        self.churn_risk.push(r.churn_risk);
        self.start.push(r.start);
        self.end.push(r.end);
        self.first_use.push(r.first_use);
        self.last_renewal.push(r.last_renewal);
        self.auto_renew.push(r.auto_renew);
        self.usage_quantity.push(r.usage_quantity);
        self.acr.push(r.acr);
        self.sold.push(r.sold);
        self.assigned.push(r.assigned);
        self.active_units.push(r.active_units);
        self.has_usage.push(r.has_usage);
        self.license_product.push(r.license_product);
    }

    /// Appends every row of `other` (a part of a file loaded apart, see `split`): its strings
    /// are interned here and its ids mapped to these. Rows identical to a row of an earlier
    /// file (this store's rows before `index_earlier_rows`) are flagged as repeats; returns how
    /// many were.
    pub fn append(&mut self, other: Store) -> u64 {
        let remap: Vec<u32> = other
            .strings
            .values
            .iter()
            .map(|s| self.strings.intern(s))
            .collect();
        let id = |v: &u32| match *v {
            NONE => NONE,
            v => remap.get(v as usize).copied().unwrap_or(NONE),
        };
        macro_rules! ids {
            ($($c:ident),*) => { $(self.$c.extend(other.$c.iter().map(id));)* };
        }
        id_columns!(ids);
        for (mine, theirs) in self.dims.iter_mut().zip(other.dims.iter()) {
            mine.extend(theirs.iter().map(id));
        }
        macro_rules! copy {
            ($($c:ident),*) => { $(self.$c.extend_from_slice(&other.$c);)* };
        }
        value_columns!(copy);
        let mut repeats = 0;
        for (was, digest) in other.repeat.iter().zip(&other.digests) {
            let repeat = *was || (!self.earlier.is_empty() && self.earlier.contains(digest));
            repeats += repeat as u64;
            self.repeat.push(repeat);
        }
        self.digests.extend_from_slice(&other.digests);
        repeats
    }
}
