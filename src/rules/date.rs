//! Dates: temporal expressions of French news resolved to calendar values.
//!
//! # Terms
//!
//! * An **expression** is the stretch of the fold view that says when
//!   something happened: "le 17 mars 2019", "dimanche soir", "la veille",
//!   "entre le 11 janvier et le 26 février 2013".
//! * A **family** is a kind of expression with its own regex and its own
//!   resolver (see [`Family`]); each family is documented with an example.
//! * The **reference date** is the document's publication date; without one,
//!   the latest fully specified day date earlier in the text (warning
//!   `inferred-reference-date`); without either, relative expressions stay
//!   unresolved (warning `unresolved-relative-date`).
//! * The **anchor** of "la veille", "le lendemain", "le même jour", "trois
//!   jours plus tard" is the most recent day-precision date mention before it.
//! * **News past**: a year-less date ("le 12 mars"), a lone month ("en
//!   février") or a weekday ("dimanche") is the most recent one at or before
//!   the reference date, unless the clause speaks of the future (cue words of
//!   the lexicon such as "prévu", "d'ici", "à partir du", "prochain", or a
//!   future-tense verb): then it is the next one.
//!
//! # How it works
//!
//! Two phases, as in HeidelTime and Duckling: every family's regex runs over
//! the fold view and yields candidates with an underspecified value
//! ([`Pending`]); overlapping candidates are settled by keeping the longest;
//! then the kept ones are resolved in text order, which is what anchors and
//! inferred reference dates need. A time of day ("vers 6 heures", "aux
//! environs de 06H00") next to a date is folded into it (`time`).
//!
//! Word lists (months, weekdays, parts of day, future cues, blockers of
//! four-digit numbers) are data in `gazetteers/dates.tsv`; regexes are
//! compiled once in [`DateRules::new`].
//!
//! # What is not a date
//!
//! Numbers without a month are never days. A bare four-digit number is a
//! year only between 1900 and 2099, when it is not part of a larger number,
//! not preceded by a word that names a numbered thing ("résolution 2100",
//! "bataillon 1984") or a quantity cue ("plus de 2000"), and not followed by
//! a lowercase word other than a function word ("2019 litres" is a quantity,
//! "en 2019, l'armée" and "2019 et 2020" are years). A year-less day after a
//! name head ("Mouvement du 23 mars") is part of a name, not a date.

use std::collections::HashSet;

use chrono::{Datelike, Duration, NaiveDate};
use regex::{Captures, Regex};

use super::{Found, RuleWarning};
use crate::model::DateMention;
use crate::normalize::{fold, NormalizedText};
use crate::segment::Segments;
use crate::span::ViewRange;

/// Date mentions and warnings of one document.
#[derive(Debug, Default)]
pub struct DateFindings {
    /// Date mentions in text order.
    pub dates: Vec<Found<DateMention>>,
    /// Unresolved or inferred dates.
    pub warnings: Vec<RuleWarning>,
}

/// The built-in lexicon.
const LEXICON: &str = include_str!("../../gazetteers/dates.tsv");

/// ASCII word boundary (the fold view is nearly ASCII).
const B: &str = r"(?-u:\b)";

/// The words of the date grammar, folded.
#[derive(Debug, Default)]
struct Lexicon {
    /// (form without final period, month, is an abbreviation)
    months: Vec<(String, u32, bool)>,
    weekdays: Vec<(String, u32)>,
    /// (form, qualifies as part of day)
    part_before: Vec<(String, bool)>,
    part_after: Vec<(String, bool)>,
    relative_days: Vec<(String, i64)>,
    future: Vec<String>,
    not_future: HashSet<String>,
    number_noun_before: Vec<String>,
    year_follow: HashSet<String>,
    name_heads: HashSet<String>,
    unit_after: HashSet<String>,
    count_words: Vec<(String, i64)>,
    report_verbs: Vec<String>,
}

impl Lexicon {
    fn parse(src: &str) -> Lexicon {
        let mut lx = Lexicon::default();
        let mut header = true;
        for line in src.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if header {
                header = false;
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 3 {
                continue;
            }
            let (kind, key) = (cols[0], cols[1]);
            let num: i64 = key.parse().unwrap_or(0);
            for form in cols[2].split('|').map(str::trim).filter(|f| !f.is_empty()) {
                let abbr = form.ends_with('.');
                let f = fold(form.trim_end_matches('.'));
                if f.is_empty() {
                    continue;
                }
                match kind {
                    "month" => lx.months.push((f, num as u32, abbr)),
                    "weekday" => lx.weekdays.push((f, num as u32)),
                    "part_before" => lx.part_before.push((f, key == "part_of_day")),
                    "part_after" => lx.part_after.push((f, key == "part_of_day")),
                    "relative_day" => lx.relative_days.push((f, num)),
                    "future" => lx.future.push(f),
                    "not_future" => {
                        lx.not_future.insert(f);
                    }
                    "number_noun_before" => lx.number_noun_before.push(f),
                    "year_follow" => {
                        lx.year_follow.insert(f);
                    }
                    "unit_after" => {
                        lx.unit_after.insert(f);
                    }
                    "name_head" => {
                        lx.name_heads.insert(f);
                    }
                    "count_word" => lx.count_words.push((f, num)),
                    "report_verb" => lx.report_verbs.push(f),
                    _ => {}
                }
            }
        }
        lx
    }

    fn month(&self, s: &str) -> Option<(u32, bool)> {
        let s = s.trim_end_matches('.');
        self.months.iter().find(|(f, _, _)| f == s).map(|&(_, m, a)| (m, a))
    }

    fn weekday(&self, s: &str) -> Option<u32> {
        self.weekdays.iter().find(|(f, _)| f == s).map(|&(_, w)| w)
    }

    fn count(&self, s: &str) -> Option<i64> {
        s.parse().ok().or_else(|| self.count_words.iter().find(|(f, _)| f == s).map(|&(_, n)| n))
    }

    fn part_is_pod(&self, s: &str) -> bool {
        self.part_before.iter().chain(&self.part_after).any(|(f, pod)| f == s && *pod)
    }
}

/// Regex alternation of forms, longest first so that alternation picks it.
fn alt<'a>(forms: impl Iterator<Item = &'a str>) -> String {
    let mut v: Vec<&str> = forms.collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v.dedup();
    v.iter().map(|f| regex::escape(f)).collect::<Vec<_>>().join("|")
}

/// The families of date expressions, one resolver each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// "17/03/2019", "17-03-2019", "17.03.2019".
    NumericDmy,
    /// "2019-03-17".
    NumericIso,
    /// "du 3 au 5 avril 2018", "entre le 11 janvier et le 26 février 2013",
    /// "les 16 et 17 mars", "dans la nuit du 26 au 27 janvier".
    DayRange,
    /// "le 17 mars 2019", "dimanche 17 mars", "le 1er avril", "3 févr. 2020",
    /// "à l'aube du 4 juin 2005".
    DayMonth,
    /// "entre janvier et septembre 2021", "de mars à mai".
    MonthRange,
    /// "en février 2009", "mi-mars 2019", "en mai dernier", "début janvier".
    MonthYear,
    /// "2018-2019", "entre 2012 et 2017".
    YearRange,
    /// "en 2012", "depuis 2012", "fin 2018", "Budget 2020 :".
    Year,
    /// "hier", "avant-hier", "aujourd'hui", "hier soir", "hier dimanche".
    RelativeDay,
    /// "ce matin", "ce soir", "cette nuit".
    ThisPart,
    /// "dans la nuit de samedi à dimanche", "entre mardi et mercredi".
    NightRange,
    /// "lundi et mardi".
    WeekdayPair,
    /// "dimanche", "ce lundi", "samedi soir", "jeudi dernier",
    /// "dans la soirée de vendredi", "samedi à l'aube".
    Weekday,
    /// "au cours du week-end", "ce week-end".
    Weekend,
    /// "la semaine dernière", "cette semaine".
    WeekRel,
    /// "il y a deux semaines", "il y a 3 jours".
    Ago,
    /// "le mois dernier", "à la fin du mois".
    MonthRel,
    /// "l'année dernière", "l'an dernier", "cette année", "en fin d'année",
    /// "cette année-là".
    YearRel,
    /// "la veille", "le lendemain", "le même jour", "deux jours plus tard",
    /// "deux ans plus tard".
    Anchor,
}

/// A named rule: a family and its compiled regex.
#[derive(Debug)]
struct Rule {
    name: &'static str,
    family: Family,
    re: Regex,
}

/// Past or future reading of an underspecified expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    /// No cue: news past unless the clause is future.
    Plain,
    /// "dernier", "passé": strictly before the reference.
    Last,
    /// "prochain": strictly after the reference.
    Next,
}

/// An expression as written, before resolution.
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    Day {
        d: u32,
        m: u32,
        y: Option<i32>,
    },
    DayRange {
        d1: u32,
        m1: u32,
        y1: Option<i32>,
        d2: u32,
        m2: u32,
        y2: Option<i32>,
    },
    Month {
        m: u32,
        y: Option<i32>,
        rel: Rel,
    },
    MonthRange {
        m1: u32,
        y1: Option<i32>,
        m2: u32,
        y2: Option<i32>,
    },
    Year(i32),
    YearRange(i32, i32),
    RelDay(i64),
    Weekday {
        wd: u32,
        rel: Rel,
    },
    /// Two weekdays, the second the later ("nuit de samedi à dimanche").
    WeekdayRange {
        wd1: u32,
        wd2: u32,
    },
    Weekend(Rel),
    /// Offset in weeks from the reference week.
    Week(i64),
    AgoDays(i64),
    AgoWeeks(i64),
    AgoMonths(i64),
    AgoYears(i64),
    /// Offset in months from the reference month.
    MonthOffset(i64),
    /// Offset in years from the reference year.
    YearOffset(i64),
    /// "cette nuit", "la nuit dernière": the day before the reference and the reference.
    LastNight,
    /// "en fin d'année": the current year, or the last one early in a year.
    YearEnd,
    /// Days after (or before, negative) the anchor day.
    AnchorDays(i64),
    /// Years after the anchor's year.
    AnchorYears(i64),
}

/// A candidate expression found by a rule.
#[derive(Debug, Clone)]
struct Candidate {
    start: usize,
    end: usize,
    rule: &'static str,
    pending: Pending,
    part_of_day: bool,
    time: Option<(u32, u32)>,
}

/// A resolved calendar value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Val {
    Day(NaiveDate),
    Month(i32, u32),
    Year(i32),
}

impl Val {
    fn format(&self) -> String {
        match self {
            Val::Day(d) => d.format("%Y-%m-%d").to_string(),
            Val::Month(y, m) => format!("{y:04}-{m:02}"),
            Val::Year(y) => format!("{y:04}"),
        }
    }

    fn year(&self) -> i32 {
        match self {
            Val::Day(d) => d.year(),
            Val::Month(y, _) | Val::Year(y) => *y,
        }
    }
}

/// The compiled date grammar.
#[derive(Debug)]
pub struct DateRules {
    lexicon: Lexicon,
    rules: Vec<Rule>,
    time_after: Regex,
    time_before: Regex,
    part_after: Regex,
    word: Regex,
}

impl Default for DateRules {
    fn default() -> Self {
        DateRules::new()
    }
}

impl DateRules {
    /// Compiles the grammar from `gazetteers/dates.tsv`.
    pub fn new() -> DateRules {
        let lx = Lexicon::parse(LEXICON);
        let full = alt(lx.months.iter().filter(|m| !m.2).map(|m| m.0.as_str()));
        let abbr = alt(lx.months.iter().filter(|m| m.2).map(|m| m.0.as_str()));
        let month = |name: &str| format!(r"(?P<{name}>(?:{full}){B}|(?:{abbr}){B}\.?)");
        let wd_alt = alt(lx.weekdays.iter().map(|w| w.0.as_str()));
        let wd = |name: &str| format!(r"(?P<{name}>{wd_alt}){B}");
        let day = |name: &str| format!(r"{B}(?P<{name}>1er|premier|[12][0-9]|3[01]|0?[1-9]){B}");
        let year = |name: &str| format!(r"(?P<{name}>(?:19|20)[0-9]{{2}}){B}");
        let pb = alt(lx.part_before.iter().map(|p| p.0.as_str()));
        let pa = alt(lx.part_after.iter().map(|p| p.0.as_str()));
        let rd = alt(lx.relative_days.iter().map(|p| p.0.as_str()));
        let count = alt(lx.count_words.iter().map(|p| p.0.as_str()));
        let part_after = format!(r"(?:,?\s(?P<pa>{pa}){B})?");
        let rules: Vec<(&'static str, Family, String)> = vec![
            (
                "numeric_dmy",
                Family::NumericDmy,
                format!(
                    r"(?:{B}le\s)?{B}(?P<d>[0-3]?[0-9])(?P<s1>[/.-])(?P<m>[01]?[0-9])(?P<s2>[/.-])(?P<y>(?:19|20)[0-9]{{2}}|[0-9]{{2}}){B}"
                ),
            ),
            (
                "numeric_iso",
                Family::NumericIso,
                format!(r"{B}(?P<y>(?:19|20)[0-9]{{2}})-(?P<m>[01][0-9])-(?P<d>[0-3][0-9]){B}"),
            ),
            (
                "day_range",
                Family::DayRange,
                format!(
                    r"(?:{B}(?:(?:dans la nuit|la nuit|nuit) du|du|entre le|entre|les)\s)?(?:{wd1}\s)?{d1}(?:\s{m1}(?:\s{y1})?)?(?:,\s(?:1er|[0-9]{{1,2}}))*,?\s(?:au|et le|et|a)\s(?:{wd2}\s)?{d2}\s{m2}(?:\s{y2})?",
                    wd1 = wd("wa"),
                    wd2 = wd("wb"),
                    d1 = day("d1"),
                    m1 = month("m1"),
                    y1 = year("y1"),
                    d2 = day("d2"),
                    m2 = month("m2"),
                    y2 = year("y2")
                ),
            ),
            (
                "day_month",
                Family::DayMonth,
                format!(
                    r"(?:{B}(?P<pb>{pb})\s(?:du\s|de\s|d'))?(?:{B}(?:le|du|au|des|depuis le|des le|avant le|apres le|jusqu'au|a partir du|a compter du)\s)?(?:{wdg},?\s)?{d}\s{m}(?:\s{y}|\s(?P<rel>dernier|passe){B})?",
                    wdg = wd("wd"),
                    d = day("d"),
                    m = month("m"),
                    y = year("y")
                ),
            ),
            (
                "month_range",
                Family::MonthRange,
                format!(
                    r"{B}(?:entre|de)\s{m1}(?:\s{y1})?\s(?:et|a)\s{m2}(?:\s{y2})?",
                    m1 = month("m1"),
                    y1 = year("y1"),
                    m2 = month("m2"),
                    y2 = year("y2")
                ),
            ),
            (
                "month_year",
                Family::MonthYear,
                format!(
                    r"(?:{B}(?P<pre>(?:(?:depuis|des|jusqu'en|jusqu'a|a partir|d'ici|courant|debut|fin|mi|en|la|le|a|au|du|de|mois)(?:\s|-))+))?{B}{m}(?:\s{y}|\s(?P<rel>dernier|passe|prochain){B})?",
                    m = month("m"),
                    y = year("y")
                ),
            ),
            (
                "year_range",
                Family::YearRange,
                format!(r"(?:{B}(?P<pre>entre|de)\s)?{B}{y1}(?:-|\s(?:et|a)\s){y2}", y1 = year("y1"), y2 = year("y2")),
            ),
            (
                "year",
                Family::Year,
                format!(
                    r"(?:{B}(?:(?:en |a la |au )?(?:fin|debut) (?:d'annee|de l'annee)|l'annee|l'an|en|depuis|des|pour|avant|apres|de|d'ici a|d'ici|fin|debut|courant|jusqu'en)\s|{B}mi-)?{B}{y}",
                    y = year("y")
                ),
            ),
            (
                "relative_day",
                Family::RelativeDay,
                format!(r"{B}(?P<rd>{rd}){B}(?:\s{wdg})?{part_after}", wdg = wd("wd")),
            ),
            (
                "this_part",
                Family::ThisPart,
                format!(
                    r"{B}(?:(?:ce|cette|cet)\s(?P<pa>matin|soir|nuit|apres-midi|midi|matinee|soiree)|(?P<ln>la nuit derniere|la nuit passee)){B}"
                ),
            ),
            (
                "night_range",
                Family::NightRange,
                format!(
                    r"{B}(?:(?:dans la|la|cette) nuit de|nuit de|entre|du|de)\s{w1}\s(?:a|au|et)\s{w2}",
                    w1 = wd("wd1"),
                    w2 = wd("wd2")
                ),
            ),
            ("weekday_pair", Family::WeekdayPair, format!(r"{B}{w1}\set\s{w2}", w1 = wd("wd1"), w2 = wd("wd2"))),
            (
                "weekday",
                Family::Weekday,
                format!(
                    r"(?:{B}(?P<pb>{pb})\s(?:de\s|du\s|d'))?(?:{B}(?P<lead>ce|depuis|des|de|a compter de|jusqu'a|le|pour|avant|apres)\s)?{B}{wdg}{part_after}(?:\s(?P<rel>dernier|prochain|passe){B})?",
                    wdg = wd("wd")
                ),
            ),
            (
                "weekend",
                Family::Weekend,
                format!(
                    r"{B}(?:au cours du|durant le|pendant le|lors du|ce|le|du|un)\sweek(?:-|\s)?end{B}(?:\s(?P<rel>dernier|prochain|passe){B})?"
                ),
            ),
            (
                "week_relative",
                Family::WeekRel,
                format!(
                    r"{B}(?:(?:la|de la|durant la|pendant la)\s(?:seule\s)?)?semaine\s(?P<rel>derniere|passee|prochaine){B}|{B}(?P<this>cette)\ssemaine{B}"
                ),
            ),
            (
                "ago",
                Family::Ago,
                format!(
                    r"{B}il y a\s(?:(?:environ|pres de|plus de|quelque)\s)?(?P<n>[0-9]{{1,3}}|{count})\s(?P<u>jours?|semaines?|mois){B}"
                ),
            ),
            (
                "month_relative",
                Family::MonthRel,
                format!(
                    r"{B}(?:le|du|au cours du|depuis le debut du)\smois\s(?P<rel>dernier|passe|prochain){B}|{B}(?P<this>ce mois(?:-ci)?|(?:(?:a|d'ici|avant|jusqu'a) )?la fin du mois|fin du mois|(?:depuis )?le debut du mois|(?:au|en) debut de mois|en fin de mois){B}"
                ),
            ),
            (
                "year_relative",
                Family::YearRel,
                format!(
                    r"{B}l'(?:annee|an)\s(?P<rel>derniere|dernier|passee|passe|prochaine|prochain){B}|{B}(?P<that>cette annee-la){B}|{B}(?P<this>cette annee|l'annee en cours|(?:depuis )?le debut de l'annee|en debut d'annee){B}|{B}(?P<end>(?:d'ici |avant |jusqu'a )?(?:a )?la fin de l'annee|en fin d'annee|fin d'annee){B}"
                ),
            ),
            (
                "anchor",
                Family::Anchor,
                format!(
                    r"{B}(?P<k>la veille|le lendemain|le surlendemain|l'avant-veille|le meme jour|ce jour-la|le jour meme|le jour suivant|le jour precedent){B}(?:\s(?P<pa>au soir|au matin|matin|soir){B})?|{B}(?P<n>[0-9]{{1,2}}|{count})\s(?P<u>jours|ans)\s(?P<dir>plus tard|plus tot|auparavant){B}|{B}l'annee\s(?P<ky>suivante|precedente){B}"
                ),
            ),
        ];
        let rules = rules
            .into_iter()
            .map(|(name, family, pat)| Rule {
                name,
                family,
                re: compile(&pat).unwrap_or_else(|e| panic!("date rule {name}: {e}")),
            })
            .collect();
        let hour = r"(?P<h>[01]?[0-9]|2[0-3])\s?(?:h|heures?|:)\s?(?P<mi>[0-5][0-9])?(?-u:\b)(?:\s(?P<ampm>du matin|du soir|de l'apres-midi|de la nuit))?";
        let cue = r"(?:vers|a|aux environs de|aux alentours de|autour de|peu avant|peu apres|des|a partir de|jusqu'a)";
        DateRules {
            time_after: compile(&format!(
                r"^(?:,?\s{cue}\s{hour}|\s?-\s(?P<h2>[01]?[0-9]|2[0-3]):(?P<mi2>[0-5][0-9]))"
            ))
            .expect("time_after"),
            time_before: compile(&format!(r"{B}{cue}\s{hour},?\s$")).expect("time_before"),
            part_after: compile(&format!(r"^,?\s(?P<pa>{pa}){B}")).expect("part_after"),
            word: Regex::new(r"[a-z][a-z\-]*'?").expect("word"),
            lexicon: lx,
            rules,
        }
    }

    /// Finds and resolves the dates of a document against `published`.
    pub fn find(&self, text: &NormalizedText, segments: &Segments, published: Option<NaiveDate>) -> DateFindings {
        let f = text.fold();
        let mut cands: Vec<Candidate> = Vec::new();
        for rule in &self.rules {
            // Matches may overlap ("dimanche, dans la soirée de vendredi" must
            // not hide "dans la soirée de vendredi"): search again from the
            // next character after each match start; the longest wins below.
            let mut pos = 0;
            // The fast search finds where a match is; captures run only on it.
            while let Some(found) = rule.re.find_at(f, pos) {
                if let Some(caps) = rule.re.captures_at(&f[..found.end()], found.start()) {
                    if let Some(m0) = caps.get(0) {
                        if let Some(c) = self.candidate(text, rule, &caps, m0.start(), m0.end()) {
                            cands.push(c);
                        }
                    }
                }
                pos = found.start() + f[found.start()..].chars().next().map_or(1, char::len_utf8);
            }
        }
        // Longest wins; on ties, the earlier rule (more specific) wins.
        let order: Vec<usize> = {
            let mut o: Vec<usize> = (0..cands.len()).collect();
            o.sort_by_key(|&i| (std::cmp::Reverse(cands[i].end - cands[i].start), cands[i].start));
            o
        };
        let mut kept: Vec<Candidate> = Vec::new();
        for i in order {
            let c = &cands[i];
            if kept.iter().all(|k| k.end <= c.start || c.end <= k.start) {
                kept.push(c.clone());
            }
        }
        kept.sort_by_key(|c| c.start);
        self.attach_times(f, &mut kept);
        self.resolve_all(text, segments, published, kept)
    }

    /// Builds a candidate from a rule match, or rejects it.
    fn candidate(
        &self,
        text: &NormalizedText,
        rule: &Rule,
        caps: &Captures,
        start: usize,
        end: usize,
    ) -> Option<Candidate> {
        let f = text.fold();
        let lx = &self.lexicon;
        let s = |n: &str| caps.name(n).map(|m| m.as_str());
        let num = |n: &str| s(n).and_then(parse_day);
        let yr = |n: &str| s(n).and_then(|v| v.parse::<i32>().ok());
        // A month abbreviation is a month only with its period or a year ("sept soldats").
        let mon = |n: &str, y: Option<i32>| -> Option<u32> {
            let g = caps.name(n)?;
            let raw = g.as_str();
            let (m, is_abbr) = lx.month(raw)?;
            // A month glued to a word by a hyphen is part of a name ("Maï-Maï").
            let glued =
                f[g.end()..].starts_with('-') && f[g.end() + 1..].starts_with(|c: char| c.is_ascii_alphabetic());
            (!glued && (!is_abbr || raw.ends_with('.') || y.is_some())).then_some(m)
        };
        let pod = |n: &str| s(n).is_some_and(|p| lx.part_is_pod(p));
        let rel = match s("rel") {
            Some(r) if r.starts_with("prochain") => Rel::Next,
            Some(_) => Rel::Last,
            None => Rel::Plain,
        };
        let mut part = false;
        let pending = match rule.family {
            Family::NumericDmy => {
                if s("s1") != s("s2") {
                    return None;
                }
                let (d, m, mut y) = (num("d")?, s("m")?.parse().ok()?, yr("y")?);
                // Two-digit years only with slashes ("17/03/19"), read as 20yy.
                if s("y").is_some_and(|v| v.len() == 2) {
                    if s("s1") != Some("/") {
                        return None;
                    }
                    y += 2000;
                }
                NaiveDate::from_ymd_opt(y, m, d)?;
                // "1.200.2019" or "3-4-2019 000" are not dates: digits must not continue.
                if f[end..].starts_with(|c: char| c.is_ascii_digit())
                    || f[..start].ends_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',')
                {
                    return None;
                }
                Pending::Day { d, m, y: Some(y) }
            }
            Family::NumericIso => {
                let (d, m, y) = (num("d")?, s("m")?.parse().ok()?, yr("y")?);
                NaiveDate::from_ymd_opt(y, m, d)?;
                Pending::Day { d, m, y: Some(y) }
            }
            Family::DayRange => {
                let (y1, y2) = (yr("y1"), yr("y2"));
                let m2 = mon("m2", y2)?;
                let m1 = if s("m1").is_some() { mon("m1", y1)? } else { m2 };
                let (d1, d2) = (num("d1")?, num("d2")?);
                // "le 9 mai 2019 et le 9 mai 2019" is two dates, not a range.
                let y1_or = y1.or(y2).unwrap_or(2000);
                if (y1_or, m1, d1) >= (y2.unwrap_or(y1_or), m2, d2) && (y1.is_some() || m1 <= m2) {
                    return None;
                }
                Pending::DayRange { d1, m1, y1, d2, m2, y2 }
            }
            Family::DayMonth => {
                let y = yr("y");
                let m = mon("m", y)?;
                let d = num("d")?;
                if y.is_none() && self.after_name_head(f, start) {
                    return None;
                }
                if y.is_none() && year_follows_as_number(f, end) {
                    return None;
                }
                part = pod("pb");
                Pending::Day { d, m, y }
            }
            Family::MonthRange => {
                let (y1, y2) = (yr("y1"), yr("y2"));
                Pending::MonthRange { m1: mon("m1", y1)?, y1, m2: mon("m2", y2)?, y2 }
            }
            Family::MonthYear => {
                let y = yr("y");
                let m = mon("m", y)?;
                let pre = s("pre").unwrap_or("");
                let cued = pre.split([' ', '-']).any(|w| {
                    matches!(
                        w,
                        "depuis"
                            | "des"
                            | "jusqu'en"
                            | "jusqu'a"
                            | "partir"
                            | "d'ici"
                            | "courant"
                            | "debut"
                            | "fin"
                            | "mi"
                            | "en"
                            | "mois"
                    )
                });
                if y.is_none() && rel == Rel::Plain && !cued {
                    return None;
                }
                Pending::Month { m, y, rel }
            }
            Family::YearRange => {
                let (y1, y2) = (yr("y1")?, yr("y2")?);
                // "2018-2019" is a span of years whatever follows; "entre 2000 et 2019 litres" is not.
                let dashed = f[start..end].contains('-');
                let ys = caps.name("y1")?.start();
                if y2 <= y1 || !self.year_free(text, ys, end, !dashed) {
                    return None;
                }
                Pending::YearRange(y1, y2)
            }
            Family::Year => {
                let y = yr("y")?;
                let ys = caps.name("y")?.start();
                if !self.year_free(text, ys, end, true) {
                    return None;
                }
                Pending::Year(y)
            }
            Family::RelativeDay => {
                let n = lx.relative_days.iter().find(|(w, _)| Some(w.as_str()) == s("rd"))?.1;
                part = pod("pa");
                Pending::RelDay(n)
            }
            // "cette nuit", "la nuit dernière": the night that ends on the
            // reference day, a two-day range like "la nuit de dimanche à lundi".
            Family::ThisPart if s("ln").is_some() || s("pa") == Some("nuit") => Pending::LastNight,
            Family::ThisPart => {
                part = true;
                Pending::RelDay(0)
            }
            Family::NightRange | Family::WeekdayPair => {
                let (wd1, wd2) = (lx.weekday(s("wd1")?)?, lx.weekday(s("wd2")?)?);
                if wd1 == wd2 || self.generic_weekday(f, start) {
                    return None;
                }
                Pending::WeekdayRange { wd1, wd2 }
            }
            Family::Weekday => {
                // "le jeudi" alone is habitual ("le marché se tient le jeudi").
                let after_le = s("lead") == Some("le") || f[..start].ends_with(" le ") || f[..start].ends_with("\nle ");
                let habitual = after_le && s("rel").is_none() && s("pa").is_none();
                if habitual || self.generic_weekday(f, start) {
                    return None;
                }
                part = pod("pb") || pod("pa");
                Pending::Weekday { wd: lx.weekday(s("wd")?)?, rel }
            }
            Family::Weekend => {
                // "le week-end du 16 au 17 mars" is dated by its days.
                let rest = &f[end..];
                let dated = ["du ", "des "].iter().any(|p| {
                    rest.trim_start().strip_prefix(p).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
                });
                if f[..start].ends_with("chaque ") || dated {
                    return None;
                }
                Pending::Weekend(rel)
            }
            Family::WeekRel => match s("rel") {
                Some(r) if r.starts_with("prochaine") => Pending::Week(1),
                Some(_) => Pending::Week(-1),
                None => Pending::Week(0),
            },
            Family::Ago => {
                let n = lx.count(s("n")?)?;
                let u = s("u")?;
                if u.starts_with("jour") {
                    Pending::AgoDays(n)
                } else if u.starts_with("semaine") {
                    Pending::AgoWeeks(n)
                } else if u == "mois" {
                    Pending::AgoMonths(n)
                } else {
                    Pending::AgoYears(n)
                }
            }
            Family::MonthRel => match s("rel") {
                Some(r) if r.starts_with("prochain") => Pending::MonthOffset(1),
                Some(_) => Pending::MonthOffset(-1),
                None => Pending::MonthOffset(0),
            },
            Family::YearRel => {
                if s("that").is_some() {
                    Pending::AnchorYears(0)
                } else if s("end").is_some() {
                    Pending::YearEnd
                } else {
                    match s("rel") {
                        Some(r) if r.starts_with("prochain") => Pending::YearOffset(1),
                        Some(_) => Pending::YearOffset(-1),
                        None => Pending::YearOffset(0),
                    }
                }
            }
            Family::Anchor => {
                if let Some(k) = s("k") {
                    part = pod("pa");
                    Pending::AnchorDays(match k {
                        "la veille" => -1,
                        "l'avant-veille" => -2,
                        "le lendemain" => 1,
                        "le surlendemain" => 2,
                        "le jour suivant" => 1,
                        "le jour precedent" => -1,
                        _ => 0,
                    })
                } else if let Some(k) = s("ky") {
                    Pending::AnchorYears(if k == "suivante" { 1 } else { -1 })
                } else {
                    let n = lx.count(s("n")?)?;
                    let n = if s("dir") == Some("plus tard") { n } else { -n };
                    if s("u") == Some("ans") {
                        // "deux ans plus tôt" mostly compares figures; only "plus tard" dates.
                        if n < 0 {
                            return None;
                        }
                        Pending::AnchorYears(n)
                    } else {
                        Pending::AnchorDays(n)
                    }
                }
            }
        };
        Some(Candidate { start, end, rule: rule.name, pending, part_of_day: part, time: None })
    }

    /// True when the year-less day at `start` follows a name head within
    /// three words ("Mouvement du 23 mars", "Alliance démocratique du 23 mai").
    fn after_name_head(&self, f: &str, start: usize) -> bool {
        let before = &f[floor_boundary(f, start.saturating_sub(40))..start];
        let words: Vec<&str> =
            before.split(|c: char| !c.is_ascii_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
        words.iter().rev().take(3).any(|w| self.lexicon.name_heads.contains(*w))
    }

    /// True for weekdays used as "every Monday" ("chaque lundi", "tous les lundis").
    fn generic_weekday(&self, f: &str, start: usize) -> bool {
        let before = &f[floor_boundary(f, start.saturating_sub(12))..start];
        before.ends_with("chaque ") || before.ends_with("tous les ")
    }

    /// True when the four digits at `ys..end` stand free as a year: not part
    /// of a larger number, not a numbered thing, not a quantity.
    fn year_free(&self, text: &NormalizedText, ys: usize, end: usize, check_follow: bool) -> bool {
        let f = text.fold();
        let before = &f[floor_boundary(f, ys.saturating_sub(40))..ys];
        let b = before.trim_end();
        // "1 2019" (thousands), "12.2019", "3,2019", "n°2019", "1/2019"
        let glued = before.len() == b.len();
        if b.ends_with(|c: char| c.is_ascii_digit()) && before.len() - b.len() <= 1 {
            return false;
        }
        if glued && b.ends_with([',', '.', '°', '/', '-', '+']) {
            return false;
        }
        for w in &self.lexicon.number_noun_before {
            if b.ends_with(w.as_str()) {
                let k = b.len() - w.len();
                if k == 0 || !b.as_bytes()[k - 1].is_ascii_alphanumeric() {
                    return false;
                }
            }
        }
        let after = &f[end..];
        // "2019,5", "2019.3", and identifiers such as "loi 2019-015", "2019/12".
        if after.starts_with([',', '.', '-', '/']) && after[1..].starts_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
        let rest = after.trim_start_matches(' ');
        if rest.starts_with(|c: char| c.is_ascii_digit() || c == '%') {
            return false;
        }
        if check_follow && after.starts_with(' ') {
            if let Some(w) = self.word.find(rest).filter(|m| m.start() == 0) {
                let word = w.as_str();
                let pos = end + (after.len() - rest.len());
                if self.lexicon.unit_after.contains(word)
                    || (!self.lexicon.year_follow.contains(word) && !text.is_upper_at(pos))
                {
                    return false;
                }
            }
        }
        true
    }

    /// Folds an adjacent time of day ("vers 6 heures", "06H00") or part of
    /// day ("en fin de matinée") into each date.
    fn attach_times(&self, f: &str, kept: &mut [Candidate]) {
        for i in 0..kept.len() {
            let next_start = kept.get(i + 1).map_or(f.len(), |c| c.start);
            let prev_end = if i > 0 { kept[i - 1].end } else { 0 };
            let c = &mut kept[i];
            let tail = &f[c.end..floor_boundary(f, (c.end + 60).min(f.len()))];
            if let Some(m) = self.part_after.captures(tail) {
                let e = c.end + m.get(0).map_or(0, |x| x.end());
                if e <= next_start
                    && matches!(c.pending, Pending::Day { .. } | Pending::RelDay(_) | Pending::AnchorDays(_))
                {
                    c.end = e;
                    c.part_of_day |= m.name("pa").is_some_and(|p| self.lexicon.part_is_pod(p.as_str()));
                }
            }
            let tail = &f[c.end..floor_boundary(f, (c.end + 60).min(f.len()))];
            if let Some(m) = self.time_after.captures(tail) {
                let e = c.end + m.get(0).map_or(0, |x| x.end());
                if e <= next_start {
                    if let Some(t) = parse_time(&m) {
                        c.end = e;
                        c.time = Some(t);
                        continue;
                    }
                }
            }
            let from = floor_boundary(f, c.start.saturating_sub(60));
            let head = &f[from..c.start];
            if let Some(m) = self.time_before.captures(head) {
                let s = from + m.get(0).map_or(0, |x| x.start());
                if s >= prev_end {
                    if let Some(t) = parse_time(&m) {
                        c.start = s;
                        c.time = Some(t);
                    }
                }
            }
        }
    }

    /// True when the date at `start..end` dates a report, not an event: a
    /// reporting verb just before it ("a annoncé mardi", "publié le"), or
    /// right after a sentence it opens ("Ce mercredi, un chef a livré un
    /// chiffre").
    fn is_report_date(&self, text: &NormalizedText, segments: &Segments, start: usize, end: usize) -> bool {
        let f = text.fold();
        let sentence = segments.sentences.get(segments.sentence_at(start)).map(|s| s.range);
        let Some(sentence) = sentence else { return false };
        let has_verb = |window: &str| {
            self.lexicon.report_verbs.iter().any(|v| {
                window.match_indices(v.as_str()).any(|(k, _)| {
                    let e = k + v.len();
                    (k == 0 || !window.as_bytes()[k - 1].is_ascii_alphanumeric())
                        && (e == window.len() || !window.as_bytes()[e].is_ascii_alphanumeric())
                })
            })
        };
        let lead = &f[sentence.start.min(start)..start];
        let near_before = &lead[floor_boundary(lead, lead.len().saturating_sub(24))..];
        if has_verb(near_before) {
            return true;
        }
        let opens = lead.trim().len() <= 3;
        let after = &f[end..floor_boundary(f, (end + 70).min(sentence.end.max(end)))];
        opens && has_verb(after)
    }

    /// True when the clause around `start..end` speaks of the future.
    fn future_context(&self, text: &NormalizedText, segments: &Segments, start: usize, end: usize) -> bool {
        let f = text.fold();
        // "le 11 mars dernier", "jeudi passé": said as past whatever the clause.
        let own = &f[start..end];
        if own.ends_with("dernier") || own.ends_with("derniere") || own.ends_with("passe") {
            return false;
        }
        let sent_start = segments.sentences.get(segments.sentence_at(start)).map_or(0, |s| s.range.start).min(start);
        let from = floor_boundary(f, start.saturating_sub(90).max(sent_start));
        let window = &f[from..end];
        let after = &f[end..floor_boundary(f, (end + 14).min(f.len()))];
        if after.trim_start().starts_with("prochain") {
            return true;
        }
        for cue in &self.lexicon.future {
            let mut at = 0;
            while let Some(k) = window[at..].find(cue.as_str()) {
                let s = at + k;
                let e = s + cue.len();
                let left_ok = s == 0 || !window.as_bytes()[s - 1].is_ascii_alphanumeric();
                let right_ok =
                    e == window.len() || !window.as_bytes()[e].is_ascii_alphanumeric() || cue.ends_with('\'');
                if left_ok && right_ok {
                    return true;
                }
                at = e;
            }
        }
        // Future-tense verbs: "sera", "entrera", "examineront" (not proper nouns).
        for m in self.word.find_iter(window) {
            let w = m.as_str();
            // No future ends in "-ara": "déclara" is a passé simple.
            let future = w.len() >= 4 && ((w.ends_with("ra") && !w.ends_with("ara")) || w.ends_with("ront"))
                || matches!(w, "ira" | "iront");
            if future && !self.lexicon.not_future.contains(w) && !text.is_upper_at(from + m.start()) {
                return true;
            }
        }
        false
    }

    /// Resolves the kept candidates in text order.
    fn resolve_all(
        &self,
        text: &NormalizedText,
        segments: &Segments,
        published: Option<NaiveDate>,
        kept: Vec<Candidate>,
    ) -> DateFindings {
        let mut out = DateFindings::default();
        let mut inferred: Option<NaiveDate> = None;
        let mut last_day: Option<(NaiveDate, NaiveDate)> = None;
        let mut last_year: Option<i32> = None;
        for c in kept {
            let range = ViewRange::new(c.start, c.end);
            let reference = published.or(inferred);
            let future = needs_direction(&c.pending) && self.future_context(text, segments, c.start, c.end);
            let (resolved, kind) = resolve(&c.pending, reference, future, last_day, last_year);
            let mut resolution = match kind {
                Basis::Absolute => "absolute",
                Basis::Reference | Basis::Anchor => "relative",
            };
            let (value, end_val, mut precision) = match resolved {
                Some((v, e, p)) => (Some(v), e, p),
                // An impossible absolute date ("31 février 2019") is no date.
                None if kind == Basis::Absolute => continue,
                None => {
                    resolution = "underspecified";
                    out.warnings.push(RuleWarning {
                        range: Some(range),
                        code: "unresolved-relative-date",
                        message: format!("no reference date to resolve {:?}", text.original_of(range)),
                    });
                    (None, None, default_precision(&c.pending))
                }
            };
            if value.is_some() && kind == Basis::Reference && published.is_none() {
                out.warnings.push(RuleWarning {
                    range: Some(range),
                    code: "inferred-reference-date",
                    message: format!(
                        "resolved against {} (no publication date)",
                        inferred.map(|d| d.to_string()).unwrap_or_default()
                    ),
                });
            }
            if c.part_of_day
                && precision == "day"
                && !matches!(c.pending, Pending::DayRange { .. } | Pending::WeekdayRange { .. })
            {
                precision = "part_of_day";
            }
            if let Some(v) = value {
                last_year = Some(v.year());
                if let Val::Day(d) = v {
                    let e = match end_val {
                        Some(Val::Day(e)) => e,
                        _ => d,
                    };
                    // The day a figure or a statement was given anchors no
                    // "le même jour" or "le lendemain" of the story.
                    if precision != "week" && !self.is_report_date(text, segments, c.start, c.end) {
                        last_day = Some((d, e));
                    }
                    if kind == Basis::Absolute {
                        inferred = Some(d);
                    }
                }
            }
            let mention = DateMention {
                span: text.span(range),
                value: value.map(|v| v.format()),
                end: end_val.map(|v| v.format()),
                precision: precision.to_string(),
                resolution: resolution.to_string(),
                time: c.time.map(|(h, m)| format!("{h:02}:{m:02}")),
            };
            out.dates.push(Found { range, rule: c.rule, mention });
        }
        out
    }
}

/// What a value was resolved from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Basis {
    /// The text gives the full value.
    Absolute,
    /// Resolved against the reference date.
    Reference,
    /// Resolved against an earlier date mention.
    Anchor,
}

/// True for expressions whose reading depends on past or future.
fn needs_direction(p: &Pending) -> bool {
    matches!(
        p,
        Pending::Day { y: None, .. }
            | Pending::DayRange { y2: None, .. }
            | Pending::Month { y: None, .. }
            | Pending::MonthRange { y2: None, .. }
            | Pending::Weekday { .. }
            | Pending::WeekdayRange { .. }
            | Pending::Weekend(_)
            | Pending::YearEnd
    )
}

fn default_precision(p: &Pending) -> &'static str {
    match p {
        Pending::Month { .. } | Pending::MonthRange { .. } | Pending::AgoMonths(_) | Pending::MonthOffset(_) => "month",
        Pending::Year(_)
        | Pending::YearRange(..)
        | Pending::AgoYears(_)
        | Pending::YearOffset(_)
        | Pending::YearEnd
        | Pending::AnchorYears(_) => "year",
        Pending::Week(_) | Pending::AgoWeeks(_) => "week",
        _ => "day",
    }
}

type Resolved = Option<(Val, Option<Val>, &'static str)>;

/// Resolves one expression. `reference` is the publication (or inferred)
/// date, `future` the reading of the clause, `last_day` the anchor range and
/// `last_year` the year of the latest date mention.
fn resolve(
    p: &Pending,
    reference: Option<NaiveDate>,
    future: bool,
    last_day: Option<(NaiveDate, NaiveDate)>,
    last_year: Option<i32>,
) -> (Resolved, Basis) {
    let day = |d: NaiveDate| Some((Val::Day(d), None, "day"));
    match *p {
        Pending::Day { d, m, y: Some(y) } => (NaiveDate::from_ymd_opt(y, m, d).and_then(day), Basis::Absolute),
        Pending::DayRange { d1, m1, y1, d2, m2, y2: Some(y2) } => {
            let y1 = y1.unwrap_or(if m1 > m2 { y2 - 1 } else { y2 });
            (day_range(y1, m1, d1, y2, m2, d2), Basis::Absolute)
        }
        Pending::Month { m, y: Some(y), .. } => {
            (valid_month(y, m).then_some((Val::Month(y, m), None, "month")), Basis::Absolute)
        }
        Pending::MonthRange { m1, y1, m2, y2: Some(y2) } => {
            let y1 = y1.unwrap_or(if m1 > m2 { y2 - 1 } else { y2 });
            let ok = valid_month(y1, m1) && valid_month(y2, m2) && (y1, m1) < (y2, m2);
            (ok.then_some((Val::Month(y1, m1), Some(Val::Month(y2, m2)), "month")), Basis::Absolute)
        }
        Pending::Year(y) => (Some((Val::Year(y), None, "year")), Basis::Absolute),
        Pending::YearRange(a, b) => (Some((Val::Year(a), Some(Val::Year(b)), "year")), Basis::Absolute),
        Pending::AnchorDays(n) => {
            let r = last_day.and_then(|(s, e)| {
                let base = if n > 0 { e } else { s };
                base.checked_add_signed(Duration::days(n))
            });
            (r.and_then(day), Basis::Anchor)
        }
        Pending::AnchorYears(n) => (last_year.map(|y| (Val::Year(y + n as i32), None, "year")), Basis::Anchor),
        _ => {
            let Some(r) = reference else {
                return (None, Basis::Reference);
            };
            (resolve_relative(p, r, future), Basis::Reference)
        }
    }
}

/// Resolves an expression against the reference date `r`.
fn resolve_relative(p: &Pending, r: NaiveDate, future: bool) -> Resolved {
    let day = |d: NaiveDate| Some((Val::Day(d), None, "day"));
    let add = |n: i64| r.checked_add_signed(Duration::days(n));
    match *p {
        Pending::Day { d, m, y: None } => yearless_day(r, m, d, future).and_then(day),
        Pending::DayRange { d1, m1, d2, m2, y2: None, .. } => {
            let end = yearless_day(r, m2, d2, future)?;
            let y1 = if m1 > m2 { end.year() - 1 } else { end.year() };
            day_range(y1, m1, d1, end.year(), m2, d2)
        }
        Pending::Month { m, y: None, rel } => {
            let y = yearless_month(r, m, rel, future);
            Some((Val::Month(y, m), None, "month"))
        }
        Pending::MonthRange { m1, m2, y2: None, .. } => {
            let y2 = yearless_month(r, m2, Rel::Plain, future);
            let y1 = if m1 > m2 { y2 - 1 } else { y2 };
            Some((Val::Month(y1, m1), Some(Val::Month(y2, m2)), "month"))
        }
        Pending::RelDay(n) => add(n).and_then(day),
        Pending::LastNight => Some((Val::Day(add(-1)?), Some(Val::Day(r)), "day")),
        Pending::Weekday { wd, rel } => day(weekday_near(r, wd, rel, future)),
        Pending::WeekdayRange { wd1, wd2 } => {
            let d2 = weekday_near(r, wd2, Rel::Plain, future);
            let back = (wd2 as i64 - wd1 as i64).rem_euclid(7);
            let d1 = d2.checked_sub_signed(Duration::days(back))?;
            Some((Val::Day(d1), Some(Val::Day(d2)), "day"))
        }
        Pending::Weekend(rel) => {
            let wd = r.weekday().number_from_monday();
            let sat = if wd == 6 && rel == Rel::Plain {
                r
            } else if future || rel == Rel::Next {
                weekday_near(r, 6, Rel::Next, true)
            } else if wd == 7 && rel == Rel::Plain {
                add(-1)?
            } else {
                weekday_near(r, 6, Rel::Last, false)
            };
            let sun = sat.succ_opt()?;
            Some((Val::Day(sat), Some(Val::Day(sun)), "day"))
        }
        Pending::Week(k) => {
            let monday = add(-(r.weekday().num_days_from_monday() as i64) + 7 * k)?;
            Some((Val::Day(monday), Some(Val::Day(monday.checked_add_signed(Duration::days(6))?)), "week"))
        }
        Pending::AgoDays(n) => add(-n).and_then(day),
        Pending::AgoWeeks(n) => add(-7 * n).map(|d| (Val::Day(d), None, "week")),
        Pending::AgoMonths(n) => {
            let (y, m) = month_offset(r, -n);
            Some((Val::Month(y, m), None, "month"))
        }
        Pending::AgoYears(n) => Some((Val::Year(r.year() - n as i32), None, "year")),
        Pending::MonthOffset(k) => {
            let (y, m) = month_offset(r, k);
            Some((Val::Month(y, m), None, "month"))
        }
        Pending::YearOffset(k) => Some((Val::Year(r.year() + k as i32), None, "year")),
        Pending::YearEnd => {
            // Said early in a year about the past, "en fin d'année" is last year's end.
            let y = if !future && r.month() < 7 { r.year() - 1 } else { r.year() };
            Some((Val::Year(y), None, "year"))
        }
        _ => None,
    }
}

fn valid_month(y: i32, m: u32) -> bool {
    (1..=12).contains(&m) && (1000..=9999).contains(&y)
}

fn day_range(y1: i32, m1: u32, d1: u32, y2: i32, m2: u32, d2: u32) -> Resolved {
    let a = NaiveDate::from_ymd_opt(y1, m1, d1)?;
    let b = NaiveDate::from_ymd_opt(y2, m2, d2)?;
    (a < b).then_some((Val::Day(a), Some(Val::Day(b)), "day"))
}

/// The day `d/m` nearest to `r` in the reading's direction: at or before
/// `r` in the news past, at or after it in the future.
///
/// A day a few days after `r` is that day even without a future cue: news
/// writes a day of last year with its year ("les législatives du 29 mars"
/// said on 27 March are two days away, not a year ago).
fn yearless_day(r: NaiveDate, m: u32, d: u32, future: bool) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(r.year(), m, d);
    if let Some(x) = this {
        if !future && x > r && (x - r).num_days() <= 14 {
            return Some(x);
        }
    }
    match (this, future) {
        (Some(x), false) if x <= r => Some(x),
        (Some(x), true) if x >= r => Some(x),
        (_, false) => NaiveDate::from_ymd_opt(r.year() - 1, m, d),
        (_, true) => NaiveDate::from_ymd_opt(r.year() + 1, m, d),
    }
}

/// The year of month `m` nearest to `r` in the reading's direction.
fn yearless_month(r: NaiveDate, m: u32, rel: Rel, future: bool) -> i32 {
    let rm = r.month();
    match rel {
        Rel::Last => {
            if m < rm {
                r.year()
            } else {
                r.year() - 1
            }
        }
        Rel::Next => {
            if m > rm {
                r.year()
            } else {
                r.year() + 1
            }
        }
        Rel::Plain if future => {
            if m >= rm {
                r.year()
            } else {
                r.year() + 1
            }
        }
        Rel::Plain => {
            if m <= rm {
                r.year()
            } else {
                r.year() - 1
            }
        }
    }
}

/// The weekday `wd` (1 = Monday) nearest to `r` in the reading's direction.
fn weekday_near(r: NaiveDate, wd: u32, rel: Rel, future: bool) -> NaiveDate {
    let rw = r.weekday().number_from_monday() as i64;
    let wd = wd as i64;
    let days = if rel == Rel::Next || (future && rel == Rel::Plain) {
        let mut k = (wd - rw).rem_euclid(7);
        if k == 0 && rel == Rel::Next {
            k = 7;
        }
        k
    } else {
        let mut k = (rw - wd).rem_euclid(7);
        if k == 0 && rel == Rel::Last {
            k = 7;
        }
        -k
    };
    r.checked_add_signed(Duration::days(days)).unwrap_or(r)
}

fn month_offset(r: NaiveDate, k: i64) -> (i32, u32) {
    let idx = r.year() as i64 * 12 + (r.month() as i64 - 1) + k;
    (idx.div_euclid(12) as i32, (idx.rem_euclid(12) + 1) as u32)
}

fn parse_day(s: &str) -> Option<u32> {
    match s {
        "1er" | "premier" => Some(1),
        _ => s.parse().ok().filter(|d| (1..=31).contains(d)),
    }
}

/// True when a year-less "12 mars" is followed by a four-digit number that
/// is not a year ("le 12 mars 2019 litres" cannot happen, "12 mars 1500").
fn year_follows_as_number(f: &str, end: usize) -> bool {
    let rest = &f[end..];
    let rest = rest.strip_prefix(' ').unwrap_or("");
    rest.len() >= 4 && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit)
}

fn parse_time(m: &Captures) -> Option<(u32, u32)> {
    let h: u32 = m.name("h").or(m.name("h2"))?.as_str().parse().ok()?;
    let mi: u32 = m.name("mi").or(m.name("mi2")).map_or(Some(0), |x| x.as_str().parse().ok())?;
    let h = match m.name("ampm").map(|x| x.as_str()) {
        Some("du soir") | Some("de l'apres-midi") if h < 12 => h + 12,
        _ => h,
    };
    (h < 24 && mi < 60).then_some((h, mi))
}

/// Compiles a rule. The fold view's spaces and letters are ASCII, so the
/// regexes are ASCII-only (`\s`, `\b`, classes): smaller and faster automata.
fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(pattern).unicode(false).build()
}

/// The largest char boundary of `s` at or below `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    /// (text of the span, value, end, precision, time) of every date found.
    fn run(
        text: &str,
        published: Option<&str>,
    ) -> Vec<(String, Option<String>, Option<String>, String, Option<String>)> {
        let rules = DateRules::new();
        let t = NormalizedText::new(text.to_string());
        let s = segment(&t);
        let p = published.and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
        rules
            .find(&t, &s, p)
            .dates
            .into_iter()
            .map(|f| (f.mention.span.text, f.mention.value, f.mention.end, f.mention.precision, f.mention.time))
            .collect()
    }

    /// Values of the dates found, `value` or `value..end`.
    fn values(text: &str, published: &str) -> Vec<String> {
        run(text, Some(published))
            .into_iter()
            .map(|(_, v, e, _, _)| {
                let v = v.unwrap_or_else(|| "null".into());
                e.map_or(v.clone(), |e| format!("{v}..{e}"))
            })
            .collect()
    }

    // 2021-09-15 is a Wednesday.
    const PUB: &str = "2021-09-15";

    #[test]
    fn lexicon_is_complete() {
        let lx = Lexicon::parse(LEXICON);
        for m in 1..=12 {
            assert!(lx.months.iter().any(|x| x.1 == m && !x.2), "month {m} has a full name");
        }
        for w in 1..=7 {
            assert!(lx.weekdays.iter().any(|x| x.1 == w), "weekday {w}");
        }
        let mut seen = HashSet::new();
        for (f, _, _) in &lx.months {
            assert!(
                seen.insert(f.clone())
                    || f == "aout"
                    || f == "fevrier"
                    || f == "decembre"
                    || f == "fev"
                    || f == "fevr"
                    || f == "dec",
                "duplicate month form {f}"
            );
        }
        assert!(!lx.future.is_empty() && !lx.year_follow.is_empty() && !lx.name_heads.is_empty());
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(values("Avis du 04/07/2020 et du 04.07.2020.", PUB), ["2020-07-04", "2020-07-04"]);
        assert_eq!(values("Fichier 2020-07-04 reçu.", PUB), ["2020-07-04"]);
        assert_eq!(values("Daté du 04/07/20.", PUB), ["2020-07-04"]);
        // Mixed separators, impossible days, decimals: not dates.
        assert!(values("Lot 04/07.2020 et 31/02/2020 et 1.04.07.2020", PUB).iter().all(|v| v != "2020-07-04"));
    }

    #[test]
    fn day_month_year() {
        assert_eq!(values("Le 2 novembre 2020, la base est tombée.", PUB), ["2020-11-02"]);
        assert_eq!(values("Mardi 3 novembre 2020 au soir.", PUB), ["2020-11-03"]);
        assert_eq!(values("Le 1er décembre 2019.", PUB), ["2019-12-01"]);
        assert_eq!(values("Le 9 dec. 2019 et le 9 déc 2019.", PUB), ["2019-12-09", "2019-12-09"]);
        assert_eq!(values("Le 12\u{a0}juin\u{a0}2020.", PUB), ["2020-06-12"]);
        let r = run("À l'aube du 7 mai 2010, ils ont frappé.", Some(PUB));
        assert_eq!((r[0].1.as_deref(), r[0].3.as_str()), (Some("2010-05-07"), "part_of_day"));
    }

    #[test]
    fn year_less_days_are_news_past_unless_future() {
        assert_eq!(values("Il a été tué le 2 septembre.", PUB), ["2021-09-02"]);
        assert_eq!(values("Il a été tué le 20 octobre.", PUB), ["2020-10-20"]);
        assert_eq!(values("L'élection est prévue le 20 octobre.", PUB), ["2021-10-20"]);
        assert_eq!(values("Les députés voteront le 2 septembre.", PUB), ["2022-09-02"]);
        // A day a few days ahead is that day, not last year's.
        assert_eq!(values("Le scrutin du 19 septembre approche.", PUB), ["2021-09-19"]);
    }

    #[test]
    fn months_and_years() {
        assert_eq!(values("Arrêté en mars 2011 puis libéré en avril dernier.", PUB), ["2011-03", "2021-04"]);
        assert_eq!(values("En septembre dernier, rien.", PUB), ["2020-09"]);
        assert_eq!(
            values("Courant août, mi-juin 2018, fin mai, début juillet.", PUB),
            ["2021-08", "2018-06", "2021-05", "2021-07"]
        );
        assert_eq!(values("Depuis 2011, en 1998, fin 2003, d'ici à 2030.", PUB), ["2011", "1998", "2003", "2030"]);
        assert_eq!(values("L'an dernier, cette année et l'année prochaine.", PUB), ["2020", "2021", "2022"]);
        assert_eq!(values("De 2009 à 2011, puis la saison 2012-2013.", PUB), ["2009..2011", "2012..2013"]);
        assert_eq!(values("Entre mars et mai 2014.", PUB), ["2014-03..2014-05"]);
        assert_eq!(values("Le mois dernier, à la fin du mois.", PUB), ["2021-08", "2021-09"]);
    }

    #[test]
    fn relative_days_and_weekdays() {
        assert_eq!(values("Hier, avant-hier et aujourd'hui.", PUB), ["2021-09-14", "2021-09-13", "2021-09-15"]);
        assert_eq!(values("Ce matin, une patrouille est sortie.", PUB), ["2021-09-15"]);
        assert_eq!(values("Il est arrivé lundi, reparti mercredi.", PUB), ["2021-09-13", "2021-09-15"]);
        assert_eq!(values("Mercredi dernier, un obus est tombé.", PUB), ["2021-09-08"]);
        assert_eq!(values("Il reviendra vendredi.", PUB), ["2021-09-17"]);
        assert_eq!(values("Vendredi prochain.", PUB), ["2021-09-17"]);
        assert_eq!(values("Dans la nuit de dimanche à lundi.", PUB), ["2021-09-12..2021-09-13"]);
        assert_eq!(values("Lundi et mardi, la ville a brûlé.", PUB), ["2021-09-13..2021-09-14"]);
        assert_eq!(
            values("Ce week-end, pendant le week-end.", PUB),
            ["2021-09-11..2021-09-12", "2021-09-11..2021-09-12"]
        );
        assert_eq!(values("La semaine dernière.", PUB), ["2021-09-06..2021-09-12"]);
        assert_eq!(values("Il y a une semaine, il y a deux mois.", PUB), ["2021-09-08", "2021-07"]);
        let r = run("Dans la soirée de lundi, un tir.", Some(PUB));
        assert_eq!((r[0].1.as_deref(), r[0].3.as_str()), (Some("2021-09-13"), "part_of_day"));
    }

    #[test]
    fn anchored_on_the_previous_day() {
        assert_eq!(
            values("Le 3 mai 2015, un raid. La veille, un autre. Le lendemain, un troisième.", PUB),
            ["2015-05-03", "2015-05-02", "2015-05-03"]
        );
        assert_eq!(
            values("Le 3 mai 2015, un raid. Cinq jours plus tard, la riposte.", PUB),
            ["2015-05-03", "2015-05-08"]
        );
        assert_eq!(
            values("Les 3 et 4 mai 2015. Le lendemain, le calme.", PUB),
            ["2015-05-03..2015-05-04", "2015-05-05"]
        );
        assert_eq!(values("En 2003 il fonde le groupe ; trois ans plus tard, il le quitte.", PUB), ["2003", "2006"]);
        // The day a figure was given anchors nothing.
        assert_eq!(
            values("Le 3 mai 2015, un raid à Kaya. Le 5 mai 2015, la police a annoncé 9 morts. Le même jour, une mine a explosé.", PUB)
                .last()
                .map(String::as_str),
            Some("2015-05-03")
        );
        // Nothing to anchor on.
        assert_eq!(values("La veille, rien.", PUB), ["null"]);
    }

    #[test]
    fn ranges() {
        assert_eq!(values("Du 28 décembre 2019 au 3 janvier 2020.", PUB), ["2019-12-28..2020-01-03"]);
        assert_eq!(values("Du 28 décembre au 3 janvier 2020.", PUB), ["2019-12-28..2020-01-03"]);
        assert_eq!(values("Entre le 2 et le 6 août.", PUB), ["2021-08-02..2021-08-06"]);
        assert_eq!(values("Dans la nuit du mardi 7 au mercredi 8 septembre.", PUB), ["2021-09-07..2021-09-08"]);
    }

    #[test]
    fn times_of_day() {
        let r = run("Lundi vers 23 heures, puis mardi aux environs de 04H15 et mercredi à 7h.", Some(PUB));
        let t: Vec<_> = r.iter().map(|x| (x.1.clone().unwrap(), x.4.clone())).collect();
        assert_eq!(
            t,
            [
                ("2021-09-13".into(), Some("23:00".into())),
                ("2021-09-14".into(), Some("04:15".into())),
                ("2021-09-15".into(), Some("07:00".into()))
            ]
        );
        let r = run("Vers 5 heures du matin, jeudi, les tirs ont repris.", Some("2021-09-17"));
        assert_eq!((r[0].1.as_deref(), r[0].4.as_deref()), (Some("2021-09-16"), Some("05:00")));
        let r = run("Publié le 02/03/2021 - 08:30.", Some(PUB));
        assert_eq!(r[0].4.as_deref(), Some("08:30"));
        // Durations are not times.
        assert_eq!(
            run("Un deuil de 72 heures a été décrété lundi.", Some(PUB)).iter().filter(|x| x.4.is_some()).count(),
            0
        );
    }

    #[test]
    fn without_publication_date() {
        let rules = DateRules::new();
        let t = NormalizedText::new("Samedi, un raid. Le 6 juin 2020, un autre. Dimanche, un troisième.".into());
        let f = rules.find(&t, &segment(&t), None);
        let v: Vec<_> = f.dates.iter().map(|d| d.mention.value.clone()).collect();
        // 2020-06-06 is a Saturday: the Sunday at or before it is 31 May.
        assert_eq!(v, [None, Some("2020-06-06".into()), Some("2020-05-31".into())]);
        assert_eq!(f.dates[0].mention.resolution, "underspecified");
        let codes: Vec<_> = f.warnings.iter().map(|w| w.code).collect();
        assert_eq!(codes, ["unresolved-relative-date", "inferred-reference-date"]);
    }

    #[test]
    fn numbers_that_are_not_dates() {
        for s in [
            "Quelque 1 500 combattants.",
            "Il y a eu 412 attaques.",
            "Selon la résolution 2085 du Conseil.",
            "Sur la RN7 et la route 2001.",
            "Le bataillon 1012 et le régiment 1999.",
            "Un homme âgé de 62 ans.",
            "Condamné à 15 ans de prison.",
            "Victoire 2-0 et 1-1.",
            "Ils ont reçu 2020 sacs de riz.",
            "Au moins 2000 déplacés.",
            "Le Front du 5 juin et le Mouvement du 23 mars.",
            "Neuf morts, sept blessés.",
            "Tous les vendredis et chaque dimanche.",
            "Le prix est de 1 2019 francs.",
        ] {
            assert!(run(s, Some(PUB)).is_empty(), "{s:?} gave {:?}", run(s, Some(PUB)));
        }
    }

    #[test]
    fn bare_years() {
        assert_eq!(values("Budget 2022 : hausse de 3 %.", PUB), ["2022"]);
        assert_eq!(values("Ce qui sépare 2013 de 2021.", PUB), ["2013", "2021"]);
        assert_eq!(values("En 2014 Boko Haram enlève des élèves.", PUB), ["2014"]);
    }

    #[test]
    fn hostile_input_does_not_panic() {
        for s in [
            "",
            "le",
            "le 31",
            "du 3 au",
            "œ 12 déc. 2019 \u{202f}é",
            "vers 25 heures dimanche",
            "il y a 999 jours",
            "l'an 9999",
        ] {
            let _ = run(s, Some(PUB));
            let _ = run(s, None);
        }
    }
}
