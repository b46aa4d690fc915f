//! Header names: normalisation and the columns the engine reads (inputs.md "Decoding and
//! splitting" 4, schemas reference §8.2 aliases).

/// Lower case, spaces, `_` and `-` removed, and a trailing parenthesised part dropped, so
/// `PGA_MPNID`, `PGAMpnId` and `PGAMpnID` are the same column and `Month (Monat)` is `month`.
pub fn normalise(name: &str) -> String {
    let mut t = name
        .trim()
        .trim_start_matches('\u{feff}')
        .trim_matches('"')
        .trim();
    if t.ends_with(')') {
        if let Some(open) = t.rfind('(') {
            if open > 0 {
                t = t[..open].trim_end();
            }
        }
    }
    t.chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .flat_map(|c| c.to_lowercase())
        .collect()
}

/// A column the engine reads, whatever Partner Center version named it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Month,
    TenantId,
    Tpid,
    Name,
    CustomerStatus,
    SubscriptionState,
    Market,
    Segment,
    PartnerLocation,
    SalesChannel,
    PricingLevel,
    Attribution,
    Product,
    Sku,
    Duplicate,
    SubscriptionId,
    SubscriptionStart,
    SubscriptionEnd,
    FirstUse,
    AutoRenew,
    UsageQuantity,
    Acr,
    PaidUnits,
    MonthlyActiveUsers,
    AvailableSeats,
    AssignedSeats,
    ActiveSeats,
    LicensesSold,
    LicensesDeployed,
    LicensesQualified,
    LicensesActive,
    TotalSoldSeats,
    AvailableSeatsEop,
    TotalAssignedSeats,
    Workload,
    ChurnRisk,
    LastRenewal,
    SubscriptionType,
}

impl Role {
    pub const ALL: [Role; 38] = [
        Role::Month,
        Role::TenantId,
        Role::Tpid,
        Role::Name,
        Role::CustomerStatus,
        Role::SubscriptionState,
        Role::Market,
        Role::Segment,
        Role::PartnerLocation,
        Role::SalesChannel,
        Role::PricingLevel,
        Role::Attribution,
        Role::Product,
        Role::Sku,
        Role::Duplicate,
        Role::SubscriptionId,
        Role::SubscriptionStart,
        Role::SubscriptionEnd,
        Role::FirstUse,
        Role::AutoRenew,
        Role::UsageQuantity,
        Role::Acr,
        Role::PaidUnits,
        Role::MonthlyActiveUsers,
        Role::AvailableSeats,
        Role::AssignedSeats,
        Role::ActiveSeats,
        Role::LicensesSold,
        Role::LicensesDeployed,
        Role::LicensesQualified,
        Role::LicensesActive,
        Role::TotalSoldSeats,
        Role::AvailableSeatsEop,
        Role::TotalAssignedSeats,
        Role::Workload,
        Role::ChurnRisk,
        Role::LastRenewal,
        Role::SubscriptionType,
    ];

    /// Normalised header names for this role, first present wins. `json` adds the names of the
    /// older REST analytics answers, which only count in JSON (metrics.md §2 "serviceName in
    /// JSON answers only").
    pub fn aliases(self, json: bool) -> &'static [&'static str] {
        use Role::*;
        match (self, json) {
            (Month, false) => &["month", "monthkey", "datekey", "date"],
            (Month, true) => &[
                "month",
                "monthkey",
                "datekey",
                "date",
                "usagedate",
                "processeddatetime",
            ],
            (TenantId, false) => &["customertenantid", "tenantid"],
            (TenantId, true) => &["customertenantid", "tenantid", "customerid"],
            (Tpid, _) => &["customertpid"],
            (Name, _) => &["customername", "customertenantname", "accountname"],
            (CustomerStatus, _) => &["customerstatus"],
            (SubscriptionState, _) => &["subscriptionstate", "subscriptionstatus", "status"],
            (Market, _) => &["customermarket", "customertenantcountry", "customercountry"],
            (Segment, _) => &["customersegment"],
            (PartnerLocation, _) => &["partnerlocation", "partnerlocationid"],
            (SalesChannel, _) => &["saleschannel", "salesmodel", "channel"],
            (PricingLevel, _) => &[
                "pricinglevel",
                "summarypricinglevel",
                "reportingpricinglevel",
            ],
            (Attribution, _) => &[
                "partnerattributiontype",
                "partnerattachtype",
                "partnerassociationtype",
            ],
            (Product, false) => &["product", "productfamily"],
            (Product, true) => &["product", "productfamily", "servicename"],
            (Sku, _) => &["sku", "rawproductname", "productname", "offername"],
            (Duplicate, _) => &["isduplicaterowforpga", "isacrduplicateatpgalevel"],
            (SubscriptionId, false) => &["subscriptionid", "subscriptionguid"],
            (SubscriptionId, true) => &["subscriptionid", "subscriptionguid", "id"],
            (SubscriptionStart, _) => &[
                "subscriptionstartdate",
                "effectivestartdate",
                "creationdate",
            ],
            (SubscriptionEnd, _) => &[
                "subscriptionenddate",
                "commitmentenddate",
                "commitmentenddatetime",
            ],
            (FirstUse, _) => &["firstusedate"],
            (AutoRenew, _) => &["isautorenew", "autorenewenabled"],
            (UsageQuantity, false) => &["usagequantity"],
            (UsageQuantity, true) => &["usagequantity", "quantity"],
            (Acr, _) => &["acrusd", "totalacr", "monthlysubscriptionlevelacr"],
            (PaidUnits, _) => &["paidavailableunits"],
            (MonthlyActiveUsers, _) => &["monthlyactiveusers"],
            (AvailableSeats, _) => &["availableseats"],
            (AssignedSeats, _) => &["assignedseats"],
            (ActiveSeats, _) => &["activeseats"],
            (LicensesSold, _) => &["licensessold"],
            (LicensesDeployed, _) => &["licensesdeployed"],
            (LicensesQualified, _) => &["licensesqualified"],
            (LicensesActive, _) => &["licensesactive", "licenseactive"],
            (TotalSoldSeats, _) => &["totalsoldseats"],
            (AvailableSeatsEop, _) => &["availableseatseop"],
            (TotalAssignedSeats, _) => &["totalassignedseats"],
            (Workload, _) => &["workloadname", "workload"],
            (ChurnRisk, _) => &["churnrisk"],
            (LastRenewal, _) => &["lastrenewaldate"],
            (SubscriptionType, _) => &["subscriptiontype"],
        }
    }

    /// The name a partner knows the column by, for messages.
    pub fn display(self) -> &'static str {
        use Role::*;
        match self {
            Month => "Month",
            TenantId => "CustomerTenantId",
            Tpid => "CustomerTpid",
            Name => "CustomerName",
            CustomerStatus => "CustomerStatus",
            SubscriptionState => "SubscriptionState",
            Market => "CustomerMarket",
            Segment => "CustomerSegment",
            PartnerLocation => "PartnerLocation",
            SalesChannel => "SalesChannel",
            PricingLevel => "PricingLevel",
            Attribution => "PartnerAttributionType",
            Product => "Product",
            Sku => "SKU",
            Duplicate => "IsDuplicateRowForPGA",
            SubscriptionId => "SubscriptionId",
            SubscriptionStart => "SubscriptionStartDate",
            SubscriptionEnd => "SubscriptionEndDate",
            FirstUse => "FirstUseDate",
            AutoRenew => "IsAutoRenew",
            UsageQuantity => "UsageQuantity",
            Acr => "ACR_USD",
            PaidUnits => "PaidAvailableUnits",
            MonthlyActiveUsers => "MonthlyActiveUsers",
            AvailableSeats => "AvailableSeats",
            AssignedSeats => "AssignedSeats",
            ActiveSeats => "ActiveSeats",
            LicensesSold => "licensesSold",
            LicensesDeployed => "licensesDeployed",
            LicensesQualified => "licensesQualified",
            LicensesActive => "licensesActive",
            TotalSoldSeats => "TotalSoldSeats",
            AvailableSeatsEop => "AvailableSeatsEOP",
            TotalAssignedSeats => "TotalAssignedSeats",
            Workload => "WorkloadName",
            ChurnRisk => "churnRisk",
            LastRenewal => "lastRenewalDate",
            SubscriptionType => "subscriptionType",
        }
    }
}

/// Which column of a file plays each role (`None` where the file has none).
#[derive(Clone, Debug, Default)]
pub struct Columns {
    index: Vec<Option<usize>>,
}

impl Columns {
    pub fn resolve(normalised: &[String], json: bool) -> Columns {
        let index = Role::ALL
            .iter()
            .map(|role| {
                role.aliases(json)
                    .iter()
                    .find_map(|alias| normalised.iter().position(|n| n == alias))
            })
            .collect();
        Columns { index }
    }
    /// The column of `role` (`Role::ALL` is in declaration order, so the role is its own index:
    /// this runs for every cell of every row).
    #[inline]
    pub fn get(&self, role: Role) -> Option<usize> {
        self.index.get(role as usize).copied().flatten()
    }
    pub fn has(&self, role: Role) -> bool {
        self.get(role).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn every_role_is_at_its_own_index() {
        for (i, r) in Role::ALL.iter().enumerate() {
            assert_eq!(*r as usize, i, "{r:?}");
        }
    }
    #[test]
    fn normalises() {
        assert_eq!(normalise("PGA_MPNID"), "pgampnid");
        assert_eq!(normalise("PGAMpnId"), "pgampnid");
        assert_eq!(normalise("Month (Monat)"), "month");
        assert_eq!(
            normalise("\u{feff}\"Customer Tenant-Id\""),
            "customertenantid"
        );
        assert_eq!(normalise("ACR_USD"), "acrusd");
    }
    #[test]
    fn first_present_alias_wins() {
        let names: Vec<String> = ["productfamily", "product", "partnerlocationid"]
            .map(String::from)
            .to_vec();
        let c = Columns::resolve(&names, false);
        assert_eq!(c.get(Role::Product), Some(1));
        assert_eq!(c.get(Role::PartnerLocation), Some(2));
        assert_eq!(c.get(Role::Market), None);
        let json: Vec<String> = ["servicename", "id", "status"].map(String::from).to_vec();
        assert_eq!(Columns::resolve(&json, false).get(Role::Product), None);
        assert_eq!(Columns::resolve(&json, true).get(Role::Product), Some(0));
        assert_eq!(
            Columns::resolve(&json, true).get(Role::SubscriptionId),
            Some(1)
        );
    }
}
