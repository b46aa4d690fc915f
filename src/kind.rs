//! Report kinds, detected from the header and never from the file name (inputs.md "Report kinds").

use crate::header::{Columns, Role};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// CustomersAndTenants.
    Customers,
    /// SeatsSubscriptionsAndRevenue, and the JSON subscription answers.
    Subscriptions,
    /// AzureUsage, and the JSON Azure usage answers.
    AzureUsage,
    /// OfficeUsage / Microsoft 365 usage, EMSUsage, and the JSON licenses *usage* answers.
    LicenseUsage,
    /// DynamicsUsage, PowerBIUsage.
    SeatUsage,
    /// The JSON licenses *deployment* answers.
    LicenseDeployment,
}

impl Kind {
    /// Status reports: the customers, subscriptions and Azure usage reports (metrics.md §2).
    pub fn is_status(self) -> bool {
        matches!(
            self,
            Kind::Customers | Kind::Subscriptions | Kind::AzureUsage
        )
    }
    /// Reports that cover a month for usage (metrics.md §6 "Covered").
    pub fn is_usage(self) -> bool {
        matches!(
            self,
            Kind::AzureUsage | Kind::LicenseUsage | Kind::SeatUsage
        )
    }
    pub fn label(self) -> &'static str {
        match self {
            Kind::Customers => "customers",
            Kind::Subscriptions => "subscriptions",
            Kind::AzureUsage => "azure_usage",
            Kind::LicenseUsage => "license_usage",
            Kind::SeatUsage => "seat_usage",
            Kind::LicenseDeployment => "license_deployment",
        }
    }
}

fn any(names: &[String], wanted: &[&str]) -> bool {
    names.iter().any(|n| wanted.contains(&n.as_str()))
}

const AZURE: &[&str] = &[
    "usagequantity",
    "acrusd",
    "totalacr",
    "monthlysubscriptionlevelacr",
    "metercategory",
    "servicelevel1",
];
const LICENSE: &[&str] = &["workloadname", "paidavailableunits", "monthlyactiveusers"];
const SEATS: &[&str] = &[
    "activeseats",
    "assignedseats",
    "deploymentopportunity",
    "activeusagepercent",
];

/// Detects a TSV/CSV report kind from its normalised header names.
pub fn detect_table(names: &[String], cols: &Columns) -> Option<Kind> {
    if any(names, AZURE) {
        return Some(Kind::AzureUsage);
    }
    if any(names, LICENSE) {
        return Some(Kind::LicenseUsage);
    }
    if any(names, SEATS) {
        return Some(Kind::SeatUsage);
    }
    if cols.has(Role::SubscriptionId) && cols.has(Role::SubscriptionState) {
        return Some(Kind::Subscriptions);
    }
    let has_key = cols.has(Role::TenantId) || cols.has(Role::Tpid) || cols.has(Role::Name);
    if has_key
        && any(
            names,
            &[
                "customerstatus",
                "availableseats",
                "billedrevenueusd",
                "revenueusd",
            ],
        )
    {
        return Some(Kind::Customers);
    }
    None
}

/// Detects the kind of a JSON answer from its field names.
pub fn detect_json(names: &[String], cols: &Columns) -> Option<Kind> {
    if any(
        names,
        &["licensesactive", "licenseactive", "licensesqualified"],
    ) || (any(names, &["workloadname", "workloadcode"]) && !any(names, &["licensessold"]))
    {
        return Some(Kind::LicenseUsage);
    }
    if any(
        names,
        &[
            "licensesdeployed",
            "licensessold",
            "deploymentpercent",
            "prorateddeploymentpercent",
        ],
    ) {
        return Some(Kind::LicenseDeployment);
    }
    if any(
        names,
        &["usagedate", "metercategory", "usagequantity", "acrusd"],
    ) {
        return Some(Kind::AzureUsage);
    }
    if cols.has(Role::SubscriptionId) && cols.has(Role::SubscriptionState) {
        return Some(Kind::Subscriptions);
    }
    None
}

/// The message for a file that matches no kind: the columns it has and what each kind needs.
pub fn unknown_kind_message(columns: &[String]) -> String {
    let shown: Vec<&str> = columns.iter().take(12).map(String::as_str).collect();
    let more = if columns.len() > 12 {
        format!(" and {} more", columns.len() - 12)
    } else {
        String::new()
    };
    format!(
        "not a Partner Center report this app reads: its columns are {}{}. Needed: customers = a customer key \
         (CustomerTenantId, CustomerTpid or CustomerName) and CustomerStatus, AvailableSeats or BilledRevenueUSD; \
         subscriptions = SubscriptionId and SubscriptionState; Azure usage = UsageQuantity, ACR_USD, TotalACR, \
         MonthlySubscriptionLevelACR, MeterCategory or ServiceLevel1; license usage = WorkloadName, PaidAvailableUnits \
         or MonthlyActiveUsers; seat usage = ActiveSeats, AssignedSeats, DeploymentOpportunity or ActiveUsagePercent",
        if shown.is_empty() { "(none)".to_string() } else { shown.join(", ") },
        more
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::header::normalise;
    fn kind(header: &str) -> Option<Kind> {
        let names: Vec<String> = header.split(',').map(normalise).collect();
        detect_table(&names, &Columns::resolve(&names, false))
    }
    #[test]
    fn detects_each_kind() {
        assert_eq!(
            kind("CustomerTenantId,CustomerName,CustomerStatus,Month"),
            Some(Kind::Customers)
        );
        assert_eq!(
            kind("CustomerTenantId,SubscriptionGuid,CustomerStatus,Month"),
            Some(Kind::Customers)
        );
        assert_eq!(
            kind("SubscriptionId,SubscriptionState,month,CustomerTenantId,AvailableSeats"),
            Some(Kind::Subscriptions)
        );
        assert_eq!(
            kind("SubscriptionId,SubscriptionState,Month,UsageQuantity"),
            Some(Kind::AzureUsage)
        );
        assert_eq!(
            kind("CustomerTenantId,WorkloadName,Month,PaidAvailableUnits"),
            Some(Kind::LicenseUsage)
        );
        assert_eq!(
            kind(
                "SubscriptionId,SubscriptionStatus,Month,AvailableSeats,AssignedSeats,ActiveSeats"
            ),
            Some(Kind::SeatUsage)
        );
        assert_eq!(kind("Name,Value"), None);
    }
}
