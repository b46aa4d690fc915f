//! Azure subscriptions at risk at the end of the range, highest score first, each with its
//! reasons and numbers; and how well the rules would have predicted past churn.

use crate::format::percent;
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
            <h2>"Subscriptions at risk"</h2>
            <p class="hint">"Active Azure subscriptions at the end of the range. Scores combine: no usage in the last month (0.5), usage or ACR down by half against the three months before (0.4), term ending within 60 days with auto-renew off (0.4), suspended in the last three months (0.3). A churnRisk in the data is Partner Center's own and is shown as such."</p>
            {move || azure().map(|a| {
                if a.at_risk.is_empty() {
                    return view! { <p class="hint" data-at-risk="0">"No active Azure subscription shows a risk signal."</p> }.into_any();
                }
                view! {
                    <table class="grid" id="at-risk-table">
                        <thead><tr><th scope="col">"Subscription"</th><th scope="col">"Customer"</th><th scope="col" class="num">"Score"</th><th scope="col">"Why"</th><th scope="col">"Source"</th></tr></thead>
                        <tbody>
                            {a.at_risk.into_iter().map(|x| view! {
                                <tr data-subscription=x.subscription_id.clone()>
                                    <td class="mono">{x.subscription_id.clone()}</td>
                                    <td>{x.customer.clone()}</td>
                                    <td class="num">{format!("{:.2}", x.score)}</td>
                                    <td><ul class="reasons">{x.reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul></td>
                                    <td>{if x.source == "partner_center" { "Partner Center" } else { "Rules" }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            })}
            <h3>"How the rules did on the past"</h3>
            {move || azure().map(|a| {
                if a.at_risk_backtest.is_empty() {
                    return view! { <p class="hint">"Needs months with three covered months before them and one after."</p> }.into_any();
                }
                let total = a.at_risk_backtest_total.clone();
                view! {
                    {total.map(|t| view! {
                        <p class="backtest-summary">{format!(
                            "Over {} months: {} of {} flagged subscriptions churned the next month (precision {}); {} of {} churned subscriptions had been flagged (recall {}).",
                            t.months, t.flagged_and_churned, t.flagged, percent(t.precision_pct),
                            t.flagged_and_churned, t.churned_next_month, percent(t.recall_pct),
                        )}</p>
                    })}
                    <details>
                        <summary>"Per month"</summary>
                        <table class="grid">
                            <thead><tr><th scope="col">"Month"</th><th scope="col" class="num">"Flagged"</th><th scope="col" class="num">"Churned next month"</th><th scope="col" class="num">"Both"</th><th scope="col" class="num">"Precision"</th><th scope="col" class="num">"Recall"</th></tr></thead>
                            <tbody>
                                {a.at_risk_backtest.into_iter().map(|m| view! {
                                    <tr><td>{m.month.to_string()}</td><td class="num">{m.flagged}</td><td class="num">{m.churned_next_month}</td>
                                    <td class="num">{m.flagged_and_churned}</td><td class="num">{percent(m.precision_pct)}</td><td class="num">{percent(m.recall_pct)}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </details>
                }.into_any()
            })}
        </section>
    }
}
