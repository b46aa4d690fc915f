//! Customers by product, with the SKU breakdown (metrics.md §2 "Distributions", `product` and
//! `sku`).

use super::distribution::{count_values, distribution, ValueCount};
use crate::facts::Facts;
use crate::month::Month;
use crate::store::{Dim, Store};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ProductCustomers {
    pub product: String,
    pub customers: u64,
    /// Keys per SKU within the product, only from rows whose file has a SKU column.
    pub skus: Vec<SkuCustomers>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SkuCustomers {
    pub sku: String,
    pub customers: u64,
}

/// The `product` distribution at `m`, each product with its SKU distribution.
pub fn by_product(store: &Store, facts: &Facts, m: Month) -> Vec<ProductCustomers> {
    let skus = facts.index(m).map(|i| facts.skus(i)).unwrap_or(&[]);
    distribution(store, facts, m, Dim::Product)
        .into_iter()
        .map(
            |ValueCount {
                 value, customers, ..
             }| {
                // The product's id (labels and ids are one to one in the dictionary).
                let id = store.strings.id(&value);
                let rows = skus.iter().filter(|(p, _, _)| Some(*p) == id);
                ProductCustomers {
                    skus: count_values(store, rows.map(|(_, s, _)| *s))
                        .into_iter()
                        .map(|c| SkuCustomers {
                            sku: c.value,
                            customers: c.customers,
                        })
                        .collect(),
                    product: value,
                    customers,
                }
            },
        )
        .collect()
}
