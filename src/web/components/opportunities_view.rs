//! Where to act: customers by unassigned licenses (activation) and by assigned but inactive
//! licenses (adoption), with the suggested next step.

use crate::format::count;
use crate::i18n::{t, tf};
use crate::session::Session;
use leptos::prelude::*;
use partnerlens::metrics::licenses::opportunities::{ACTIVATION_STEP, ADOPTION_STEP};

#[component]
pub fn OpportunitiesView(session: Session) -> impl IntoView {
    let opp = move || {
        session.report.with(|r| {
            r.as_ref()
                .and_then(|r| r.licenses.as_ref())
                .map(|l| l.opportunities.clone())
        })
    };
    let list = move |activation: bool| {
        opp().map(|o| {
            let v = if activation { o.activation } else { o.adoption };
            if v.is_empty() {
                return view! { <p class="hint">{if activation { t("No customer has unassigned licenses (or sold is unknown).") } else { t("No customer has inactive licenses (or active is unknown).") }}</p> }.into_any();
            }
            view! {
                <ol class="opportunities" data-opportunities=if activation { "activation" } else { "adoption" }>
                    {v.into_iter().take(10).map(|x| view! {
                        <li><strong>{x.customer}</strong>" · "{tf(if activation { "{} unassigned" } else { "{} inactive" }, &[&count(Some(x.licenses.round() as i64))])}</li>
                    }).collect_view()}
                </ol>
            }.into_any()
        })
    };
    view! {
        <section class="card" id="activation">
            <h2>{t("Activation: licenses not assigned")}</h2>
            <p class="next-step">{t(ACTIVATION_STEP)}</p>
            {move || list(true)}
        </section>
        <section class="card" id="adoption">
            <h2>{t("Adoption: licenses not used")}</h2>
            <p class="next-step">{t(ADOPTION_STEP)}</p>
            {move || list(false)}
        </section>
    }
}
