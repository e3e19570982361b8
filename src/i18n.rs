//! UI text in Swedish (default) and English. One `Texts` struct with a constant per
//! language: a string missing in either language is a compile error.

use crate::share_link::LinkError;
use chrono::{NaiveDate, NaiveTime};
use samverkan_model::analysis::ActionFlag;
use samverkan_model::arrange::Arrangement;
use samverkan_model::engagement::{ContactBand, InteractionKind};
use samverkan_model::formats::report::{Outcome, Part, Place};
use samverkan_model::merge::Counts as MergeCounts;
use samverkan_model::privacy::Profile;
use samverkan_model::salience::{Ring, SalienceClass};
use samverkan_model::store::StoreError;
use samverkan_model::{ActionStatus, ActorKind, CouncilRole, Gender, Level, Problem, Reason};

/// Where an import's outcome happened: `rows 2, 4, 9` (the first 12 of many, then the
/// count) and JSON paths; empty for the file as a whole.
fn places_text(places: &[&Place], row: &str, rows: &str) -> String {
    const LISTED: usize = 12;
    let lines: Vec<usize> = places
        .iter()
        .filter_map(|p| match p {
            Place::Line(n) if *n > 0 => Some(*n),
            _ => None,
        })
        .collect();
    let paths: Vec<&str> = places
        .iter()
        .filter_map(|p| match p {
            Place::Path(path) => Some(path.as_str()),
            Place::Line(_) => None,
        })
        .collect();
    let list = |items: Vec<String>| {
        let more = items.len().saturating_sub(LISTED);
        let mut text = items
            .into_iter()
            .take(LISTED)
            .collect::<Vec<_>>()
            .join(", ");
        if more > 0 {
            text.push_str(&format!(" … (+{more})"));
        }
        text
    };
    let mut parts = Vec::new();
    if !lines.is_empty() {
        let word = if lines.len() == 1 { row } else { rows };
        parts.push(format!(
            "{word} {}",
            list(lines.iter().map(usize::to_string).collect())
        ));
    }
    if !paths.is_empty() {
        parts.push(list(paths.into_iter().map(str::to_owned).collect()));
    }
    parts.join("; ")
}

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

    /// The language for a browser whose preferences are `preferences` (`navigator.languages`,
    /// most wanted first): Swedish when the first Nordic or English one is Swedish, else English.
    pub fn from_browser(preferences: &[String]) -> Lang {
        const NORDIC_OR_ENGLISH: [&str; 8] = ["sv", "en", "da", "nb", "nn", "no", "fi", "is"];
        let primary = |tag: &String| {
            tag.split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase()
        };
        match preferences
            .iter()
            .map(primary)
            .find(|p| NORDIC_OR_ENGLISH.contains(&p.as_str()))
        {
            Some(p) if p == "sv" => Lang::Sv,
            _ => Lang::En,
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
    pub loading: &'static str,
    pub part_missing: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub export_json: &'static str,
    pub import: &'static str,
    pub import_file: &'static str,
    pub add_actor: &'static str,
    pub add_actor_placeholder: &'static str,
    pub add_actor_hint: &'static str,
    pub tab_table: &'static str,
    pub network_title: &'static str,
    pub network_hint: &'static str,
    pub network_actor_label: fn(&str, Option<i64>) -> String,
    pub map_tools: &'static str,
    pub filter: &'static str,
    pub neighbourhood: &'static str,
    pub neighbourhood_hint: &'static str,
    pub export_picture: &'static str,
    pub find_actor: &'static str,
    pub filter_sector: &'static str,
    pub filter_level: &'static str,
    pub filter_tag: &'static str,
    pub all_sectors: &'static str,
    pub all_levels: &'static str,
    pub all_tags: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub fit_to_screen: &'static str,
    pub rearrange: &'static str,
    pub layout: &'static str,
    pub arrangement_label: fn(Arrangement) -> &'static str,
    pub neighbourhood_depth: &'static str,
    pub depth_label: fn(usize) -> String,
    pub only_neighbourhood: &'static str,
    pub link_to: &'static str,
    pub link_hint: &'static str,
    pub link_no_match: &'static str,
    pub legend: &'static str,
    pub relation_kind_label: fn(samverkan_model::RelationKind) -> &'static str,
    pub close_panel: &'static str,
    pub edit: &'static str,
    pub short_name: &'static str,
    pub salience: &'static str,
    pub power: &'static str,
    pub legitimacy: &'static str,
    pub urgency: &'static str,
    pub tags: &'static str,
    pub notes: &'static str,
    pub contacts: &'static str,
    pub contact_name: &'static str,
    pub contact_role: &'static str,
    pub contact_email: &'static str,
    pub contact_phone: &'static str,
    pub send_email: &'static str,
    pub add_contact: &'static str,
    pub remove_contact: &'static str,
    pub relations: &'static str,
    pub relation_hint: &'static str,
    pub relation_kind: &'static str,
    pub strength: &'static str,
    pub directed: &'static str,
    pub note: &'static str,
    pub delete_relation: &'static str,
    pub sectors: &'static str,
    pub select_actor_hint: &'static str,
    pub colour_of: fn(&str) -> String,
    pub name_of_sector: fn(&str) -> String,
    pub add_sector: &'static str,
    pub new_sector: &'static str,
    pub edit_actor: fn(&str) -> String,
    pub council_name: &'static str,
    pub export_graphml: &'static str,
    pub more_formats: &'static str,
    pub export_actors_csv: &'static str,
    pub export_relations_csv: &'static str,
    pub import_actors_csv: &'static str,
    pub import_relations_csv: &'static str,
    pub import_kumu: &'static str,
    // The summary of an import of another tool's file.
    pub import_summary: &'static str,
    pub download_summary: &'static str,
    pub summary_file: fn(&str) -> String,
    pub import_summary_headline: fn(&str, usize, usize, usize, usize) -> String,
    pub import_outcome: fn(&Outcome) -> String,
    pub import_places: fn(&[&Place]) -> String,
    pub kumu_maps: &'static str,
    pub save_assessment: &'static str,
    pub assessment_label: fn(NaiveDate) -> String,
    pub compare_with: &'static str,
    pub compare_with_none: &'static str,
    pub moved_up: &'static str,
    pub moved_down: &'static str,
    pub attitude_up: &'static str,
    pub attitude_down: &'static str,
    pub nothing_moved: &'static str,
    pub colour_by: &'static str,
    pub colour_by_sector: &'static str,
    pub colour_by_community: &'static str,
    pub resolution: &'static str,
    pub community: &'static str,
    pub community_label: fn(usize) -> String,
    pub community_alone: &'static str,
    pub salient_actors_missing: &'static str,
    pub brokers_missing: &'static str,
    // Salience (Mitchell, Agle & Wood) and the onion.
    pub salience_class: &'static str,
    pub salience_class_label: fn(SalienceClass) -> &'static str,
    pub ring_label: fn(Ring) -> &'static str,
    pub tab_onion: &'static str,
    pub onion_title: &'static str,
    pub onion_hint: &'static str,
    // What if an actor left.
    pub what_if_removed: &'static str,
    pub what_if_title: fn(&str) -> String,
    pub what_if_parts: fn(usize, usize) -> String,
    pub what_if_cut_off: fn(usize) -> String,
    pub what_if_nobody_cut_off: &'static str,
    pub what_if_risers: &'static str,
    pub what_if_no_risers: &'static str,
    pub import_preview: &'static str,
    pub import_preview_hint: fn(&str) -> String,
    pub column_meaning: fn(&str) -> String,
    pub kept_in_notes: &'static str,
    pub import_rows: &'static str,
    pub use_kumu_view: fn(&str) -> String,
    pub kumu_view_state: fn(bool, usize) -> String,
    pub filter_actors: &'static str,
    pub columns: &'static str,
    pub delete_selected: fn(usize) -> String,
    pub select_all: &'static str,
    pub select_actor: fn(&str) -> String,
    pub analysis: &'static str,
    pub top_brokers: &'static str,
    pub brokers_hint: &'static str,
    pub without_relations: &'static str,
    pub by_sector: &'static str,
    pub by_level: &'static str,
    pub all_metrics: &'static str,
    pub degree: &'static str,
    pub betweenness: &'static str,
    pub export_svg: &'static str,
    pub export_png: &'static str,
    pub projection_mode: &'static str,
    pub exit_projection: &'static str,
    pub open_projector: &'static str,
    pub export_calendar: &'static str,
    pub print_plan: &'static str,
    pub mandate: &'static str,
    pub members: &'static str,
    pub add_member: &'static str,
    pub add_member_placeholder: &'static str,
    pub actor: &'static str,
    pub representative: &'static str,
    pub gender: &'static str,
    pub role: &'static str,
    pub gender_label: fn(Gender) -> &'static str,
    pub role_label: fn(CouncilRole) -> &'static str,
    pub remove_member: fn(&str) -> String,
    pub coverage: &'static str,
    pub covered: &'static str,
    pub not_covered: &'static str,
    pub required_sectors: &'static str,
    pub municipalities_covered: fn(usize, usize, &str) -> String,
    pub gender_balance: fn(&str, &str, usize, usize, bool) -> String,
    pub key_actors_missing: &'static str,
    pub add_to_council: fn(&str) -> String,
    pub add: &'static str,
    pub meeting_when: fn(NaiveDate, NaiveTime, u32) -> String,
    pub meetings: &'static str,
    pub add_meeting: &'static str,
    pub date_time: &'static str,
    pub duration_minutes: &'static str,
    pub place: &'static str,
    pub agenda: &'static str,
    pub export_meeting: &'static str,
    pub goals: &'static str,
    pub new_goal: &'static str,
    pub add_goal: &'static str,
    pub goal: &'static str,
    pub indicator: &'static str,
    pub target_date: &'static str,
    pub no_goal: &'static str,
    pub no_responsible: &'static str,
    pub timeline: &'static str,
    pub action_plan: &'static str,
    pub add_action: &'static str,
    pub new_action: &'static str,
    pub group_by: &'static str,
    pub by_goal: &'static str,
    pub by_responsible: &'static str,
    pub action_title: &'static str,
    pub status: &'static str,
    pub status_label: fn(ActionStatus) -> &'static str,
    pub delete_action: &'static str,
    pub action_flag: fn(ActionFlag) -> &'static str,
    pub responsible: &'static str,
    pub accountable: &'static str,
    pub consulted: &'static str,
    pub informed: &'static str,
    pub add_tag: &'static str,
    pub remove_tag: fn(&str) -> String,
    pub add_to_list: fn(&str) -> String,
    pub remove_from_list: fn(&str, &str) -> String,
    pub search_actor: &'static str,
    pub start: &'static str,
    pub due: &'static str,
    pub tab_map: &'static str,
    pub tab_grid: &'static str,
    pub tab_council: &'static str,
    pub grid_title: &'static str,
    pub keep_satisfied: &'static str,
    pub manage_closely: &'static str,
    pub keep_informed: &'static str,
    pub monitor: &'static str,
    pub grid_hint: &'static str,
    pub grid_actor_label: fn(&str, i64, i64, Option<i64>) -> String,
    // Actors whose influence or interest is not rated yet, listed beside the grid.
    pub not_yet_placed: &'static str,
    pub not_yet_placed_hint: &'static str,
    pub not_rated: &'static str,
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
    // The actions table and its help overlay.
    pub action_focus_add_actor: &'static str,
    pub action_delete_selected: &'static str,
    pub action_clear_selection: &'static str,
    pub action_link_selected: &'static str,
    pub keyboard_shortcuts: &'static str,
    pub close_help: &'static str,
    pub key_shift: &'static str,
    pub key_delete: &'static str,
    pub help_link_actors: &'static str,
    pub help_link_keys: &'static str,
    // Quick add's word on hints it could not use.
    pub hints_not_understood: fn(&str) -> String,
    pub hints_kept_as_tags: fn(&str) -> String,
    // Side columns that can be hidden to give the canvas room.
    pub hide_map_list: &'static str,
    pub show_map_list: &'static str,
    pub hide_side_panel: &'static str,
    pub show_side_panel: &'static str,
    pub bottom_bar: &'static str,
    pub maps_sheet: &'static str,
    pub menu_sheet: &'static str,
    pub details_sheet: &'static str,
    pub link: &'static str,
    pub remove: &'static str,
    pub actions_of: fn(&str) -> String,
    pub pick_link_end: fn(&str) -> String,
    pub actor_context: fn(&str, usize) -> String,
    pub reset_zoom: &'static str,
    // The council's gender balance before there is anything to judge.
    pub no_members_yet: &'static str,
    pub gender_not_given: fn(usize) -> String,
    // Sharing: export profiles, share links, merging breakout groups' files.
    pub share_heading: &'static str,
    pub export_profile: &'static str,
    pub profile_label: fn(Profile) -> &'static str,
    pub profile_help: fn(Profile) -> &'static str,
    pub made_with_profile: fn(&str, Profile) -> String,
    pub share_link: &'static str,
    pub share_link_making: &'static str,
    pub share_link_ready: &'static str,
    pub share_link_copied: &'static str,
    pub share_link_too_long: fn(usize) -> String,
    pub share_link_failed: &'static str,
    pub share_link_error: fn(LinkError) -> &'static str,
    pub shared_map: &'static str,
    pub shared_map_holds: fn(&str, usize, usize) -> String,
    pub open_shared_map: &'static str,
    pub merge_into_map: &'static str,
    pub merge_file: &'static str,
    pub merge_hint: &'static str,
    pub merge_title: &'static str,
    pub merge_counts: fn(&MergeCounts) -> String,
    pub merge_conflicts: fn(usize) -> String,
    pub keep_mine: &'static str,
    pub take_theirs: &'static str,
    pub merge_confirm: &'static str,
    pub merged: fn(&MergeCounts) -> String,
    pub yes: &'static str,
    pub no: &'static str,
    // The engagement log.
    pub tab_engagement: &'static str,
    pub log_interaction: &'static str,
    pub interaction_kind_label: fn(InteractionKind) -> &'static str,
    pub interaction_date: &'static str,
    pub interaction_kind: &'static str,
    pub interaction_actors: &'static str,
    pub more_actors: &'static str,
    pub remove_actor_from: fn(&str) -> String,
    pub summary: &'static str,
    pub needs: &'static str,
    pub needs_hint: &'static str,
    pub follow_up: &'static str,
    pub follow_up_due: &'static str,
    pub follow_ups: &'static str,
    pub no_follow_ups: &'static str,
    pub overdue: &'static str,
    pub not_heard_from: &'static str,
    pub not_heard_hint: fn(u32) -> String,
    pub period_months: fn(u32) -> String,
    pub period: &'static str,
    pub last_met: fn(Option<NaiveDate>) -> String,
    pub everyone_heard: &'static str,
    pub needs_raised: &'static str,
    pub search_needs: &'static str,
    pub no_needs: &'static str,
    pub interactions: &'static str,
    pub no_interactions: &'static str,
    pub filter_actor: &'static str,
    pub all_kinds: &'static str,
    pub date_from: &'static str,
    pub date_to: &'static str,
    pub sort_by: fn(&str) -> String,
    pub export_interactions_csv: &'static str,
    pub invitations: &'static str,
    pub invite_matching: &'static str,
    pub attended: fn(&str) -> String,
    pub invited_count: fn(usize, usize) -> String,
    pub export_invitations: &'static str,
    pub delete_interaction: fn(NaiveDate) -> String,
    pub edit_interaction: fn(NaiveDate) -> String,
    pub colour_by_last_contact: &'static str,
    pub contact_band: fn(ContactBand) -> &'static str,
    pub shown_of: fn(usize, usize) -> String,
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

    /// A field of the file format (`short_name`, `strength`) by its name in this language;
    /// a field without one keeps its own.
    pub fn field_name(&self, field: &str) -> String {
        match field {
            "name" => self.name,
            "short_name" => self.short_name,
            "kind" => self.kind,
            "sector" => self.sector,
            "level" => self.level,
            "municipality" => self.municipality,
            "influence" => self.influence,
            "interest" => self.interest,
            "attitude" => self.attitude,
            "salience" => self.salience,
            "power" => self.power,
            "legitimacy" => self.legitimacy,
            "urgency" => self.urgency,
            "tags" => self.tags,
            "notes" | "note" => self.notes,
            "strength" => self.strength,
            "directed" => self.directed,
            other => other,
        }
        .to_owned()
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
    loading: "Laddar …",
    part_missing: "Den här delen av appen gick inte att hämta. Kontrollera nätverket och ladda om sidan; dina kartor finns kvar.",
    undo: "Ångra",
    redo: "Gör om",
    export_json: "Exportera JSON",
    import: "Importera",
    import_file: "Importfil",
    add_actor: "Lägg till aktör",
    add_actor_placeholder: "Namn + Enter",
    add_actor_hint: "Snabbkoder: #sektor @kommun !inflytande ?intresse +2/−1 inställning %typ ^nivå, t.ex. ”Region Jönköping #offentlig @Jönköping !5”. Klistra in flera rader för flera aktörer.",
    tab_table: "Tabell",
    network_title: "Nätverkskarta",
    network_hint: "Dra aktörer för att flytta dem (de stannar där). Dra i bakgrunden för att panorera, scrolla för att zooma. Klicka på en aktör och skift-klicka på en annan för att koppla ihop dem. Pekskärm: två fingrar zoomar, ett långt tryck på en aktör visar vad du kan göra med den.",
    network_actor_label: |n, inf| match inf {
        Some(inf) => format!("{n}, inflytande {inf}"),
        None => format!("{n}, inflytande ej bedömt"),
    },
    map_tools: "Kartverktyg",
    filter: "Filter",
    neighbourhood: "Grannskap",
    neighbourhood_hint: "Gäller när en aktör är vald.",
    export_picture: "Exportera bild",
    find_actor: "Hitta aktör",
    filter_sector: "Filtrera på sektor",
    filter_level: "Filtrera på nivå",
    filter_tag: "Filtrera på tagg",
    all_sectors: "Alla sektorer",
    all_levels: "Alla nivåer",
    all_tags: "Alla taggar",
    zoom_in: "Zooma in",
    zoom_out: "Zooma ut",
    fit_to_screen: "Visa allt",
    rearrange: "Ordna om",
    layout: "Layout",
    arrangement_label: |a| match a {
        Arrangement::Force => "Kraftlayout",
        Arrangement::BySector => "Efter sektor",
        Arrangement::Circle => "Cirkel",
        Arrangement::Rings => "Ringar efter inflytande",
    },
    neighbourhood_depth: "Grannskapsdjup",
    depth_label: |d| match d {
        1 => "1 steg".to_owned(),
        d => format!("{d} steg"),
    },
    only_neighbourhood: "Bara grannskapet",
    link_to: "Länka till",
    link_hint: "Skriv en del av ett namn. Enter länkar, Tab byter relationstyp, Esc stänger.",
    link_no_match: "Ingen aktör matchar.",
    legend: "Teckenförklaring",
    relation_kind_label: |k| match k {
        samverkan_model::RelationKind::Collaboration => "Samarbete",
        samverkan_model::RelationKind::Funding => "Finansiering",
        samverkan_model::RelationKind::Membership => "Medlemskap",
        samverkan_model::RelationKind::Information => "Information",
        samverkan_model::RelationKind::Agreement => "Avtal",
        samverkan_model::RelationKind::Tension => "Spänning",
    },
    close_panel: "Stäng panelen",
    edit: "Redigera",
    short_name: "Kortnamn",
    salience: "Påverkansfaktorer",
    power: "Makt",
    legitimacy: "Legitimitet",
    urgency: "Angelägenhet",
    tags: "Taggar",
    notes: "Anteckningar",
    contacts: "Kontaktpersoner",
    contact_name: "Namn",
    contact_role: "Roll",
    contact_email: "E-post",
    contact_phone: "Telefon",
    send_email: "Skicka e-post",
    add_contact: "Lägg till kontaktperson",
    remove_contact: "Ta bort kontaktperson",
    relations: "Relationer",
    relation_hint: "Nya relationer: välj aktören på kartan och skift-klicka på en annan.",
    relation_kind: "Relationstyp",
    strength: "Styrka",
    directed: "Riktad",
    note: "Anteckning",
    delete_relation: "Ta bort relationen",
    sectors: "Sektorer",
    select_actor_hint: "Välj en aktör för att redigera den. Här kan du byta namn och färg på kartans sektorer.",
    colour_of: |s| format!("Färg för {s}"),
    name_of_sector: |s| format!("Namn på sektorn {s}"),
    add_sector: "Lägg till sektor",
    new_sector: "Ny sektor",
    edit_actor: |a| format!("Redigera {a}"),
    council_name: "Rådets namn",
    export_graphml: "Exportera GraphML",
    more_formats: "Fler format",
    export_actors_csv: "Exportera aktörer (CSV)",
    export_relations_csv: "Exportera relationer (CSV)",
    import_actors_csv: "Importera aktörer (CSV)",
    import_relations_csv: "Importera relationer (CSV)",
    import_kumu: "Importera från Kumu (JSON eller CSV)",
    import_summary: "Importsammanfattning",
    download_summary: "Ladda ner sammanfattningen",
    summary_file: |stem| format!("{stem}-importsammanfattning.txt"),
    import_summary_headline: |file, actors, relations, skipped, changed| {
        let mut added = Vec::new();
        if actors > 0 {
            added.push(if actors == 1 { "1 aktör".to_owned() } else { format!("{actors} aktörer") });
        }
        if relations > 0 {
            added.push(if relations == 1 { "1 relation".to_owned() } else { format!("{relations} relationer") });
        }
        let mut text = if added.is_empty() {
            format!("Inget från ”{file}” lades till")
        } else {
            format!("{} från ”{file}” lades till", added.join(" och "))
        };
        if skipped > 0 {
            text.push_str(&format!("; {skipped} utelämnades"));
        }
        if changed > 0 {
            text.push_str(&format!("; {changed} ändrades"));
        }
        text + "."
    },
    import_outcome: |outcome| match outcome {
        Outcome::Skipped(Reason::UnknownActor(name)) => {
            format!("utelämnad: ingen aktör ”{name}” i kartan eller filen")
        }
        Outcome::Skipped(reason) => format!("utelämnad: {}", (SV.reason)(reason)),
        Outcome::KeptAsTag { column, value } => format!("{column} ”{value}” sparades som tagg"),
        Outcome::KeptInNote { column, value } => {
            format!("{column} ”{value}” sparades i anteckningen")
        }
        Outcome::NotRead { column, reason } => {
            format!("{column}: värdet lästes inte ({})", (SV.reason)(reason))
        }
        Outcome::Scaled { column, max } => format!("{column} räknades om från 1–{max} till 1–5"),
        Outcome::NotImported { part: Part::Loop, name } => {
            format!("Kumu-slingan ”{name}” importerades inte (kartan har inga slingor)")
        }
        Outcome::NotImported { part: Part::View, name } => {
            format!("Kumu-kartan ”{name}” gav inte positionerna (välj den nedan)")
        }
        Outcome::ColumnInNotes(column) => {
            format!("kolumnen ”{column}” sparades i anteckningarna")
        }
        Outcome::ActorsFromEnds(n) => format!("{n} aktörer skapades från relationernas ändar"),
    },
    import_places: |places| places_text(places, "rad", "rader"),
    kumu_maps: "Kartor i Kumu-filen",
    save_assessment: "Spara bedömning",
    assessment_label: |d| format!("Bedömning {d}"),
    compare_with: "Jämför med",
    compare_with_none: "Jämför med: ingen",
    moved_up: "Högre inflytande:",
    moved_down: "Lägre inflytande:",
    attitude_up: "Mer positiva:",
    attitude_down: "Mer negativa:",
    nothing_moved: "Ingen har flyttat sedan dess.",
    colour_by: "Färga efter",
    colour_by_sector: "Sektor",
    colour_by_community: "Grupp",
    resolution: "Upplösning",
    community: "Grupp",
    community_label: |n| format!("Grupp {n}"),
    community_alone: "Ensam i sin grupp",
    salient_actors_missing: "Definitiva och dominanta aktörer utanför rådet",
    brokers_missing: "Viktiga brobyggare (högst mellanhandscentralitet) utanför rådet",
    salience_class: "Salienstyp",
    salience_class_label: |c| match c {
        SalienceClass::Definitive => "Definitiv",
        SalienceClass::Dominant => "Dominant",
        SalienceClass::Dangerous => "Farlig",
        SalienceClass::Dependent => "Beroende",
        SalienceClass::Dormant => "Vilande",
        SalienceClass::Discretionary => "Diskretionär",
        SalienceClass::Demanding => "Krävande",
        SalienceClass::None => "Ingen",
    },
    ring_label: |r| match r {
        Ring::Definitive => "Definitiva (makt, legitimitet och brådska)",
        Ring::Expectant => "Förväntande (två av tre)",
        Ring::Latent => "Latenta (en av tre)",
        Ring::NonStakeholder => "Utan salienssignal",
    },
    tab_onion: "Lök",
    onion_title: "Löken: aktörer efter salienstyp",
    onion_hint: "Salienstyp efter Mitchell, Agle och Wood: makt, legitimitet och brådska sätts i sidopanelen eller med *plu i snabbinmatningen.",
    what_if_removed: "Tänk om de försvann",
    what_if_title: |names| format!("Tänk om {names} försvann"),
    what_if_parts: |before, after| format!("Sammanhängande delar: {before} före, {after} efter."),
    what_if_cut_off: |n| if n == 1 { "1 aktör blir avskuren:".into() } else { format!("{n} aktörer blir avskurna:") },
    what_if_nobody_cut_off: "Ingen blir avskuren.",
    what_if_risers: "Störst ökning i mellanhandscentralitet:",
    what_if_no_risers: "Ingen annan aktör blir viktigare som mellanhand.",
    import_preview: "Förhandsvisning av importen",
    import_preview_hint: |file| format!("Så här läses kolumnerna i ”{file}”. Ändra en kolumns betydelse om den blev fel; kolumner som inte läses sparas i anteckningarna."),
    column_meaning: |header| format!("Betydelse för ”{header}”"),
    kept_in_notes: "Sparas i anteckningarna",
    import_rows: "Importera raderna",
    use_kumu_view: |name| format!("Använd positionerna från ”{name}”"),
    kumu_view_state: |used, placed| {
        let placed = if placed == 1 { "1 aktör".to_owned() } else { format!("{placed} aktörer") };
        if used { format!("används nu ({placed})") } else { format!("placerar {placed}") }
    },
    filter_actors: "Filtrera aktörer",
    columns: "Kolumner",
    delete_selected: |n| format!("Ta bort markerade ({n})"),
    select_all: "Markera alla som visas",
    select_actor: |a| format!("Markera {a}"),
    analysis: "Analys",
    top_brokers: "Viktigaste brobyggarna",
    brokers_hint: "Mellanhandscentralitet 0–1: andel kortaste vägar mellan andra aktörer som går via aktören.",
    without_relations: "Aktörer utan relationer",
    by_sector: "Antal per sektor",
    by_level: "Antal per nivå",
    all_metrics: "Alla aktörers nätverksmått",
    degree: "Grad",
    betweenness: "Mellanhand",
    export_svg: "Exportera SVG",
    export_png: "Exportera PNG",
    projection_mode: "Projektorläge",
    exit_projection: "Avsluta projektorläge",
    open_projector: "Öppna projektorfönster",
    export_calendar: "Exportera kalender",
    print_plan: "Skriv ut planen",
    mandate: "Syfte och uppdrag",
    members: "Ledamöter",
    add_member: "Lägg till ledamot",
    add_member_placeholder: "Skriv en aktörs namn …",
    actor: "Aktör",
    representative: "Representant",
    gender: "Kön",
    role: "Roll",
    gender_label: |g| match g {
        Gender::Woman => "Kvinna",
        Gender::Man => "Man",
        Gender::Other => "Annat",
        Gender::Unspecified => "Ej angivet",
    },
    role_label: |r| match r {
        CouncilRole::Chair => "Ordförande",
        CouncilRole::ViceChair => "Vice ordförande",
        CouncilRole::Member => "Ledamot",
        CouncilRole::Secretary => "Sekreterare",
        CouncilRole::CoOpted => "Adjungerad",
    },
    remove_member: |a| format!("Ta bort {a} ur rådet"),
    coverage: "Täckning",
    covered: "täckt",
    not_covered: "saknas i rådet",
    required_sectors: "Krav på representation",
    municipalities_covered: |n, of, missing| if missing.is_empty() { format!("Kommuner: {n} av {of} representerade.") } else { format!("Kommuner: {n} av {of} representerade. Saknas: {missing}.") },
    gender_balance: |w, m, other, unspecified, ok| format!("Könsfördelning: kvinnor {w}, män {m}, annat {other}, ej angivet {unspecified}. {}", if ok { "Inom 40–60 %." } else { "Utanför 40–60 %!" }),
    key_actors_missing: "Nyckelaktörer utanför rådet (inflytande och intresse ≥ 4)",
    add_to_council: |a| format!("Lägg till {a} i rådet"),
    add: "Lägg till",
    meeting_when: |d, time, week| {
        const DAYS: [&str; 7] = ["mån", "tis", "ons", "tor", "fre", "lör", "sön"];
        const MONTHS: [&str; 12] = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
        use chrono::Datelike;
        format!("{} {} {} {} kl. {} (v. {week})", DAYS[d.weekday().num_days_from_monday() as usize], d.day(), MONTHS[d.month0() as usize], d.year(), time.format("%H.%M"))
    },
    meetings: "Möten",
    add_meeting: "Lägg till möte",
    date_time: "Datum och tid",
    duration_minutes: "Längd (minuter)",
    place: "Plats",
    agenda: "Dagordning (en punkt per rad)",
    export_meeting: "Exportera mötet (.ics)",
    goals: "Resultatmål",
    new_goal: "Nytt mål",
    add_goal: "Lägg till mål",
    goal: "Mål",
    indicator: "Indikator",
    target_date: "Måldatum",
    no_goal: "Utan mål",
    no_responsible: "Utan ansvarig",
    timeline: "Tidslinje",
    action_plan: "Handlingsplan",
    add_action: "Lägg till åtgärd",
    new_action: "Ny åtgärd",
    group_by: "Visa",
    by_goal: "Per mål",
    by_responsible: "Per ansvarig",
    action_title: "Åtgärd",
    status: "Status",
    status_label: |s| match s {
        ActionStatus::Planned => "Planerad",
        ActionStatus::InProgress => "Pågår",
        ActionStatus::Done => "Klar",
        ActionStatus::Blocked => "Blockerad",
    },
    delete_action: "Ta bort åtgärden",
    action_flag: |f| match f {
        ActionFlag::Overdue => "Försenad: slutdatum har passerat",
        ActionFlag::NoResponsible => "Ingen ansvarig (R)",
        ActionFlag::NoAccountable => "Ingen beslutande (A)",
    },
    responsible: "Ansvarig (R)",
    accountable: "Beslutande (A)",
    consulted: "Rådfrågas (C)",
    informed: "Informeras (I)",
    add_tag: "Lägg till tagg",
    remove_tag: |tag| format!("Ta bort taggen {tag}"),
    add_to_list: |list| format!("Lägg till: {list}"),
    remove_from_list: |actor, list| format!("Ta bort {actor} från {list}"),
    search_actor: "Sök aktör …",
    start: "Start",
    due: "Klart senast",
    tab_map: "Karta",
    tab_grid: "Rutnät",
    tab_council: "Kompetensråd",
    grid_title: "Makt–intresse-rutnät",
    keep_satisfied: "Håll nöjd",
    manage_closely: "Samarbeta nära",
    keep_informed: "Håll informerad",
    monitor: "Bevaka",
    grid_hint: "Dra en aktör för att ändra inflytande och intresse, eller markera den och använd Skift och piltangenterna. Piltangenterna går mellan aktörerna; två fingrar zoomar.",
    grid_actor_label: |n, inf, int, att| match att {
        Some(att) => format!("{n}: inflytande {inf}, intresse {int}, inställning {att:+}"),
        None => format!("{n}: inflytande {inf}, intresse {int}, inställning ej bedömd"),
    },
    not_yet_placed: "Ännu inte placerade",
    not_yet_placed_hint: "Inflytande eller intresse är inte bedömt. Dra en aktör till rutnätet, eller välj den och ange värdena.",
    not_rated: "–",
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
    reason: |r| {
        use samverkan_model::{Expected, Found, JsonError};
        fn expected(e: &Expected) -> String {
            match e {
                Expected::WholeNumber => "ett heltal".into(),
                Expected::Count => "ett heltal från 0 och uppåt".into(),
                Expected::Number => "ett tal".into(),
                Expected::Coordinate { limit } => format!("en position mellan −{limit} och {limit}"),
                Expected::Text => "en text".into(),
                Expected::Bool => "ja eller nej".into(),
                Expected::List => "en lista".into(),
                Expected::Object => "ett objekt".into(),
                Expected::Date => "ett datum (ÅÅÅÅ-MM-DD)".into(),
                Expected::DateTime => "datum och tid (ÅÅÅÅ-MM-DDTtt:mm:ss)".into(),
                Expected::Other => "ett annat slags värde".into(),
            }
        }
        fn found(f: &Found) -> String {
            match f {
                Found::Text(t) => format!("text ”{t}”"),
                Found::Number(n) => format!("talet {}", n.replace('-', "−")),
                Found::Bool(true) => "sant (true)".into(),
                Found::Bool(false) => "falskt (false)".into(),
                Found::Null => "inget värde (null)".into(),
                Found::List => "en lista".into(),
                Found::Object => "ett objekt".into(),
            }
        }
        fn json(kind: &JsonError) -> &'static str {
            match kind {
                JsonError::Eof => "filen tar slut mitt i",
                JsonError::KeyNotText => "inte giltig JSON: en nyckel måste vara en text inom citattecken",
                JsonError::ExpectedValue => "inte giltig JSON: här borde ett värde stå",
                JsonError::ExpectedColon => "inte giltig JSON: ”:” saknas efter en nyckel",
                JsonError::ExpectedComma => "inte giltig JSON: ”,” eller slutet på listan eller objektet saknas",
                JsonError::TrailingComma => "inte giltig JSON: ett ”,” för mycket före slutet på en lista eller ett objekt",
                JsonError::TrailingCharacters => "inte giltig JSON: mer text efter slutet",
                JsonError::BadNumber => "inte giltig JSON: ett tal som inte går att läsa",
                JsonError::BadText => "inte giltig JSON: en text med felaktigt escape-tecken eller ett styrtecken",
                JsonError::Other => "inte giltig JSON",
            }
        }
        match r {
            Reason::Empty => "filen är tom".into(),
            Reason::NotJson { line, column, kind } => format!("{} (rad {line}, kolumn {column})", json(kind)),
            Reason::TooDeep => "för djupt nästlad".into(),
            Reason::TooLarge { bytes, limit } => format!("{} MiB är större än gränsen {} MiB", bytes / 1_048_576, limit / 1_048_576),
            Reason::NotSamverkan => "inte en Samverkan-fil (\"format\" ska vara \"samverkan\")".into(),
            Reason::NotKumu => "inte en Kumu-fil (listan ”elements” eller ”connections” saknas)".into(),
            Reason::MissingVersion => "formatversion saknas".into(),
            Reason::NewerVersion { found, supported } => format!("gjord i en nyare Samverkan (formatversion {found}; den här läser upp till {supported})"),
            Reason::WrongType { expected: e, found: Some(f) } => format!("väntade {}, fick {}", expected(e), found(f)),
            Reason::WrongType { expected: e, found: None } => format!("väntade {}", expected(e)),
            Reason::UnknownValue { value, allowed } => format!("okänt värde ”{value}”; tillåtna: {}", allowed.join(", ")),
            Reason::MissingField(field) => format!("fältet ”{field}” saknas"),
            Reason::MissingColumn(column) => format!("kolumnen ”{column}” saknas"),
            Reason::DuplicateColumn { column, first } => format!("kolumnen ”{column}” upprepar kolumnen ”{first}”"),
            Reason::TooManyCells { cells, columns } => format!("raden har {cells} celler men rubrikraden har {columns} kolumner; står ett värde med avgränsaren i utan citattecken?"),
            Reason::BadCsv { line } => format!("går inte att läsa som CSV (rad {line})"),
            Reason::BadDate(text) => format!("”{text}” är inget datum"),
            Reason::AmbiguousActor { name, count } => format!("namnet ”{name}” passar {count} aktörer; använd id i stället"),
            Reason::AmbiguousSector { name, count } => format!("sektorn ”{name}” passar {count} sektorer; använd sektorns id"),
            Reason::EmptyName => "får inte vara tomt".into(),
            Reason::DuplicateId(id) => format!("id ”{id}” används mer än en gång"),
            Reason::UnknownActor(id) => format!("ingen aktör med id ”{id}”"),
            Reason::UnknownSector(id) => format!("ingen sektor med id ”{id}”"),
            Reason::UnknownGoal(id) => format!("inget mål med id ”{id}”"),
            Reason::OutOfRange { value, min, max } => format!("{value} ligger utanför {min}..{max}"),
            Reason::SelfRelation => "en relation måste gå mellan två olika aktörer".into(),
            Reason::BadColor(c) => format!("”{c}” är ingen färg på formen #RRGGBB"),
            Reason::DuplicateMember(id) => format!("aktören ”{id}” är medlem två gånger"),
        }
    },
    action_focus_add_actor: "Gå till Lägg till aktör",
    action_delete_selected: "Ta bort vald aktör",
    action_clear_selection: "Avmarkera / stäng",
    action_link_selected: "Länka vald aktör till …",
    keyboard_shortcuts: "Kortkommandon",
    close_help: "Stäng kortkommandon",
    key_shift: "Skift",
    key_delete: "Delete",
    help_link_actors: "Koppla två aktörer",
    help_link_keys: "Klicka på en aktör, skift-klicka på en annan; eller Länka bland aktörens åtgärder (långt tryck, högerklick, Skift+F10)",
    hints_not_understood: |h| format!("Förstod inte: {h}."),
    hints_kept_as_tags: |h| format!("{h} är ingen sektor och sparades som etikett."),
    hide_map_list: "Dölj kartlistan",
    show_map_list: "Visa kartlistan",
    hide_side_panel: "Dölj sidopanelen",
    show_side_panel: "Visa sidopanelen",
    bottom_bar: "Kartor, meny och detaljer",
    maps_sheet: "Kartor",
    menu_sheet: "Meny",
    details_sheet: "Detaljer",
    link: "Länka",
    remove: "Ta bort",
    actions_of: |n| format!("Åtgärder för {n}"),
    pick_link_end: |n| format!("Tryck på aktören som {n} ska länkas till"),
    actor_context: |sector, n| match n { 1 => format!("{sector}, 1 relation"), n => format!("{sector}, {n} relationer") },
    reset_zoom: "Återställ zoom",
    no_members_yet: "Könsfördelning: inga ledamöter ännu.",
    gender_not_given: |n| format!("Könsfördelning: kön ej angivet för någon av {n} ledamöter."),
    share_heading: "Dela",
    export_profile: "Exportprofil",
    profile_label: |p| match p {
        Profile::Full => "Allt",
        Profile::Pseudonymised => "Pseudonymiserad",
        Profile::OrganisationsOnly => "Bara organisationer",
    },
    profile_help: |p| match p {
        Profile::Full => "Allt följer med, även personer, kontaktpersoner och anteckningar.",
        Profile::Pseudonymised => "Personer blir ”Person 1”, ”Person 2” …; kontaktpersoner, e-post, telefon och anteckningar tas bort; rådets representanter ersätts av sin roll.",
        Profile::OrganisationsOnly => "Som pseudonymiserad, och aktörer som är personer tas bort med sina relationer och platser i rådet.",
    },
    made_with_profile: |title, p| match p {
        Profile::Full => format!("”{title}” innehåller allt."),
        Profile::Pseudonymised => format!("”{title}” gjordes med exportprofilen Pseudonymiserad: personer har pseudonymer och kontaktuppgifter och anteckningar saknas."),
        Profile::OrganisationsOnly => format!("”{title}” gjordes med exportprofilen Bara organisationer: personer, kontaktuppgifter och anteckningar saknas."),
    },
    share_link: "Dela länk",
    share_link_making: "Gör länken …",
    share_link_ready: "Hela kartan ligger krypterad i länken. Nyckeln står efter #, och den delen skickas aldrig till någon server. Den som har länken kan läsa kartan.",
    share_link_copied: "Länken är kopierad.",
    share_link_too_long: |n| format!("Länken skulle bli {n} tecken lång, för lång för att delas säkert (högst 100 000). Exportera kartan som fil i stället."),
    share_link_failed: "Webbläsaren kunde inte göra en delningslänk. Exportera kartan som fil i stället.",
    share_link_error: |e| match e {
        LinkError::Malformed => "Delningslänken går inte att läsa: den är skadad eller avklippt. Be om en ny länk.",
        LinkError::WrongKeyOrDamaged => "Delningslänken går inte att öppna: den är skadad, avklippt eller har fel nyckel. Be om en ny länk.",
        LinkError::Unsupported => "Den här webbläsaren kan inte öppna delningslänkar (Web Crypto eller komprimering saknas).",
    },
    shared_map: "Delad karta",
    shared_map_holds: |title, actors, relations| format!("Länken innehåller kartan ”{title}” med {actors} aktörer och {relations} relationer. Den öppnas som en ny karta; inget av det du redan har ändras."),
    open_shared_map: "Öppna delad karta",
    merge_into_map: "Slå ihop med den här kartan",
    merge_file: "Fil att slå ihop",
    merge_hint: "Välj en eller flera exporterade filer, till exempel från gruppernas datorer. Aktörer känns igen på id eller namn.",
    merge_title: "Slå ihop kartor",
    merge_counts: |c| format!("{} aktörer läggs till och {} känns igen; {} relationer läggs till och {} känns igen.", c.added_actors, c.matched_actors, c.added_relations, c.matched_relations),
    merge_conflicts: |n| match n {
        0 => "Inga konflikter.".into(),
        1 => "1 fält skiljer sig. Välj vilket värde som gäller:".into(),
        n => format!("{n} fält skiljer sig. Välj vilket värde som gäller:"),
    },
    keep_mine: "Behåll mitt",
    take_theirs: "Ta deras",
    merge_confirm: "Slå ihop",
    merged: |c| format!("Sammanslaget: {} aktörer och {} relationer tillagda, {} aktörer igenkända, {} konflikter avgjorda.", c.added_actors, c.added_relations, c.matched_actors, c.conflicts),
    yes: "ja",
    no: "nej",
    tab_engagement: "Kontakter",
    log_interaction: "Logga kontakt",
    interaction_kind_label: |k| match k {
        InteractionKind::Meeting => "Möte",
        InteractionKind::Consultation => "Samråd",
        InteractionKind::Dialogue => "Dialog",
        InteractionKind::Email => "E-post",
        InteractionKind::Phone => "Telefon",
        InteractionKind::Event => "Evenemang",
    },
    interaction_date: "Datum",
    interaction_kind: "Typ av kontakt",
    interaction_actors: "Aktörer",
    more_actors: "Fler aktörer",
    remove_actor_from: |name| format!("Ta bort {name} från kontakten"),
    summary: "Sammanfattning",
    needs: "Behov",
    needs_hint: "Behov (skilj med ;)",
    follow_up: "Uppföljning",
    follow_up_due: "Uppföljning senast",
    follow_ups: "Uppföljningar",
    no_follow_ups: "Inga öppna uppföljningar.",
    overdue: "försenad",
    not_heard_from: "Inte hörda av",
    not_heard_hint: |n| format!("Nyckelaktörer (påverkan och intresse minst 4, eller avgörande eller dominerande) utan kontakt de senaste {n} månaderna."),
    period_months: |n| format!("{n} månader"),
    period: "Period",
    last_met: |d| match d {
        Some(d) => format!("senast {}", d.format("%Y-%m-%d")),
        None => "aldrig".into(),
    },
    everyone_heard: "Alla nyckelaktörer har hörts av under perioden.",
    needs_raised: "Behov som lyfts",
    search_needs: "Sök bland behov",
    no_needs: "Inga behov noterade än.",
    interactions: "Kontakter",
    no_interactions: "Inga kontakter loggade än. Välj en aktör och tryck Logga kontakt.",
    filter_actor: "Filtrera på aktör",
    all_kinds: "Alla typer",
    date_from: "Från och med",
    date_to: "Till och med",
    sort_by: |column| format!("Sortera efter {column}"),
    export_interactions_csv: "Exportera kontakter (CSV)",
    invitations: "Inbjudningar",
    invite_matching: "Bjud in alla som matchar",
    attended: |name| format!("{name} deltog"),
    invited_count: |invited, came| format!("{invited} inbjudna, {came} deltog"),
    export_invitations: "Exportera inbjudningslista (CSV)",
    delete_interaction: |d| format!("Ta bort kontakten {}", d.format("%Y-%m-%d")),
    edit_interaction: |d| format!("Ändra kontakten {}", d.format("%Y-%m-%d")),
    colour_by_last_contact: "Senaste kontakt",
    contact_band: |b| match b {
        ContactBand::Recent => "under 3 månader sedan",
        ContactBand::Months3 => "3–6 månader",
        ContactBand::Months6 => "6–12 månader",
        ContactBand::Year => "över 12 månader",
        ContactBand::Never => "aldrig",
    },
    shown_of: |shown, all| format!("{shown} av {all}"),
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
    loading: "Loading …",
    part_missing: "This part of the app could not be fetched. Check the network and reload the page; your maps are kept.",
    undo: "Undo",
    redo: "Redo",
    export_json: "Export JSON",
    import: "Import",
    import_file: "Import file",
    add_actor: "Add actor",
    add_actor_placeholder: "Name + Enter",
    add_actor_hint: "Shortcuts: #sector @municipality !influence ?interest +2/−1 attitude %kind ^level, e.g. “Region Jönköping #public @Jönköping !5”. Paste several lines for several actors.",
    tab_table: "Table",
    network_title: "Network map",
    network_hint: "Drag actors to move them (they stay put). Drag the background to pan, scroll to zoom. Click an actor and shift-click another to link them. Touch: two fingers zoom, a long press on an actor shows what you can do with it.",
    network_actor_label: |n, inf| match inf {
        Some(inf) => format!("{n}, influence {inf}"),
        None => format!("{n}, influence not rated"),
    },
    map_tools: "Map tools",
    filter: "Filter",
    neighbourhood: "Neighbourhood",
    neighbourhood_hint: "Applies while an actor is selected.",
    export_picture: "Export picture",
    find_actor: "Find actor",
    filter_sector: "Filter by sector",
    filter_level: "Filter by level",
    filter_tag: "Filter by tag",
    all_sectors: "All sectors",
    all_levels: "All levels",
    all_tags: "All tags",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    fit_to_screen: "Fit to screen",
    rearrange: "Rearrange",
    layout: "Layout",
    arrangement_label: |a| match a {
        Arrangement::Force => "Force",
        Arrangement::BySector => "By sector",
        Arrangement::Circle => "Circle",
        Arrangement::Rings => "Rings by influence",
    },
    neighbourhood_depth: "Neighbourhood depth",
    depth_label: |d| match d {
        1 => "1 step".to_owned(),
        d => format!("{d} steps"),
    },
    only_neighbourhood: "Only neighbourhood",
    link_to: "Link to",
    link_hint: "Type part of a name. Enter links, Tab changes the relation kind, Esc closes.",
    link_no_match: "No actor matches.",
    legend: "Legend",
    relation_kind_label: |k| match k {
        samverkan_model::RelationKind::Collaboration => "Collaboration",
        samverkan_model::RelationKind::Funding => "Funding",
        samverkan_model::RelationKind::Membership => "Membership",
        samverkan_model::RelationKind::Information => "Information",
        samverkan_model::RelationKind::Agreement => "Agreement",
        samverkan_model::RelationKind::Tension => "Tension",
    },
    close_panel: "Close panel",
    edit: "Edit",
    short_name: "Short name",
    salience: "Salience",
    power: "Power",
    legitimacy: "Legitimacy",
    urgency: "Urgency",
    tags: "Tags",
    notes: "Notes",
    contacts: "Contact persons",
    contact_name: "Name",
    contact_role: "Role",
    contact_email: "E-mail",
    contact_phone: "Phone",
    send_email: "Send e-mail",
    add_contact: "Add contact person",
    remove_contact: "Delete contact person",
    relations: "Relations",
    relation_hint: "New relations: select the actor on the map and shift-click another.",
    relation_kind: "Relation kind",
    strength: "Strength",
    directed: "Directed",
    note: "Note",
    delete_relation: "Delete relation",
    sectors: "Sectors",
    select_actor_hint: "Select an actor to edit it. Here you can rename and recolour the map's sectors.",
    colour_of: |s| format!("Colour of {s}"),
    name_of_sector: |s| format!("Name of sector {s}"),
    add_sector: "Add sector",
    new_sector: "New sector",
    edit_actor: |a| format!("Edit {a}"),
    council_name: "Council name",
    export_graphml: "Export GraphML",
    more_formats: "More formats",
    export_actors_csv: "Export actors (CSV)",
    export_relations_csv: "Export relations (CSV)",
    import_actors_csv: "Import actors (CSV)",
    import_relations_csv: "Import relations (CSV)",
    import_kumu: "Import from Kumu (JSON or CSV)",
    import_summary: "Import summary",
    download_summary: "Download summary",
    summary_file: |stem| format!("{stem}-import-summary.txt"),
    import_summary_headline: |file, actors, relations, skipped, changed| {
        let mut added = Vec::new();
        if actors > 0 {
            added.push(if actors == 1 { "1 actor".to_owned() } else { format!("{actors} actors") });
        }
        if relations > 0 {
            added.push(if relations == 1 { "1 relation".to_owned() } else { format!("{relations} relations") });
        }
        let mut text = if added.is_empty() {
            format!("Nothing from “{file}” was added")
        } else {
            format!("{} from “{file}” added", added.join(" and "))
        };
        if skipped > 0 {
            text.push_str(&format!("; {skipped} left out"));
        }
        if changed > 0 {
            text.push_str(&format!("; {changed} changed"));
        }
        text + "."
    },
    import_outcome: |outcome| match outcome {
        Outcome::Skipped(Reason::UnknownActor(name)) => {
            format!("left out: no actor “{name}” in the map or the file")
        }
        Outcome::Skipped(reason) => format!("left out: {}", (EN.reason)(reason)),
        Outcome::KeptAsTag { column, value } => format!("{column} “{value}” kept as a tag"),
        Outcome::KeptInNote { column, value } => format!("{column} “{value}” kept in the note"),
        Outcome::NotRead { column, reason } => {
            format!("{column}: value not read ({})", (EN.reason)(reason))
        }
        Outcome::Scaled { column, max } => format!("{column} scaled from 1–{max} to 1–5"),
        Outcome::NotImported { part: Part::Loop, name } => {
            format!("Kumu loop “{name}” not imported (maps have no loops)")
        }
        Outcome::NotImported { part: Part::View, name } => {
            format!("Kumu map “{name}” not used for the positions (choose it below)")
        }
        Outcome::ColumnInNotes(column) => format!("column “{column}” kept in the notes"),
        Outcome::ActorsFromEnds(n) => format!("{n} actors made from the relations' ends"),
    },
    import_places: |places| places_text(places, "row", "rows"),
    kumu_maps: "Maps in the Kumu file",
    save_assessment: "Save assessment",
    assessment_label: |d| format!("Assessment {d}"),
    compare_with: "Compare with",
    compare_with_none: "Compare with: none",
    moved_up: "Up in influence:",
    moved_down: "Down in influence:",
    attitude_up: "More positive:",
    attitude_down: "More negative:",
    nothing_moved: "Nobody has moved since then.",
    colour_by: "Colour by",
    colour_by_sector: "Sector",
    colour_by_community: "Community",
    resolution: "Resolution",
    community: "Community",
    community_label: |n| format!("Community {n}"),
    community_alone: "Alone in its community",
    salient_actors_missing: "Definitive and dominant actors outside the council",
    brokers_missing: "Top brokers (highest betweenness) outside the council",
    salience_class: "Salience class",
    salience_class_label: |c| match c {
        SalienceClass::Definitive => "Definitive",
        SalienceClass::Dominant => "Dominant",
        SalienceClass::Dangerous => "Dangerous",
        SalienceClass::Dependent => "Dependent",
        SalienceClass::Dormant => "Dormant",
        SalienceClass::Discretionary => "Discretionary",
        SalienceClass::Demanding => "Demanding",
        SalienceClass::None => "None",
    },
    ring_label: |r| match r {
        Ring::Definitive => "Definitive (power, legitimacy and urgency)",
        Ring::Expectant => "Expectant (two of three)",
        Ring::Latent => "Latent (one of three)",
        Ring::NonStakeholder => "No salience attribute",
    },
    tab_onion: "Onion",
    onion_title: "The onion: actors by salience class",
    onion_hint: "Salience after Mitchell, Agle and Wood: power, legitimacy and urgency are set in the side panel or with *plu in quick add.",
    what_if_removed: "What if removed",
    what_if_title: |names| format!("What if {names} left"),
    what_if_parts: |before, after| format!("Connected parts: {before} before, {after} after."),
    what_if_cut_off: |n| if n == 1 { "1 actor is cut off:".into() } else { format!("{n} actors are cut off:") },
    what_if_nobody_cut_off: "Nobody is cut off.",
    what_if_risers: "Largest rise in betweenness:",
    what_if_no_risers: "No other actor becomes more of a broker.",
    import_preview: "Import preview",
    import_preview_hint: |file| format!("This is how the columns of “{file}” will be read. Change a column's meaning if it is wrong; columns that are not read are kept in the notes."),
    column_meaning: |header| format!("Meaning of “{header}”"),
    kept_in_notes: "Kept in the notes",
    import_rows: "Import rows",
    use_kumu_view: |name| format!("Use the positions of “{name}”"),
    kumu_view_state: |used, placed| {
        let placed = if placed == 1 { "1 actor".to_owned() } else { format!("{placed} actors") };
        if used { format!("in use ({placed})") } else { format!("places {placed}") }
    },
    filter_actors: "Filter actors",
    columns: "Columns",
    delete_selected: |n| format!("Delete selected ({n})"),
    select_all: "Select all shown",
    select_actor: |a| format!("Select {a}"),
    analysis: "Analysis",
    top_brokers: "Top brokers",
    brokers_hint: "Betweenness 0–1: the share of shortest paths between other actors that pass through the actor.",
    without_relations: "Actors without relations",
    by_sector: "Count by sector",
    by_level: "Count by level",
    all_metrics: "Network metrics of every actor",
    degree: "Degree",
    betweenness: "Betweenness",
    export_svg: "Export SVG",
    export_png: "Export PNG",
    projection_mode: "Projection mode",
    exit_projection: "Exit projection mode",
    open_projector: "Open projector window",
    export_calendar: "Export calendar",
    print_plan: "Print plan",
    mandate: "Purpose and mandate",
    members: "Members",
    add_member: "Add member",
    add_member_placeholder: "Type an actor's name …",
    actor: "Actor",
    representative: "Representative",
    gender: "Gender",
    role: "Role",
    gender_label: |g| match g {
        Gender::Woman => "Woman",
        Gender::Man => "Man",
        Gender::Other => "Other",
        Gender::Unspecified => "Not given",
    },
    role_label: |r| match r {
        CouncilRole::Chair => "Chair",
        CouncilRole::ViceChair => "Vice chair",
        CouncilRole::Member => "Member",
        CouncilRole::Secretary => "Secretary",
        CouncilRole::CoOpted => "Co-opted",
    },
    remove_member: |a| format!("Remove {a} from the council"),
    coverage: "Coverage",
    covered: "covered",
    not_covered: "missing from the council",
    required_sectors: "Required representation",
    municipalities_covered: |n, of, missing| if missing.is_empty() { format!("Municipalities: {n} of {of} represented.") } else { format!("Municipalities: {n} of {of} represented. Missing: {missing}.") },
    gender_balance: |w, m, other, unspecified, ok| format!("Gender balance: women {w}, men {m}, other {other}, not given {unspecified}. {}", if ok { "Within 40–60 %." } else { "Outside 40–60 %!" }),
    key_actors_missing: "Key actors outside the council (influence and interest ≥ 4)",
    add_to_council: |a| format!("Add {a} to the council"),
    add: "Add",
    meeting_when: |d, time, week| format!("{} ({}, week {week})", d.format("%a %-d %b %Y"), time.format("%H:%M")),
    meetings: "Meetings",
    add_meeting: "Add meeting",
    date_time: "Date and time",
    duration_minutes: "Duration (minutes)",
    place: "Place",
    agenda: "Agenda (one item per line)",
    export_meeting: "Export meeting (.ics)",
    goals: "Result goals",
    new_goal: "New goal",
    add_goal: "Add goal",
    goal: "Goal",
    indicator: "Indicator",
    target_date: "Target date",
    no_goal: "No goal",
    no_responsible: "No one responsible",
    timeline: "Timeline",
    action_plan: "Action plan",
    add_action: "Add action",
    new_action: "New action",
    group_by: "Show",
    by_goal: "By goal",
    by_responsible: "By responsible actor",
    action_title: "Action",
    status: "Status",
    status_label: |s| match s {
        ActionStatus::Planned => "Planned",
        ActionStatus::InProgress => "In progress",
        ActionStatus::Done => "Done",
        ActionStatus::Blocked => "Blocked",
    },
    delete_action: "Delete action",
    action_flag: |f| match f {
        ActionFlag::Overdue => "Overdue: the due date has passed",
        ActionFlag::NoResponsible => "No one responsible (R)",
        ActionFlag::NoAccountable => "No one accountable (A)",
    },
    responsible: "Responsible (R)",
    accountable: "Accountable (A)",
    consulted: "Consulted (C)",
    informed: "Informed (I)",
    add_tag: "Add tag",
    remove_tag: |tag| format!("Remove tag {tag}"),
    add_to_list: |list| format!("Add to {list}"),
    remove_from_list: |actor, list| format!("Remove {actor} from {list}"),
    search_actor: "Search actor …",
    start: "Start",
    due: "Due",
    tab_map: "Map",
    tab_grid: "Grid",
    tab_council: "Council",
    grid_title: "Power–interest grid",
    keep_satisfied: "Keep satisfied",
    manage_closely: "Manage closely",
    keep_informed: "Keep informed",
    monitor: "Monitor",
    grid_hint: "Drag an actor to change its influence and interest, or focus it and use Shift and the arrow keys. The arrow keys go from actor to actor; two fingers zoom.",
    grid_actor_label: |n, inf, int, att| match att {
        Some(att) => format!("{n}: influence {inf}, interest {int}, attitude {att:+}"),
        None => format!("{n}: influence {inf}, interest {int}, attitude not rated"),
    },
    not_yet_placed: "Not yet placed",
    not_yet_placed_hint: "Influence or interest is not rated. Drag an actor onto the grid, or select it and set the values.",
    not_rated: "–",
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
    action_focus_add_actor: "Go to Add actor",
    action_delete_selected: "Delete the selected actor",
    action_clear_selection: "Clear selection / close",
    action_link_selected: "Link selected actor to …",
    keyboard_shortcuts: "Keyboard shortcuts",
    close_help: "Close keyboard shortcuts",
    key_shift: "Shift",
    key_delete: "Delete",
    help_link_actors: "Link two actors",
    help_link_keys: "Click an actor, shift-click another; or Link among the actor's actions (long press, right click, Shift+F10)",
    hints_not_understood: |h| format!("Not understood: {h}."),
    hints_kept_as_tags: |h| format!("{h} is not a sector and was kept as a tag."),
    hide_map_list: "Hide map list",
    show_map_list: "Show map list",
    hide_side_panel: "Hide side panel",
    show_side_panel: "Show side panel",
    bottom_bar: "Maps, menu and details",
    maps_sheet: "Maps",
    menu_sheet: "Menu",
    details_sheet: "Details",
    link: "Link",
    remove: "Remove",
    actions_of: |n| format!("Actions for {n}"),
    pick_link_end: |n| format!("Tap the actor to link {n} to"),
    actor_context: |sector, n| match n { 1 => format!("{sector}, 1 relation"), n => format!("{sector}, {n} relations") },
    reset_zoom: "Reset zoom",
    no_members_yet: "Gender balance: no members yet.",
    gender_not_given: |n| format!("Gender balance: gender not given for any of the {n} members."),
    share_heading: "Share",
    export_profile: "Export profile",
    profile_label: |p| match p {
        Profile::Full => "Full",
        Profile::Pseudonymised => "Pseudonymised",
        Profile::OrganisationsOnly => "Organisations only",
    },
    profile_help: |p| match p {
        Profile::Full => "Everything goes along, people, contact persons and notes too.",
        Profile::Pseudonymised => "People become “Person 1”, “Person 2” …; contact persons, e-mail, phone and notes are left out; council representatives are replaced by their role.",
        Profile::OrganisationsOnly => "As pseudonymised, and actors that are people are removed with their relations and council places.",
    },
    made_with_profile: |title, p| match p {
        Profile::Full => format!("“{title}” holds everything."),
        Profile::Pseudonymised => format!("“{title}” was made with the export profile Pseudonymised: people have pseudonyms, contact details and notes are left out."),
        Profile::OrganisationsOnly => format!("“{title}” was made with the export profile Organisations only: people, contact details and notes are left out."),
    },
    share_link: "Share link",
    share_link_making: "Making the link …",
    share_link_ready: "The whole map is in the link, encrypted. The key comes after the #, a part no server is ever sent. Whoever has the link can read the map.",
    share_link_copied: "The link is copied.",
    share_link_too_long: |n| format!("The link would be {n} characters long, too long to share safely (at most 100,000). Export the map as a file instead."),
    share_link_failed: "The browser could not make a share link. Export the map as a file instead.",
    share_link_error: |e| match e {
        LinkError::Malformed => "The share link cannot be read: it is damaged or cut short. Ask for a new link.",
        LinkError::WrongKeyOrDamaged => "The share link cannot be opened: it is damaged, cut short or has a wrong key. Ask for a new link.",
        LinkError::Unsupported => "This browser cannot open share links (Web Crypto or compression is missing).",
    },
    shared_map: "Shared map",
    shared_map_holds: |title, actors, relations| format!("The link holds the map “{title}” with {actors} actors and {relations} relations. It opens as a new map; nothing you have already is changed."),
    open_shared_map: "Open shared map",
    merge_into_map: "Merge into this map",
    merge_file: "Merge file",
    merge_hint: "Pick one or more exported files, for example from the groups' computers. Actors are recognised by id or name.",
    merge_title: "Merge maps",
    merge_counts: |c| format!("{} actors are added and {} recognised; {} relations are added and {} recognised.", c.added_actors, c.matched_actors, c.added_relations, c.matched_relations),
    merge_conflicts: |n| match n {
        0 => "No conflicts.".into(),
        1 => "1 field differs. Choose which value holds:".into(),
        n => format!("{n} fields differ. Choose which value holds:"),
    },
    keep_mine: "Keep mine",
    take_theirs: "Take theirs",
    merge_confirm: "Merge",
    merged: |c| format!("Merged: {} actors and {} relations added, {} actors recognised, {} conflicts settled.", c.added_actors, c.added_relations, c.matched_actors, c.conflicts),
    yes: "yes",
    no: "no",
    tab_engagement: "Engagement",
    log_interaction: "Log interaction",
    interaction_kind_label: |k| match k {
        InteractionKind::Meeting => "Meeting",
        InteractionKind::Consultation => "Consultation",
        InteractionKind::Dialogue => "Dialogue",
        InteractionKind::Email => "E-mail",
        InteractionKind::Phone => "Phone",
        InteractionKind::Event => "Event",
    },
    interaction_date: "Date",
    interaction_kind: "Kind of interaction",
    interaction_actors: "Actors",
    more_actors: "More actors",
    remove_actor_from: |name| format!("Remove {name} from the interaction"),
    summary: "Summary",
    needs: "Needs",
    needs_hint: "Needs (separate with ;)",
    follow_up: "Follow-up",
    follow_up_due: "Follow-up due",
    follow_ups: "Follow-ups",
    no_follow_ups: "No open follow-ups.",
    overdue: "overdue",
    not_heard_from: "Not heard from",
    not_heard_hint: |n| format!("Key actors (influence and interest at least 4, or definitive or dominant) with no interaction in the last {n} months."),
    period_months: |n| format!("{n} months"),
    period: "Period",
    last_met: |d| match d {
        Some(d) => format!("last {}", d.format("%Y-%m-%d")),
        None => "never".into(),
    },
    everyone_heard: "Every key actor has been heard from in the period.",
    needs_raised: "Needs raised",
    search_needs: "Search needs",
    no_needs: "No needs noted yet.",
    interactions: "Interactions",
    no_interactions: "No interactions logged yet. Select an actor and press Log interaction.",
    filter_actor: "Filter by actor",
    all_kinds: "All kinds",
    date_from: "From",
    date_to: "To",
    sort_by: |column| format!("Sort by {column}"),
    export_interactions_csv: "Export interactions (CSV)",
    invitations: "Invitations",
    invite_matching: "Invite all that match",
    attended: |name| format!("{name} attended"),
    invited_count: |invited, came| format!("{invited} invited, {came} attended"),
    export_invitations: "Export invitation list (CSV)",
    delete_interaction: |d| format!("Delete the interaction of {}", d.format("%Y-%m-%d")),
    edit_interaction: |d| format!("Edit the interaction of {}", d.format("%Y-%m-%d")),
    colour_by_last_contact: "Last contact",
    contact_band: |b| match b {
        ContactBand::Recent => "under 3 months ago",
        ContactBand::Months3 => "3–6 months",
        ContactBand::Months6 => "6–12 months",
        ContactBand::Year => "over 12 months",
        ContactBand::Never => "never",
    },
    shown_of: |shown, all| format!("{shown} of {all}"),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_language_is_swedish_only_when_the_first_nordic_or_english_one_is() {
        let lang = |tags: &[&str]| {
            Lang::from_browser(&tags.iter().map(|t| t.to_string()).collect::<Vec<_>>())
        };
        assert_eq!(lang(&["sv-SE", "en-US"]), Lang::Sv);
        assert_eq!(
            lang(&["de-DE", "sv", "en"]),
            Lang::Sv,
            "German has no UI: the next one counts"
        );
        assert_eq!(lang(&["en-GB", "sv-SE"]), Lang::En);
        assert_eq!(lang(&["nb-NO", "sv"]), Lang::En, "Norwegian first: English");
        assert_eq!(lang(&["SV_fi"]), Lang::Sv);
        assert_eq!(lang(&["fr"]), Lang::En);
        assert_eq!(lang(&[]), Lang::En);
    }

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
        assert_eq!(EN.share_link, "Share link");
        assert_eq!(EN.open_shared_map, "Open shared map");
        assert_eq!(EN.merge_into_map, "Merge into this map");
        assert_eq!(EN.merge_file, "Merge file");
        assert_eq!(EN.export_profile, "Export profile");
    }
}
