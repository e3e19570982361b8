//! UI text in Swedish (default) and English. One `Texts` struct with a constant per
//! language: a string missing in either language is a compile error.

use samverkan_model::store::StoreError;
use samverkan_model::{ActorKind, Level, Problem, Reason};

/// The UI language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Sv,
    En,
}

impl Lang {
    /// The BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// Reads `sv` / `en`.
    pub fn parse(tag: &str) -> Option<Lang> {
        match tag.trim().to_ascii_lowercase().as_str() {
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language, for the switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::Sv => Lang::En,
            Lang::En => Lang::Sv,
        }
    }

    /// The texts of this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Sv => &SV,
            Lang::En => &EN,
        }
    }
}

/// Every UI string. Plain strings for labels; functions for text with values in it.
pub struct Texts {
    pub language_name: &'static str,
    pub switch_language: &'static str,
    pub tagline: &'static str,
    pub maps: &'static str,
    pub new_map: &'static str,
    pub untitled_map: &'static str,
    pub open_map: fn(&str) -> String,
    pub rename: &'static str,
    pub rename_map: fn(&str) -> String,
    pub duplicate: &'static str,
    pub duplicate_map: fn(&str) -> String,
    pub copy_of: fn(&str) -> String,
    pub delete: &'static str,
    pub delete_map: fn(&str) -> String,
    pub confirm_delete_map: fn(&str) -> String,
    pub cancel: &'static str,
    pub save: &'static str,
    pub close: &'static str,
    pub map_title: &'static str,
    pub actors_count: fn(usize) -> String,
    pub no_maps: &'static str,
    pub no_map_open: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub export_json: &'static str,
    pub import: &'static str,
    pub import_file: &'static str,
    pub add_actor: &'static str,
    pub add_actor_placeholder: &'static str,
    pub add_actor_hint: &'static str,
    pub tab_table: &'static str,
    pub tab_map: &'static str,
    pub tab_grid: &'static str,
    pub tab_council: &'static str,
    pub grid_title: &'static str,
    pub keep_satisfied: &'static str,
    pub manage_closely: &'static str,
    pub keep_informed: &'static str,
    pub monitor: &'static str,
    pub grid_hint: &'static str,
    pub grid_actor_label: fn(&str, i64, i64, i64) -> String,
    pub usage_in_memory: &'static str,
    pub export_all: &'static str,
    pub paste_json: &'static str,
    pub paste_json_label: &'static str,
    pub import_pasted: &'static str,
    pub drop_here: &'static str,
    pub views: &'static str,
    pub name: &'static str,
    pub kind: &'static str,
    pub sector: &'static str,
    pub level: &'static str,
    pub municipality: &'static str,
    pub influence: &'static str,
    pub interest: &'static str,
    pub attitude: &'static str,
    pub actions: &'static str,
    pub no_sector: &'static str,
    pub no_actors: &'static str,
    pub field_of: fn(&str, &str) -> String,
    pub delete_actor: fn(&str) -> String,
    pub actor_removed: fn(&str, usize, bool, usize) -> String,
    pub confirm_remove_used_actor: fn(&str, bool, usize) -> String,
    pub sector_label: fn(&str) -> &'static str,
    pub kind_label: fn(ActorKind) -> &'static str,
    pub level_label: fn(Level) -> &'static str,
    pub saved: &'static str,
    pub saving: &'static str,
    pub not_saved: &'static str,
    pub storage_unavailable: &'static str,
    pub quota_exceeded: &'static str,
    pub save_failed: fn(&str) -> String,
    pub not_read_back: &'static str,
    pub unreadable_stored_map: fn(&str) -> String,
    pub unreadable_kept_in_place: &'static str,
    pub download_backup: &'static str,
    pub conflict: &'static str,
    pub load_other_tab: &'static str,
    pub keep_mine_as_copy: &'static str,
    pub updated_from_other_tab: &'static str,
    pub usage: fn(f64) -> String,
    pub usage_warning: fn(f64) -> String,
    pub export_now: &'static str,
    pub dismiss: &'static str,
    pub notices: &'static str,
    pub import_failed: fn(&str, usize) -> String,
    pub more_problems: fn(usize) -> String,
    pub imported: fn(&str) -> String,
    pub import_same_id: fn(&str) -> String,
    pub replace: &'static str,
    pub keep_both: &'static str,
    pub positions_repaired: fn(usize) -> String,
    pub map_deleted: fn(&str) -> String,
    pub reason: fn(&Reason) -> String,
}

impl Texts {
    /// A problem as `path: reason`, in this language.
    pub fn problem(&self, problem: &Problem) -> String {
        let reason = (self.reason)(&problem.reason);
        if problem.path.is_empty() {
            reason
        } else {
            format!("{}: {reason}", problem.path)
        }
    }

    /// A storage error in this language.
    pub fn store_error(&self, error: &StoreError) -> String {
        match error {
            StoreError::Quota => self.quota_exceeded.to_owned(),
            StoreError::Unavailable(why) | StoreError::Other(why) => (self.save_failed)(why),
        }
    }
}

pub static SV: Texts = Texts {
    language_name: "Svenska",
    switch_language: "English",
    tagline: "Aktörskarta och kompetensråd",
    maps: "Kartor",
    new_map: "Ny karta",
    untitled_map: "Namnlös karta",
    open_map: |t| format!("Öppna {t}"),
    rename: "Byt namn",
    rename_map: |t| format!("Byt namn på {t}"),
    duplicate: "Duplicera",
    duplicate_map: |t| format!("Duplicera {t}"),
    copy_of: |t| format!("{t} (kopia)"),
    delete: "Ta bort",
    delete_map: |t| format!("Ta bort {t}"),
    confirm_delete_map: |t| format!("Ta bort kartan ”{t}”? Du kan ångra direkt efteråt."),
    cancel: "Avbryt",
    save: "Spara",
    close: "Stäng",
    map_title: "Kartans namn",
    actors_count: |n| if n == 1 { "1 aktör".into() } else { format!("{n} aktörer") },
    no_maps: "Inga kartor än. Skapa en ny karta för att börja.",
    no_map_open: "Ingen karta öppen. Välj en karta i listan eller skapa en ny.",
    undo: "Ångra",
    redo: "Gör om",
    export_json: "Exportera JSON",
    import: "Importera",
    import_file: "Importfil",
    add_actor: "Lägg till aktör",
    add_actor_placeholder: "Skriv ett namn och tryck Enter",
    add_actor_hint: "Klistra in flera rader för att lägga till flera aktörer på en gång.",
    tab_table: "Tabell",
    tab_map: "Karta",
    tab_grid: "Rutnät",
    tab_council: "Kompetensråd",
    grid_title: "Makt–intresse-rutnät",
    keep_satisfied: "Håll nöjd",
    manage_closely: "Samarbeta nära",
    keep_informed: "Håll informerad",
    monitor: "Bevaka",
    grid_hint: "Dra en aktör för att ändra inflytande och intresse, eller markera den och använd piltangenterna.",
    grid_actor_label: |n, inf, int, att| format!("{n}: inflytande {inf}, intresse {int}, inställning {att:+}"),
    usage_in_memory: "Arbetar i minnet – inget sparas",
    export_all: "Exportera alla kartor",
    paste_json: "Klistra in JSON",
    paste_json_label: "JSON att importera",
    import_pasted: "Importera inklistrat",
    drop_here: "Släpp filen för att importera den",
    views: "Vyer",
    name: "Namn",
    kind: "Typ",
    sector: "Sektor",
    level: "Nivå",
    municipality: "Kommun",
    influence: "Inflytande",
    interest: "Intresse",
    attitude: "Inställning",
    actions: "Åtgärder",
    no_sector: "Ingen sektor",
    no_actors: "Inga aktörer än. Skriv ett namn i rutan ovan och tryck Enter.",
    field_of: |field, actor| format!("{field} för {actor}"),
    delete_actor: |a| format!("Ta bort {a}"),
    actor_removed: |a, relations, member, actions| {
        let mut text = format!("”{a}” togs bort");
        if relations > 0 {
            text += &format!(", med {relations} relation(er)");
        }
        if member {
            text += ", och ur kompetensrådet";
        }
        if actions > 0 {
            text += &format!(", och ur {actions} åtgärd(er)");
        }
        text + ". Ångra med Ctrl+Z."
    },
    confirm_remove_used_actor: |a, member, actions| {
        let mut uses = Vec::new();
        if member {
            uses.push("sitter i kompetensrådet".to_owned());
        }
        if actions > 0 {
            uses.push(format!("har roller i {actions} åtgärd(er)"));
        }
        format!("”{a}” {}. Ta bort ändå?", uses.join(" och "))
    },
    sector_label: |id| match id {
        "public_sector" => "Offentlig sektor",
        "business" => "Näringsliv",
        "education" => "Utbildning",
        "labour_market" => "Arbetsmarknad",
        "civil_society" => "Civilsamhälle",
        "culture" => "Kultur och kreativa näringar",
        "public_health" => "Folkhälsa och vård",
        "research" => "Forskning och innovation",
        "tourism" => "Turism",
        "transport" => "Transporter",
        _ => "",
    },
    kind_label: |k| match k {
        ActorKind::Organisation => "Organisation",
        ActorKind::Person => "Person",
        ActorKind::Network => "Nätverk/forum",
        ActorKind::Project => "Projekt",
    },
    level_label: |l| match l {
        Level::Local => "Lokal",
        Level::Regional => "Regional",
        Level::National => "Nationell",
        Level::International => "Internationell",
    },
    saved: "Sparat",
    saving: "Sparar …",
    not_saved: "Inte sparat",
    storage_unavailable: "Webbläsarens lagring går inte att använda (privat läge?). Du kan arbeta vidare, men inget sparas när fliken stängs – exportera innan dess.",
    quota_exceeded: "Lagringen är full: ändringen kunde inte sparas. Den finns kvar i fliken. Exportera kartan nu och ta bort kartor du inte behöver.",
    save_failed: |why| format!("Det gick inte att spara: {why}. Ändringen finns kvar i fliken; exportera kartan för säkerhets skull."),
    not_read_back: "Det sparade gick inte att läsa tillbaka likadant. Ändringen finns kvar i fliken; exportera kartan för säkerhets skull.",
    unreadable_stored_map: |why| format!("En sparad karta kunde inte läsas ({why}). Den är kvar som säkerhetskopia och har inte skrivits över."),
    unreadable_kept_in_place: "Säkerhetskopian kunde inte skapas, så datan ligger orörd kvar på sin plats.",
    download_backup: "Ladda ned säkerhetskopian",
    conflict: "Kartan har ändrats i en annan flik. Dina ändringar här har inte sparats, för att inte skriva över den andra fliken.",
    load_other_tab: "Visa den andra flikens version",
    keep_mine_as_copy: "Spara mina ändringar som kopia",
    updated_from_other_tab: "Kartan uppdaterades med ändringar från en annan flik.",
    usage: |pct| format!("Lagring: {pct:.0} % använt"),
    usage_warning: |pct| format!("Lagringen är {pct:.0} % full. Exportera och ta bort kartor du inte behöver."),
    export_now: "Exportera nu",
    dismiss: "Stäng meddelandet",
    notices: "Meddelanden",
    import_failed: |file, n| format!("”{file}” kunde inte importeras ({n} problem). Inget har ändrats."),
    more_problems: |n| format!("… och {n} problem till."),
    imported: |t| format!("”{t}” importerades som en ny karta."),
    import_same_id: |t| format!("Kartan ”{t}” finns redan. Ersätta den eller behålla båda?"),
    replace: "Ersätt",
    keep_both: "Behåll båda",
    positions_repaired: |n| format!("{n} aktör(er) hade ogiltiga positioner som nollställdes."),
    map_deleted: |t| format!("Kartan ”{t}” togs bort."),
    reason: |r| match r {
        Reason::Empty => "filen är tom".into(),
        Reason::NotJson(why) => format!("inte giltig JSON ({why})"),
        Reason::TooDeep => "för djupt nästlad".into(),
        Reason::TooLarge { bytes, limit } => format!("{} MiB är större än gränsen {} MiB", bytes / 1_048_576, limit / 1_048_576),
        Reason::NotSamverkan => "inte en Samverkan-fil (\"format\" ska vara \"samverkan\")".into(),
        Reason::MissingVersion => "formatversion saknas".into(),
        Reason::NewerVersion { found, supported } => format!("gjord i en nyare Samverkan (formatversion {found}; den här läser upp till {supported})"),
        Reason::WrongType(why) => format!("fel typ eller värde ({why})"),
        Reason::EmptyName => "får inte vara tomt".into(),
        Reason::DuplicateId(id) => format!("id ”{id}” används mer än en gång"),
        Reason::UnknownActor(id) => format!("ingen aktör med id ”{id}”"),
        Reason::UnknownSector(id) => format!("ingen sektor med id ”{id}”"),
        Reason::UnknownGoal(id) => format!("inget mål med id ”{id}”"),
        Reason::OutOfRange { value, min, max } => format!("{value} ligger utanför {min}..{max}"),
        Reason::SelfRelation => "en relation måste gå mellan två olika aktörer".into(),
        Reason::BadColor(c) => format!("”{c}” är ingen färg på formen #RRGGBB"),
        Reason::DuplicateMember(id) => format!("aktören ”{id}” är medlem två gånger"),
    },
};

pub static EN: Texts = Texts {
    language_name: "English",
    switch_language: "Svenska",
    tagline: "Stakeholder map and competence council",
    maps: "Maps",
    new_map: "New map",
    untitled_map: "Untitled map",
    open_map: |t| format!("Open {t}"),
    rename: "Rename",
    rename_map: |t| format!("Rename {t}"),
    duplicate: "Duplicate",
    duplicate_map: |t| format!("Duplicate {t}"),
    copy_of: |t| format!("{t} (copy)"),
    delete: "Delete",
    delete_map: |t| format!("Delete {t}"),
    confirm_delete_map: |t| format!("Delete the map “{t}”? You can undo right after."),
    cancel: "Cancel",
    save: "Save",
    close: "Close",
    map_title: "Map title",
    actors_count: |n| if n == 1 { "1 actor".into() } else { format!("{n} actors") },
    no_maps: "No maps yet. Create a new map to begin.",
    no_map_open: "No map is open. Pick one from the list or create a new map.",
    undo: "Undo",
    redo: "Redo",
    export_json: "Export JSON",
    import: "Import",
    import_file: "Import file",
    add_actor: "Add actor",
    add_actor_placeholder: "Type a name and press Enter",
    add_actor_hint: "Paste several lines to add several actors at once.",
    tab_table: "Table",
    tab_map: "Map",
    tab_grid: "Grid",
    tab_council: "Council",
    grid_title: "Power–interest grid",
    keep_satisfied: "Keep satisfied",
    manage_closely: "Manage closely",
    keep_informed: "Keep informed",
    monitor: "Monitor",
    grid_hint: "Drag an actor to change its influence and interest, or focus it and use the arrow keys.",
    grid_actor_label: |n, inf, int, att| format!("{n}: influence {inf}, interest {int}, attitude {att:+}"),
    usage_in_memory: "Working in memory: nothing is saved",
    export_all: "Export all maps",
    paste_json: "Paste JSON",
    paste_json_label: "JSON to import",
    import_pasted: "Import pasted text",
    drop_here: "Drop the file to import it",
    views: "Views",
    name: "Name",
    kind: "Kind",
    sector: "Sector",
    level: "Level",
    municipality: "Municipality",
    influence: "Influence",
    interest: "Interest",
    attitude: "Attitude",
    actions: "Actions",
    no_sector: "No sector",
    no_actors: "No actors yet. Type a name in the box above and press Enter.",
    field_of: |field, actor| format!("{field} of {actor}"),
    delete_actor: |a| format!("Delete {a}"),
    actor_removed: |a, relations, member, actions| {
        let mut text = format!("“{a}” was deleted");
        if relations > 0 {
            text += &format!(", with {relations} relation(s)");
        }
        if member {
            text += ", and from the competence council";
        }
        if actions > 0 {
            text += &format!(", and from {actions} action(s)");
        }
        text + ". Undo with Ctrl+Z."
    },
    confirm_remove_used_actor: |a, member, actions| {
        let mut uses = Vec::new();
        if member {
            uses.push("sits in the competence council".to_owned());
        }
        if actions > 0 {
            uses.push(format!("holds roles in {actions} action(s)"));
        }
        format!("“{a}” {}. Delete anyway?", uses.join(" and "))
    },
    sector_label: |id| match id {
        "public_sector" => "Public sector",
        "business" => "Business",
        "education" => "Education",
        "labour_market" => "Labour market",
        "civil_society" => "Civil society",
        "culture" => "Culture & creative industries",
        "public_health" => "Public health & care",
        "research" => "Research & innovation",
        "tourism" => "Tourism",
        "transport" => "Transport",
        _ => "",
    },
    kind_label: |k| match k {
        ActorKind::Organisation => "Organisation",
        ActorKind::Person => "Person",
        ActorKind::Network => "Network/forum",
        ActorKind::Project => "Project",
    },
    level_label: |l| match l {
        Level::Local => "Local",
        Level::Regional => "Regional",
        Level::National => "National",
        Level::International => "International",
    },
    saved: "Saved",
    saving: "Saving …",
    not_saved: "Not saved",
    storage_unavailable: "The browser's storage cannot be used (private mode?). You can keep working, but nothing is kept when the tab closes: export before then.",
    quota_exceeded: "Storage is full: the change could not be saved. It is still here in this tab. Export the map now and delete maps you no longer need.",
    save_failed: |why| format!("Could not save: {why}. The change is still here in this tab; export the map to be safe."),
    not_read_back: "What was saved did not read back the same. The change is still here in this tab; export the map to be safe.",
    unreadable_stored_map: |why| format!("A stored map could not be read ({why}). It is kept as a backup and has not been overwritten."),
    unreadable_kept_in_place: "The backup could not be written, so the data was left untouched where it was.",
    download_backup: "Download the backup",
    conflict: "This map was changed in another tab. Your changes here were not saved, so as not to overwrite the other tab.",
    load_other_tab: "Show the other tab's version",
    keep_mine_as_copy: "Save my changes as a copy",
    updated_from_other_tab: "The map was updated with changes from another tab.",
    usage: |pct| format!("Storage: {pct:.0} % used"),
    usage_warning: |pct| format!("Storage is {pct:.0} % full. Export and delete maps you no longer need."),
    export_now: "Export now",
    dismiss: "Dismiss message",
    notices: "Messages",
    import_failed: |file, n| format!("“{file}” could not be imported ({n} problem(s)). Nothing was changed."),
    more_problems: |n| format!("… and {n} more problem(s)."),
    imported: |t| format!("“{t}” was imported as a new map."),
    import_same_id: |t| format!("The map “{t}” already exists. Replace it or keep both?"),
    replace: "Replace",
    keep_both: "Keep both",
    positions_repaired: |n| format!("{n} actor(s) had invalid positions, which were reset."),
    map_deleted: |t| format!("The map “{t}” was deleted."),
    reason: |r| r.to_string(),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_sector_has_a_label_in_both_languages() {
        for (id, _) in samverkan_model::sector::DEFAULT_SECTORS {
            assert!(!(SV.sector_label)(id).is_empty(), "sv {id}");
            assert!(!(EN.sector_label)(id).is_empty(), "en {id}");
        }
    }

    #[test]
    fn fixed_english_names_are_exact() {
        assert_eq!(EN.new_map, "New map");
        assert_eq!(EN.export_json, "Export JSON");
        assert_eq!(EN.import_file, "Import file");
        assert_eq!(EN.add_actor, "Add actor");
    }
}
