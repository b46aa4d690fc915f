//! The page's language: English, Swedish, Dutch or French, following the browser with a switch
//! in the header (remembered in this browser). Labels are looked up by their English text;
//! one not in the table yet shows in English.

use partnerlens::locale::Lang;
use std::cell::Cell;

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

const KEY: &str = "partnerlens.lang";

pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// Sets the language for what renders next, and `<html lang>`.
pub fn set(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// The saved choice, else the browser's language.
pub fn initial() -> Lang {
    let window = web_sys::window();
    let saved = window
        .as_ref()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(KEY).ok().flatten());
    match saved {
        Some(code) => Lang::from_tag(&code),
        None => Lang::from_tag(
            &window
                .and_then(|w| w.navigator().language())
                .unwrap_or_default(),
        ),
    }
}

pub fn remember(lang: Lang) {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(KEY, lang.code());
    }
}

/// `en` in the current language. Partner Center's own wording where it has one (its Insights
/// pages in Swedish, Dutch and French).
pub fn t(en: &'static str) -> &'static str {
    let [sv, nl, fr] = match en {
        "Partner Center analytics from your report downloads, computed in your browser." => [
            "Partner Center-analys från dina nedladdade rapporter, beräknad i din webbläsare.",
            "Partner Center-analyses uit uw gedownloade rapporten, berekend in uw browser.",
            "Analyses Espace partenaires à partir de vos rapports téléchargés, calculées dans votre navigateur.",
        ],
        "Customers" => ["Kunder", "Klanten", "Clients"],
        "Azure & subscriptions" => ["Azure och prenumerationer", "Azure en abonnementen", "Azure et abonnements"],
        "Licenses" => ["Licenser", "Licenties", "Licences"],
        "Theme" => ["Tema", "Thema", "Thème"],
        "Language" => ["Språk", "Taal", "Langue"],
        "Auto (system)" => ["Auto (system)", "Automatisch (systeem)", "Auto (système)"],
        "Light" => ["Ljust", "Licht", "Clair"],
        "Dark" => ["Mörkt", "Donker", "Sombre"],
        "Drop Partner Center report files here" => [
            "Släpp rapportfiler från Partner Center här",
            "Zet Partner Center-rapportbestanden hier neer",
            "Déposez ici les fichiers de rapport de l'Espace partenaires",
        ],
        "Files are read in this browser and never sent anywhere." => [
            "Filerna läses i den här webbläsaren och skickas aldrig någonstans.",
            "Bestanden worden in deze browser gelezen en nooit verzonden.",
            "Les fichiers sont lus dans ce navigateur et ne sont jamais envoyés.",
        ],
        "Choose files…" => ["Välj filer…", "Bestanden kiezen…", "Choisir des fichiers…"],
        "Load sample data" => ["Läs in exempeldata", "Voorbeeldgegevens laden", "Charger les données d'exemple"],
        "Clear" => ["Rensa", "Wissen", "Effacer"],
        "Remember my files in this browser" => [
            "Kom ihåg mina filer i den här webbläsaren",
            "Mijn bestanden in deze browser onthouden",
            "Mémoriser mes fichiers dans ce navigateur",
        ],
        "Forget everything" => ["Glöm allt", "Alles vergeten", "Tout oublier"],
        "Nothing ever leaves this browser" => [
            "Inget lämnar någonsin den här webbläsaren",
            "Er verlaat nooit iets deze browser",
            "Rien ne quitte jamais ce navigateur",
        ],
        "Download report (JSON)" => ["Ladda ned rapport (JSON)", "Rapport downloaden (JSON)", "Télécharger le rapport (JSON)"],
        "Print all dashboards" => ["Skriv ut alla instrumentpaneler", "Alle dashboards afdrukken", "Imprimer tous les tableaux de bord"],
        "Months" => ["Månader", "Maanden", "Mois"],
        "to" => ["till", "tot", "à"],
        "6 months" => ["6 månader", "6 maanden", "6 mois"],
        "12 months" => ["12 månader", "12 maanden", "12 mois"],
        "24 months" => ["24 månader", "24 maanden", "24 mois"],
        "All" => ["Alla", "Alle", "Tout"],
        "Market" => ["Marknad", "Markt", "Marché"],
        "Segment" => ["Segment", "Segment", "Segment"],
        "Product" => ["Produkt", "Product", "Produit"],
        "Attribution" => ["Attribuering", "Toeschrijving", "Attribution"],
        "Clear filters" => ["Rensa filter", "Filters wissen", "Effacer les filtres"],
        "Active customers" => ["Aktiva kunder", "Actieve klanten", "Clients actifs"],
        "Customers added" => ["Tillagda kunder", "Toegevoegde klanten", "Clients ajoutés"],
        "Customers churned" => ["Förlorade kunder", "Verloren klanten", "Clients perdus"],
        "Net customers added" => ["Netto tillagda kunder", "Netto toegevoegde klanten", "Clients ajoutés nets"],
        "change" => ["förändring", "verandering", "évolution"],
        "vs. previous period" => ["jämfört med föregående period", "t.o.v. vorige periode", "par rapport à la période précédente"],
        "churn rate" => ["omsättningshastighet", "verloop", "taux d'attrition"],
        "Customer adds and churns" => ["Tillagda och förlorade kunder", "Toegevoegde en verloren klanten", "Clients ajoutés et perdus"],
        "New" => ["Nya", "Nieuw", "Nouveaux"],
        "Existing" => ["Befintliga", "Bestaand", "Existants"],
        "Churned" => ["Förlorade", "Verloren", "Perdus"],
        _ => return en,
    };
    match lang() {
        Lang::En => en,
        Lang::Sv => sv,
        Lang::Nl => nl,
        Lang::Fr => fr,
    }
}
