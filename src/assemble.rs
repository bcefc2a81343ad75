//! Event assembly: triggers, dates, places, actors and casualty counts
//! become events, one record per real event.
//!
//! Terms:
//! * an **anchor** is what starts an event candidate: a trigger (strong, or
//!   weak with a casualty count or an armed actor beside it), or a casualty
//!   count (killed, injured, kidnapped, arrested) whose sentence has no
//!   trigger and no earlier event in its paragraph to belong to;
//! * a **clause** is the part of a sentence between `,` `;` `:` and `(`;
//!   a date or place in the trigger's clause wins over one elsewhere in the
//!   sentence ("Après l'attaque de Boulkessi en 2019, celle de dimanche…");
//! * a **section** is a run of paragraphs between separator lines (`**`),
//!   within which a date or place carries over to later sentences.
//!
//! * the **headline** is a first paragraph of one short sentence with no
//!   final full stop: it
//!   restates the body's first event, so it joins that event and only fills
//!   in what the body does not say;
//! * a **locator** is a place named to situate another one ("à 55 km au nord
//!   de Beni", "dans le département du Lac Iro", "évacués vers Sebba"): the
//!   event's place only when the context names no other.
//!
//! Attachment order: same clause, same sentence, earlier in the paragraph,
//! earlier in the section (at most three paragraphs back), then the lead (the
//! headline and first paragraph state the main event). Candidates then merge
//! when type, date and place are compatible. Among several figures for the
//! same count, the best is the final or revised, official one, then the
//! larger, then the latest in the text; perpetrators' claims rank last; the
//! others become `alternatives`.
//! The cue words are data: `gazetteers/event_cues.tsv`.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use sha2::{Digest, Sha256};

use crate::gazetteer::NameFindings;
use crate::model::{
    Attribution, CasualtyAlternative, CasualtyMention, DateMention, Event, EventActor, EventCasualty, EventDate,
    EventLocation, EventTrigger,
};
use crate::normalize::NormalizedText;
use crate::rules::casualty::CasualtyFindings;
use crate::rules::date::DateFindings;
use crate::rules::trigger::{Strength, TriggerHit};
use crate::rules::Found;
use crate::segment::Segments;
use crate::span::ViewRange;

/// Everything found in one document, the input of assembly.
#[derive(Debug)]
pub struct Findings<'a> {
    /// The text and its views.
    pub text: &'a NormalizedText,
    /// Paragraphs and sentences.
    pub segments: &'a Segments,
    /// Dates.
    pub dates: &'a DateFindings,
    /// Numbers and casualties.
    pub casualties: &'a CasualtyFindings,
    /// Places, actors, people.
    pub names: &'a NameFindings,
    /// Event triggers.
    pub triggers: &'a [TriggerHit],
    /// SHA-256 of the document, for event ids.
    pub sha256: &'a str,
    /// Publication date: nothing that happened can be dated after it.
    pub published: Option<chrono::NaiveDate>,
}

/// Cue phrases by what they signal (from `gazetteers/event_cues.tsv`).
struct Cues {
    by_kind: Vec<(String, Vec<String>)>,
}

impl Cues {
    fn get() -> &'static Cues {
        static CUES: OnceLock<Cues> = OnceLock::new();
        CUES.get_or_init(|| {
            let mut by_kind: Vec<(String, Vec<String>)> = Vec::new();
            for line in include_str!("../gazetteers/event_cues.tsv").lines().filter(|l| !l.starts_with('#')).skip(1) {
                let Some((kind, phrase)) = line.split_once('\t') else { continue };
                match by_kind.iter_mut().find(|(k, _)| k == kind) {
                    Some((_, v)) => v.push(phrase.trim().to_string()),
                    None => by_kind.push((kind.to_string(), vec![phrase.trim().to_string()])),
                }
            }
            Cues { by_kind }
        })
    }

    fn phrases(&self, kind: &str) -> &[String] {
        self.by_kind.iter().find(|(k, _)| k == kind).map(|(_, v)| v.as_slice()).unwrap_or(&[])
    }

    /// The first cue of `kind` found in `s` at word boundaries: its offset.
    fn find(&self, kind: &str, s: &str) -> Option<(usize, usize)> {
        self.phrases(kind).iter().filter_map(|p| find_word(s, p).map(|i| (i, p.len()))).min()
    }

    fn any(&self, kind: &str, s: &str) -> bool {
        self.find(kind, s).is_some()
    }
}

/// Offset of `word` in `s` at ASCII word boundaries.
fn find_word(s: &str, word: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(i) = s[from..].find(word) {
        let at = from + i;
        let end = at + word.len();
        let before_ok = at == 0 || !b[at - 1].is_ascii_alphanumeric();
        let after_ok = end >= b.len() || !b[end].is_ascii_alphanumeric();
        if before_ok && after_ok {
            return Some(at);
        }
        from = at + word.len().max(1);
        while from < s.len() && !s.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

/// Event types that describe the same kind of violence and may merge.
fn type_group(t: &str) -> u8 {
    match t {
        "attack" | "ambush" | "explosion" | "airstrike" | "armed_clash" | "massacre" => 0,
        "kidnapping" => 1,
        "arrest" => 2,
        "protest" | "riot" | "looting" => 3,
        "agreement" => 4,
        _ => 5,
    }
}

/// Which type wins when triggers of one group meet (more specific first).
fn type_rank(t: &str) -> u8 {
    match t {
        "massacre" => 0,
        "ambush" => 1,
        "explosion" => 2,
        "airstrike" => 3,
        "kidnapping" => 4,
        "riot" => 5,
        "attack" => 6,
        "armed_clash" => 7,
        _ => 8,
    }
}

#[derive(Debug, Clone)]
struct Candidate {
    kind: String,
    /// Index of the trigger that names the event type.
    trigger: Option<usize>,
    /// The trigger came from a strong lexicon entry.
    strong: bool,
    sentences: BTreeSet<usize>,
    date: Option<usize>,
    /// How the date was found: 0 clause, 1 sentence, 2 paragraph, 3 section, 4 lead.
    date_dist: u8,
    place: Option<usize>,
    place_dist: u8,
    casualties: Vec<usize>,
    actors: Vec<(String, usize)>,
    persons: Vec<(String, usize)>,
    /// Fold offset of the trigger or anchor.
    at: usize,
    /// The trigger refers back to a known event ("l'attaque", "cette tuerie").
    anaphoric: bool,
    /// The attached date is the first thing of its sentence.
    date_opens_sentence: bool,
    /// The anchor is in the headline, which restates the lead's event.
    headline: bool,
    /// The anchor comments on or recalls an event told elsewhere.
    reference: bool,
    /// Events split from one trigger over coordinated places share this
    /// number (the anchor offset) and so share their date.
    siblings: Option<usize>,
}

impl Candidate {
    /// A date said with the event itself, not inferred from context: in the
    /// trigger's clause, or in its sentence (a strong, non-anaphoric trigger,
    /// or a date that opens the sentence: "Le 19 août 2019, l'attaque de…").
    fn hard_date(&self) -> bool {
        !self.headline
            && self.date.is_some()
            && (self.date_dist == 0
                || (self.date_dist == 1
                    && ((!self.anaphoric && self.strong && self.trigger.is_some()) || self.date_opens_sentence)))
    }

    /// A place said in the event's own sentence.
    fn hard_place(&self) -> bool {
        !self.headline && self.place.is_some() && self.place_dist <= 1
    }
}

struct Doc<'a> {
    f: &'a Findings<'a>,
    fold: &'a str,
    /// Section index of each paragraph.
    section: Vec<usize>,
    /// Dates that say when something was reported, not when it happened.
    reporting: Vec<bool>,
    /// Places that say where a dispatch was filed ("GOMA, 27 juillet –").
    dateline: Vec<bool>,
    /// The headline: a first paragraph of one short sentence before the body.
    headline: Option<ViewRange>,
    /// Places that only locate another one ("à 55 km au nord de Beni").
    locator: Vec<bool>,
    /// Places named for something else than where the event was: where
    /// people went or came from, who spoke ("évacués vers Kaya", "le maire
    /// de Kenscoff", "Washington a condamné").
    elsewhere: Vec<bool>,
}

impl<'a> Doc<'a> {
    fn sentence_of(&self, pos: usize) -> usize {
        self.f.segments.sentence_at(pos)
    }

    fn paragraph_of_sentence(&self, s: usize) -> usize {
        self.f.segments.sentences.get(s).map(|x| x.paragraph).unwrap_or(0)
    }

    fn sentence_range(&self, s: usize) -> ViewRange {
        self.f.segments.sentences[s].range
    }

    /// The clause of the sentence around `pos`.
    fn clause(&self, pos: usize) -> ViewRange {
        let s = self.sentence_range(self.sentence_of(pos));
        let b = self.fold.as_bytes();
        let mut lo = pos.min(s.end);
        while lo > s.start && !b";:(,".contains(&b[lo - 1]) {
            lo -= 1;
        }
        let mut hi = pos.min(s.end);
        while hi < s.end && !b";:),".contains(&b[hi]) {
            hi += 1;
        }
        ViewRange::new(lo, hi)
    }
}

/// Builds the events of a document.
pub fn assemble(f: &Findings) -> Vec<Event> {
    if f.segments.sentences.is_empty() {
        return Vec::new();
    }
    let fold = f.text.fold();
    let section = sections(f);
    let cues = Cues::get();
    let reporting = f.dates.dates.iter().map(|d| is_reporting_date(f, d.range, cues)).collect();
    let dateline = f.names.places.iter().map(|p| is_dateline_place(f, p.range)).collect();
    let headline = headline(f);
    let (locator, elsewhere) = f.names.places.iter().map(|p| is_locator(f, p.range, cues)).unzip();
    let doc = Doc { f, fold, section, reporting, dateline, headline, locator, elsewhere };
    let mut candidates: Vec<Candidate> = Vec::new();

    // 1. Anchors from triggers.
    for (ti, hit) in f.triggers.iter().enumerate() {
        let s = doc.sentence_of(hit.found.range.start);
        let sr = doc.sentence_range(s);
        let has_count = f.casualties.casualties.iter().any(|c| sr.contains(c.range) && !c.mention.negated);
        let has_armed_actor = f.names.actors.iter().any(|a| sr.contains(a.range) && a.mention.category != "political");
        if hit.strength == Strength::Weak && !has_count && !has_armed_actor {
            continue;
        }
        // "les attaques se multiplient", "les embuscades sont redevenues le
        // lot quotidien": a trend, not an event.
        // A trigger of a sentence that tells a trend, without a day or a
        // count of its own, is part of it ("Partout, le même scénario se
        // répète : des exécutions sommaires…").
        let clause = doc.clause(hit.found.range.start);
        let count_in_clause = f.casualties.casualties.iter().any(|c| clause.contains(c.range) && !c.mention.negated);
        let day_in_sentence =
            f.dates.dates.iter().any(|d| {
                sr.contains(d.range) && matches!(d.mention.precision.as_str(), "day" | "part_of_day" | "time")
            });
        let trend = cues.any("trend", &fold[clause.as_range()])
            || !has_count && !day_in_sentence && cues.any("trend", &fold[sr.as_range()]);
        if !count_in_clause && trend || since_a_month_or_year(&doc, clause) {
            continue;
        }
        // "Vingt-deux personnes soupçonnées d'avoir pris part aux tueries ont
        // été interpellées": the event told is the arrest; the killings are
        // named as what the suspects did.
        let counts: Vec<&str> = f
            .casualties
            .casualties
            .iter()
            .filter(|c| sr.contains(c.range) && !c.mention.negated)
            .map(|c| c.mention.kind.as_str())
            .collect();
        if is_anaphoric(fold, hit.found.range.start)
            && hit.found.mention.event_type != "arrest"
            && !counts.is_empty()
            && counts.iter().all(|k| *k == "arrested")
        {
            continue;
        }
        // "Le lendemain de l'embuscade, des hommes armés ont enlevé le chef":
        // an event named to date another one, beside that one's own words.
        if is_anaphoric(fold, hit.found.range.start) {
            let before = &fold[sr.start.min(hit.found.range.start)..hit.found.range.start];
            let near = &before[floor_char(before, before.len().saturating_sub(24))..];
            let other_trigger = f.triggers.iter().any(|t| {
                sr.contains(t.found.range)
                    && t.found.range != hit.found.range
                    && !is_anaphoric(fold, t.found.range.start)
            });
            if other_trigger && cues.any("time_ref", near) {
                continue;
            }
        }
        // Hostages set free are news of a kidnapping told elsewhere, not one.
        let told_release = |r: ViewRange| cues.any("release", &fold[r.as_range()]);
        if hit.found.mention.event_type == "kidnapping" && hit.strength == Strength::Weak && told_release(sr) {
            continue;
        }
        candidates.push(Candidate {
            kind: hit.found.mention.event_type.clone(),
            trigger: Some(ti),
            strong: hit.strength == Strength::Strong,
            sentences: BTreeSet::from([s]),
            date: None,
            date_dist: 9,
            place: None,
            place_dist: 9,
            casualties: Vec::new(),
            actors: Vec::new(),
            persons: Vec::new(),
            at: hit.found.range.start,
            anaphoric: is_anaphoric(fold, hit.found.range.start),
            date_opens_sentence: false,
            headline: doc.headline.is_some_and(|h| h.contains(hit.found.range)),
            reference: false,
            siblings: None,
        });
    }
    // 2. One candidate per sentence: triggers of one sentence describe one
    //    event unless their clauses name different places or dates.
    candidates = merge_in_sentence(&doc, candidates);

    // 3. Casualty counts: attach to the candidate of their sentence, or to the
    //    latest earlier candidate of the paragraph, or start their own.
    for (ci, c) in f.casualties.casualties.iter().enumerate() {
        if c.mention.negated {
            continue;
        }
        // Displaced and missing people belong to an event told beside them,
        // but do not make one.
        let secondary = c.mention.kind == "displaced" || c.mention.kind == "missing";
        let clause = doc.clause(c.range.start);
        let kidnapping_told = f.triggers.iter().any(|t| {
            t.strength == Strength::Strong
                && t.found.mention.event_type == "kidnapping"
                && clause.contains(t.found.range)
        });
        if c.mention.kind == "kidnapped" && !kidnapping_told && cues.any("release", &fold[clause.as_range()]) {
            continue;
        }
        if is_running_total(&doc, c) {
            continue;
        }
        let s = doc.sentence_of(c.range.start);
        let p = doc.paragraph_of_sentence(s);
        // In the sentence: the candidate whose clause holds the count, else
        // the nearest one before it, else the first.
        let in_sentence: Vec<usize> = (0..candidates.len()).filter(|&k| candidates[k].sentences.contains(&s)).collect();
        // (the nearest before it when several share the clause).
        let in_clause: Vec<usize> =
            in_sentence.iter().copied().filter(|&k| doc.clause(candidates[k].at).contains(c.range)).collect();
        let own_clause = in_clause
            .iter()
            .copied()
            .filter(|&k| candidates[k].at <= c.range.start)
            .max_by_key(|&k| candidates[k].at)
            .or(in_clause.first().copied());
        let before = in_sentence
            .iter()
            .copied()
            .filter(|&k| candidates[k].at <= c.range.start)
            .max_by_key(|&k| candidates[k].at);
        if let Some(k) = own_clause.or(before).or(in_sentence.first().copied()) {
            candidates[k].casualties.push(ci);
            continue;
        }
        let earlier = candidates
            .iter()
            .rposition(|k| k.at < c.range.start && k.sentences.iter().any(|&ks| doc.paragraph_of_sentence(ks) == p));
        if let Some(k) = earlier {
            candidates[k].casualties.push(ci);
            candidates[k].sentences.insert(s);
            continue;
        }
        if secondary {
            continue;
        }
        let kind = match c.mention.kind.as_str() {
            "kidnapped" => "kidnapping",
            "arrested" => "arrest",
            _ => "attack",
        };
        candidates.push(Candidate {
            kind: kind.into(),
            trigger: None,
            strong: true,
            sentences: BTreeSet::from([s]),
            date: None,
            date_dist: 9,
            place: None,
            place_dist: 9,
            casualties: vec![ci],
            actors: Vec::new(),
            persons: Vec::new(),
            at: c.range.start,
            anaphoric: false,
            date_opens_sentence: false,
            headline: doc.headline.is_some_and(|h| h.contains(c.range)),
            reference: false,
            siblings: None,
        });
    }
    candidates.sort_by_key(|c| c.at);

    // 4. Dates, places and actors.
    for c in &mut candidates {
        attach_date(&doc, c);
        attach_place(&doc, c);
        // A coup takes the capital it names, or no place: the country's
        // other towns in the paragraph are not where it was.
        if is_coup(&doc, c) && c.place_dist > 1 {
            c.place = None;
            c.place_dist = 9;
        }
        attach_actors(&doc, c, cues);
        // "L'attaque intervient à la veille du sommet de Pau", "dix ans après
        // le rapt": a comment on an event told elsewhere; its date and place
        // are context only.
        // "a condamné « une attaque lâche contre… »": a reaction names the
        // event it reacts to; its date and place are the statement's.
        if !c.anaphoric && c.trigger.is_some() && c.casualties.is_empty() {
            let s_start = doc.sentence_range(doc.sentence_of(c.at)).start;
            let before = &fold[floor_char(fold, c.at.saturating_sub(40)).max(s_start)..c.at];
            if cues.any("reaction", before) {
                c.date_dist = c.date_dist.max(4);
                c.place_dist = c.place_dist.max(4);
            }
        }
        if c.anaphoric && c.trigger.is_some() {
            let after = &fold[c.at..doc.sentence_range(doc.sentence_of(c.at)).end];
            let near = &after[..floor_char(after, after.len().min(40))];
            let s_start = doc.sentence_range(doc.sentence_of(c.at)).start;
            let before = &fold[floor_char(fold, c.at.saturating_sub(40)).max(s_start)..c.at];
            // "Le GSIM n'avait pas revendiqué l'enlèvement vendredi", "a
            // condamné l'attaque": a statement about the event.
            let spoken_of = cues.phrases("reporting").iter().chain(cues.phrases("claim")).any(|p| {
                let t = before.trim_end();
                let t = t.strip_suffix("l'").unwrap_or(t).trim_end();
                let t = ["la", "le", "les", "cette", "cet", "ces"]
                    .iter()
                    .find_map(|a| t.strip_suffix(a).filter(|r| r.ends_with(' ')))
                    .unwrap_or(t)
                    .trim_end();
                t.ends_with(p.as_str())
            });
            if cues.any("reference", near) || cues.any("recall", before) {
                c.date_dist = c.date_dist.max(4);
                c.place_dist = c.place_dist.max(4);
                c.reference = true;
            } else if spoken_of {
                // Its date is the statement's; its actors (who claims) stay.
                c.date_dist = c.date_dist.max(4);
                c.place_dist = c.place_dist.max(4);
            }
        }
    }
    // 5. One event per place when a trigger names several coordinated places.
    let candidates = split_coordinated_places(&doc, candidates);
    let candidates = split_tolls_by_place(&doc, candidates);
    // 6. Merge mentions of the same event.
    let (heads, body): (Vec<Candidate>, Vec<Candidate>) = candidates.into_iter().partition(|c| c.headline);
    let (references, body): (Vec<Candidate>, Vec<Candidate>) = body.into_iter().partition(|c| c.reference);
    let mut merged = merge(&doc, body);
    // A comment or a recall joins the event it speaks of, wherever that is
    // told: the same kind at the same place, else the latest one before it,
    // else the first.
    for mut r in references {
        let kind_ok = |e: &Candidate| type_group(&e.kind) == type_group(&r.kind);
        let place_ok = |e: &Candidate| r.place.is_some() && places_compatible(&doc, r.place, e.place);
        let target = merged
            .iter()
            .position(|e| kind_ok(e) && place_ok(e))
            .or_else(|| merged.iter().rposition(|e| kind_ok(e) && e.at < r.at))
            .or_else(|| merged.iter().position(kind_ok));
        match target {
            Some(k) => {
                r.reference = false;
                // The actors of a comment are those of what it compares with.
                r.actors.clear();
                r.persons.clear();
                absorb(&doc, &mut merged[k], r);
            }
            None => merged.push(r),
        }
    }
    // The headline restates the body's first event of its kind; alone, it
    // stays an event of its own.
    for mut h in merge(&doc, heads) {
        let same_kind = |e: &Candidate| {
            type_group(&e.kind) == type_group(&h.kind)
                || ((e.trigger.is_none() || h.trigger.is_none())
                    && type_group(&e.kind) <= 1
                    && type_group(&h.kind) <= 1)
        };
        // Its own place picks among the body's events when it names one.
        let same_place =
            |e: &Candidate| h.place.is_some() && e.place.is_some() && places_compatible(&doc, h.place, e.place);
        let target =
            merged.iter().position(|e| same_kind(e) && same_place(e)).or_else(|| merged.iter().position(same_kind));
        match target {
            Some(k) => {
                // A finer place in the headline, inside the body's, names the
                // spot ("l'attaque de Lemgheity" over "le Tiris Zemmour").
                let e = &mut merged[k];
                if places_compatible(&doc, h.place, e.place) && finer(&doc, h.place, e.place) {
                    e.place = h.place;
                }
                h.headline = false;
                h.date_dist = h.date_dist.max(4);
                h.place_dist = h.place_dist.max(4);
                absorb(&doc, &mut merged[k], h);
            }
            None => merged.push(h),
        }
    }
    // Attacks on coordinated places told together share the most precise
    // date any of them received ("les attaques de Niono et de Diabaly …
    // entre le 11 janvier et le 26 février").
    let groups: BTreeSet<usize> = merged.iter().filter_map(|c| c.siblings).collect();
    for g in groups {
        let members: Vec<usize> = (0..merged.len()).filter(|&k| merged[k].siblings == Some(g)).collect();
        let best = members.iter().copied().filter(|&k| merged[k].date.is_some()).max_by_key(|&k| {
            merged[k].date.and_then(|i| doc.f.dates.dates[i].mention.value.as_ref().map(|v| v.len())).unwrap_or(0)
        });
        if let Some(b) = best {
            let (date, dist) = (merged[b].date, merged[b].date_dist);
            for &k in &members {
                if dates_compatible(&doc, merged[k].date, date) && more_precise(&doc, date, merged[k].date) {
                    merged[k].date = date;
                    merged[k].date_dist = dist;
                }
            }
        }
    }
    // 7. Finish.
    let mut events: Vec<Event> =
        merged.into_iter().filter(|c| worth_an_event(&doc, c)).map(|c| finish(&doc, c, cues)).collect();
    events.sort_by_key(|e| (e.evidence.start, e.evidence.end));
    events.dedup_by(|a, b| a.id == b.id);
    events
}

/// A running total rather than the toll of one event: a count since a
/// month or a year ("plus d'un millier de civils tués depuis juillet 2023",
/// "depuis le début de l'année"), or a large count over a whole year with no
/// town or district named in its sentence ("5 600 personnes tuées en 2024").
fn is_running_total(doc: &Doc, c: &Found<CasualtyMention>) -> bool {
    let clause = doc.clause(c.range.start);
    let sentence = doc.sentence_range(doc.sentence_of(c.range.start));
    // "Depuis 2009, le conflit a fait plus de 20 000 morts": a sentence that
    // opens with a tally's start, or that speaks of a whole war or country.
    let opening = doc.clause(sentence.start);
    let day_in_sentence =
        doc.f.dates.dates.iter().any(|d| {
            sentence.contains(d.range) && matches!(d.mention.precision.as_str(), "day" | "part_of_day" | "time")
        });
    // A vague or large count in a sentence that runs from a month or a year
    // ("confronté depuis 2015 aux attaques…, qui ont fait des milliers de
    // morts").
    let large = c.mention.qualifier == "vague" || c.mention.best.or(c.mention.low).is_some_and(|n| n >= 100);
    if !day_in_sentence
        && (since_a_month_or_year(doc, opening)
            || Cues::get().any("tally", &doc.fold[sentence.as_range()])
            || large && since_a_month_or_year(doc, sentence))
    {
        return true;
    }
    let whole_year = coarse_dates(doc, clause).any(|d| d.mention.precision == "year")
        && c.mention.best.or(c.mention.low).is_some_and(|n| n >= 100)
        && !doc.f.names.places.iter().any(|p| sentence.contains(p.range) && place_rank(&p.mention.feature) <= 1);
    since_a_month_or_year(doc, clause) || whole_year
}

/// The month and year dates of a clause.
fn coarse_dates<'d>(doc: &'d Doc, clause: ViewRange) -> impl Iterator<Item = &'d Found<DateMention>> {
    doc.f
        .dates
        .dates
        .iter()
        .filter(move |d| clause.contains(d.range) && matches!(d.mention.precision.as_str(), "month" | "year"))
}

/// True when a clause counts from a month or a year on ("depuis juillet
/// 2023", "depuis 2019", "depuis le début de l'année"): a running tally.
fn since_a_month_or_year(doc: &Doc, clause: ViewRange) -> bool {
    let text = &doc.fold[clause.as_range()];
    if ["depuis le debut", "depuis le declenchement"].iter().any(|p| text.contains(p)) {
        return true;
    }
    coarse_dates(doc, clause).any(|d| {
        let before = &doc.fold[floor_char(doc.fold, d.range.start.saturating_sub(8))..d.range.start];
        doc.fold[d.range.as_range()].starts_with("depuis") || before.ends_with("depuis ")
    })
}

/// A date that dates the report rather than the event: a dateline or byline
/// ("GOMA, 27 juillet 2022 –", "Par la rédaction - 3 octobre 2019", "Publié
/// le …"), or the object of a reporting verb ("a revendiqué mardi soir").
fn is_reporting_date(f: &Findings, r: ViewRange, cues: &Cues) -> bool {
    let fold = f.text.fold();
    let p = f.segments.paragraphs.iter().find(|p| p.contains(r)).copied().unwrap_or(r);
    let before = &fold[p.start..r.start];
    let after = &fold[r.end..p.end];
    let lead_in = before.len() <= 60 && !before.contains('.');
    let dash_after = after.trim_start().starts_with(['-', '(', '|']);
    let byline = p.len() < 80 && !f.triggers.iter().any(|t| p.contains(t.found.range));
    // Datelines and bylines open the article; further down, "18 novembre –
    // Tabankort. Une patrouille…" is an entry of a chronology.
    // An article has one dateline: a date with a dash in an earlier
    // paragraph makes this one an entry too.
    let paragraph_index = f.segments.paragraphs.iter().position(|q| q.contains(r)).unwrap_or(0);
    let dated_with_dash = |q: &ViewRange| {
        f.dates.dates.iter().any(|d| {
            q.contains(d.range)
                && d.range.start - q.start <= 60
                && fold[d.range.end..q.end].trim_start().starts_with(['-', '('])
        })
    };
    let earlier_dateline =
        f.segments.paragraphs[..paragraph_index.min(f.segments.paragraphs.len())].iter().any(dated_with_dash);
    if lead_in && paragraph_index <= 2 && !earlier_dateline && (dash_after || after.trim().is_empty() || byline) {
        return true;
    }
    // A date that opens a statement ("Mercredi, un nouveau communiqué a fait
    // état de 38 morts"): a reporting word comes after it before any strong
    // trigger word.
    let s = f.segments.sentences[f.segments.sentence_at(r.start)].range;
    if fold[s.start..r.start].trim().len() <= 3 {
        let stop = f
            .triggers
            .iter()
            .filter(|t| t.strength == Strength::Strong && t.found.range.start >= r.end && s.contains(t.found.range))
            .map(|t| t.found.range.start)
            .min()
            .unwrap_or(s.end);
        let window = &fold[r.end..stop.max(r.end)];
        if cues.any("statement", window) {
            return true;
        }
    }
    // "Le bilan des combats reste aujourd'hui difficile à établir", "le
    // bilan s'élevait mardi à 40 morts": when a toll stood, not when the
    // fighting was.
    let ends = before.trim_end();
    let state = cues
        .phrases("toll_state")
        .iter()
        .any(|v| ends.ends_with(v.as_str()) && ends[..ends.len() - v.len()].ends_with(|c: char| !c.is_alphanumeric()));
    if state && find_word(&fold[s.start.min(r.start)..r.start], "bilan").is_some() {
        return true;
    }
    let tail_start = floor_char(before, before.len().saturating_sub(30));
    let tail = &before[tail_start..];
    cues.phrases("reporting").iter().any(|c| {
        tail.trim_end().ends_with(c.as_str())
            || tail.trim_end().ends_with(&format!("{c} le"))
            || find_word(tail, c).is_some() && tail.len() - find_word(tail, c).unwrap_or(0) <= c.len() + 4
    })
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A place written in capitals at the start of a paragraph and followed by
/// a comma or a dash is a dateline: where the dispatch was filed.
fn is_dateline_place(f: &Findings, r: ViewRange) -> bool {
    let fold = f.text.fold();
    let Some(p) = f.segments.paragraphs.iter().find(|p| p.contains(r)) else { return false };
    let original = f.text.original_of(r);
    let capitals = original.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
        && original.chars().filter(|c| c.is_alphabetic()).count() > 1;
    let after = fold[r.end..p.end].trim_start();
    r.start - p.start <= 2 && capitals && (after.starts_with(',') || after.starts_with('-') || after.starts_with('('))
}

/// Whether a place is named only to locate another one — a distance or
/// direction ("à 55 km au nord de Beni"; "près de X" does locate the event
/// at X), the division that contains the event's place ("dans le
/// département du Lac Iro") — and whether it is named for something else
/// than where the event was: a destination or origin ("évacués vers Sebba",
/// "venus de Grimari"), an office ("le maire de Kenscoff"), a capital
/// speaking for its government ("Washington a condamné").
fn is_locator(f: &Findings, r: ViewRange, cues: &Cues) -> (bool, bool) {
    let fold = f.text.fold();
    let s = f.segments.sentences[f.segments.sentence_at(r.start)].range;
    let before = &fold[s.start.min(r.start)..r.start];
    let mut t = before.trim_end();
    for article in ["de la", "de l'", "des", "du", "de", "d'", "l'", "la", "le", "les"] {
        if let Some(rest) = t.strip_suffix(article) {
            if rest.is_empty()
                || rest.ends_with(' ')
                || article.ends_with('\'') && !rest.ends_with(char::is_alphanumeric)
            {
                t = rest.trim_end();
                break;
            }
        }
    }
    // The words before the place end with a phrase of `kind`, at a word boundary.
    let ends_with_cue = |kind: &str| {
        cues.phrases(kind).iter().any(|p| {
            t.ends_with(p.as_str()) && {
                let at = t.len() - p.len();
                at == 0 || !t.as_bytes()[at - 1].is_ascii_alphanumeric()
            }
        })
    };
    let locating = ends_with_cue("locator");
    // An office held there: "le maire adjoint de Kenscoff", "le préfet de
    // Kpendjal" speak of the event, they do not place it.
    let office = ends_with_cue("office");
    // Where people or the wounded went: "évacués vers le centre hospitalier
    // régional de Kaya", "ont fui en direction de Sarh".
    let window = &before[floor_char(before, before.len().saturating_sub(45))..];
    // A capital standing for its government: "Washington, de son côté, a
    // condamné…", "Kigali a jugé ces accusations absurdes".
    let after = fold[r.end..s.end.max(r.end)].trim_start();
    let after = [", de son cote,", ", pour sa part,", ", elle,", ", lui,"]
        .iter()
        .find_map(|p| after.strip_prefix(p))
        .unwrap_or(after)
        .trim_start();
    let speaker = cues
        .phrases("speaker")
        .iter()
        .any(|p| after.starts_with(p.as_str()) && after[p.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()));
    (locating, office || speaker || cues.any("destination", window))
}

/// A definite or demonstrative noun phrase points back to a known event.
fn is_anaphoric(fold: &str, at: usize) -> bool {
    let before = fold[..at].trim_end_matches(' ');
    if before.ends_with("l'") {
        return true;
    }
    // Articles inside a sentence; demonstratives anywhere, a paragraph may
    // open with one ("Cette tuerie intervient…").
    let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let inside = before.len() > word.len() && before[..before.len() - word.len()].ends_with(' ');
    matches!(word, "cette" | "cet" | "ces")
        || (inside && matches!(word, "la" | "le" | "les" | "ce" | "du" | "au" | "aux"))
}

/// The headline: the first paragraph when it is one short sentence without
/// a final full stop and a body follows. It restates the lead's event in fewer words, often with a
/// coarser place or a comparison date ("la plus meurtrière depuis 2015"), so
/// its date and place never keep it apart from the event of the body.
fn headline(f: &Findings) -> Option<ViewRange> {
    let segs = f.segments;
    let first = *segs.paragraphs.first()?;
    let sentences = segs.sentences.iter().filter(|s| s.paragraph == 0).count();
    // Headlines carry no final full stop; a lead sentence does.
    let stop = f.text.fold()[first.as_range()].trim_end().ends_with('.');
    (segs.paragraphs.len() > 1 && sentences == 1 && first.end - first.start <= 250 && !stop).then_some(first)
}

/// Section of each paragraph: a new section starts after a separator line.
fn sections(f: &Findings) -> Vec<usize> {
    let fold = f.text.fold();
    let mut out = Vec::with_capacity(f.segments.paragraphs.len());
    let mut section = 0;
    let mut prev_end = 0;
    for p in &f.segments.paragraphs {
        let gap = &fold[prev_end.min(p.start)..p.start];
        if gap.lines().any(|l| {
            let t = l.trim();
            !t.is_empty() && t.bytes().all(|b| b"*-_=#~ ".contains(&b))
        }) {
            section += 1;
        }
        out.push(section);
        prev_end = p.end;
    }
    out
}

/// An arrest told in the same sentence as violence or a protest is part of
/// it ("l'armée a tué vingt assaillants et en a capturé cinq").
fn arrest_during(a: &Candidate, b: &Candidate) -> bool {
    let (ga, gb) = (type_group(&a.kind), type_group(&b.kind));
    (ga == 2 && (gb == 0 || gb == 3)) || (gb == 2 && (ga == 0 || ga == 3))
}

/// Deaths told with an accident word are the accident's ("tués dans la
/// collision de deux hélicoptères"): a weak violence word joins it.
fn accident_with(a: &Candidate, b: &Candidate) -> bool {
    let accident = |x: &Candidate| x.kind == "other" && x.strong;
    let weak_violence = |x: &Candidate| !x.strong && type_group(&x.kind) == 0;
    (accident(a) && weak_violence(b)) || (accident(b) && weak_violence(a))
}

/// Violence and kidnapping told in one sentence are one raid ("enlevés lors
/// de l'attaque du campement").
fn raid(a: &Candidate, b: &Candidate) -> bool {
    type_group(&a.kind) <= 1 && type_group(&b.kind) <= 1
}

fn merge_in_sentence(doc: &Doc, candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for c in candidates {
        let s = *c.sentences.iter().next().expect("one sentence");
        if let Some(prev) = out.iter_mut().rev().find(|p| {
            p.sentences.contains(&s)
                && (type_group(&p.kind) == type_group(&c.kind)
                    || arrest_during(p, &c)
                    || raid(p, &c)
                    || accident_with(p, &c))
        }) {
            // "Cette attaque survient une semaine après l'embuscade de…": the
            // first refers back, the second is another event.
            if prev.anaphoric && prev.at < c.at && Cues::get().any("reference", &doc.fold[prev.at..c.at]) {
                out.push(c);
                continue;
            }
            // Different clauses with their own place or date stay apart.
            let (pc, cc) = (doc.clause(prev.at), doc.clause(c.at));
            let own = |cl: ViewRange| {
                doc.f.names.places.iter().any(|p| cl.contains(p.range))
                    || doc.f.dates.dates.iter().any(|d| cl.contains(d.range))
            };
            // "…enlevés le 16 mai, lors de l'attaque du campement près de
            // Waza": told as one.
            let between = &doc.fold[prev.at.min(c.at)..prev.at.max(c.at)];
            let linked = ["lors de", "lors d'", "au cours de", "au cours d'", "pendant", "durant"]
                .iter()
                .any(|w| find_word(between, w).is_some());
            if pc != cc && own(pc) && own(cc) && !linked {
                out.push(c);
                continue;
            }
            let arrest_only = type_group(&c.kind) == 2 && type_group(&prev.kind) != 2;
            if !arrest_only
                && ((c.strong && !prev.strong)
                    || (c.strong == prev.strong && type_rank(&c.kind) < type_rank(&prev.kind)))
            {
                prev.kind = c.kind.clone();
                prev.trigger = c.trigger;
                prev.strong = c.strong;
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// The nearest item to `at` within `range`, among `ranges` accepted by `ok`.
fn nearest(ranges: impl Iterator<Item = (usize, ViewRange)>, within: ViewRange, at: usize) -> Option<usize> {
    ranges
        .filter(|(_, r)| within.contains(*r))
        .min_by_key(|(_, r)| if r.start >= at { r.start - at } else { (at - r.end) + 1 })
        .map(|(i, _)| i)
}

/// The latest item before `at` within `range`.
fn latest_before(ranges: impl Iterator<Item = (usize, ViewRange)>, within: ViewRange, at: usize) -> Option<usize> {
    ranges.filter(|(_, r)| within.contains(*r) && r.end <= at).max_by_key(|(_, r)| r.start).map(|(i, _)| i)
}

/// Ranges of context around a candidate, nearest first, with a distance code.
fn contexts(doc: &Doc, c: &Candidate, places: bool) -> Vec<(u8, ViewRange, bool)> {
    let segs = doc.f.segments;
    let s = *c.sentences.iter().next().expect("a sentence");
    let p = doc.paragraph_of_sentence(s);
    let para = segs.paragraphs[p];
    let mut out = vec![(0, doc.clause(c.at), false), (1, doc.sentence_range(s), false)];
    // Earlier in the paragraph: the latest item before the anchor.
    out.push((2, ViewRange::new(para.start, c.at), true));
    // The next sentence of the paragraph, for places only ("accepte de
    // déposer les armes. Une cérémonie accueille à Kidal…").
    let next = *c.sentences.iter().last().expect("a sentence") + 1;
    if places && next < segs.sentences.len() && doc.paragraph_of_sentence(next) == p {
        out.push((2, doc.sentence_range(next), false));
    }
    // Earlier in the section, up to three paragraphs back.
    let sec = doc.section[p];
    let first = (0..p).rev().take(3).take_while(|&q| doc.section[q] == sec).last();
    if let Some(q) = first {
        out.push((3, ViewRange::new(segs.paragraphs[q].start, para.start), true));
    }
    // The lead: headline and first paragraph.
    let lead_end = segs.paragraphs.get(1).map(|r| r.end).unwrap_or(para.end);
    out.push((4, ViewRange::new(0, lead_end.min(doc.fold.len())), false));
    out
}

fn attach_date(doc: &Doc, c: &mut Candidate) {
    let dates = &doc.f.dates.dates;
    // Dates after publication are plans or deadlines ("le sommet prévu le 16
    // décembre"), never the date of an event already reported.
    let after_publication = |i: usize| {
        let (Some(p), Some(v)) = (doc.f.published, dates[i].mention.value.as_deref()) else { return false };
        lo_date(v) > p.format("%Y-%m-%d").to_string()
    };
    // "la plus meurtrière depuis 2015": a point of comparison, not a date.
    let comparison = |i: usize| {
        let r = dates[i].range;
        let clause = doc.clause(r.start);
        let before = &doc.fold[clause.start.min(r.start)..r.start];
        find_word(before, "depuis").is_some() && Cues::get().any("comparison", before)
    };
    let usable =
        |i: usize| dates[i].mention.value.is_some() && !doc.reporting[i] && !after_publication(i) && !comparison(i);
    // "Les faits se sont déroulés le dimanche 9 août 2020", "L'attaque s'est
    // produite le lundi 5 juillet": a date said of the event in one of the
    // next two sentences, when its own sentence gives none.
    let s = *c.sentences.iter().last().expect("a sentence");
    let own = doc.sentence_range(*c.sentences.iter().next().expect("a sentence")).cover(doc.sentence_range(s));
    let stated_later = || {
        (s + 1..(s + 3).min(doc.f.segments.sentences.len())).find_map(|n| {
            let sr = doc.sentence_range(n);
            dates.iter().enumerate().find(|(i, d)| {
                sr.contains(d.range) && usable(*i) && {
                    let before = &doc.fold[sr.start..d.range.start];
                    Cues::get().any("event_time", &before[floor_char(before, before.len().saturating_sub(40))..])
                }
            })
        })
    };
    if !dates.iter().enumerate().any(|(i, d)| own.contains(d.range) && usable(i)) {
        if let Some((i, _)) = stated_later() {
            c.date = Some(i);
            c.date_dist = 1;
            return;
        }
    }
    for (dist, range, before) in contexts(doc, c, false) {
        let it = dates.iter().enumerate().filter(|(i, _)| usable(*i)).map(|(i, d)| (i, d.range));
        let pick = if before { latest_before(it, range, c.at) } else { nearest(it, range, c.at) };
        if let Some(i) = pick {
            c.date = Some(i);
            c.date_dist = dist;
            let s = doc.sentence_range(doc.sentence_of(dates[i].range.start));
            let lead = &doc.fold[s.start..dates[i].range.start];
            c.date_opens_sentence = lead
                .split_whitespace()
                .all(|w| matches!(w, "le" | "la" | "l'" | "en" | "des" | "depuis" | "dans" | "\"" | "-"));
            return;
        }
    }
}

/// Places rank by how precisely they locate an event.
fn place_rank(feature: &str) -> u8 {
    match feature {
        "locality" | "site" => 0,
        "admin3" | "admin2" => 1,
        "admin1" | "region" => 2,
        _ => 3,
    }
}

fn attach_place(doc: &Doc, c: &mut Candidate) {
    let places = &doc.f.names.places;
    // Places named for themselves, then places that situate; places named
    // for something else (a destination, a speaker) only when no context
    // holds another.
    for elsewhere in [false, true] {
        for (dist, range, before) in contexts(doc, c, true) {
            // Prefer places named for themselves, then precise ones: the best
            // (locator, rank) present in the context wins.
            for (locator, rank) in [false, true].into_iter().flat_map(|l| (0..=3u8).map(move |r| (l, r))) {
                let it = places
                    .iter()
                    .enumerate()
                    .filter(|(i, p)| {
                        place_rank(&p.mention.feature) == rank
                            && !doc.dateline[*i]
                            && doc.elsewhere[*i] == elsewhere
                            && (elsewhere || doc.locator[*i] == locator)
                    })
                    .map(|(i, p)| (i, p.range));
                let pick = if before { latest_before(it, range, c.at) } else { nearest(it, range, c.at) };
                if let Some(i) = pick {
                    c.place = Some(i);
                    // A locating place is a guess, never evidence that keeps
                    // events apart.
                    c.place_dist = if locator || elsewhere { dist.max(2) } else { dist };
                    return;
                }
            }
        }
    }
}

fn attach_actors(doc: &Doc, c: &mut Candidate, cues: &Cues) {
    let f = doc.f;
    // (role, actor index, role said by a cue rather than guessed)
    let mut found: Vec<(String, usize, bool)> = Vec::new();
    for &s in &c.sentences {
        let sr = doc.sentence_range(s);
        for (i, a) in f.names.actors.iter().enumerate() {
            if sr.contains(a.range) && a.mention.category != "political" && !is_affiliation(doc, a.range, cues) {
                let (role, explicit) = actor_role(doc, c, a.range, &a.mention.category, cues);
                found.push((role, i, explicit));
            }
        }
        for (i, p) in f.names.persons.iter().enumerate() {
            if sr.contains(p.range) {
                let is_leader = p.mention.roles.iter().any(|r| r.starts_with("armed_group"));
                if is_leader {
                    c.persons.push(("perpetrator".into(), i));
                }
            }
        }
    }
    // Guessed roles follow the ones the text states: when an armed group is
    // the stated target, the forces are the perpetrators, and conversely.
    let category = |i: usize| f.names.actors[i].mention.category.as_str();
    let is_force = |i: usize| matches!(category(i), "state_force" | "international_force" | "militia");
    let group_targeted = found.iter().any(|(r, i, e)| *e && r == "target" && category(*i) == "armed_group");
    let force_acts = found.iter().any(|(r, i, e)| *e && r == "perpetrator" && is_force(*i));
    // Militias beside an armed group are the ones attacked (VDP, dozos,
    // wazalendo against jihadists), unless a cue says otherwise.
    let group_present = found.iter().any(|(_, i, _)| category(*i) == "armed_group");
    for (role, i, explicit) in found.iter_mut() {
        if *explicit {
            continue;
        }
        if category(*i) == "militia" && group_present && !group_targeted {
            *role = "target".into();
        } else if group_targeted && is_force(*i) {
            *role = "perpetrator".into();
        } else if force_acts && category(*i) == "armed_group" {
            *role = "target".into();
        }
    }
    // One role per actor: forces are more often targets, groups perpetrators.
    for (role, i, _) in &found {
        let id = &f.names.actors[*i].mention.id;
        let both = found.iter().any(|(r2, i2, _)| f.names.actors[*i2].mention.id == *id && r2 != role);
        if both {
            let keep = if category(*i) == "armed_group" { "perpetrator" } else { "target" };
            if role != keep {
                continue;
            }
        }
        c.actors.push((role.clone(), *i));
    }
}

/// An actor named as what another belongs to ("le JNIM, lié à Al-Qaïda",
/// "Kraze Baryè, membre de la coalition Viv Ansanm", "la katiba Macina,
/// affiliée au JNIM"): background, not a party to the event.
fn is_affiliation(doc: &Doc, r: ViewRange, cues: &Cues) -> bool {
    let sentence = doc.sentence_range(doc.sentence_of(r.start));
    let before = &doc.fold[sentence.start..r.start];
    let mut t = before[floor_char(before, before.len().saturating_sub(48))..].trim_end();
    // Up to a preposition and an article: "affiliée au", "lié à l'".
    for _ in 0..2 {
        let small = ["l'", "d'", "la", "le", "les", "des", "du", "au", "aux", "a", "de"];
        if let Some(rest) = small.iter().find_map(|a| t.strip_suffix(a).filter(|r| r.is_empty() || r.ends_with(' '))) {
            t = rest.trim_end();
        }
    }
    cues.phrases("affiliation").iter().any(|p| t.ends_with(p.as_str()))
}

/// The candidate is told by "coup d'État": an event of the whole country.
fn is_coup(doc: &Doc, c: &Candidate) -> bool {
    c.trigger.is_some_and(|t| doc.f.triggers[t].found.mention.lemma == "coup d'etat")
}

/// The candidate's counts are all of armed-group members.
fn only_assailants_hit(doc: &Doc, c: &Candidate) -> bool {
    let all = &doc.f.casualties.casualties;
    let hit: Vec<&str> = c
        .casualties
        .iter()
        .map(|&i| &all[i].mention)
        .filter(|m| !m.negated && matches!(m.kind.as_str(), "killed" | "injured" | "arrested"))
        .map(|m| m.victims.as_str())
        .collect();
    !hit.is_empty() && hit.iter().all(|v| *v == "armed_group")
}

/// The role of an actor and whether a cue in the text states it.
fn actor_role(doc: &Doc, c: &Candidate, r: ViewRange, category: &str, cues: &Cues) -> (String, bool) {
    let sentence = doc.sentence_range(doc.sentence_of(r.start));
    let before = &doc.fold[sentence.start..r.start];
    let tail = &before[floor_char(before, before.len().saturating_sub(40))..];
    let t = tail.trim_end();
    let ends_with_cue = |kind: &str| {
        cues.phrases(kind).iter().any(|p| {
            ["", " l'", " la", " le", " les", " des", " du"].iter().any(|art| t.ends_with(&format!("{p}{art}")))
        })
    };
    // "entre X et Y": X acts, Y is acted upon (ACLED's actor1 / actor2).
    let after_et =
        ["et", "et l'", "et la", "et le", "et les", "et des", "et du"].iter().any(|w| t.ends_with(&format!(" {w}")));
    if after_et && find_word(before, "entre").is_some() {
        return ("target".into(), true);
    }
    if t.ends_with("entre")
        || ["entre l'", "entre la", "entre le", "entre les", "entre des"].iter().any(|w| t.ends_with(w))
    {
        return ("perpetrator".into(), true);
    }
    if ends_with_cue("perpetrator") {
        return ("perpetrator".into(), true);
    }
    if ends_with_cue("target") {
        return ("target".into(), true);
    }
    let guessed = match (c.kind.as_str(), category) {
        ("arrest", "state_force") | ("airstrike", "state_force" | "international_force") => "perpetrator",
        ("agreement", _) => "party",
        (_, "armed_group") => "perpetrator",
        // The subject of an active verb before the trigger acts.
        (_, "state_force" | "international_force") if r.end <= c.at && c.kind == "armed_clash" => "perpetrator",
        // Forces whose toll is of assailants only ("l'armée a neutralisé
        // vingt terroristes") acted.
        (_, "state_force" | "international_force") if only_assailants_hit(doc, c) => "perpetrator",
        (_, "state_force" | "international_force") => "target",
        _ => "perpetrator",
    };
    (guessed.into(), false)
}

fn split_coordinated_places(doc: &Doc, candidates: Vec<Candidate>) -> Vec<Candidate> {
    let places = &doc.f.names.places;
    let mut out = Vec::new();
    for c in candidates {
        let Some(pi) = c.place else {
            out.push(c);
            continue;
        };
        if c.place_dist > 1 {
            out.push(c);
            continue;
        }
        // Localities coordinated with the chosen one in the same sentence:
        // "Aguelhok, Ménaka, Tessalit et Kidal".
        let s = *c.sentences.iter().next().expect("a sentence");
        let sr = doc.sentence_range(s);
        let mut group: Vec<usize> = places
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                sr.contains(p.range) && place_rank(&p.mention.feature) == place_rank(&places[pi].mention.feature)
            })
            .map(|(i, _)| i)
            .collect();
        group.sort_by_key(|&i| places[i].range.start);
        let Some(k) = group.iter().position(|&i| i == pi) else {
            out.push(c);
            continue;
        };
        let joined = |a: usize, b: usize| {
            if places[a].range.end > places[b].range.start {
                return false;
            }
            let gap = &doc.fold[places[a].range.end..places[b].range.start];
            gap.split(|ch: char| !ch.is_ascii_alphabetic() && ch != '\'').filter(|w| !w.is_empty()).all(|w| {
                matches!(
                    w,
                    "et" | "de"
                        | "d'"
                        | "du"
                        | "des"
                        | "la"
                        | "le"
                        | "les"
                        | "ou"
                        | "a"
                        | "l'"
                        | "notamment"
                        | "ainsi"
                        | "que"
                )
            })
        };
        // "entre Saraféré et Koumaïra": one event on the road between them.
        let between = |i: usize| {
            let before = doc.fold[sr.start..places[i].range.start].trim_end();
            before.ends_with(" entre") || before.ends_with("entre les localites de") || before == "entre"
        };
        let mut lo = k;
        while lo > 0 && joined(group[lo - 1], group[lo]) {
            lo -= 1;
        }
        let mut hi = k;
        while hi + 1 < group.len() && joined(group[hi], group[hi + 1]) {
            hi += 1;
        }
        if lo == hi || (hi == lo + 1 && between(group[lo])) {
            out.push(c);
            continue;
        }
        for (n, &p) in group[lo..=hi].iter().enumerate() {
            let mut part = c.clone();
            part.place = Some(p);
            part.at = c.at + n; // keep order, distinct ids come from the place span
            part.siblings = Some(c.at);
            if n > 0 {
                part.casualties.clear();
            }
            out.push(part);
        }
    }
    out
}

/// A toll broken down by place ("onze villageois ont péri à Kanoma, cinq à
/// Gangara et trois à Malele", "38 tués : 24 à Yoro, 14 à Gangafani"): one
/// event per place, each with its own count; the total stays with the first.
fn split_tolls_by_place(doc: &Doc, candidates: Vec<Candidate>) -> Vec<Candidate> {
    let places = &doc.f.names.places;
    let casualties = &doc.f.casualties.casualties;
    // The place written right after a count: "cinq à Gangara".
    let own_place = |ci: usize| -> Option<usize> {
        let end = casualties[ci].range.end;
        places.iter().position(|p| {
            p.range.start >= end && p.range.start <= end + 6 && {
                let gap = doc.fold[end..p.range.start].trim();
                matches!(gap, "a" | "au" | "dans" | "a l'")
            }
        })
    };
    let mut out = Vec::new();
    for c in candidates {
        let placed: Vec<(usize, usize)> =
            c.casualties.iter().filter_map(|&ci| own_place(ci).map(|p| (ci, p))).collect();
        let mut distinct: Vec<usize> = placed.iter().map(|&(_, p)| p).collect();
        distinct.sort_by_key(|&p| places[p].mention.id.clone());
        distinct.dedup_by_key(|p| places[*p].mention.id.clone());
        if distinct.len() < 2 {
            out.push(c);
            continue;
        }
        let mut parts: Vec<Candidate> = Vec::new();
        for &(ci, p) in &placed {
            if let Some(part) =
                parts.iter_mut().find(|x| x.place.is_some_and(|q| places[q].mention.id == places[p].mention.id))
            {
                part.casualties.push(ci);
                continue;
            }
            let mut part = c.clone();
            part.casualties = vec![ci];
            part.place = Some(p);
            part.place_dist = 0;
            part.at = casualties[ci].range.start;
            part.siblings = Some(c.at);
            parts.push(part);
        }
        // Counts without a place of their own stay with the first place,
        // except the total of the breakdown.
        let sum = |kind: &str| -> u64 {
            placed
                .iter()
                .filter(|(ci, _)| casualties[*ci].mention.kind == kind)
                .filter_map(|(ci, _)| casualties[*ci].mention.best.or(casualties[*ci].mention.low))
                .sum()
        };
        let rest: Vec<usize> = c
            .casualties
            .iter()
            .copied()
            .filter(|ci| !placed.iter().any(|(x, _)| x == ci))
            .filter(|&ci| {
                let m = &casualties[ci].mention;
                m.best.or(m.low) != Some(sum(&m.kind))
            })
            .collect();
        parts[0].casualties.extend(rest);
        out.extend(parts);
    }
    out.sort_by_key(|c| c.at);
    out
}

fn date_interval(doc: &Doc, i: usize) -> Option<(String, String)> {
    let d = &doc.f.dates.dates[i].mention;
    let v = d.value.clone()?;
    let e = d.end.clone().unwrap_or_else(|| v.clone());
    Some((lo_date(&v), hi_date(&e)))
}

fn lo_date(v: &str) -> String {
    match v.len() {
        4 => format!("{v}-01-01"),
        7 => format!("{v}-01"),
        _ => v.to_string(),
    }
}

fn hi_date(v: &str) -> String {
    match v.len() {
        4 => format!("{v}-12-31"),
        7 => format!("{v}-31"),
        _ => v.to_string(),
    }
}

fn dates_compatible(doc: &Doc, a: Option<usize>, b: Option<usize>) -> bool {
    match (a.and_then(|i| date_interval(doc, i)), b.and_then(|i| date_interval(doc, i))) {
        (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
        _ => true,
    }
}

fn places_compatible(doc: &Doc, a: Option<usize>, b: Option<usize>) -> bool {
    let places = &doc.f.names.places;
    match (a, b) {
        (Some(a), Some(b)) => {
            let (pa, pb) = (&places[a].mention, &places[b].mention);
            if pa.id == pb.id {
                return true;
            }
            let (ra, rb) = (place_rank(&pa.feature), place_rank(&pb.feature));
            if ra == rb {
                return false;
            }
            // A coarser place contains the finer one.
            let (fine, coarse) = if ra < rb { (pa, pb) } else { (pb, pa) };
            match coarse.feature.as_str() {
                "country" => fine.country == coarse.country,
                "admin1" | "region" => {
                    fine.admin1.is_some() && fine.admin1 == coarse.admin1 || coarse.feature == "region"
                }
                _ => fine.admin2.is_some() && fine.admin2 == coarse.admin2,
            }
        }
        _ => true,
    }
}

fn merge(doc: &Doc, candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut events: Vec<Candidate> = Vec::new();
    for c in candidates {
        let compatible = |e: &Candidate| {
            // A count without a trigger belongs to any violent event.
            // An attack and a kidnapping told with the same day and place are
            // one raid ("ils ont tué quinze villageois et enlevé…").
            let same_raid = type_group(&e.kind) <= 1
                && type_group(&c.kind) <= 1
                && e.hard_date()
                && c.hard_date()
                && date_interval(doc, e.date.unwrap_or(0)) == date_interval(doc, c.date.unwrap_or(0))
                && e.hard_place()
                && c.hard_place()
                && !different_places(doc, e.place, c.place);
            // Arrests told after a protest, with no day or place of their
            // own, were made during it.
            let arrests_after_protest =
                type_group(&c.kind) == 2 && type_group(&e.kind) == 3 && !c.hard_date() && !c.hard_place();
            // "L'attaque avait fait quinze morts" after the kidnapping raid
            // it belongs to.
            let raid_recalled = raid(e, &c) && c.anaphoric && !c.hard_date() && !c.hard_place();
            let groups_ok = type_group(&e.kind) == type_group(&c.kind)
                || arrests_after_protest
                || raid_recalled
                || (c.trigger.is_none() && type_group(&e.kind) <= 1 && type_group(&c.kind) <= 1)
                || same_raid;
            // Dates and places inferred from context do not keep events apart.
            // A date said with one of them must agree with the other's date,
            // even an inferred one: "en août 2019" is not the event of
            // "mercredi" three paragraphs up.
            let dates_ok = !e.hard_date() || !c.hard_date() || dates_compatible(doc, e.date, c.date);
            // Two spots a few kilometres apart on the same day are one event
            // told from two landmarks ("entre Dassari et Porga", "dans le
            // parc de la Pendjari").
            let same_day_nearby = e.hard_date()
                && c.hard_date()
                && date_interval(doc, e.date.unwrap_or(0)) == date_interval(doc, c.date.unwrap_or(0))
                && km_between(doc, e.place, c.place).is_some_and(|km| km <= NEARBY_KM);
            let siblings = e.siblings.is_some() && e.siblings == c.siblings;
            let places_ok = !e.hard_place()
                || !c.hard_place()
                || (same_day_nearby && !siblings)
                || (places_compatible(doc, e.place, c.place)
                    && !(different_places(doc, e.place, c.place) && same_rank_places(doc, e.place, c.place)));
            // Both placed and dated within their own paragraphs, and both
            // values at odds: another event ("vendredi, c'est Eringeti qui a
            // été frappée" after the Ngadi attack of Wednesday).
            let near = |x: &Candidate| !x.headline && x.date_dist <= 2 && x.place_dist <= 2;
            let own = |x: &Candidate| x.hard_date() && x.hard_place();
            // (values from the lead or a statement are no evidence)
            let placed = |x: &Candidate| !x.headline && x.date_dist <= 3 && x.place_dist <= 3;
            let told_apart = ((near(e) && near(&c)) || (own(e) && placed(&c)) || (own(&c) && placed(e)))
                && e.date.is_some()
                && c.date.is_some()
                && !dates_compatible(doc, e.date, c.date)
                && e.place.is_some()
                && c.place.is_some()
                && !places_compatible(doc, e.place, c.place);
            // An airstrike is not the massacre or the ambush it is told
            // beside; generic words (attack, clash) go with any of them.
            let specific = |k: &str| matches!(k, "airstrike" | "massacre" | "ambush" | "explosion");
            let kinds_clash = e.strong
                && c.strong
                && c.trigger.is_some()
                && e.kind != c.kind
                && specific(&e.kind)
                && specific(&c.kind)
                && (e.kind == "airstrike" || c.kind == "airstrike");
            // A feared or planned attack is not the one that happened.
            let hypothetical = |x: &Candidate| {
                x.trigger.is_some() && Cues::get().any("hypothetical", &doc.fold[doc.clause(x.at).as_range()])
            };
            let certainty_ok = hypothetical(e) == hypothetical(&c);
            groups_ok && dates_ok && places_ok && !told_apart && !kinds_clash && certainty_ok
        };
        // Where a statement with no place of its own goes: the event already
        // told in its paragraph, else the main (first) event; one with its
        // own place joins the latest event there.
        let target = if c.hard_place() {
            events.iter().rposition(compatible)
        } else {
            let paragraph = doc.paragraph_of_sentence(*c.sentences.iter().next().expect("a sentence"));
            let section = doc.section[paragraph];
            let in_section =
                |e: &Candidate| e.sentences.iter().any(|&s| doc.section[doc.paragraph_of_sentence(s)] == section);
            events
                .iter()
                .rposition(|e| compatible(e) && e.sentences.iter().any(|&s| doc.paragraph_of_sentence(s) == paragraph))
                .or_else(|| {
                    // In an article cut into sections, the section's own event.
                    let sectioned = doc.section.last().is_some_and(|&n| n > 0);
                    if sectioned {
                        events.iter().rposition(|e| compatible(e) && in_section(e))
                    } else {
                        None
                    }
                })
                .or_else(|| events.iter().position(compatible))
        };
        match target {
            Some(k) => absorb(doc, &mut events[k], c),
            None => events.push(c),
        }
    }
    events
}

/// Folds candidate `c` into event `e`: the more precise date and place and
/// the more specific type win, everything else is pooled.
fn absorb(doc: &Doc, e: &mut Candidate, c: Candidate) {
    // The more precise date and place win; direct evidence wins.
    // "dans la nuit de samedi à dimanche" holds "dimanche vers 2 heures":
    // the night is the event's date (corpus convention), the day a moment in it.
    let night_holds = |range: Option<usize>, day: Option<usize>| {
        let (Some(r), Some(d)) = (range, day) else { return false };
        let (rm, dm) = (&doc.f.dates.dates[r].mention, &doc.f.dates.dates[d].mention);
        let (Some(rv), Some(re), Some(dv)) = (rm.value.as_deref(), rm.end.as_deref(), dm.value.as_deref()) else {
            return false;
        };
        dm.end.is_none() && rv.len() == 10 && dv.len() == 10 && rv <= dv && dv <= re && re.len() == 10 && {
            let (a, b) =
                (chrono::NaiveDate::parse_from_str(rv, "%Y-%m-%d"), chrono::NaiveDate::parse_from_str(re, "%Y-%m-%d"));
            matches!((a, b), (Ok(a), Ok(b)) if (b - a).num_days() == 1)
        }
    };
    let take_date = c.date.is_some()
        && !night_holds(e.date, c.date)
        && (e.date.is_none()
            || night_holds(c.date, e.date)
            || (c.hard_date() && !e.hard_date())
            || (c.hard_date() == e.hard_date() && (c.date_dist < e.date_dist || more_precise(doc, c.date, e.date))));
    if take_date {
        e.date = c.date;
        e.date_dist = c.date_dist;
        e.anaphoric = c.anaphoric;
    }
    // A place that situates ("aux abords de Djibasso") is soft, but it still
    // beats a coarser place that contains it ("la Boucle du Mouhoun").
    let e_finer_inside = finer(doc, e.place, c.place) && places_compatible(doc, e.place, c.place);
    let take_place = c.place.is_some()
        && (e.place.is_none()
            || (c.hard_place() && !e.hard_place() && !e_finer_inside)
            || (c.hard_place() == e.hard_place() && finer(doc, c.place, e.place))
            || (!c.hard_place()
                && e.hard_place()
                && finer(doc, c.place, e.place)
                && places_compatible(doc, c.place, e.place)));
    if take_place {
        e.place = c.place;
        e.place_dist = c.place_dist;
    }
    // A count told without an event word takes the word's type.
    let counts_only = e.trigger.is_none() && c.trigger.is_some() && c.strong;
    if (c.strong && !e.strong)
        || counts_only
        || (c.strong == e.strong && type_rank(&c.kind) < type_rank(&e.kind) && c.trigger.is_some())
    {
        e.kind = c.kind.clone();
        e.trigger = c.trigger.or(e.trigger);
        e.strong |= c.strong;
    }
    e.sentences.extend(c.sentences.iter().copied());
    e.casualties.extend(c.casualties.iter().copied());
    e.actors.extend(c.actors.iter().cloned());
    e.persons.extend(c.persons.iter().cloned());
}

/// Civilians killed in one attack, with no force hit, from which it is a
/// massacre (what the corpus annotators do in the large majority of cases).
const MASSACRE_CIVILIANS: u64 = 30;

/// How far apart two places may be and still be the scene of one event.
const NEARBY_KM: f64 = 30.0;

/// Great-circle distance between two places with coordinates.
fn km_between(doc: &Doc, a: Option<usize>, b: Option<usize>) -> Option<f64> {
    let places = &doc.f.names.places;
    let (a, b) = (&places[a?].mention, &places[b?].mention);
    let (lat1, lon1, lat2, lon2) = (a.lat?.to_radians(), a.lon?.to_radians(), b.lat?.to_radians(), b.lon?.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    Some(2.0 * 6371.0 * h.sqrt().asin())
}

fn different_places(doc: &Doc, a: Option<usize>, b: Option<usize>) -> bool {
    let places = &doc.f.names.places;
    match (a, b) {
        (Some(a), Some(b)) => places[a].mention.id != places[b].mention.id,
        _ => false,
    }
}

fn same_rank_places(doc: &Doc, a: Option<usize>, b: Option<usize>) -> bool {
    let places = &doc.f.names.places;
    match (a, b) {
        (Some(a), Some(b)) => place_rank(&places[a].mention.feature) == place_rank(&places[b].mention.feature),
        _ => false,
    }
}

fn more_precise(doc: &Doc, a: Option<usize>, b: Option<usize>) -> bool {
    let len =
        |i: Option<usize>| i.and_then(|i| doc.f.dates.dates[i].mention.value.as_ref().map(|v| v.len())).unwrap_or(0);
    len(a) > len(b)
}

fn finer(doc: &Doc, a: Option<usize>, b: Option<usize>) -> bool {
    let places = &doc.f.names.places;
    match (a, b) {
        (Some(a), Some(b)) => place_rank(&places[a].mention.feature) < place_rank(&places[b].mention.feature),
        _ => false,
    }
}

/// An event needs more than a word: a count, or a strong trigger with a
/// place said in its own sentence (a place from context is not enough to
/// tell an event from a mention of violence in general).
fn worth_an_event(doc: &Doc, c: &Candidate) -> bool {
    let counts = c.casualties.iter().any(|&i| !doc.f.casualties.casualties[i].mention.negated);
    if counts {
        return true;
    }
    // "Le groupe a multiplié les attaques dans la zone", "des attaques
    // répétées": a pattern of violence, not one event, unless a day says
    // which.
    let day = c.date.is_some_and(|i| doc.f.dates.dates[i].mention.precision.contains("day"));
    let generic = c.trigger.is_some_and(|t| {
        let r = doc.f.triggers[t].found.range;
        let word = &doc.fold[r.as_range()];
        let before = doc.fold[..r.start].trim_end();
        let last = before.rsplit(|ch: char| !ch.is_alphanumeric()).next().unwrap_or("");
        !word.contains(' ')
            && word.ends_with('s')
            && matches!(last, "les" | "des" | "de" | "multiples" | "nombreuses" | "nombreux" | "plusieurs" | "ces")
    });
    // Named places, one by one, make it several events ("des attaques
    // contre Nampala, Ténenkou et Dogofry").
    if generic && !day && c.siblings.is_none() {
        return false;
    }
    // Without a count, a place must be said with the event itself.
    let placed = c.place.is_some()
        && doc
            .f
            .names
            .places
            .iter()
            .enumerate()
            .any(|(i, p)| !doc.dateline[i] && c.sentences.iter().any(|&s| doc.sentence_range(s).contains(p.range)))
        // "…accepte de déposer les armes. Une cérémonie accueille à Kidal…":
        // an agreement takes the place the next sentence of the paragraph gives.
        || type_group(&c.kind) >= 4 && c.place.is_some_and(|i| {
            let last = *c.sentences.iter().last().expect("a sentence");
            let ps = doc.sentence_of(doc.f.names.places[i].range.start);
            ps == last + 1 && doc.paragraph_of_sentence(ps) == doc.paragraph_of_sentence(last)
        });
    // A coup is an event of the country, dated, placed or not.
    let coup = is_coup(doc, c);
    let dated = c.date.is_some() && c.date_dist <= 1;
    c.strong && c.trigger.is_some() && (placed || coup && dated)
}

fn finish(doc: &Doc, c: Candidate, cues: &Cues) -> Event {
    let f = doc.f;
    let text = f.text;
    let first = *c.sentences.iter().next().expect("a sentence");
    let last = *c.sentences.iter().last().expect("a sentence");
    let evidence_range = doc.sentence_range(first).cover(doc.sentence_range(last));
    let evidence = text.span(evidence_range);
    let sentences_text: String =
        c.sentences.iter().map(|&s| &doc.fold[doc.sentence_range(s).as_range()]).collect::<Vec<_>>().join(" ");

    let trigger = c.trigger.map(|t| {
        let m = &f.triggers[t].found.mention;
        EventTrigger { span: m.span.clone(), lemma: m.lemma.clone() }
    });
    let date = c.date.and_then(|i| {
        let d = &f.dates.dates[i].mention;
        Some(EventDate {
            value: d.value.clone()?,
            end: d.end.clone(),
            precision: d.precision.clone(),
            span: d.span.clone(),
        })
    });
    let location = c.place.map(|i| {
        let p = &f.names.places[i].mention;
        EventLocation {
            name: p.name.clone(),
            id: p.id.clone(),
            country: p.country.clone(),
            admin1: p.admin1.clone(),
            admin2: p.admin2.clone(),
            lat: p.lat,
            lon: p.lon,
            precision: p.feature.clone(),
            span: p.span.clone(),
        }
    });
    let mut actors: Vec<EventActor> = Vec::new();
    for (role, i) in &c.actors {
        let a = &f.names.actors[*i].mention;
        if !actors.iter().any(|x| x.role == *role && x.id.as_deref() == Some(a.id.as_str())) {
            actors.push(EventActor {
                role: role.clone(),
                name: a.name.clone(),
                id: Some(a.id.clone()),
                span: a.span.clone(),
            });
        }
    }
    // Merged mentions may give one actor both roles: armed groups keep the
    // perpetrator's, forces the target's.
    let both: Vec<String> = actors
        .iter()
        .filter(|a| actors.iter().any(|b| b.id == a.id && b.role != a.role))
        .filter_map(|a| a.id.clone())
        .collect();
    actors.retain(|a| {
        let Some(id) = &a.id else { return true };
        if !both.contains(id) {
            return true;
        }
        let group = f.names.actors.iter().any(|m| m.mention.id == *id && m.mention.category == "armed_group");
        a.role == if group { "perpetrator" } else { "target" }
    });
    let mut people: Vec<EventActor> = Vec::new();
    for (role, i) in &c.persons {
        let p = &f.names.persons[*i].mention;
        if !people.iter().any(|x| x.role == *role && x.id.as_deref() == Some(p.id.as_str())) {
            people.push(EventActor {
                role: role.clone(),
                name: p.name.clone(),
                id: Some(p.id.clone()),
                span: p.span.clone(),
            });
        }
    }
    let casualties = best_casualties(f, &c.casualties, cues);
    // People taken and nobody killed or hurt, with no strong word for the
    // violence: a kidnapping ("ils ont investi l'internat et emmené 276
    // lycéennes").
    let taken = casualties.iter().any(|x| x.kind == "kidnapped");
    let hurt = casualties.iter().any(|x| x.kind == "killed" || x.kind == "injured");
    let weak = c.trigger.is_none_or(|t| f.triggers[t].strength == Strength::Weak);
    // A protest with deaths, looting or arson is a riot (ACLED's distinction);
    // arson alone, by armed men, is part of an attack.
    let mut kind = c.kind.clone();
    if kind == "attack" && taken && !hurt && weak {
        kind = "kidnapping".into();
    }
    // Many civilians killed and no force hit: a massacre, whatever word
    // the text used ("58 civils tués au retour du marché").
    let civilians_killed = casualties
        .iter()
        .filter(|x| x.kind == "killed" && x.victims == "civilian")
        .filter_map(|x| x.best.or(x.low))
        .max()
        .unwrap_or(0);
    let forces_hit = casualties.iter().any(|x| {
        matches!(x.kind.as_str(), "killed" | "injured")
            && matches!(x.victims.as_str(), "military" | "police" | "peacekeepers")
    });
    if kind == "attack" && civilians_killed >= MASSACRE_CIVILIANS && !forces_hit {
        kind = "massacre".into();
    }
    if kind == "protest" {
        let violent_words = f.triggers.iter().any(|t| {
            c.sentences.contains(&doc.sentence_of(t.found.range.start))
                && (matches!(t.found.mention.event_type.as_str(), "riot" | "looting")
                    || t.found.mention.lemma == "incendie")
        });
        if violent_words || casualties.iter().any(|x| x.kind == "killed" || x.kind == "injured") {
            kind = "riot".into();
        }
    }
    let (certainty, attribution) =
        certainty(text, &doc.fold[evidence_range.as_range()], &sentences_text, evidence_range, cues);
    let mut hasher = Sha256::new();
    hasher.update(f.sha256.as_bytes());
    hasher.update(
        format!(":{}:{}:{}", evidence.start, evidence.end, location.as_ref().map(|l| l.span.start).unwrap_or(0))
            .as_bytes(),
    );
    let id = format!("ev-{}", hasher.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect::<String>());
    let mut confidence: f64 = 0.3;
    if date.is_some() {
        confidence += if c.date_dist <= 1 { 0.2 } else { 0.1 };
    }
    if location.is_some() {
        confidence += if c.place_dist <= 1 { 0.2 } else { 0.1 };
    }
    if !casualties.is_empty() {
        confidence += 0.15;
    }
    if !actors.is_empty() || !people.is_empty() {
        confidence += 0.1;
    }
    if trigger.is_some() {
        confidence += 0.05;
    }
    Event {
        id,
        kind,
        trigger,
        date,
        location,
        actors,
        people,
        casualties,
        certainty,
        attribution,
        evidence,
        confidence: (confidence.min(1.0) * 100.0).round() / 100.0,
    }
}

/// How authoritative a figure is: final and revised tolls, official
/// sources rank higher, then larger and later figures; perpetrators' claims
/// rank lower.
fn authority(c: &CasualtyMention, sentence: &str, lead_in: &str, cues: &Cues, position: usize) -> (i32, u64, usize) {
    // The revision cue the figure carries, else the words that introduce it
    // in its sentence ("Un premier bilan officiel faisait état de…").
    let mut revision = c.revision.as_deref().map(crate::normalize::fold).unwrap_or_default();
    if !["final", "update", "first"].iter().any(|k| cues.any(k, &revision)) {
        revision = lead_in.to_string();
    }
    // Without a "selon…", who speaks is said before the figure ("le
    // porte-parole du gouvernement a évoqué une soixantaine de victimes").
    let source = c.source.as_deref().map(crate::normalize::fold).unwrap_or_else(|| lead_in.to_string());
    let mut score = 0;
    if cues.any("final", &revision) {
        score += 4;
    } else if cues.any("update", &revision) {
        score += 3;
    } else if cues.any("first", &revision) {
        score -= 1;
    }
    if cues.any("claim", &source) || cues.any("claim", &revision) || cues.any("claim", sentence) {
        score -= 3;
    } else if cues.any("official", &source) {
        score += 2;
    }
    // Exact counts say more than estimates.
    match c.qualifier.as_str() {
        "exact" | "at_least" => score += 1,
        "vague" => score -= 1,
        _ => {}
    }
    // At equal authority the larger figure: a subset ("dont un enfant") or
    // a partial count is smaller than the toll it belongs to.
    (score, c.best.or(c.low).unwrap_or(0), position)
}

fn best_casualties(f: &Findings, idx: &[usize], cues: &Cues) -> Vec<EventCasualty> {
    let all = &f.casualties.casualties;
    let mut keys: Vec<(String, String)> = Vec::new();
    for &i in idx {
        let m = &all[i].mention;
        let k = (m.kind.clone(), m.victims.clone());
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    // A figure with no stated victims counts the same people as the one
    // group the event names for that count ("au moins 200 morts" beside
    // "200 civils tués"); beside several groups it stays apart.
    // The attackers' own toll is always kept apart ("dont deux kamikazes"),
    // so it does not count as another group.
    let only_group = |kind: &str| -> Option<String> {
        let groups: Vec<&String> =
            keys.iter().filter(|(k, v)| k == kind && v != "unknown" && v != "armed_group").map(|(_, v)| v).collect();
        (groups.len() == 1).then(|| groups[0].clone())
    };
    let group_of = |i: usize| -> (String, String) {
        let m = &all[i].mention;
        let victims = match m.victims.as_str() {
            "unknown" => only_group(&m.kind).unwrap_or_else(|| m.victims.clone()),
            v => v.to_string(),
        };
        (m.kind.clone(), victims)
    };
    let mut out = Vec::new();
    for (kind, victims) in keys.iter().filter(|(k, v)| v != "unknown" || only_group(k).is_none()).cloned() {
        let mut figs: Vec<usize> =
            idx.iter().copied().filter(|&i| group_of(i) == (kind.clone(), victims.clone())).collect();
        figs.sort();
        figs.dedup();
        let fold = f.text.fold();
        let sentence_of = |i: usize| {
            let s = f.segments.sentences[f.segments.sentence_at(all[i].range.start)].range;
            &fold[s.start..s.end]
        };
        let lead_in = |i: usize| {
            let s = f.segments.sentences[f.segments.sentence_at(all[i].range.start)].range;
            &fold[s.start.min(all[i].range.start)..all[i].range.start]
        };
        let best = *figs
            .iter()
            .max_by_key(|&&i| authority(&all[i].mention, sentence_of(i), lead_in(i), cues, all[i].range.start))
            .expect("one figure");
        let m = &all[best].mention;
        let alternatives = figs
            .iter()
            .filter(|&&i| i != best)
            .map(|&i| {
                let a = &all[i].mention;
                CasualtyAlternative { low: a.low, best: a.best, high: a.high, span: a.span.clone() }
            })
            .collect();
        out.push(EventCasualty {
            kind: m.kind.clone(),
            low: m.low,
            best: m.best,
            high: m.high,
            qualifier: m.qualifier.clone(),
            victims: victims.clone(),
            span: m.span.clone(),
            alternatives,
        });
    }
    out
}

fn certainty(
    text: &NormalizedText,
    _evidence: &str,
    sentences: &str,
    evidence_range: ViewRange,
    cues: &Cues,
) -> (String, Option<Attribution>) {
    if cues.any("denied", sentences) {
        return ("denied".into(), None);
    }
    if cues.any("hypothetical", sentences) {
        return ("hypothetical".into(), None);
    }
    let alleged = cues.any("alleged", sentences);
    // "selon X" / "d'après X": the source runs to the next comma or period.
    let fold = text.fold();
    let ev = &fold[evidence_range.start..evidence_range.end];
    let attribution =
        cues.phrases("reported").iter().filter(|p| p.as_str() == "selon" || p.as_str() == "d'apres").find_map(|p| {
            let at = find_word(ev, p)?;
            let start = evidence_range.start + at;
            let rest = &ev[at..];
            let len = rest.find([',', '.', ';', '\n']).unwrap_or(rest.len()).min(80);
            let mut end = start + len;
            while !fold.is_char_boundary(end) {
                end -= 1;
            }
            let r = ViewRange::new(start, end);
            let span = text.span(r);
            Some(Attribution { source: span.text.clone(), span })
        });
    if alleged {
        return ("alleged".into(), attribution);
    }
    if attribution.is_some() || cues.any("reported", sentences) {
        return ("reported".into(), attribution);
    }
    ("confirmed".into(), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorMention, DateMention, PlaceMention};
    use crate::rules::trigger::TriggerRules;
    use crate::rules::Found;
    use crate::segment::segment;

    /// A hand-made document: mentions placed on given substrings, so that
    /// assembly is tested apart from the extractors.
    struct Fixture {
        text: NormalizedText,
        dates: DateFindings,
        casualties: CasualtyFindings,
        names: NameFindings,
        published: Option<chrono::NaiveDate>,
    }

    impl Fixture {
        fn new(s: &str) -> Fixture {
            Fixture {
                text: NormalizedText::new(s.to_string()),
                dates: DateFindings::default(),
                casualties: CasualtyFindings::default(),
                names: NameFindings::default(),
                published: None,
            }
        }

        fn range(&self, needle: &str, nth: usize) -> ViewRange {
            let f = self.text.fold();
            let n = crate::normalize::fold(needle);
            let at = f.match_indices(&n).nth(nth).unwrap_or_else(|| panic!("{needle} #{nth} not in text")).0;
            ViewRange::new(at, at + n.len())
        }

        fn date(mut self, needle: &str, value: &str, end: Option<&str>) -> Self {
            let range = self.range(needle, 0);
            let span = self.text.span(range);
            let precision = match value.len() {
                4 => "year",
                7 => "month",
                _ => "day",
            };
            self.dates.dates.push(Found {
                range,
                rule: "test",
                mention: DateMention {
                    span,
                    value: Some(value.into()),
                    end: end.map(str::to_string),
                    precision: precision.into(),
                    resolution: "absolute".into(),
                    time: None,
                },
            });
            self.dates.dates.sort_by_key(|d| d.range.start);
            self
        }

        fn place(mut self, needle: &str, nth: usize, feature: &str, admin1: &str) -> Self {
            let range = self.range(needle, nth);
            let span = self.text.span(range);
            self.names.places.push(Found {
                range,
                rule: "test",
                mention: PlaceMention {
                    span,
                    name: needle.into(),
                    id: format!("test:{}", crate::normalize::fold(needle)),
                    country: "ML".into(),
                    admin1: Some(admin1.into()),
                    admin2: None,
                    // Distinct names lie a degree or more apart.
                    lat: Some(10.0 + (needle.bytes().map(u32::from).sum::<u32>() % 40) as f64),
                    lon: Some(-4.0),
                    feature: feature.into(),
                    alternatives: vec![],
                },
            });
            self.names.places.sort_by_key(|d| d.range.start);
            self
        }

        fn actor(mut self, needle: &str, category: &str) -> Self {
            let range = self.range(needle, 0);
            let span = self.text.span(range);
            self.names.actors.push(Found {
                range,
                rule: "test",
                mention: ActorMention {
                    span,
                    name: needle.into(),
                    id: format!("test:{needle}"),
                    category: category.into(),
                    country: None,
                },
            });
            self
        }

        fn killed(self, needle: &str, n: u64, victims: &str, revision: Option<&str>, source: Option<&str>) -> Self {
            self.casualty(needle, "killed", n, victims, revision, source)
        }

        fn casualty(
            mut self,
            needle: &str,
            kind: &str,
            n: u64,
            victims: &str,
            revision: Option<&str>,
            source: Option<&str>,
        ) -> Self {
            let range = self.range(needle, 0);
            let span = self.text.span(range);
            self.casualties.casualties.push(Found {
                range,
                rule: "test",
                mention: CasualtyMention {
                    span,
                    kind: kind.into(),
                    low: Some(n),
                    best: Some(n),
                    high: Some(n),
                    qualifier: "exact".into(),
                    victims: victims.into(),
                    negated: false,
                    revision: revision.map(str::to_string),
                    source: source.map(str::to_string),
                },
            });
            self.casualties.casualties.sort_by_key(|d| d.range.start);
            self
        }

        fn events(&self) -> Vec<Event> {
            let segments = segment(&self.text);
            let hits = TriggerRules::new().hits(&self.text);
            assemble(&Findings {
                text: &self.text,
                segments: &segments,
                dates: &self.dates,
                casualties: &self.casualties,
                names: &self.names,
                triggers: &hits,
                sha256: "00",
                published: self.published,
            })
        }
    }

    #[test]
    fn headline_lead_and_toll_make_one_event() {
        let fx = Fixture::new(
            "Attaque meurtrière contre le camp de Sokolo\n\nDes jihadistes ont attaqué dimanche le camp militaire de Sokolo. \
             Le bilan provisoire fait état de 12 soldats tués.\n\nUn nouveau bilan, officiel, fait état de 17 soldats tués.",
        )
        .place("Sokolo", 0, "locality", "Ségou")
        .place("Sokolo", 1, "locality", "Ségou")
        .date("dimanche", "2020-01-26", None)
        .killed("12 soldats", 12, "military", Some("provisoire"), None)
        .killed("17 soldats", 17, "military", Some("nouveau bilan"), Some("officiel"));
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        let e = &events[0];
        assert_eq!(e.kind, "attack");
        assert_eq!(e.date.as_ref().unwrap().value, "2020-01-26");
        assert_eq!(e.location.as_ref().unwrap().name, "Sokolo");
        assert_eq!(e.casualties.len(), 1);
        assert_eq!(e.casualties[0].best, Some(17));
        assert_eq!(e.casualties[0].alternatives.len(), 1);
        assert_eq!(e.casualties[0].alternatives[0].best, Some(12));
    }

    #[test]
    fn a_background_event_in_another_clause_stays_apart() {
        let fx = Fixture::new("Après l'embuscade de Tarkint en 2018, l'attaque de samedi à Soumpi a fait 9 morts.")
            .place("Tarkint", 0, "locality", "Gao")
            .place("Soumpi", 0, "locality", "Tombouctou")
            .date("2018", "2018", None)
            .date("samedi", "2019-02-23", None)
            .killed("9 morts", 9, "unknown", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 2, "{events:#?}");
        let tarkint = events.iter().find(|e| e.location.as_ref().unwrap().name == "Tarkint").unwrap();
        let soumpi = events.iter().find(|e| e.location.as_ref().unwrap().name == "Soumpi").unwrap();
        assert_eq!(tarkint.kind, "ambush");
        assert_eq!(tarkint.date.as_ref().unwrap().value, "2018");
        assert_eq!(soumpi.date.as_ref().unwrap().value, "2019-02-23");
        assert_eq!(soumpi.casualties[0].best, Some(9));
    }

    #[test]
    fn coordinated_places_give_one_event_each() {
        let fx = Fixture::new("En 2015, le groupe a mené des attaques contre Nampala, Ténenkou et Dogofry.")
            .date("2015", "2015", None)
            .place("Nampala", 0, "locality", "Ségou")
            .place("Ténenkou", 0, "locality", "Mopti")
            .place("Dogofry", 0, "locality", "Ségou");
        let events = fx.events();
        let places: Vec<&str> = events.iter().map(|e| e.location.as_ref().unwrap().name.as_str()).collect();
        assert_eq!(places, vec!["Nampala", "Ténenkou", "Dogofry"]);
        assert!(events.iter().all(|e| e.date.as_ref().unwrap().value == "2015"));
    }

    #[test]
    fn claims_rank_below_official_figures_and_attackers_are_kept_apart() {
        let fx = Fixture::new(
            "Le camp de Boni a été attaqué mardi. Le GSIM a revendiqué l'attaque, affirmant avoir tué 40 soldats. \
             Selon l'armée, 8 soldats ont été tués et 20 assaillants neutralisés.",
        )
        .place("Boni", 0, "locality", "Mopti")
        .date("mardi", "2021-03-02", None)
        .actor("GSIM", "armed_group")
        .killed("40 soldats", 40, "military", None, Some("revendique"))
        .killed("8 soldats", 8, "military", None, Some("selon l'armee"))
        .killed("20 assaillants", 20, "armed_group", None, Some("selon l'armee"));
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        let e = &events[0];
        let mil = e.casualties.iter().find(|c| c.victims == "military").unwrap();
        assert_eq!(mil.best, Some(8));
        assert_eq!(e.casualties.iter().find(|c| c.victims == "armed_group").unwrap().best, Some(20));
        assert_eq!(e.actors[0].role, "perpetrator");
    }

    #[test]
    fn no_event_without_violence() {
        let fx = Fixture::new(
            "La campagne cotonnière 2021 a été lancée le 3 mai à Koutiala. Les attaques de jassides ont été limitées.",
        )
        .place("Koutiala", 0, "locality", "Sikasso")
        .date("le 3 mai", "2021-05-03", None);
        assert!(fx.events().is_empty());
    }

    #[test]
    fn denied_and_alleged_certainty() {
        let fx =
            Fixture::new("Des soldats auraient tué 12 villageois à Diallassagou lundi, selon des sources locales.")
                .place("Diallassagou", 0, "locality", "Mopti")
                .date("lundi", "2022-06-20", None)
                .killed("12 villageois", 12, "civilian", None, None);
        let e = &fx.events()[0];
        assert_eq!(e.certainty, "alleged");
        assert_eq!(e.attribution.as_ref().unwrap().source, "selon des sources locales");
        let fx = Fixture::new("L'armée a démenti avoir tué 12 civils à Moura.")
            .place("Moura", 0, "locality", "Mopti")
            .killed("12 civils", 12, "civilian", None, None);
        assert_eq!(fx.events()[0].certainty, "denied");
    }

    #[test]
    fn a_deadly_protest_is_a_riot() {
        let fx = Fixture::new("Les manifestations contre la mission ont fait 4 morts mardi à Uvira.")
            .place("Uvira", 0, "locality", "Sud-Kivu")
            .date("mardi", "2022-07-26", None)
            .killed("4 morts", 4, "civilian", None, None);
        assert_eq!(fx.events()[0].kind, "riot");
        let fx = Fixture::new("Une manifestation pacifique a réuni des milliers de personnes mardi à Uvira.")
            .place("Uvira", 0, "locality", "Sud-Kivu")
            .date("mardi", "2022-07-26", None);
        assert_eq!(fx.events()[0].kind, "protest");
        // Arson by protesters makes a riot; by armed men, it is part of their attack.
        let fx = Fixture::new("Mardi à Uvira, des manifestants ont incendié deux véhicules de la mission.")
            .place("Uvira", 0, "locality", "Sud-Kivu")
            .date("Mardi", "2022-07-26", None);
        assert_eq!(fx.events()[0].kind, "riot");
        let fx = Fixture::new("Mardi à Uvira, des miliciens ont tué trois civils et incendié vingt maisons.")
            .place("Uvira", 0, "locality", "Sud-Kivu")
            .date("Mardi", "2022-07-26", None)
            .actor("miliciens", "militia")
            .killed("trois civils", 3, "civilian", None, None);
        assert_eq!(fx.events()[0].kind, "attack", "{:#?}", fx.events());
    }

    #[test]
    fn the_dateline_city_is_not_the_event_place() {
        let fx = Fixture::new(
            "BAMAKO, 4 mai – Des hommes armés ont attaqué mardi un poste de la gendarmerie, tuant 3 gendarmes à Boni.",
        )
        .place("BAMAKO", 0, "locality", "Bamako")
        .place("Boni", 0, "locality", "Mopti")
        .date("4 mai", "2021-05-04", None)
        .date("mardi", "2021-05-04", None)
        .killed("3 gendarmes", 3, "military", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].location.as_ref().unwrap().name, "Boni");
    }

    #[test]
    fn the_headline_joins_the_body_event_whatever_its_place_and_date() {
        // The headline names the region and a comparison year; the body
        // names the village and the day: one event, dated and placed by the body.
        let fx = Fixture::new(
            "Région de Tahoua : douze soldats tués, l'attaque la plus lourde depuis 2020\n\n\
             Des hommes armés ont attaqué lundi le poste militaire de Tillia. Douze soldats ont été tués.",
        )
        .place("Tahoua", 0, "admin1", "Tahoua")
        .place("Tillia", 0, "locality", "Tahoua")
        .date("2020", "2020", None)
        .date("lundi", "2021-03-15", None)
        .killed("douze soldats", 12, "military", None, None)
        .killed("Douze soldats", 12, "military", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].date.as_ref().unwrap().value, "2021-03-15");
        assert_eq!(events[0].location.as_ref().unwrap().name, "Tillia");
    }

    #[test]
    fn a_place_named_to_locate_another_is_not_the_event_place() {
        let fx = Fixture::new(
            "Mardi, des assaillants ont attaqué le village de Gourma, à 40 km à l'est de Djibo, dans la province du Soum.",
        )
        .place("Gourma", 0, "locality", "Sahel")
        .place("Djibo", 0, "locality", "Sahel")
        .place("Soum", 0, "admin2", "Sahel")
        .date("Mardi", "2022-05-03", None)
        .actor("assaillants", "armed_group");
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].location.as_ref().unwrap().name, "Gourma");
        // Alone, the locating place is still the best guess.
        let fx = Fixture::new("Mardi, une embuscade a été tendue à 40 km au nord de Djibo contre une patrouille.")
            .place("Djibo", 0, "locality", "Sahel")
            .date("Mardi", "2022-05-03", None);
        let events = fx.events();
        assert_eq!(events[0].location.as_ref().unwrap().name, "Djibo", "{events:#?}");
    }

    #[test]
    fn a_release_of_hostages_is_not_a_kidnapping() {
        let fx = Fixture::new(
            "Quatre otages libérés au Niger\n\n\
             Les quatre otages ont été libérés vendredi à Agadez, a annoncé le gouvernement.",
        )
        .place("Agadez", 0, "locality", "Agadez")
        .date("vendredi", "2021-06-11", None)
        .casualty("quatre otages", "kidnapped", 4, "civilian", None, None)
        .casualty("Quatre otages", "kidnapped", 4, "civilian", None, None);
        let events = fx.events();
        assert!(events.is_empty(), "{events:#?}");
        // The kidnapping itself, told with its own verb, still is one.
        let fx = Fixture::new("Le 3 mars, trois ingénieurs enlevés à Arlit ont été libérés deux semaines plus tard.")
            .place("Arlit", 0, "locality", "Agadez")
            .date("Le 3 mars", "2021-03-03", None)
            .casualty("trois ingénieurs", "kidnapped", 3, "civilian", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].kind, "kidnapping");
    }

    #[test]
    fn killing_and_kidnapping_on_the_same_day_and_place_are_one_raid() {
        let fx = Fixture::new(
            "Le 2 avril, des hommes armés ont attaqué Kouri. \
             Le 2 avril toujours, à Kouri, onze femmes ont été enlevées par les mêmes assaillants.",
        )
        .place("Kouri", 0, "locality", "Mopti")
        .place("Kouri", 1, "locality", "Mopti")
        .date("Le 2 avril", "2022-04-02", None)
        .date("Le 2 avril toujours", "2022-04-02", None)
        .casualty("onze femmes", "kidnapped", 11, "civilian", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
    }

    #[test]
    fn a_toll_without_victims_counts_the_one_group_named() {
        let fx = Fixture::new(
            "Des jihadistes ont attaqué jeudi le village de Tin. Huit civils ont été tués. \
             Le bilan officiel s'est ensuite alourdi à au moins dix morts.",
        )
        .place("Tin", 0, "locality", "Gao")
        .date("jeudi", "2022-02-03", None)
        .killed("Huit civils", 8, "civilian", None, None)
        .killed("dix morts", 10, "unknown", Some("s'est ensuite alourdi"), Some("officiel"));
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        let c = &events[0].casualties;
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!((c[0].victims.as_str(), c[0].best), ("civilian", Some(10)));
        assert_eq!(c[0].alternatives[0].best, Some(8));
    }

    #[test]
    fn a_first_toll_said_before_the_figure_ranks_below_the_revised_one() {
        let fx = Fixture::new(
            "Le gouvernement a revu le bilan de l'attaque de Kossi : 61 civils ont été tués. \
             Un premier bilan officiel faisait état d'une cinquantaine de morts.",
        )
        .place("Kossi", 0, "locality", "Boucle du Mouhoun")
        .killed("61 civils", 61, "civilian", None, Some("gouvernement"))
        .killed("une cinquantaine de morts", 50, "civilian", Some("bilan officiel"), None);
        let events = fx.events();
        assert_eq!(events[0].casualties[0].best, Some(61), "{events:#?}");
    }

    #[test]
    fn coordinated_places_share_the_date_their_toll_gives() {
        let fx = Fixture::new(
            "En 2015, les rebelles ont attaqué les villes de Bria et de Ndélé. \
             Quarante soldats ont été tués dans ces combats livrés entre le 3 et le 9 mai 2015.",
        )
        .place("Bria", 0, "locality", "Haute-Kotto")
        .place("Ndélé", 0, "locality", "Bamingui-Bangoran")
        .date("En 2015", "2015", None)
        .date("entre le 3 et le 9 mai 2015", "2015-05-03", Some("2015-05-09"))
        .killed("Quarante soldats", 40, "military", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 2, "{events:#?}");
        for e in &events {
            assert_eq!(e.date.as_ref().unwrap().value, "2015-05-03", "{e:#?}");
        }
        assert_eq!(events.iter().filter(|e| !e.casualties.is_empty()).count(), 1);
    }

    #[test]
    fn counts_dated_and_placed_in_their_own_paragraph_stay_apart() {
        let fx = Fixture::new(
            "Mercredi, des assaillants ont attaqué le quartier de Mavivi et tué douze civils.\n\n\
             Vendredi soir, c'est la localité d'Oicha qui a été visée. Neuf civils ont été tués.",
        )
        .place("Mavivi", 0, "locality", "Nord-Kivu")
        .place("Oicha", 0, "locality", "Nord-Kivu")
        .date("Mercredi", "2019-11-20", None)
        .date("Vendredi soir", "2019-11-22", None)
        .killed("douze civils", 12, "civilian", None, None)
        .killed("Neuf civils", 9, "civilian", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 2, "{events:#?}");
        assert_eq!(events[1].location.as_ref().unwrap().name, "Oicha");
        assert_eq!(events[1].casualties[0].best, Some(9));
    }

    #[test]
    fn a_date_that_opens_a_statement_dates_the_statement() {
        // "Jeudi" is when the communiqué spoke; the attack was on Monday.
        let fx = Fixture::new(
            "Lundi, des jihadistes ont attaqué le camp de Sévaré. Vingt soldats ont d'abord été déclarés tués. \
             Jeudi, un communiqué de l'armée a fait état de 31 soldats tués, un bilan passé à 31.",
        )
        .place("Sévaré", 0, "locality", "Mopti")
        .date("Lundi", "2022-06-06", None)
        .date("Jeudi", "2022-06-09", None)
        .killed("Vingt soldats", 20, "military", Some("d'abord"), None)
        .killed("31 soldats", 31, "military", None, Some("l'armée"));
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].date.as_ref().unwrap().value, "2022-06-06");
        assert_eq!(events[0].casualties[0].best, Some(31));
    }

    #[test]
    fn a_comment_on_the_attack_does_not_make_another() {
        let fx = Fixture::new(
            "Dimanche, des jihadistes ont attaqué le poste de Tabankort. Neuf soldats ont été tués. \
             Cette attaque intervient deux jours avant la conférence de Niamey.",
        )
        .place("Tabankort", 0, "locality", "Gao")
        .place("Niamey", 0, "locality", "Niamey")
        .date("Dimanche", "2020-01-05", None)
        .killed("Neuf soldats", 9, "military", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].location.as_ref().unwrap().name, "Tabankort");
    }

    #[test]
    fn a_point_of_comparison_is_not_the_event_date() {
        let fx = Fixture::new(
            "Au moins 40 civils ont été tués samedi à Tillabéri, le bilan le plus lourd depuis 2021 dans la région.",
        )
        .place("Tillabéri", 0, "locality", "Tillabéri")
        .date("samedi", "2023-02-11", None)
        .date("2021", "2021", None)
        .killed("40 civils", 40, "civilian", None, None);
        assert_eq!(fx.events()[0].date.as_ref().unwrap().value, "2023-02-11");
        // Without the date of its own, the event is undated rather than dated 2021.
        let fx = Fixture::new("Au moins 40 civils ont été tués à Tillabéri, le bilan le plus lourd depuis 2021.")
            .place("Tillabéri", 0, "locality", "Tillabéri")
            .date("2021", "2021", None)
            .killed("40 civils", 40, "civilian", None, None);
        assert!(fx.events()[0].date.is_none(), "{:#?}", fx.events());
    }

    #[test]
    fn a_recalled_event_joins_the_event_told_later() {
        let fx = Fixture::new(
            "Cinq ans après l'attaque du marché, les familles se sont réunies samedi à Kolo.\n\n\
             Le 12 mai 2017, des hommes armés avaient attaqué le marché de Kolo et tué 18 personnes.",
        )
        .place("Kolo", 0, "locality", "Tillabéri")
        .place("Kolo", 1, "locality", "Tillabéri")
        .date("samedi", "2022-05-14", None)
        .date("Le 12 mai 2017", "2017-05-12", None)
        .killed("18 personnes", 18, "civilian", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].date.as_ref().unwrap().value, "2017-05-12");
    }

    #[test]
    fn people_taken_without_violence_words_make_a_kidnapping() {
        let fx = Fixture::new(
            "Dans la nuit de lundi, des hommes armés ont investi le collège de Kafin et emmené 40 élèves.",
        )
        .place("Kafin", 0, "locality", "Niger")
        .date("lundi", "2021-02-15", None)
        .actor("hommes armés", "armed_group")
        .casualty("40 élèves", "kidnapped", 40, "civilian", None, None);
        let events = fx.events();
        assert_eq!(events[0].kind, "kidnapping", "{events:#?}");
    }

    #[test]
    fn the_headline_may_name_the_spot_inside_the_body_region() {
        let fx = Fixture::new(
            "L'attaque de Tabou a fait six morts\n\n\
             Six soldats ont été tués mardi dans la région de Tahoua lors d'une attaque.",
        )
        .place("Tabou", 0, "locality", "Tahoua")
        .place("Tahoua", 0, "admin1", "Tahoua")
        .date("mardi", "2021-03-16", None)
        .killed("six morts", 6, "military", None, None)
        .killed("Six soldats", 6, "military", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].location.as_ref().unwrap().name, "Tabou");
    }

    #[test]
    fn arrests_during_a_fight_or_a_protest_belong_to_it() {
        let fx = Fixture::new(
            "Samedi à Bouar, l'armée a tué douze assaillants et en a capturé trois autres lors des combats.",
        )
        .place("Bouar", 0, "locality", "Nana-Mambéré")
        .date("Samedi", "2021-01-09", None)
        .killed("douze assaillants", 12, "armed_group", None, None)
        .casualty("trois autres", "arrested", 3, "armed_group", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].kind, "armed_clash");
        let fx = Fixture::new(
            "Mardi, des milliers de manifestants ont marché sur le gouvernorat de Kayes. \
             Vingt personnes ont été interpellées, selon la police.",
        )
        .place("Kayes", 0, "locality", "Kayes")
        .date("Mardi", "2022-03-01", None)
        .casualty("Vingt personnes", "arrested", 20, "civilian", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].kind, "protest");
    }

    #[test]
    fn two_landmarks_of_one_blast_make_one_event() {
        let mut fx = Fixture::new(
            "Samedi, un engin explosif a frappé un véhicule militaire près de Porga. \
             Samedi toujours, l'explosion a eu lieu à l'entrée de Dassari, selon l'armée.",
        )
        .place("Porga", 0, "locality", "Atacora")
        .place("Dassari", 0, "locality", "Atacora")
        .date("Samedi", "2023-03-11", None)
        .date("Samedi toujours", "2023-03-11", None);
        let move_to = |fx: &mut Fixture, name: &str, lat: f64, lon: f64| {
            let p = fx.names.places.iter_mut().find(|p| p.mention.name == name).unwrap();
            p.mention.lat = Some(lat);
            p.mention.lon = Some(lon);
        };
        move_to(&mut fx, "Porga", 11.04, 0.97);
        move_to(&mut fx, "Dassari", 10.88, 1.10);
        assert_eq!(fx.events().len(), 1, "{:#?}", fx.events());
        // 300 km apart, two events.
        move_to(&mut fx, "Dassari", 8.0, 1.14);
        assert_eq!(fx.events().len(), 2, "{:#?}", fx.events());
    }

    #[test]
    fn a_comment_may_recall_another_event_in_its_own_words() {
        let fx = Fixture::new(
            "Dimanche, des miliciens ont attaqué la base de Bangassou et tué un Casque bleu.\n\n\
             Cette attaque survient une semaine après l'embuscade tendue le 8 mai à un convoi près de Yongofongo.",
        )
        .place("Bangassou", 0, "locality", "Mbomou")
        .place("Yongofongo", 0, "locality", "Mbomou")
        .date("Dimanche", "2017-05-14", None)
        .date("le 8 mai", "2017-05-08", None)
        .killed("un Casque bleu", 1, "peacekeepers", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 2, "{events:#?}");
        assert_eq!(events[1].kind, "ambush");
        assert_eq!(events[1].date.as_ref().unwrap().value, "2017-05-08");
        assert_eq!(events[0].location.as_ref().unwrap().name, "Bangassou");
    }

    #[test]
    fn a_kidnapping_during_an_attack_is_one_raid() {
        let fx = Fixture::new(
            "Cinq ingénieurs ont été enlevés dans la nuit du 3 au 4 juin, lors de l'attaque du chantier près de Diffa, \
             où un gendarme a été tué. L'attaque avait aussi fait deux blessés.",
        )
        .place("Diffa", 0, "locality", "Diffa")
        .date("dans la nuit du 3 au 4 juin", "2016-06-03", Some("2016-06-04"))
        .casualty("Cinq ingénieurs", "kidnapped", 5, "civilian", None, None)
        .killed("Un gendarme", 1, "military", None, None)
        .casualty("deux blessés", "injured", 2, "unknown", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].kind, "kidnapping");
        assert_eq!(events[0].casualties.len(), 3);
    }

    #[test]
    fn every_event_cue_line_is_a_known_kind_and_a_folded_phrase() {
        let known = [
            "denied",
            "hypothetical",
            "alleged",
            "reported",
            "perpetrator",
            "target",
            "official",
            "claim",
            "final",
            "update",
            "first",
            "reporting",
            "locator",
            "release",
            "statement",
            "reference",
            "comparison",
            "recall",
            "toll_state",
            "destination",
            "trend",
            "affiliation",
            "office",
            "speaker",
            "event_time",
            "reaction",
            "time_ref",
            "tally",
        ];
        let data = include_str!("../gazetteers/event_cues.tsv");
        for line in data.lines().filter(|l| !l.starts_with('#')).skip(1) {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 2, "bad line {line:?}");
            assert!(known.contains(&fields[0]), "unknown cue kind in {line:?}");
            assert_eq!(fields[1], crate::normalize::fold(fields[1]), "phrase not folded in {line:?}");
            assert!(!fields[1].trim().is_empty(), "empty phrase in {line:?}");
        }
    }

    #[test]
    fn an_airstrike_told_beside_a_massacre_stays_apart() {
        let fx = Fixture::new(
            "Des bandits ont massacré mardi 60 villageois à Kadisau. \
             Ces tueries seraient des représailles après des frappes aériennes qui ont tué 30 bandits le 2 janvier.",
        )
        .place("Kadisau", 0, "locality", "Katsina")
        .date("mardi", "2022-01-04", None)
        .date("le 2 janvier", "2022-01-02", None)
        .killed("60 villageois", 60, "civilian", None, None)
        .killed("30 bandits", 30, "armed_group", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 2, "{events:#?}");
        let strike = events.iter().find(|e| e.kind == "airstrike").expect("an airstrike");
        assert_eq!(strike.date.as_ref().unwrap().value, "2022-01-02");
        let massacre = events.iter().find(|e| e.kind == "massacre").expect("a massacre");
        assert_eq!(massacre.casualties[0].best, Some(60));
        assert_eq!(massacre.casualties.len(), 1);
    }

    #[test]
    fn where_the_wounded_were_taken_is_not_where_they_were_hurt() {
        let fx = Fixture::new(
            "Samedi, des jihadistes ont attaqué le village de Pissila et tué 30 civils.\n\n\
             Une vingtaine de blessés ont été évacués vers le centre hospitalier régional de Kaya.",
        )
        .place("Pissila", 0, "locality", "Centre-Nord")
        .place("Kaya", 0, "locality", "Centre-Nord")
        .date("Samedi", "2022-09-03", None)
        .killed("30 civils", 30, "civilian", None, None)
        .casualty("Une vingtaine de blessés", "injured", 20, "unknown", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].location.as_ref().unwrap().name, "Pissila");
        assert_eq!(events[0].casualties.len(), 2);
    }

    #[test]
    fn a_pattern_of_attacks_is_not_an_event() {
        let fx = Fixture::new("Depuis 2019, le groupe a multiplié les attaques dans la province du Soum.")
            .place("Soum", 0, "admin2", "Sahel")
            .date("2019", "2019", None)
            .actor("groupe", "armed_group");
        assert!(fx.events().is_empty(), "{:#?}", fx.events());
        // A day makes it one night of several attacks.
        let fx = Fixture::new("Le 3 mai, des jihadistes ont mené des attaques dans la province du Soum.")
            .place("Soum", 0, "admin2", "Sahel")
            .date("Le 3 mai", "2021-05-03", None)
            .actor("jihadistes", "armed_group");
        assert_eq!(fx.events().len(), 1, "{:#?}", fx.events());
    }

    #[test]
    fn a_trend_is_not_an_event() {
        let fx = Fixture::new("Dans le cercle de Douentza, les attaques du JNIM se multiplient depuis mardi.")
            .place("Douentza", 0, "admin2", "Mopti")
            .date("mardi", "2021-05-04", None)
            .actor("JNIM", "armed_group");
        assert!(fx.events().is_empty(), "{:#?}", fx.events());
        // A count in the clause makes it an event all the same.
        let fx = Fixture::new("Les embuscades se multiplient : mardi, neuf soldats ont été tués près de Boni.")
            .place("Boni", 0, "locality", "Mopti")
            .date("mardi", "2021-05-04", None)
            .killed("neuf soldats", 9, "military", None, None);
        assert_eq!(fx.events().len(), 1, "{:#?}", fx.events());
    }

    #[test]
    fn a_running_total_is_no_event_toll() {
        // A tally since a month or a year, or over a whole year with no town named.
        let fx = Fixture::new("Selon une ONG, 800 civils ont été tués dans la région depuis mars 2022.")
            .date("depuis mars 2022", "2022-03", None)
            .killed("800 civils", 800, "civilian", None, None);
        assert!(fx.events().is_empty(), "{:#?}", fx.events());
        let fx = Fixture::new("Plus de 4 000 personnes ont été tuées en 2023 dans les violences.")
            .date("en 2023", "2023", None)
            .killed("4 000 personnes", 4000, "unknown", None, None);
        assert!(fx.events().is_empty(), "{:#?}", fx.events());
        // A sentence that opens with where a tally starts, or speaks of a whole war.
        let fx = Fixture::new("Depuis 2012, le conflit a fait plus de 10 000 morts dans le centre du pays.")
            .date("Depuis 2012", "2012", None)
            .killed("10 000 morts", 10000, "unknown", None, None);
        assert!(fx.events().is_empty(), "{:#?}", fx.events());
        // A large count anywhere in a sentence that runs from a year.
        let fx = Fixture::new(
            "Le pays est confronté depuis 2015 aux attaques jihadistes, qui ont fait des milliers de morts.",
        )
        .date("depuis 2015", "2015", None)
        .killed("des milliers de morts", 2000, "unknown", None, None);
        assert!(fx.events().is_empty(), "{:#?}", fx.events());
        // A year-old attack on a town is a background event, not a tally.
        let fx = Fixture::new("En 2019, l'attaque d'Indelimane avait coûté la vie à 49 soldats.")
            .date("En 2019", "2019", None)
            .place("Indelimane", 0, "locality", "Ménaka")
            .killed("49 soldats", 49, "military", None, None);
        assert_eq!(fx.events().len(), 1, "{:#?}", fx.events());
    }

    #[test]
    fn deaths_in_an_accident_are_not_an_attack() {
        let fx = Fixture::new("Jeudi, cinq soldats ont été tués dans le crash de leur hélicoptère près de Gao.")
            .place("Gao", 0, "locality", "Gao")
            .date("Jeudi", "2021-04-01", None)
            .killed("cinq soldats", 5, "military", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].kind, "other");
    }

    #[test]
    fn an_ambush_between_two_places_is_one_event() {
        let fx = Fixture::new("Mardi, un convoi est tombé dans une embuscade entre Boni et Hombori.")
            .place("Boni", 0, "locality", "Mopti")
            .place("Hombori", 0, "locality", "Mopti")
            .date("Mardi", "2020-02-04", None);
        assert_eq!(fx.events().len(), 1, "{:#?}", fx.events());
    }

    #[test]
    fn a_claim_of_the_attack_is_not_another_attack() {
        let fx = Fixture::new(
            "Lundi, des jihadistes ont attaqué le poste de Tessit et tué cinq soldats.\n\n\
             Le groupe a revendiqué l'attaque mercredi depuis Ménaka.",
        )
        .place("Tessit", 0, "locality", "Gao")
        .place("Ménaka", 0, "locality", "Ménaka")
        .date("Lundi", "2022-08-01", None)
        .date("mercredi", "2022-08-03", None)
        .killed("cinq soldats", 5, "military", None, None)
        .actor("groupe", "armed_group");
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].date.as_ref().unwrap().value, "2022-08-01");
    }

    #[test]
    fn at_equal_authority_the_larger_figure_is_the_toll() {
        let fx = Fixture::new(
            "Mardi, des hommes armés ont attaqué le site de Ndele et tué 37 civils. Un enfant a été tué dans sa tente.",
        )
        .place("Ndele", 0, "locality", "Bamingui")
        .date("Mardi", "2016-10-11", None)
        .killed("37 civils", 37, "civilian", None, None)
        .killed("Un enfant", 1, "civilian", None, None);
        let events = fx.events();
        assert_eq!(events[0].casualties[0].best, Some(37), "{events:#?}");
    }

    #[test]
    fn a_militia_beside_jihadists_is_their_target() {
        let fx = Fixture::new("Mardi à Tin-Akoff, des jihadistes de l'EIGS ont attaqué des VDP et tué 12 volontaires.")
            .place("Tin-Akoff", 0, "locality", "Sahel")
            .date("Mardi", "2021-09-14", None)
            .actor("EIGS", "armed_group")
            .actor("VDP", "militia")
            .killed("12 volontaires", 12, "military", None, None);
        let events = fx.events();
        let role = |name: &str| events[0].actors.iter().find(|a| a.name == name).map(|a| a.role.clone());
        assert_eq!(role("EIGS").as_deref(), Some("perpetrator"), "{events:#?}");
        assert_eq!(role("VDP").as_deref(), Some("target"), "{events:#?}");
    }

    #[test]
    fn the_group_an_actor_belongs_to_is_no_party() {
        let fx =
            Fixture::new("Jeudi à Tessit, l'EIGS, affilié à l'État islamique, a attaqué un convoi et tué 7 soldats.")
                .place("Tessit", 0, "locality", "Gao")
                .date("Jeudi", "2022-08-11", None)
                .actor("EIGS", "armed_group")
                .actor("État islamique", "armed_group")
                .killed("7 soldats", 7, "military", None, None);
        let events = fx.events();
        let names: Vec<&str> = events[0].actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["EIGS"], "{events:#?}");
    }

    #[test]
    fn a_capital_speaking_or_an_office_holder_does_not_place_the_event() {
        let fx = Fixture::new(
            "Mardi, des obus ont tué six civils à Kanyaruchinya. \
             Washington a condamné mardi une attaque menée depuis les positions rebelles.",
        )
        .place("Kanyaruchinya", 0, "locality", "Nord-Kivu")
        .place("Washington", 0, "locality", "District of Columbia")
        .date("Mardi", "2023-02-07", None)
        .date("mardi une", "2023-02-07", None)
        .killed("six civils", 6, "civilian", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].location.as_ref().map(|l| l.name.as_str()), Some("Kanyaruchinya"));
        let fx = Fixture::new(
            "Vendredi, des hommes armés ont tué quatre villageois à Godet. \
             Le maire de Kenscoff dénonce vendredi un massacre.",
        )
        .place("Godet", 0, "locality", "Ouest")
        .place("Kenscoff", 0, "locality", "Ouest")
        .date("Vendredi", "2025-02-07", None)
        .date("vendredi un", "2025-02-07", None)
        .killed("quatre villageois", 4, "civilian", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].location.as_ref().map(|l| l.name.as_str()), Some("Godet"));
    }

    #[test]
    fn suspects_of_the_killings_arrested_make_an_arrest() {
        let fx = Fixture::new("À Sarh, neuf hommes soupçonnés d'avoir participé aux massacres ont été arrêtés jeudi.")
            .place("Sarh", 0, "locality", "Moyen-Chari")
            .date("jeudi", "2022-02-10", None)
            .casualty("neuf hommes", "arrested", 9, "civilian", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].kind, "arrest");
    }

    #[test]
    fn a_chronology_entry_is_dated_by_its_own_date() {
        let fx = Fixture::new(
            "Mali : l'année en dix attaques\n\nBamako, 3 janvier 2020 – Retour sur l'année écoulée.\n\n\
             18 novembre – Tabankort. Une patrouille tombe dans une embuscade ; vingt-quatre soldats sont tués.",
        )
        .date("3 janvier 2020", "2020-01-03", None)
        .date("18 novembre", "2019-11-18", None)
        .place("Tabankort", 0, "locality", "Ménaka")
        .killed("vingt-quatre soldats", 24, "military", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].date.as_ref().map(|d| d.value.as_str()), Some("2019-11-18"));
    }

    #[test]
    fn many_civilians_killed_and_no_force_hit_is_a_massacre() {
        let fx = Fixture::new("Dimanche à Solenzo, des hommes armés ont tué 45 civils.")
            .place("Solenzo", 0, "locality", "Boucle du Mouhoun")
            .date("Dimanche", "2025-03-09", None)
            .killed("45 civils", 45, "civilian", None, None);
        assert_eq!(fx.events()[0].kind, "massacre");
        // Soldats tués aussi : une attaque.
        let fx = Fixture::new("Dimanche à Solenzo, des hommes armés ont tué 45 civils et 6 soldats.")
            .place("Solenzo", 0, "locality", "Boucle du Mouhoun")
            .date("Dimanche", "2025-03-09", None)
            .killed("45 civils", 45, "civilian", None, None)
            .killed("6 soldats", 6, "military", None, None);
        assert_eq!(fx.events()[0].kind, "attack");
    }

    #[test]
    fn the_government_figure_outranks_a_collective_figure() {
        let fx = Fixture::new(
            "Jeudi à Karma, des hommes armés ont tué des villageois. Un collectif affirme que 147 civils ont été tués. \
             Le porte-parole du gouvernement a évoqué 60 civils tués.",
        )
        .place("Karma", 0, "locality", "Nord")
        .date("Jeudi", "2023-04-20", None)
        .killed("147 civils", 147, "civilian", None, None)
        .killed("60 civils", 60, "civilian", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].casualties[0].best, Some(60), "{events:#?}");
    }

    #[test]
    fn where_suspects_were_taken_yields_to_where_the_story_is() {
        let fx = Fixture::new(
            "Mardi, des orpailleurs se sont affrontés à Kouri Bougoudi. \
             Jeudi, une quarantaine de personnes ont été interpellées puis transférées à Faya.",
        )
        .place("Kouri Bougoudi", 0, "locality", "Tibesti")
        .place("Faya", 0, "locality", "Borkou")
        .date("Mardi", "2022-05-24", None)
        .date("Jeudi", "2022-05-26", None)
        .casualty("une quarantaine de personnes", "arrested", 40, "civilian", None, None);
        let events = fx.events();
        let arrest = events.iter().find(|e| e.kind == "arrest").expect("an arrest");
        assert_eq!(arrest.location.as_ref().map(|l| l.name.as_str()), Some("Kouri Bougoudi"), "{events:#?}");
    }

    #[test]
    fn a_coup_is_an_event_of_the_country() {
        let fx = Fixture::new("Le général a pris le pouvoir lors du coup d'État du 26 juillet 2023, à Niamey.")
            .date("26 juillet 2023", "2023-07-26", None)
            .place("Niamey", 0, "locality", "Niamey");
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(
            (events[0].kind.as_str(), events[0].location.as_ref().map(|l| l.name.as_str())),
            ("other", Some("Niamey"))
        );
        // Without a place in its sentence, no town of the paragraph.
        let fx = Fixture::new(
            "Dans la région de Tillabéri, l'armée patrouille. Le coup d'État du 26 juillet 2023 a changé la donne.",
        )
        .place("Tillabéri", 0, "admin1", "Tillabéri")
        .date("26 juillet 2023", "2023-07-26", None);
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert!(events[0].location.is_none(), "{events:#?}");
        // Supporters of a coup are no coup.
        assert!(Fixture::new("Des manifestants pro-putsch ont défilé le 30 juillet 2023 à Niamey.")
            .date("30 juillet 2023", "2023-07-30", None)
            .place("Niamey", 0, "locality", "Niamey")
            .events()
            .iter()
            .all(|e| e.kind != "other"));
    }

    #[test]
    fn an_event_named_to_date_another_is_not_its_type() {
        let fx = Fixture::new(
            "Dimanche, une patrouille est tombée dans une embuscade à Bamessing. \
             Le lendemain de l'embuscade, des hommes armés ont enlevé trois notables à Babessi.",
        )
        .place("Bamessing", 0, "locality", "North-West")
        .place("Babessi", 0, "locality", "North-West")
        .date("Dimanche", "2023-10-15", None)
        .date("Le lendemain", "2023-10-16", None)
        .casualty("trois notables", "kidnapped", 3, "civilian", None, None);
        let events = fx.events();
        let at_babessi = events.iter().find(|e| e.location.as_ref().is_some_and(|l| l.name == "Babessi"));
        assert_eq!(at_babessi.map(|e| e.kind.as_str()), Some("kidnapping"), "{events:#?}");
    }

    #[test]
    fn a_toll_broken_down_by_place_makes_one_event_per_place() {
        let fx = Fixture::new("Lundi, les assaillants ont tué 20 civils : 12 à Nampala et 8 à Dogofry.")
            .date("Lundi", "2023-05-08", None)
            .killed("20 civils", 20, "civilian", None, None)
            .killed("12", 12, "civilian", None, None)
            .killed("8", 8, "civilian", None, None)
            .place("Nampala", 0, "locality", "Ségou")
            .place("Dogofry", 0, "locality", "Ségou");
        let events = fx.events();
        let toll = |place: &str| {
            events
                .iter()
                .find(|e| e.location.as_ref().is_some_and(|l| l.name == place))
                .and_then(|e| e.casualties.first().and_then(|c| c.best))
        };
        assert_eq!((toll("Nampala"), toll("Dogofry")), (Some(12), Some(8)), "{events:#?}");
    }

    #[test]
    fn a_situating_town_beats_the_region_that_contains_it() {
        let fx = Fixture::new(
            "Mardi, l'armée a mené une opération dans la Boucle du Mouhoun. \
             Mardi soir, une patrouille a intercepté des terroristes aux abords de Djibasso et en a tué vingt.",
        )
        .place("Boucle du Mouhoun", 0, "admin1", "Boucle du Mouhoun")
        .place("Djibasso", 0, "locality", "Boucle du Mouhoun")
        .date("Mardi", "2023-03-14", None)
        .date("Mardi soir", "2023-03-14", None)
        .killed("vingt", 20, "armed_group", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].location.as_ref().map(|l| l.name.as_str()), Some("Djibasso"), "{events:#?}");
    }

    #[test]
    fn a_reaction_names_the_event_it_reacts_to() {
        let fx = Fixture::new(
            "Vendredi, des rebelles ont tué trois Casques bleus à Dékoa. \
             Samedi à Bangui, le chef de la mission a condamné « une attaque lâche ».",
        )
        .place("Dékoa", 0, "locality", "Kémo")
        .place("Bangui", 0, "locality", "Bangui")
        .date("Vendredi", "2020-12-25", None)
        .date("Samedi", "2020-12-26", None)
        .killed("trois Casques bleus", 3, "peacekeepers", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].location.as_ref().map(|l| l.name.as_str()), Some("Dékoa"));
    }

    #[test]
    fn a_date_stated_for_the_facts_in_the_next_sentence_dates_the_event() {
        let fx = Fixture::new(
            "La justice enquête sur l'assassinat de huit personnes près de Kouré. \
             Les faits se sont déroulés le dimanche 9 août 2020, vers 11 heures.",
        )
        .place("Kouré", 0, "locality", "Tillabéri")
        .date("dimanche 9 août 2020", "2020-08-09", None)
        .killed("huit personnes", 8, "civilian", None, None);
        let events = fx.events();
        assert_eq!(events[0].date.as_ref().map(|d| d.value.as_str()), Some("2020-08-09"), "{events:#?}");
    }

    #[test]
    fn the_night_is_the_date_of_what_happened_in_it() {
        let fx = Fixture::new(
            "Dans la nuit de dimanche à lundi, des hommes armés ont attaqué Tougbo. \
             Lundi vers 2 heures, ils ont tué trois soldats à Tougbo.",
        )
        .place("Tougbo", 0, "locality", "Zanzan")
        .place("Tougbo", 1, "locality", "Zanzan")
        .date("nuit de dimanche à lundi", "2021-06-06", Some("2021-06-07"))
        .date("Lundi vers 2 heures", "2021-06-07", None)
        .killed("trois soldats", 3, "military", None, None);
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        let d = events[0].date.as_ref().expect("a date");
        assert_eq!((d.value.as_str(), d.end.as_deref()), ("2021-06-06", Some("2021-06-07")));
    }

    #[test]
    fn an_agreement_takes_the_place_of_the_next_sentence() {
        let fx = Fixture::new(
            "En mars 2015, le mouvement accepte de déposer les armes. Une cérémonie réunit à Anéfis 400 combattants.",
        )
        .date("En mars 2015", "2015-03", None)
        .place("Anéfis", 0, "locality", "Kidal");
        let events = fx.events();
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(
            (events[0].kind.as_str(), events[0].location.as_ref().map(|l| l.name.as_str())),
            ("agreement", Some("Anéfis"))
        );
    }

    #[test]
    fn forces_whose_toll_is_of_assailants_acted() {
        let fx = Fixture::new("Dimanche près de Djibo, l'armée a neutralisé vingt terroristes lors d'une opération.")
            .place("Djibo", 0, "locality", "Sahel")
            .date("Dimanche", "2021-09-12", None)
            .actor("l'armée", "state_force")
            .killed("vingt terroristes", 20, "armed_group", None, None);
        let events = fx.events();
        assert_eq!(events[0].actors[0].role, "perpetrator", "{events:#?}");
    }

    #[test]
    fn a_date_after_publication_is_not_the_event_date() {
        let mut fx = Fixture::new("L'attaque de Tillia a fait 7 morts, à la veille du sommet prévu le 20 juin.")
            .place("Tillia", 0, "locality", "Tahoua")
            .date("le 20 juin", "2023-06-20", None)
            .killed("7 morts", 7, "military", None, None);
        fx.published = chrono::NaiveDate::from_ymd_opt(2023, 6, 12);
        let events = fx.events();
        assert_eq!(events.len(), 1);
        assert!(events[0].date.is_none(), "{:?}", events[0].date);
    }
}
