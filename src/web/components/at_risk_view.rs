//! Azure subscriptions at risk at the end of the range, highest score first, each with its
//! reasons and numbers; and how well the rules would have predicted past churn.

use crate::format::{n, percent};
use crate::i18n::{month, msg, t, tf};
use crate::session::Session;
use leptos::prelude::*;

#[component]
pub fn AtRiskView(session: Session) -> impl IntoView {
    let azure = move || {
        session
            .report
            .with(|r| r.as_ref().and_then(|r| r.azure.clone()))
    };
    view! {
        <section class="card wide" id="at-risk">
            <h2>{t("Subscriptions at risk")}</h2>
            <p class="hint">{t("Active Azure subscriptions at the end of the range. Scores combine: no usage in the last month (0.5), usage or ACR down by half against the three months before (0.4), term ending within 60 days with auto-renew off (0.4), suspended in the last three months (0.3). A churnRisk in the data is Partner Center's own and is shown as such.")}</p>
            {move || azure().map(|a| {
                if a.at_risk.is_empty() {
                    return view! { <p class="hint" data-at-risk="0">{t("No active Azure subscription shows a risk signal.")}</p> }.into_any();
                }
                view! {
                    <table class="grid" id="at-risk-table">
                        <thead><tr><th scope="col">{t("Subscription")}</th><th scope="col">{t("Customer")}</th><th scope="col" class="num">{t("Score")}</th><th scope="col">{t("Why")}</th><th scope="col">{t("Source")}</th></tr></thead>
                        <tbody>
                            {a.at_risk.into_iter().map(|x| view! {
                                <tr data-subscription=x.subscription_id.clone()>
                                    <td class="mono">{x.subscription_id.clone()}</td>
                                    <td>{x.customer.clone()}</td>
                                    <td class="num">{crate::i18n::lang().number(x.score, 2)}</td>
                                    <td><ul class="reasons">{x.reasons.into_iter().map(|r| view! { <li data-reason=r.clone()>{msg(&r)}</li> }).collect_view()}</ul></td>
                                    <td>{if x.source == "partner_center" { t("Partner Center") } else { t("Rules") }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            })}
            <h3>{t("How the rules did on the past")}</h3>
            {move || azure().map(|a| {
                if a.at_risk_backtest.is_empty() {
                    return view! { <p class="hint">{t("Needs months with three covered months before them and one after.")}</p> }.into_any();
                }
                let total = a.at_risk_backtest_total.clone();
                view! {
                    {total.map(|x| view! {
                        <p class="backtest-summary">{tf(
                            "Over {} months: {} of {} flagged subscriptions churned the next month (precision {}); {} of {} churned subscriptions had been flagged (recall {}).",
                            &[&n(x.months), &n(x.flagged_and_churned), &n(x.flagged), &percent(x.precision_pct),
                            &n(x.flagged_and_churned), &n(x.churned_next_month), &percent(x.recall_pct)],
                        )}</p>
                    })}
                    <details>
                        <summary>{t("Per month")}</summary>
                        <table class="grid">
                            <thead><tr><th scope="col">{t("Month")}</th><th scope="col" class="num">{t("Flagged")}</th><th scope="col" class="num">{t("Churned next month")}</th><th scope="col" class="num">{t("Both")}</th><th scope="col" class="num">{t("Precision")}</th><th scope="col" class="num">{t("Recall")}</th></tr></thead>
                            <tbody>
                                {a.at_risk_backtest.into_iter().map(|m| view! {
                                    <tr><td>{month(m.month)}</td><td class="num">{n(m.flagged)}</td><td class="num">{n(m.churned_next_month)}</td>
                                    <td class="num">{n(m.flagged_and_churned)}</td><td class="num">{percent(m.precision_pct)}</td><td class="num">{percent(m.recall_pct)}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </details>
                }.into_any()
            })}
        </section>
    }
}
