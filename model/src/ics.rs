//! Calendar export of council meetings as iCalendar (RFC 5545), in Europe/Stockholm time.

use crate::council::Meeting;
use crate::engagement::{FollowUp, Interaction};
use crate::map::Map;
use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};

/// Identifies the program that wrote the calendar. No version number in it, so an export
/// does not change (or break golden files) with every release.
pub const PRODID: &str = "-//Samverkan//Samverkan//EN";

/// The time zone meeting times are written in; meeting starts are local times there.
pub const TZID: &str = "Europe/Stockholm";

/// RFC 5545 §3.1: content lines should not be longer than 75 octets, line break excluded.
const MAX_LINE_OCTETS: usize = 75;

/// Europe/Stockholm as a VTIMEZONE, written by hand because a time-zone database is too big
/// for the browser build. The EU rules (in force since 1996): summer time CEST (+02:00) from
/// 02:00 local time on the last Sunday of March, standard time CET (+01:00) from 03:00 on
/// the last Sunday of October. DTSTART is the first such Sunday in 1970, the usual anchor.
const VTIMEZONE: [&str; 17] = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Stockholm",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// An iCalendar file with one event per meeting, in the order given.
///
/// `dtstamp` is when the file is made (the caller passes the clock, so output is
/// reproducible). Each event's UID is `<meeting id>.<map id>@samverkan`, stable across
/// exports so a calendar app updates a re-imported meeting instead of duplicating it. The
/// summary is the council's name, or the map's title when the council has none, so the file
/// reads the same in any UI language. The description lists the agenda as numbered lines,
/// then the notes. A meeting whose duration is not positive gets no DTEND, which RFC 5545
/// reads as an event that ends when it starts.
pub fn meetings_to_ics(map: &Map, meetings: &[&Meeting], dtstamp: DateTime<Utc>) -> String {
    calendar_to_ics(map, meetings, &[], dtstamp)
}

/// [`meetings_to_ics`] with follow-ups of the engagement log after the meetings, each an
/// all-day event on its due date (calendar apps show VEVENTs everywhere, VTODOs seldom).
/// Their UID is `followup.<interaction id>.<map id>@samverkan`.
pub fn calendar_to_ics(
    map: &Map,
    meetings: &[&Meeting],
    follow_ups: &[(&Interaction, &FollowUp)],
    dtstamp: DateTime<Utc>,
) -> String {
    let summary = calendar_name(map);
    let stamp = dtstamp.naive_utc().format("%Y%m%dT%H%M%SZ").to_string();
    let mut out = Lines::default();
    out.raw("BEGIN:VCALENDAR");
    out.raw("VERSION:2.0");
    out.raw(&format!("PRODID:{PRODID}"));
    out.raw("CALSCALE:GREGORIAN");
    out.raw("METHOD:PUBLISH");
    // Not in RFC 5545, but the name calendar apps show for a subscribed or imported file.
    out.text("X-WR-CALNAME", summary);
    for line in VTIMEZONE {
        out.raw(line);
    }
    for meeting in meetings {
        out.raw("BEGIN:VEVENT");
        out.text("UID", &format!("{}.{}@samverkan", meeting.id, map.id));
        out.raw(&format!("DTSTAMP:{stamp}"));
        out.raw(&format!(
            "DTSTART;TZID={TZID}:{}",
            local_time(meeting.start)
        ));
        if let Some(end) = meeting_end(meeting) {
            out.raw(&format!("DTEND;TZID={TZID}:{}", local_time(end)));
        }
        out.text("SUMMARY", summary);
        if !meeting.place.trim().is_empty() {
            out.text("LOCATION", meeting.place.trim());
        }
        let description = description(meeting);
        if !description.is_empty() {
            out.text("DESCRIPTION", &description);
        }
        out.raw("END:VEVENT");
    }
    for (interaction, follow_up) in follow_ups {
        out.raw("BEGIN:VEVENT");
        let uid = format!("followup.{}.{}@samverkan", interaction.id, map.id);
        out.text("UID", &uid);
        out.raw(&format!("DTSTAMP:{stamp}"));
        let day = |d: chrono::NaiveDate| d.format("%Y%m%d").to_string();
        out.raw(&format!("DTSTART;VALUE=DATE:{}", day(follow_up.due)));
        if let Some(next) = follow_up.due.succ_opt() {
            out.raw(&format!("DTEND;VALUE=DATE:{}", day(next)));
        }
        out.text("SUMMARY", follow_up.title.trim());
        let names: Vec<&str> = interaction
            .actors
            .iter()
            .filter_map(|id| map.actor(id).map(|a| a.name.as_str()))
            .collect();
        if !names.is_empty() {
            out.text("DESCRIPTION", &names.join(", "));
        }
        out.raw("END:VEVENT");
    }
    out.raw("END:VCALENDAR");
    out.0
}

/// The council's name, else the map's title, else the program's name: never empty, since
/// an event without a summary shows as a blank box.
fn calendar_name(map: &Map) -> &str {
    [map.council.name.trim(), map.title.trim()]
        .into_iter()
        .find(|name| !name.is_empty())
        .unwrap_or("Samverkan")
}

/// Local date-time in iCalendar's basic form (`20261203T130000`), seconds truncated.
fn local_time(time: NaiveDateTime) -> String {
    time.format("%Y%m%dT%H%M%S").to_string()
}

/// Start plus duration, when the duration is positive and the sum representable.
fn meeting_end(meeting: &Meeting) -> Option<NaiveDateTime> {
    if meeting.duration_minutes <= 0 {
        return None;
    }
    meeting
        .start
        .checked_add_signed(TimeDelta::try_minutes(meeting.duration_minutes)?)
}

/// Agenda items as `1. …` lines (blank items skipped), then a blank line and the notes.
fn description(meeting: &Meeting) -> String {
    let agenda: Vec<String> = meeting
        .agenda
        .iter()
        .map(|item| item.trim())
        .filter(|item| !item.is_empty())
        .enumerate()
        .map(|(i, item)| format!("{}. {item}", i + 1))
        .collect();
    let mut parts = Vec::new();
    if !agenda.is_empty() {
        parts.push(agenda.join("\n"));
    }
    if !meeting.notes.trim().is_empty() {
        parts.push(meeting.notes.trim().to_owned());
    }
    parts.join("\n\n")
}

/// The file being written: folded content lines, each ended by CRLF.
#[derive(Default)]
struct Lines(String);

impl Lines {
    /// A line whose value is already in iCalendar form.
    fn raw(&mut self, line: &str) {
        push_folded(&mut self.0, line);
    }

    /// A property with a TEXT value, escaped.
    fn text(&mut self, name: &str, value: &str) {
        push_folded(&mut self.0, &format!("{name}:{}", escape_text(value)));
    }
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma get a backslash,
/// every line break (CRLF, CR or LF) becomes `\n`. Other control characters are dropped, as
/// TEXT admits none but tab and some readers stop at them.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded to at most 75 octets per physical line (a continuation starts with
/// one space, which counts), ending each with CRLF. Breaks fall between characters, never
/// inside a UTF-8 sequence, so every physical line is valid UTF-8 on its own. They also
/// never part a backslash from the character it escapes: RFC 5545 would allow it, but
/// readers that unescape before unfolding would then see a stray `\`.
fn push_folded(out: &mut String, line: &str) {
    let mut octets = 0;
    let mut rest = line;
    while let Some(first) = rest.chars().next() {
        let unit_len = match first {
            '\\' => rest[1..]
                .chars()
                .next()
                .map_or(1, |escaped| 1 + escaped.len_utf8()),
            other => other.len_utf8(),
        };
        if octets + unit_len > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push_str(&rest[..unit_len]);
        octets += unit_len;
        rest = &rest[unit_len..];
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(line: &str) -> String {
        let mut out = String::new();
        push_folded(&mut out, line);
        out
    }

    #[test]
    fn short_lines_are_not_folded() {
        assert_eq!(
            folded("SUMMARY:Kompetensrådet"),
            "SUMMARY:Kompetensrådet\r\n"
        );
        let exactly = "x".repeat(75);
        assert_eq!(folded(&exactly), format!("{exactly}\r\n"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_with_a_leading_space() {
        let line = "a".repeat(75 + 74 + 10);
        let out = folded(&line);
        let physical: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert_eq!(
            physical.iter().map(|l| l.len()).collect::<Vec<_>>(),
            vec![75, 75, 11]
        );
        assert!(physical[1].starts_with(' ') && physical[2].starts_with(' '));
        assert_eq!(out.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn folding_never_splits_a_multi_byte_character() {
        // 74 ASCII octets leave one octet: "ö" (2 octets) must move to the next line whole.
        let line = format!("{}ö{}", "a".repeat(74), "€".repeat(40));
        let out = folded(&line);
        let physical: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert_eq!(physical[0], "a".repeat(74));
        assert!(physical[1].starts_with(" ö€"));
        assert!(physical.iter().all(|l| l.len() <= 75), "{physical:?}");
        assert_eq!(out.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn folding_keeps_an_escape_sequence_on_one_line() {
        let line = format!("{}\\,{}", "a".repeat(74), "b".repeat(10));
        let out = folded(&line);
        assert_eq!(
            out,
            format!("{}\r\n \\,{}\r\n", "a".repeat(74), "b".repeat(10))
        );
        // A trailing lone backslash (not produced by the escaper) is still written.
        assert_eq!(folded("x\\"), "x\\\r\n");
    }

    #[test]
    fn text_escaping() {
        assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(
            escape_text("one\ntwo\r\nthree\rfour"),
            r"one\ntwo\nthree\nfour"
        );
        assert_eq!(escape_text("tab\there\u{7}bell\u{0}"), "tab\therebell");
        assert_eq!(
            escape_text("Västra Götaland: sal 3"),
            "Västra Götaland: sal 3"
        );
        assert_eq!(
            escape_text(r"\n"),
            r"\\n",
            "a literal backslash-n is not a line break"
        );
    }

    #[test]
    fn the_calendar_name_falls_back_to_the_title_then_the_program() {
        let now = "2026-11-22T10:00:00Z".parse().unwrap();
        let mut map = Map::new("m".into(), " Regional dialog ", now, vec![]);
        assert_eq!(calendar_name(&map), "Regional dialog");
        map.council.name = "Kompetensrådet".into();
        assert_eq!(calendar_name(&map), "Kompetensrådet");
        map.council.name = " ".into();
        map.title = String::new();
        assert_eq!(calendar_name(&map), "Samverkan");
    }

    #[test]
    fn meetings_without_a_positive_duration_have_no_end() {
        let mut meeting = Meeting {
            id: "x".into(),
            start: "2026-12-03T13:00:00".parse().unwrap(),
            duration_minutes: 90,
            place: String::new(),
            agenda: vec![],
            notes: String::new(),
        };
        assert_eq!(
            meeting_end(&meeting),
            Some("2026-12-03T14:30:00".parse().unwrap())
        );
        meeting.duration_minutes = 0;
        assert_eq!(meeting_end(&meeting), None);
        meeting.duration_minutes = i64::MAX;
        assert_eq!(meeting_end(&meeting), None);
    }
}
