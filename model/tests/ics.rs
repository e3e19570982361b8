//! Calendar export: the exact file for a fixed map, read back by an independent parser, folding and escaping.

use chrono::{DateTime, NaiveDateTime, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, EventLike};
use samverkan_model::ics::meetings_to_ics;
use samverkan_model::{Map, Meeting};
use std::path::PathBuf;

fn at(text: &str) -> NaiveDateTime {
    text.parse().unwrap()
}

fn dtstamp() -> DateTime<Utc> {
    "2026-11-22T10:15:30Z".parse().unwrap()
}

fn meeting(
    id: &str,
    start: &str,
    minutes: i64,
    place: &str,
    agenda: &[&str],
    notes: &str,
) -> Meeting {
    Meeting {
        id: id.into(),
        start: at(start),
        duration_minutes: minutes,
        place: place.into(),
        agenda: agenda.iter().map(|item| (*item).to_owned()).collect(),
        notes: notes.into(),
    }
}

/// A council with one winter meeting (CET), one summer meeting (CEST) and a bare one.
fn council_map() -> Map {
    let created = "2026-11-01T08:00:00Z".parse().unwrap();
    let mut map = Map::new(
        "5b1f3c9e-2d4a-4e8b-9c6d-0a1b2c3d4e5f".into(),
        "Regional dialog",
        created,
        vec![],
    );
    map.council.name = "Kompetensrådet i Jönköpings län".into();
    map.council.meetings = vec![
        meeting(
            "m-december",
            "2026-12-03T13:00:00",
            150,
            "Science Park, Hus C; sal 3 – Jönköping",
            &[
                "Välkommen och upprop",
                "Kompetensbehov i vård och omsorg, prognos 2027–2030",
                "  ",
                "Handlingsplan: status för åtgärderna inom yrkesvux och lärlingsutbildning",
            ],
            "Ta med: senaste prognoserna.\nFika ingår; anmälan till sekreteraren.",
        ),
        meeting(
            "m-june",
            "2027-06-10T09:30:00",
            90,
            "Digitalt (Teams)",
            &[],
            "",
        ),
        meeting("m-bare", "2027-09-02T15:00:00", 60, "", &[], ""),
    ];
    map
}

fn export(map: &Map) -> String {
    let meetings: Vec<&Meeting> = map.council.meetings.iter().collect();
    meetings_to_ics(map, &meetings, dtstamp())
}

/// Undoes RFC 5545 line folding: a CRLF followed by one space or tab joins the lines.
fn unfold(text: &str) -> String {
    text.replace("\r\n ", "").replace("\r\n\t", "")
}

fn parse(text: &str) -> Calendar {
    text.parse()
        .unwrap_or_else(|e| panic!("not a calendar: {e}\n{text}"))
}

#[test]
fn the_export_matches_the_golden_file_byte_for_byte() {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "fixtures",
        "ics",
        "council.ics",
    ]
    .iter()
    .collect();
    let actual = export(&council_map());
    // `UPDATE_GOLDEN=1 cargo test` rewrites the file after an intended change; review the diff.
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    assert!(
        !expected.replace("\r\n", "").contains('\n'),
        "the golden file lost its CRLF line endings (check .gitattributes)"
    );
    pretty_assertions::assert_eq!(actual, expected);
}

#[test]
fn every_line_ends_with_crlf_and_the_calendar_header_is_complete() {
    let text = export(&council_map());
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count(),
        "a bare LF"
    );
    assert_eq!(
        text.matches('\r').count(),
        text.matches("\r\n").count(),
        "a bare CR"
    );
    let unfolded = unfold(&text);
    let lines: Vec<&str> = unfolded.split_terminator("\r\n").collect();
    assert_eq!(
        &lines[..5],
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Samverkan//Samverkan//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH"
        ]
    );
}

#[test]
fn an_independent_parser_reads_the_events_back() {
    let map = council_map();
    let calendar = parse(&export(&map));
    let events: Vec<_> = calendar.events().collect();
    assert_eq!(events.len(), 3);

    let december = events[0];
    assert_eq!(
        december.get_uid(),
        Some("m-december.5b1f3c9e-2d4a-4e8b-9c6d-0a1b2c3d4e5f@samverkan")
    );
    assert_eq!(
        december.get_summary(),
        Some("Kompetensrådet i Jönköpings län")
    );
    assert_eq!(
        december.get_location(),
        Some("Science Park, Hus C; sal 3 – Jönköping")
    );
    assert_eq!(
        december.get_description(),
        Some(
            "1. Välkommen och upprop\n\
             2. Kompetensbehov i vård och omsorg, prognos 2027–2030\n\
             3. Handlingsplan: status för åtgärderna inom yrkesvux och lärlingsutbildning\n\
             \n\
             Ta med: senaste prognoserna.\n\
             Fika ingår; anmälan till sekreteraren."
        )
    );
    assert_eq!(december.get_timestamp(), Some(dtstamp()));
    let in_stockholm = |text: &str| {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
            date_time: at(text),
            tzid: "Europe/Stockholm".into(),
        }))
    };
    assert_eq!(december.get_start(), in_stockholm("2026-12-03T13:00:00"));
    assert_eq!(december.get_end(), in_stockholm("2026-12-03T15:30:00"));

    let june = events[1];
    assert_eq!(june.get_start(), in_stockholm("2027-06-10T09:30:00"));
    assert_eq!(june.get_end(), in_stockholm("2027-06-10T11:00:00"));
    assert_eq!(june.get_location(), Some("Digitalt (Teams)"));
    assert_eq!(
        june.get_description(),
        None,
        "no agenda and no notes: no DESCRIPTION"
    );

    let bare = events[2];
    assert_eq!(bare.get_location(), None, "no place: no LOCATION");
    assert_eq!(
        bare.get_uid(),
        Some("m-bare.5b1f3c9e-2d4a-4e8b-9c6d-0a1b2c3d4e5f@samverkan")
    );
}

#[test]
fn the_time_zone_is_defined_with_the_eu_summer_time_rules() {
    let text = export(&council_map());
    let unfolded = icalendar::parser::unfold(&text);
    let root = icalendar::parser::read_calendar(&unfolded).unwrap();
    let timezones: Vec<_> = root
        .components
        .iter()
        .filter(|c| c.name == "VTIMEZONE")
        .collect();
    assert_eq!(timezones.len(), 1);
    let property = |c: &icalendar::parser::Component, name: &str| {
        c.properties
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.val.to_string())
    };
    assert_eq!(
        property(timezones[0], "TZID").as_deref(),
        Some("Europe/Stockholm")
    );
    let rules: Vec<[Option<String>; 5]> = timezones[0]
        .components
        .iter()
        .map(|c| {
            ["TZNAME", "TZOFFSETFROM", "TZOFFSETTO", "DTSTART", "RRULE"]
                .map(|name| property(c, name))
        })
        .collect();
    let expect = |values: [&str; 5]| values.map(|v| Some(v.to_owned()));
    assert_eq!(
        rules,
        vec![
            expect([
                "CEST",
                "+0100",
                "+0200",
                "19700329T020000",
                "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"
            ]),
            expect([
                "CET",
                "+0200",
                "+0100",
                "19701025T030000",
                "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"
            ]),
        ]
    );
    // The rules' anchors must themselves be last Sundays, or readers drift by a week.
    use chrono::{Datelike, Weekday};
    for anchor in ["1970-03-29", "1970-10-25"] {
        let day: chrono::NaiveDate = anchor.parse().unwrap();
        assert_eq!(day.weekday(), Weekday::Sun);
        assert!(
            day.month() != (day + chrono::Days::new(7)).month(),
            "{anchor} is not the last Sunday"
        );
    }
}

#[test]
fn long_lines_fold_within_75_octets_and_unfold_to_the_same_text() {
    let mut map = council_map();
    // Multi-byte characters of every width and escaped characters, so a fold point falls
    // inside a character or an escape sequence unless the folder looks for boundaries.
    let long = "Sammanträde, kompetensförsörjning; – “ÅÄÖ åäö” € 𝄞 🎓 ".repeat(12);
    map.council.meetings = vec![meeting(
        "m",
        "2026-12-03T13:00:00",
        60,
        &long,
        &[&long, &long],
        &long,
    )];
    let text = export(&map);
    let physical: Vec<&str> = text.split_terminator("\r\n").collect();
    for line in &physical {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        let trailing_backslashes = line.len() - line.trim_end_matches('\\').len();
        assert!(
            trailing_backslashes % 2 == 0,
            "an escape sequence split after {line:?}"
        );
    }
    assert!(
        physical.iter().filter(|l| l.starts_with(' ')).count() > 20,
        "expected many folds"
    );
    // Unfolding gives back exactly one logical line per property, with the escaped value.
    let unfolded = unfold(&text);
    let location = unfolded
        .lines()
        .find(|l| l.starts_with("LOCATION:"))
        .unwrap();
    let escaped = long.trim().replace(',', "\\,").replace(';', "\\;");
    assert_eq!(location, format!("LOCATION:{escaped}"));
    let event = parse(&text).events().next().cloned().unwrap();
    assert_eq!(event.get_location(), Some(long.trim()));
    let description = format!("1. {0}\n2. {0}\n\n{0}", long.trim());
    assert_eq!(event.get_description(), Some(description.as_str()));
}

#[test]
fn text_values_escape_backslash_semicolon_comma_and_line_breaks() {
    let mut map = council_map();
    map.council.name = r"Råd\nord; syd, väst".into();
    map.council.meetings = vec![meeting(
        "m",
        "2026-12-03T13:00:00",
        60,
        r"C:\Möten; sal 1, plan 2",
        &["Punkt ett,\r\nmed radbrytning"],
        "Rad 1\rRad 2\nRad 3",
    )];
    let text = export(&map);
    let unfolded = unfold(&text);
    let line = |name: &str| {
        unfolded
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap()
            .to_owned()
    };
    assert_eq!(line("SUMMARY:"), r"SUMMARY:Råd\\nord\; syd\, väst");
    assert_eq!(line("LOCATION:"), r"LOCATION:C:\\Möten\; sal 1\, plan 2");
    assert_eq!(
        line("DESCRIPTION:"),
        r"DESCRIPTION:1. Punkt ett\,\nmed radbrytning\n\nRad 1\nRad 2\nRad 3"
    );

    let event = parse(&text).events().next().cloned().unwrap();
    assert_eq!(event.get_summary(), Some(r"Råd\nord; syd, väst"));
    assert_eq!(event.get_location(), Some(r"C:\Möten; sal 1, plan 2"));
    assert_eq!(
        event.get_description(),
        Some("1. Punkt ett,\nmed radbrytning\n\nRad 1\nRad 2\nRad 3")
    );
}

#[test]
fn the_summary_falls_back_to_the_map_title() {
    let mut map = council_map();
    map.council.name = "  ".into();
    let calendar = parse(&export(&map));
    assert!(calendar
        .events()
        .all(|e| e.get_summary() == Some("Regional dialog")));
}

#[test]
fn only_the_given_meetings_are_exported_in_the_given_order() {
    let map = council_map();
    let chosen = [&map.council.meetings[2], &map.council.meetings[0]];
    let calendar = parse(&meetings_to_ics(&map, &chosen, dtstamp()));
    let uids: Vec<_> = calendar
        .events()
        .map(|e| e.get_uid().unwrap().split('.').next().unwrap().to_owned())
        .collect();
    assert_eq!(uids, vec!["m-bare", "m-december"]);

    let empty = meetings_to_ics(&map, &[], dtstamp());
    assert_eq!(parse(&empty).events().count(), 0);
    assert!(
        empty.contains("BEGIN:VTIMEZONE\r\n"),
        "still a valid calendar with its time zone"
    );
}

#[test]
fn follow_ups_are_all_day_events_after_the_meetings() {
    use samverkan_model::council::ActionStatus;
    use samverkan_model::engagement::{open_follow_ups, FollowUp, Interaction, InteractionKind};
    let mut map = council_map();
    map.add_actor(samverkan_model::Actor::new("a1".into(), "Region Kronoberg"));
    let (actor, name) = (map.actors[0].id.clone(), map.actors[0].name.clone());
    for (id, status) in [("i1", ActionStatus::Planned), ("i2", ActionStatus::Done)] {
        map.interactions.push(Interaction {
            id: id.into(),
            actors: vec![actor.clone()],
            date: "2027-01-10".parse().unwrap(),
            kind: InteractionKind::Consultation,
            summary: String::new(),
            needs: vec![],
            follow_up: Some(FollowUp {
                title: "Skicka underlag, vecka 6".into(),
                due: "2027-02-12".parse().unwrap(),
                status,
            }),
            invited: vec![],
            attended: vec![],
        });
    }
    let open = open_follow_ups(&map.interactions);
    let text = samverkan_model::ics::calendar_to_ics(&map, &[], &open, dtstamp());
    let calendar = parse(&text);
    let events: Vec<_> = calendar.events().collect();
    assert_eq!(events.len(), 1, "only open follow-ups are given");
    assert_eq!(events[0].get_summary(), Some("Skicka underlag, vecka 6"));
    assert_eq!(events[0].get_description(), Some(name.as_str()));
    let text = unfold(&text);
    assert!(text.contains("DTSTART;VALUE=DATE:20270212\r\n"));
    assert!(text.contains("DTEND;VALUE=DATE:20270213\r\n"));
    assert!(text.contains(&format!("UID:followup.i1.{}@samverkan", map.id)));
}
