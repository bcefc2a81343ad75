//! Gazetteers: places, actors and people found in the fold view and resolved
//! to one entry each.
//!
//! Stages, one submodule each:
//! * [`load`]: reading the TSV files (built-in, embedded; and a user's folder);
//! * [`places`]: the place entries, indexed by name [`key`] at build time;
//! * [`actors`]: actors and people, matched by one Aho-Corasick automaton;
//! * [`matcher`]: word tokens, place cues ("région de"), fuzzy search;
//! * [`resolve`]: choosing among homonymous places.
//!
//! Terms: a *name mention* is a span of the text that names a gazetteer
//! entry. Names are found on the fold view with word boundaries; when
//! mentions overlap, the longest wins, and actor or person names win over
//! the places inside them ("Front de libération du Macina" is an actor, not
//! a mention of Macina).
//!
//! When a place name is accepted (see [`Gazetteers::find`]): a capitalized
//! name is a place unless it is also a French word
//! (`place_common_words.txt`), which then needs a cue before it ("dans le
//! Nord") — countries and big cities excepted; a lowercase name needs a cue
//! ("région de kidal") or must be a notable place (a division, a town of
//! 10 000 people). A single capitalized word next to another capitalized
//! word ("Bamoussa Diarra") is taken for part of a person's name unless a
//! noun cue precedes it. A capitalized word after a cue that matches
//! nothing may be a misspelling: within edit distance 1 (2 for names of 8
//! letters or more) of a place of the document's countries it becomes a
//! mention with a `fuzzy-place` warning.

pub mod actors;
pub mod key;
pub mod load;
pub mod matcher;
pub mod places;
pub mod resolve;
pub mod sites;
pub mod unknown;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use actors::{NameKind, NameMatcher};
use key::key_of;
use load::{builtin, list_lines, LoadError, Table, UserFiles};
use matcher::{edit_distance, joinable, tokens, CueKind, Cues, Token};
use places::{BuiltinPlaces, ExtraPlaces, Place};
use resolve::{resolve, PlaceMentionDraft};

use crate::model::{ActorMention, PersonMention, PlaceMention};
use crate::normalize::{fold, NormalizedText};
use crate::rules::{Found, RuleWarning};
use crate::segment::Segments;
use crate::span::ViewRange;

/// Names found in one document.
#[derive(Debug, Default)]
pub struct NameFindings {
    /// Place mentions, resolved.
    pub places: Vec<Found<PlaceMention>>,
    /// Actor mentions.
    pub actors: Vec<Found<ActorMention>>,
    /// Person mentions.
    pub persons: Vec<Found<PersonMention>>,
    /// Fuzzy matches and other doubts.
    pub warnings: Vec<RuleWarning>,
}

/// All gazetteers, compiled once and shared across threads.
#[derive(Debug)]
pub struct Gazetteers {
    places: BuiltinPlaces,
    extra: ExtraPlaces,
    /// Keys of place names that are also French words.
    common: HashSet<String>,
    /// Demonym key → country code.
    demonyms: HashMap<String, String>,
    names: NameMatcher,
    cues: Cues,
    /// (key, id) pairs of `place_aliases.tsv`: a curated reading of a name.
    curated: HashSet<(String, String)>,
    /// Keys of capitalized words that are never unknown place names (`place_not_names.txt`).
    not_names: HashSet<String>,
    /// Site nouns that begin a named site's name (`place_sites.tsv`).
    sites: sites::SiteNouns,
    /// Keys of titles said before a person's name (`person_titles.txt`).
    titles: HashSet<String>,
    /// Words written right before or after a sports club's name (`club_words.tsv`).
    club_words: (HashSet<String>, HashSet<String>),
}

impl Default for Gazetteers {
    fn default() -> Gazetteers {
        Gazetteers::builtin()
    }
}

/// The words of `club_words.tsv` written before and after a club's name.
fn club_words(src: &str) -> (HashSet<String>, HashSet<String>) {
    let (mut before, mut after) = (HashSet::new(), HashSet::new());
    for line in list_lines(src).skip(1) {
        match line.split_once('\t') {
            Some(("before", w)) => {
                before.insert(w.trim().to_string());
            }
            Some(("after", w)) => {
                after.insert(w.trim().to_string());
            }
            _ => {}
        }
    }
    (before, after)
}

/// Longest place name looked up, in words.
const MAX_WORDS: usize = 7;

/// A place name found in the text, with its candidate entries.
struct Hit {
    /// Where, in the fold view.
    range: ViewRange,
    first: usize,
    last: usize,
    key: String,
    cue: Option<CueKind>,
    fuzzy: bool,
    /// Accepted on weak evidence, to be confirmed by the document's focus.
    weak: bool,
    cands: Vec<Place>,
}

impl Gazetteers {
    /// The built-in gazetteers of `gazetteers/`.
    pub fn builtin() -> Gazetteers {
        // The built-in files are tested (tests in this module): they load.
        Gazetteers::load(&UserFiles::default()).expect("built-in gazetteers load")
    }

    /// The built-in gazetteers plus the files of a user's folder (same names
    /// and formats as the built-in ones: `places.tsv`, `place_aliases.tsv`,
    /// `countries.tsv`, `place_common_words.txt`, `actors.tsv`, `people.tsv`).
    pub fn with_user_dir(dir: &Path) -> Result<Gazetteers, LoadError> {
        Gazetteers::load(&UserFiles::read(dir)?)
    }

    fn load(user: &UserFiles) -> Result<Gazetteers, LoadError> {
        let places = BuiltinPlaces::new();
        let mut g = Gazetteers {
            places,
            extra: ExtraPlaces::default(),
            common: HashSet::new(),
            demonyms: HashMap::new(),
            names: NameMatcher::default(),
            cues: Cues::parse("place_cues.tsv", builtin::PLACE_CUES)?,
            curated: HashSet::new(),
            not_names: list_lines(builtin::PLACE_NOT_NAMES).map(|l| key::key_of_raw(l, fold)).collect(),
            // The built-in file is tested (sites::tests): it parses.
            sites: sites::SiteNouns::parse(builtin::PLACE_SITES, fold).expect("place_sites.tsv parses"),
            club_words: club_words(builtin::CLUB_WORDS),
            titles: list_lines(builtin::PERSON_TITLES).map(|l| key::key_of_raw(l, fold)).collect(),
        };
        g.add_place_rows("place_extra.tsv", builtin::PLACE_EXTRA)?;
        g.add_place_rows("place_world.tsv", builtin::PLACE_WORLD)?;
        for name in ["places.tsv", "place_extra.tsv"] {
            if let Some(t) = user.get(name) {
                g.add_place_rows(name, t)?;
            }
        }
        g.add_countries("countries.tsv", builtin::COUNTRIES)?;
        if let Some(t) = user.get("countries.tsv") {
            g.add_countries("countries.tsv", t)?;
        }
        g.add_aliases("place_aliases.tsv", builtin::PLACE_ALIASES)?;
        if let Some(t) = user.get("place_aliases.tsv") {
            g.add_aliases("place_aliases.tsv", t)?;
        }
        for text in std::iter::once(builtin::COMMON_WORDS).chain(user.get("place_common_words.txt")) {
            g.common.extend(list_lines(text).map(|l| key::key_of_raw(l, fold)));
        }
        g.names.set_generic(builtin::ACTOR_GENERIC);
        g.names.add_actors("actors.tsv", builtin::ACTORS)?;
        g.names.add_people("people.tsv", builtin::PEOPLE)?;
        if let Some(t) = user.get("actors.tsv") {
            g.names.add_actors("actors.tsv", t)?;
        }
        if let Some(t) = user.get("people.tsv") {
            g.names.add_people("people.tsv", t)?;
        }
        g.names.build();
        Ok(g)
    }

    fn add_place_rows(&mut self, file: &str, text: &str) -> Result<(), LoadError> {
        let t = Table::parse(file, text, &["id", "name", "country", "feature"])?;
        for r in t.rows() {
            let p = Place {
                id: r.get("id").into(),
                name: r.get("name").into(),
                country: r.get("country").into(),
                admin1: r.get("admin1").into(),
                admin2: r.get("admin2").into(),
                lat: r.get("lat").parse().ok(),
                lon: r.get("lon").parse().ok(),
                feature: r.get("feature").into(),
                code: r.get("code").into(),
                population: r.get("population").parse().unwrap_or(0),
            };
            if p.id.is_empty() || p.name.is_empty() {
                return Err(t.error(r.line, "empty id or name"));
            }
            self.extra.add(&p.name.clone(), &p);
            for v in r.list("variants") {
                self.extra.add(v, &p);
            }
        }
        Ok(())
    }

    fn add_countries(&mut self, file: &str, text: &str) -> Result<(), LoadError> {
        let t = Table::parse(file, text, &["code", "geonameid", "name_fr"])?;
        for r in t.rows() {
            let code = r.get("code").to_string();
            let (lat, lon) = places::centroid(&code).map_or((None, None), |(a, b)| (Some(a), Some(b)));
            let p = Place {
                id: format!("geonames:{}", r.get("geonameid")),
                name: r.get("name_fr").into(),
                country: code.clone(),
                admin1: String::new(),
                admin2: String::new(),
                lat,
                lon,
                feature: "country".into(),
                code: "PCLI".into(),
                population: 0,
            };
            self.extra.add(&p.name.clone(), &p);
            for v in r.list("variants") {
                self.extra.add(v, &p);
            }
            for d in r.list("demonyms") {
                self.demonyms.insert(key_of(&fold(d)), code.clone());
            }
        }
        Ok(())
    }

    fn add_aliases(&mut self, file: &str, text: &str) -> Result<(), LoadError> {
        let t = Table::parse(file, text, &["id", "alias"])?;
        for r in t.rows() {
            let id = r.get("id");
            let place =
                self.places.by_id(id).or_else(|| self.extra.by_key.values().flatten().find(|p| p.id == id).cloned());
            let Some(p) = place else {
                return Err(t.error(r.line, format!("unknown place id {id:?}")));
            };
            self.extra.add(r.get("alias"), &p);
            self.curated.insert((key_of(&fold(r.get("alias"))), p.id.clone()));
        }
        Ok(())
    }

    /// Sizes, for `--timings` style reports: (place keys, place rows, name patterns).
    pub fn sizes(&self) -> (usize, usize, usize) {
        (self.places.key_count() + self.extra.by_key.len(), self.places.row_count(), self.names.pattern_count())
    }

    /// Every place entry of a name key (built-in and added).
    fn lookup(&self, key: &str) -> Vec<Place> {
        let mut out: Vec<Place> = Vec::new();
        if let Some(i) = self.places.find_key(key) {
            out.extend(self.places.postings(i).filter_map(|o| self.places.row(o)));
        }
        if let Some(v) = self.extra.by_key.get(key) {
            for p in v {
                if !out.iter().any(|q| q.id == p.id) {
                    out.push(p.clone());
                }
            }
        }
        out
    }

    fn has_key(&self, key: &str) -> bool {
        self.places.find_key(key).is_some() || self.extra.by_key.contains_key(key)
    }

    /// Whether `key` is a key, and whether a longer key goes on from it
    /// with another word (starts with `key` and a space).
    fn key_state(&self, key: &str) -> (bool, bool) {
        let (present, goes_on) = self.places.key_state(key.as_bytes());
        if present && goes_on {
            return (true, true);
        }
        let extra_present = self.extra.by_key.contains_key(key);
        let extra_goes_on = !goes_on && {
            let mut p = String::with_capacity(key.len() + 1);
            p.push_str(key);
            p.push(' ');
            self.extra.prefixes.contains(&p)
        };
        (present || extra_present, goes_on || extra_goes_on)
    }

    /// Finds and resolves every place, actor and person.
    pub fn find(&self, text: &NormalizedText, segments: &Segments) -> NameFindings {
        let f = text.fold();
        let b = f.as_bytes();
        let toks = tokens(f);
        let mut out = NameFindings::default();

        // Actors and people first: they own their spans.
        let hits = self.names.find(text);
        let name_ranges: Vec<ViewRange> = hits.iter().map(|h| h.range).collect();
        for h in &hits {
            let e = &self.names.entries()[h.entry];
            // Bodies that are not armed actors (category `other`, e.g. the
            // UN) own their span but are not actor mentions; nor is a club
            // named after an army ("l'AS FAN").
            if e.kind == NameKind::Actor && (e.category == "other" || self.is_club(text, h.range)) {
                continue;
            }
            let span = text.span(h.range);
            match e.kind {
                NameKind::Actor => out.actors.push(Found {
                    range: h.range,
                    rule: "actor_gazetteer",
                    mention: ActorMention {
                        span,
                        name: e.name.clone(),
                        id: e.id.clone(),
                        category: e.category.clone(),
                        country: (e.countries.len() == 1).then(|| e.countries[0].clone()),
                    },
                }),
                NameKind::Person => out.persons.push(Found {
                    range: h.range,
                    rule: "person_gazetteer",
                    mention: PersonMention {
                        span,
                        name: e.name.clone(),
                        id: e.id.clone(),
                        roles: e.roles.clone(),
                        affiliation: e.affiliation.clone(),
                    },
                }),
            }
        }

        // Places: longest n-gram with an entry at each token.
        let sentence_floor = |pos: usize| -> usize {
            if segments.sentences.is_empty() {
                return 0;
            }
            let s = segments.sentence_at(pos);
            segments.sentences[s].range.start.min(pos)
        };
        // Hyphenated compounds announced by a division or settlement noun
        // ("l'arrondissement de Mayo-Moskota") that no entry names whole:
        // one unknown name wherever the text writes them.
        let compounds = self.announced_compounds(text, &toks, &sentence_floor);
        let mut found: Vec<Hit> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if let Some((last, key)) = compound_at(f, &toks, &compounds, i) {
                if (i..=last).all(|k| text.is_upper_at(toks[k].start))
                    && !name_ranges.iter().any(|r| r.overlaps(ViewRange::new(toks[i].start, toks[last].end)))
                {
                    found.push(Hit {
                        range: ViewRange::new(toks[i].start, toks[last].end),
                        first: i,
                        last,
                        key,
                        cue: Some(CueKind::Locality),
                        fuzzy: false,
                        weak: false,
                        cands: Vec::new(),
                    });
                    i = last + 1;
                    continue;
                }
            }
            let mut key = String::new();
            let mut ends: Vec<(usize, String)> = Vec::new();
            for n in 0..MAX_WORDS {
                let j = i + n;
                if j >= toks.len() || (n > 0 && !joinable(&b[toks[j - 1].end..toks[j].start])) {
                    break;
                }
                if n > 0 {
                    key.push(' ');
                }
                key.push_str(&f[toks[j].start..toks[j].end]);
                let (present, goes_on) = self.key_state(&key);
                if present {
                    ends.push((j, key.clone()));
                }
                // Prefix pruning: no longer name unless some key goes on
                // with another word ("bobo " → "bobo dioulasso").
                if !goes_on {
                    break;
                }
            }
            // The longest accepted name at this token wins; a rejected long
            // one ("région du Nord" in lowercase) leaves room for a shorter one.
            let mut next = i + 1;
            for (j, k) in ends.into_iter().rev() {
                if !self.has_key(&k) {
                    continue;
                }
                let range = ViewRange::new(toks[i].start, toks[j].end);
                if name_ranges.iter().any(|r| r.overlaps(range)) {
                    continue;
                }
                // The head of a hyphenated name whose next part names
                // nothing ("Carrefour-Feuilles") is not a place by itself.
                if text.is_upper_at(toks[i].start) && self.hyphen_head(text, &toks, j) {
                    continue;
                }
                let floor = sentence_floor(range.start);
                let mut cue = self.cues.before(f, &toks, i, floor);
                let mut linked = false;
                // Coordination: "dans le Séno et l'Oudalan", "Bougouni, Fana et
                // Kita" — the cue of the previous place carries over, and a
                // place in a list of places is announced well enough.
                if cue.is_none() || cue == Some(CueKind::Of) {
                    if let Some(prev) = found.last() {
                        let between = &f[prev.range.end.min(range.start)..range.start];
                        let words: Vec<&str> =
                            between.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
                        let coord = words.iter().all(|w| {
                            matches!(
                                *w,
                                "et" | "ou"
                                    | "de"
                                    | "du"
                                    | "des"
                                    | "d"
                                    | "le"
                                    | "la"
                                    | "les"
                                    | "l"
                                    | "a"
                                    | "au"
                                    | "aux"
                            )
                        });
                        let starts_and = words.first().is_some_and(|w| *w == "et" || *w == "ou");
                        // "les États de Kaduna, de Katsina et de Zamfara".
                        let listed = starts_and
                            || (between.trim_start().starts_with(',')
                                && !words.is_empty()
                                && words.iter().all(|w| matches!(*w, "de" | "d" | "du" | "des")));
                        if (coord && listed && between.len() <= 12) || between.trim() == "," {
                            cue = Some(match prev.cue {
                                Some(c) if c != CueKind::Of => c,
                                _ => CueKind::Prep,
                            });
                        }
                        // Two towns of a road or a link: "l'axe Fada-Pama".
                        if between.trim() == "-" && prev.cue.is_some_and(|c| c != CueKind::Of) {
                            cue = prev.cue;
                            linked = true;
                        }
                    }
                }
                if let Some((cands, weak)) = self.accept(text, &toks, i, j, &k, cue, floor) {
                    // A word-like name linked so must be notable ("Kidal-Ville" is no town Ville).
                    if linked && self.common.contains(&k) && !cands.iter().any(notable) {
                        continue;
                    }
                    let (k, cue, cands) = self.division_phrase(f, &toks, i, j, k, cue, cands);
                    found.push(Hit { range, first: i, last: j, key: k, cue, fuzzy: false, weak, cands });
                    next = j + 1;
                    break;
                }
            }
            i = next;
        }

        // The surname of a person the document names ("Ibrahim Boubacar
        // Keïta" … "le président Keïta") is that person, not a small place.
        let surnames: HashSet<&str> = hits
            .iter()
            .filter(|h| self.names.entries()[h.entry].kind == NameKind::Person)
            .filter_map(|h| toks.iter().rev().find(|t| t.end <= h.range.end && t.start >= h.range.start))
            .map(|t| &f[t.start..t.end])
            .collect();
        found.retain(|h| {
            h.first != h.last
                || !surnames.contains(h.key.as_str())
                || h.cue.is_some_and(CueKind::is_noun)
                || h.cands.iter().any(big)
        });

        // Focus: countries named, demonyms, single-country places and actors.
        let mut focus: HashMap<String, f64> = HashMap::new();
        // (Weak hits wait for the focus; they do not make it.)
        for h in found.iter().filter(|h| !h.weak) {
            let cs: HashSet<&str> = h.cands.iter().map(|c| c.country.as_str()).collect();
            if h.cands.iter().any(|c| c.feature == "country") {
                if let Some(c) = h.cands.iter().find(|c| c.feature == "country") {
                    *focus.entry(c.country.clone()).or_default() += 2.0;
                }
            } else if cs.len() == 1 && h.cands.iter().any(notable) {
                // Only notable places: a lone village name may be a surname.
                *focus.entry(h.cands[0].country.clone()).or_default() += 1.0;
            }
        }
        for t in &toks {
            if let Some(code) = self.demonyms.get(&f[t.start..t.end]) {
                *focus.entry(code.clone()).or_default() += 1.0;
            }
        }
        for a in &out.actors {
            if let Some(c) = &a.mention.country {
                *focus.entry(c.clone()).or_default() += 0.5;
            }
        }

        let top_country: Option<String> = focus
            .iter()
            .max_by(|a, b| a.1.partial_cmp(b.1).unwrap_or(std::cmp::Ordering::Equal).then(b.0.cmp(a.0)))
            .map(|(c, _)| c.clone());

        // A name of a place far from the document's countries, neither notable
        // nor announced by a noun cue, is more likely a surname or a word.
        if !focus.is_empty() {
            found.retain(|h| {
                let in_focus = |c: &Place| focus.contains_key(&c.country);
                if h.weak {
                    // "chasseurs de Gap": a word-like name after "de" is a
                    // place only as a notable place of the country the
                    // document is most about.
                    return h.cands.iter().any(|c| notable(c) && top_country.as_deref() == Some(c.country.as_str()));
                }
                if self.common.contains(&h.key) {
                    // "le département d'État": a name that is also a French
                    // word, of no country of the document, is the word.
                    return h.cands.iter().any(|c| in_focus(c) || big(c));
                }
                h.cue.is_some_and(CueKind::is_noun) || h.cands.iter().any(|c| notable(c) || in_focus(c))
            });
        }
        let doc_keys: HashSet<String> = found.iter().map(|h| h.key.clone()).collect();

        // Misspellings: a capitalized unmatched word after a cue.
        let taken = |r: ViewRange, found: &[Hit]| {
            found.iter().any(|h| h.range.overlaps(r)) || name_ranges.iter().any(|n| n.overlaps(r))
        };
        // A capitalized word joined by a space to this one: a two-word name
        // ("Sanga Balende", "Moussa Diarra"), not a misspelled place.
        let cap_neighbour = |i: usize| -> bool {
            let t = toks[i];
            (i + 1 < toks.len() && &f[t.end..toks[i + 1].start] == " " && text.is_upper_at(toks[i + 1].start))
                || (i > 0 && &f[toks[i - 1].end..t.start] == " " && text.is_upper_at(toks[i - 1].start))
        };
        let mut fuzzy: Vec<Hit> = Vec::new();
        // One search per distinct word: the scan of the key table is the cost.
        let mut fuzzy_cache: HashMap<&str, Option<(String, Vec<Place>, bool)>> = HashMap::new();
        for (i, t) in toks.iter().enumerate() {
            let w = &f[t.start..t.end];
            let r = ViewRange::new(t.start, t.end);
            if w.len() < 5
                || !w.bytes().all(|c| c.is_ascii_lowercase())
                || !text.is_upper_at(t.start)
                || taken(r, &found)
                || self.common.contains(w)
                || cap_neighbour(i)
            {
                continue;
            }
            let floor = sentence_floor(t.start);
            let Some(cue) = self.cues.before(f, &toks, i, floor) else {
                // No cue: only a spelling variant of a name the text also
                // writes ("Boma (ou Bohoma)"); no scan of the whole table.
                let sk = spelling_key(w);
                if let Some(k) = doc_keys.iter().find(|k| !k.contains(' ') && k.as_str() != w && spelling_key(k) == sk)
                {
                    let cands: Vec<Place> = self
                        .lookup(k)
                        .into_iter()
                        .filter(|p| focus.is_empty() || focus.contains_key(&p.country))
                        .collect();
                    if !cands.is_empty() {
                        out.warnings.push(RuleWarning {
                            range: Some(r),
                            code: "fuzzy-place",
                            message: format!(
                                "{:?} taken for the place {:?} (another spelling in the text)",
                                text.original_of(r),
                                cands[0].name
                            ),
                        });
                        fuzzy.push(Hit {
                            range: r,
                            first: i,
                            last: i,
                            key: k.clone(),
                            cue: None,
                            fuzzy: true,
                            weak: false,
                            cands,
                        });
                    }
                }
                continue;
            };
            let near = fuzzy_cache.entry(w).or_insert_with(|| self.fuzzy(w, &focus, &doc_keys)).clone();
            if let Some((k, mut cands, in_doc)) = near {
                // Without the right spelling elsewhere in the text, only a
                // real place cue ("à", "région de") will do.
                if !in_doc && matches!(cue, CueKind::Of | CueKind::Event) {
                    continue;
                }
                // "à Tourine, à 80 kilomètres de Zouérate": a misspelling
                // must lie near the place the text situates it by.
                if let Some((e, km)) = unknown::locator_distance_after(f, t.end) {
                    if let Some(refh) = found.iter().find(|h| h.range.start >= e && h.range.start <= e + 4) {
                        let reach = unknown::locator_reach(km);
                        cands.retain(|c| {
                            refh.cands.iter().any(|o| resolve::distance_km(c, o).is_none_or(|d| d <= reach))
                        });
                        if cands.is_empty() {
                            continue;
                        }
                    }
                }
                out.warnings.push(RuleWarning {
                    range: Some(r),
                    code: "fuzzy-place",
                    message: format!(
                        "{:?} taken for the place {:?} (one or two letters apart)",
                        text.original_of(r),
                        cands[0].name
                    ),
                });
                fuzzy.push(Hit {
                    range: r,
                    first: i,
                    last: i,
                    key: k,
                    cue: Some(cue),
                    fuzzy: true,
                    weak: false,
                    cands,
                });
            }
        }
        found.extend(fuzzy);
        found.sort_by_key(|h| h.range.start);

        // Unknown places: capitalized words no gazetteer knows that the text
        // announces as places (see `unknown`).
        // The country (and admin1) of the division a containment phrase names.
        // The country (and admin1) of the best candidate of a hit.
        let country_of = |h: &Hit| -> Option<(String, String)> {
            let c = h.cands.iter().max_by(|a, b| {
                let fa =
                    focus.get(&a.country).copied().unwrap_or(0.0) + f64::from(u8::from(a.feature.starts_with("admin")));
                let fb =
                    focus.get(&b.country).copied().unwrap_or(0.0) + f64::from(u8::from(b.feature.starts_with("admin")));
                fa.partial_cmp(&fb).unwrap_or(std::cmp::Ordering::Equal)
            })?;
            let a1 = if c.feature == "admin1" { c.name.clone() } else { c.admin1.clone() };
            Some((c.country.clone(), a1))
        };
        let contained_in = |end: usize, found: &[Hit]| -> Option<(String, String)> {
            let e = unknown::containment_after(f, end)?;
            // The division's name after its noun, or a name that holds the
            // noun ("dans la province du Séno" read whole).
            let h = found.iter().find(|h| h.range.end > e && h.range.start <= e + 40);
            let Some(h) = h else {
                return top_country.clone().map(|c| (c, String::new()));
            };
            country_of(h)
        };
        // The known place a locator phrase after `end` refers to ("Mukondi,
        // à 20 km de Mamove"), and the distance it states.
        let situated_by = |end: usize, found: &[Hit]| -> Option<(usize, Option<f64>)> {
            let (e, km) = unknown::locator_distance_after(f, end)?;
            let h = found.iter().position(|h| h.range.start >= e && h.range.start <= e + 4)?;
            Some((h, km))
        };
        // Whether a candidate lies where a locator phrase puts it.
        let fits_locator = |c: &Place, refh: &Hit, km: Option<f64>| -> bool {
            let reach = unknown::locator_reach(km);
            refh.cands.iter().any(|o| resolve::distance_km(c, o).is_none_or(|d| d <= reach))
        };
        // The compounds' country: of the division named after their
        // announced occurrence, else the document's.
        for (key, end) in &compounds {
            let Some((cc, a1)) = contained_in(*end, &found).or_else(|| top_country.clone().map(|c| (c, String::new())))
            else {
                continue;
            };
            for h in found.iter_mut().filter(|h| &h.key == key && h.cands.is_empty()) {
                h.cands = vec![unknown::unresolved_place(&cc, key, text.original_of(h.range), &a1, "locality")];
            }
        }
        found.retain(|h| !h.cands.is_empty());
        let word_ok = |i: usize| -> bool {
            let t = toks[i];
            let w = &f[t.start..t.end];
            let r = ViewRange::new(t.start, t.end);
            w.len() >= 4
                && w.bytes().all(|c| c.is_ascii_lowercase())
                && text.is_upper_at(t.start)
                && !self.is_all_caps(text, t)
                && !self.common.contains(w)
                && !self.not_names.contains(w)
                // A name the gazetteer has, rejected by the rules above.
                && !self.has_key(w)
                && !taken(r, &found)
                // "Moussa Diarra": a capitalized neighbour makes a person's name.
                && !cap_neighbour(i)
        };
        let mut announced: HashMap<String, (String, String)> = HashMap::new();
        // Announced words that are a known place of their division, misspelt.
        let mut respelt: HashMap<String, (String, Vec<Place>)> = HashMap::new();
        let mut unknown_hits: Vec<Hit> = Vec::new();
        for i in 1..toks.len() {
            let t = toks[i];
            if toks[i - 1].start < sentence_floor(t.start) || !word_ok(i) {
                continue;
            }
            let w = &f[t.start..t.end];
            let floor = sentence_floor(t.start);
            let cue = self.cues.before(f, &toks, i, floor);
            let before: Vec<&str> = (i.saturating_sub(4)..i)
                .rev()
                .take_while(|&k| toks[k].start >= floor)
                .map(|k| &f[toks[k].start..toks[k].end])
                .collect();
            let noun = matches!(cue, Some(CueKind::Locality | CueKind::Site)) && unknown::settlement_cue(&before);
            // Coordinated with a place announced by a locality or site cue.
            let coordinated = !noun && {
                let prev = found
                    .iter()
                    .chain(unknown_hits.iter())
                    .filter(|h| h.range.end <= t.start)
                    .max_by_key(|h| h.range.end);
                prev.is_some_and(|p| {
                    let between = &f[p.range.end..t.start];
                    let words: Vec<&str> =
                        between.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
                    matches!(p.cue, Some(CueKind::Locality | CueKind::Site))
                        && between.len() <= 8
                        && (words.first().is_some_and(|w| *w == "et" || *w == "ou") || between.starts_with(','))
                        && words
                            .iter()
                            .all(|w| matches!(*w, "et" | "ou" | "de" | "d" | "du" | "des" | "l" | "la" | "le"))
                })
            };
            let after_prep = matches!(cue, Some(CueKind::Prep | CueKind::Of | CueKind::Event));
            // "Koulogon (cercle de Bankass)": a bracketed division needs no cue.
            let bracketed = unknown::bracketed_division_after(f, t.end).is_some();
            let contained =
                if after_prep || noun || coordinated || bracketed { contained_in(t.end, &found) } else { None };
            // "à Mukondi, à une vingtaine de kilomètres de Mamove".
            let situated = if after_prep && contained.is_none() { situated_by(t.end, &found) } else { None };
            let by_division = contained.is_some();
            let contained = contained.or_else(|| situated.and_then(|(h, _)| country_of(&found[h])));
            // "de Bunagana, poste-frontière avec l'Ouganda".
            let apposed = after_prep && contained.is_none() && unknown::apposed_settlement_after(f, t.end);
            if !(noun || coordinated || apposed || contained.is_some()) {
                continue;
            }
            let Some((cc, a1)) = contained.or_else(|| top_country.clone().map(|c| (c, String::new()))) else {
                continue;
            };
            // One letter off a place of the division the text puts it in:
            // that place, misspelt ("Mandakao, dans la province du Logone
            // Occidental" is Mandakaou there).
            let near = respelt.get(w).cloned().or_else(|| {
                let (k, mut cands) =
                    self.near_in_division(w, &cc, if by_division || situated.is_some() { &a1 } else { "" })?;
                // Situated by a distance: it must lie there ("Mukondi, à une
                // vingtaine de kilomètres de Mamove" is not Mukondo, 75 km off).
                if let Some((h, km)) = situated {
                    cands.retain(|c| fits_locator(c, &found[h], km));
                }
                (!cands.is_empty()).then_some((k, cands))
            });
            if let Some((k, cands)) = near {
                respelt.insert(w.to_string(), (k, cands));
                continue;
            }
            announced.entry(w.to_string()).or_insert((cc, a1));
            unknown_hits.push(Hit {
                range: ViewRange::new(t.start, t.end),
                first: i,
                last: i,
                key: w.to_string(),
                cue: if noun || coordinated { Some(CueKind::Locality) } else { cue },
                fuzzy: false,
                weak: false,
                cands: Vec::new(),
            });
        }
        // The capitalized occurrences of a misspelt name of its division.
        for (i, t) in toks.iter().enumerate() {
            let w = &f[t.start..t.end];
            let r = ViewRange::new(t.start, t.end);
            let Some((k, cands)) = respelt.get(w) else { continue };
            if text.is_upper_at(t.start) && !taken(r, &found) && !unknown_hits.iter().any(|h| h.range.overlaps(r)) {
                out.warnings.push(RuleWarning {
                    range: Some(r),
                    code: "fuzzy-place",
                    message: format!(
                        "{:?} taken for the place {:?} (one or two letters apart, in the division the text names)",
                        text.original_of(r),
                        cands[0].name
                    ),
                });
                unknown_hits.push(Hit {
                    range: r,
                    first: i,
                    last: i,
                    key: k.clone(),
                    cue: None,
                    fuzzy: true,
                    weak: false,
                    cands: cands.clone(),
                });
            }
        }
        // Other capitalized occurrences of an announced name.
        if !announced.is_empty() {
            for (i, t) in toks.iter().enumerate() {
                let w = &f[t.start..t.end];
                let r = ViewRange::new(t.start, t.end);
                if announced.contains_key(w)
                    && text.is_upper_at(t.start)
                    && !taken(r, &found)
                    && !unknown_hits.iter().any(|h| h.range.overlaps(r))
                {
                    unknown_hits.push(Hit {
                        range: r,
                        first: i,
                        last: i,
                        key: w.to_string(),
                        cue: None,
                        fuzzy: false,
                        weak: false,
                        cands: Vec::new(),
                    });
                }
            }
        }
        for h in &mut unknown_hits {
            let Some((cc, a1)) = announced.get(&h.key).cloned() else { continue };
            h.cands = vec![unknown::unresolved_place(&cc, &h.key, text.original_of(h.range), &a1, "locality")];
        }
        found.extend(unknown_hits);
        found.sort_by_key(|h| h.range.start);

        // A known name placed by the text in a division of a country where
        // it names nothing ("la presqu'île de Boma, dans la province du Lac"
        // when every Boma is elsewhere) is an unknown place of that country;
        // so are its other mentions (one sense per document).
        let mut elsewhere: HashMap<String, (String, String, String)> = HashMap::new();
        for h in &found {
            if h.cands.iter().any(|c| c.id.starts_with(UNRESOLVED)) || elsewhere.contains_key(&h.key) {
                continue;
            }
            if unknown::containment_after(f, h.range.end).is_none() {
                continue;
            }
            let Some((cc, a1)) = contained_in(h.range.end, &found) else { continue };
            if h.cands.iter().any(|c| c.country == cc || c.feature == "country") {
                continue;
            }
            let name = found
                .iter()
                .find(|o| o.key == h.key && !o.fuzzy)
                .map_or_else(|| text.original_of(h.range).to_string(), |o| text.original_of(o.range).to_string());
            elsewhere.insert(h.key.clone(), (cc, a1, name));
        }
        for h in &mut found {
            if let Some((cc, a1, name)) = elsewhere.get(&h.key) {
                h.cands = vec![unknown::unresolved_place(cc, &h.key, &name, &a1, "locality")];
            }
        }

        // A name accepted once in the document is a place wherever it is
        // capitalized, cue or not ("Lac : le bilan…" above "la province du
        // Lac", "Nord-Ouest : …" above "la région du Nord-Ouest").
        let mut once_multi: HashMap<String, usize> = HashMap::new();
        for (k, h) in found.iter().enumerate() {
            if !h.fuzzy && !h.weak && h.first < h.last {
                let seq: Vec<&str> = (h.first..=h.last).map(|x| &f[toks[x].start..toks[x].end]).collect();
                once_multi.entry(seq.join(" ")).or_insert(k);
            }
        }
        let longest = once_multi.keys().map(|k| k.split(' ').count()).max().unwrap_or(0);
        let mut again: Vec<Hit> = Vec::new();
        for i in 0..toks.len() {
            if longest == 0 || !text.is_upper_at(toks[i].start) {
                continue;
            }
            let mut seq = String::new();
            for j in i..toks.len().min(i + longest) {
                if j > i {
                    if !joinable(&b[toks[j - 1].end..toks[j].start]) {
                        break;
                    }
                    seq.push(' ');
                }
                seq.push_str(&f[toks[j].start..toks[j].end]);
                let Some(&k) = once_multi.get(&seq) else { continue };
                let r = ViewRange::new(toks[i].start, toks[j].end);
                let beside =
                    |a: usize, c: usize| &f[toks[a].end..toks[c].start] == " " && text.is_upper_at(toks[c].start);
                let neighbour =
                    (i > 0 && &f[toks[i - 1].end..toks[i].start] == " " && text.is_upper_at(toks[i - 1].start))
                        || (j + 1 < toks.len() && beside(j, j + 1));
                if j > i && !taken(r, &found) && !again.iter().any(|h| h.range.overlaps(r)) && !neighbour {
                    let h = &found[k];
                    again.push(Hit {
                        range: r,
                        first: i,
                        last: j,
                        key: h.key.clone(),
                        cue: None,
                        fuzzy: false,
                        weak: false,
                        cands: h.cands.clone(),
                    });
                }
                break;
            }
        }
        found.extend(again);
        found.sort_by_key(|h| h.range.start);
        let mut again: Vec<Hit> = Vec::new();
        let mut once: HashMap<&str, usize> = HashMap::new();
        for (k, h) in found.iter().enumerate() {
            if !h.fuzzy && !h.weak && h.first == h.last {
                once.entry(h.key.as_str()).or_insert(k);
            }
        }
        for (i, t) in toks.iter().enumerate() {
            let w = &f[t.start..t.end];
            let r = ViewRange::new(t.start, t.end);
            let Some(&k) = once.get(w) else { continue };
            // Lowercase, after a cue and when not a French word: "un notable
            // de sokolo" in a story about Sokolo.
            let lower_ok = || {
                !self.common.contains(w)
                    && self.cues.before(f, &toks, i, sentence_floor(t.start)).is_some()
                    && !self.adjective_of_noun(f, &toks, i, sentence_floor(t.start))
            };
            if (!text.is_upper_at(t.start) && !lower_ok())
                || taken(r, &found)
                || cap_neighbour(i)
                || self.hyphen_head(text, &toks, i)
            {
                continue;
            }
            let floor = sentence_floor(t.start);
            if self.cues.before(f, &toks, i, floor).is_none_or(|c| c == CueKind::Of)
                && town_with_article(f, &toks, i, floor, &found[k].cands)
            {
                continue;
            }
            {
                let h = &found[k];
                again.push(Hit {
                    range: r,
                    first: i,
                    last: i,
                    key: h.key.clone(),
                    cue: None,
                    fuzzy: false,
                    weak: false,
                    cands: h.cands.clone(),
                });
            }
        }
        found.extend(again);
        found.sort_by_key(|h| h.range.start);
        let _ = found.iter().map(|h| (h.first, h.last, h.fuzzy)).count();

        self.named_sites(text, &toks, &name_ranges, &focus, top_country.as_deref(), &mut found);
        // "le Sahel SC", "le FC Kidal": a club, not a place.
        // The name of a club read once is the club wherever no place cue
        // announces it ("le TP Mazembe" … "s'offre Mazembe"; not "à Kidal"
        // after "le FC Kidal").
        let clubs: HashSet<String> =
            found.iter().filter(|h| self.is_club(text, h.range)).map(|h| h.key.clone()).collect();
        found.retain(|h| {
            !self.is_club(text, h.range)
                && !(clubs.contains(&h.key)
                    && !h.cue.is_some_and(|c| c != CueKind::Of && c != CueKind::Event)
                    && !h.cands.iter().any(|c| c.feature == "country"))
        });

        // "Kaduna : 28 élèves de l'école de Damishi relâchés": a rubric that
        // heads a story about another place of its division names that
        // division, not its seat.
        self.rubric_divisions(f, &mut found);

        // Resolution.
        let drafts: Vec<PlaceMentionDraft> = found
            .iter()
            .map(|h| {
                let s = segments.sentence_at(h.range.start);
                PlaceMentionDraft {
                    curated: h.cands.iter().map(|c| self.curated.contains(&(h.key.clone(), c.id.clone()))).collect(),
                    key: h.key.clone(),
                    candidates: h.cands.clone(),
                    cue: h.cue,
                    sentence: s,
                    paragraph: segments.sentences.get(s).map_or(0, |x| x.paragraph),
                    article: h.first > 0 && {
                        let p = toks[h.first - 1];
                        matches!(&f[p.start..h.range.start], "le " | "la " | "les " | "du " | "au " | "aux " | "l'")
                            && p.start >= sentence_floor(h.range.start)
                    },
                }
            })
            .collect();
        let orders = resolve(&drafts, &focus);
        for (h, order) in found.iter().zip(orders) {
            let Some(&best) = order.first() else { continue };
            let p = &h.cands[best];
            let alternatives: Vec<String> = order.iter().skip(1).take(5).map(|&k| h.cands[k].id.clone()).collect();
            out.places.push(Found {
                range: h.range,
                rule: if h.fuzzy { "place_fuzzy" } else { "place_gazetteer" },
                mention: PlaceMention {
                    span: text.span(h.range),
                    name: p.name.clone(),
                    id: p.id.clone(),
                    country: p.country.clone(),
                    admin1: Some(p.admin1.clone()).filter(|s| !s.is_empty()),
                    admin2: Some(p.admin2.clone()).filter(|s| !s.is_empty()),
                    lat: p.lat,
                    lon: p.lon,
                    feature: match p.feature.as_str() {
                        "admin3" => "locality".to_string(),
                        f => f.to_string(),
                    },
                    alternatives,
                },
            });
        }
        out
    }

    /// A name that opens the headline as a rubric ("Kaduna : …", the first
    /// line, a colon after it) and names both a first-level division and a
    /// town of that name reads as the division when the headline names
    /// another locality that lies in it ("Kaduna : 28 élèves de l'école de
    /// Damishi relâchés"): it gets the cue of a first-level division. Alone
    /// ("Bamako : la manifestation dégénère") it stays the town, and so does
    /// a rubric named like a second-level division ("Beni : 21 civils tués à
    /// Mamove" is the town that names the territory).
    fn rubric_divisions(&self, f: &str, found: &mut [Hit]) {
        let Some(k) = found.iter().position(|h| {
            f[..h.range.start].trim().is_empty() && f[h.range.end..].trim_start_matches(' ').starts_with(':')
        }) else {
            return;
        };
        let h = &found[k];
        if h.cue.is_some() {
            return;
        }
        let head_end = f[h.range.start..].find('\n').map_or(f.len(), |e| h.range.start + e);
        let divisions: Vec<&Place> = h
            .cands
            .iter()
            .filter(|c| {
                c.feature == "admin1"
                    && resolve::admin_key(&c.name) == h.key
                    && h.cands.iter().any(|t| t.feature == "locality" && t.country == c.country)
            })
            .collect();
        if divisions.is_empty() {
            return;
        }
        let inside = |d: &Place, p: &Place| {
            p.country == d.country && resolve::admin_key(&p.admin1) == resolve::admin_key(&d.name)
        };
        let in_division = found
            .iter()
            .filter(|o| o.range.start > h.range.end && o.range.start < head_end && o.key != h.key)
            .flat_map(|o| o.cands.iter().filter(|p| p.feature == "locality"))
            .any(|p| divisions.iter().any(|d| inside(d, p)));
        if in_division {
            found[k].cue = Some(CueKind::Admin1);
        }
    }

    /// True when the name at `r` is part of a sports club's name: a club
    /// word of `club_words.tsv` is written right before or right after it.
    fn is_club(&self, text: &NormalizedText, r: ViewRange) -> bool {
        let f = text.fold();
        let word_at = |s: usize, e: usize| text.original_of(ViewRange::new(s, e));
        // The word just before, across one space (or "l'").
        let before = f[..r.start].strip_suffix(' ').unwrap_or(&f[..r.start]);
        let prev_start =
            before.char_indices().rev().find(|(_, c)| !c.is_alphanumeric()).map_or(0, |(k, c)| k + c.len_utf8());
        let prev = (prev_start < before.len()).then(|| word_at(prev_start, before.len()));
        // The word just after, across one space.
        let after_start = if f[r.end..].starts_with(' ') { r.end + 1 } else { r.end };
        let rest = &f[after_start..];
        let next_end = after_start + rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
        let next = (after_start > r.end && next_end > after_start).then(|| word_at(after_start, next_end));
        prev.is_some_and(|w| self.club_words.0.contains(w)) || next.is_some_and(|w| self.club_words.1.contains(w))
    }

    /// Named sites (see [`sites`]): a site noun and the capitalized name
    /// after it become one place mention, replacing the hits inside it.
    /// Unknown sites get an unresolved id in the country of the place their
    /// name holds when the document speaks of that country, else in the
    /// document's main country.
    fn named_sites(
        &self,
        text: &NormalizedText,
        toks: &[Token],
        name_ranges: &[ViewRange],
        focus: &HashMap<String, f64>,
        top_country: Option<&str>,
        found: &mut Vec<Hit>,
    ) {
        let f = text.fold();
        let b = f.as_bytes();
        let words: Vec<&str> = toks.iter().map(|t| &f[t.start..t.end]).collect();
        let capitalized = |k: usize| text.is_upper_at(toks[k].start);
        let joined = |k: usize| k > 0 && joinable(&b[toks[k - 1].end..toks[k].start]);
        let mut sites: Vec<Hit> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            // "presqu'île": a noun joined by an apostrophe to a word that
            // is no elided article or pronoun ("l'île") ends another word.
            let elided = i > 0
                && &f[toks[i - 1].end..toks[i].start] == "'"
                && !matches!(
                    words[i - 1],
                    "l" | "d" | "qu" | "s" | "n" | "j" | "m" | "c" | "t" | "jusqu" | "lorsqu" | "puisqu"
                );
            let Some(p) = (!elided).then(|| self.sites.phrase_at(&words, capitalized, joined, i)).flatten() else {
                i += 1;
                continue;
            };
            // A known name may go on past the capitalized words ("prison
            // civile de Croix-des-Bouquets").
            let name_start = toks[p.name_first].start;
            let name_end = found
                .iter()
                .filter(|h| h.range.start == name_start)
                .map(|h| h.range.end)
                .fold(toks[p.last].end, usize::max);
            let last = p.last + toks[p.last..].iter().take_while(|t| t.end < name_end).count();
            let p = sites::SitePhrase { last, ..p };
            let range = ViewRange::new(toks[p.noun].start, toks[p.last].end);
            let name_range = ViewRange::new(name_start, toks[p.last].end);
            // A site the gazetteer knows by its full name is already a hit.
            let known_whole = found.iter().any(|h| h.range.start <= range.start && h.range.end >= range.end);
            let in_name = name_ranges.iter().any(|n| n.overlaps(range));
            let inner: Vec<&Hit> =
                found.iter().filter(|h| name_range.start <= h.range.start && h.range.end <= name_range.end).collect();
            let inner_is_place =
                inner.iter().any(|h| h.range == name_range && !h.cands.iter().all(|c| c.feature == "country"));
            if known_whole || in_name {
                i = p.last + 1;
                continue;
            }
            let key = words[p.noun..=p.last].join(" ");
            // The gazetteer may know the whole phrase ("parc national du W",
            // "chutes de Koudou") though the matcher did not take it (a
            // lowercase noun and adjective).
            let known = self.lookup(&key);
            if !known.is_empty() {
                sites.push(Hit {
                    range,
                    first: p.noun,
                    last: p.last,
                    cands: known,
                    key,
                    cue: Some(CueKind::Site),
                    fuzzy: false,
                    weak: false,
                });
                i = p.last + 1;
                continue;
            }
            if p.kind != sites::SiteKind::Natural && inner_is_place {
                i = p.last + 1;
                continue;
            }
            let country = inner
                .iter()
                .flat_map(|h| h.cands.iter())
                .filter(|c| c.feature != "country")
                .filter_map(|c| focus.get(&c.country).map(|w| (w, &c.country)))
                .max_by(|a, b| a.0.partial_cmp(b.0).unwrap_or(std::cmp::Ordering::Equal))
                .map(|(_, c)| c.as_str())
                .or(top_country);
            let Some(cc) = country else {
                i = p.last + 1;
                continue;
            };
            let original = text.original_of(range);
            let mut name: String = original.chars().take(1).flat_map(char::to_uppercase).collect();
            name.extend(original.chars().skip(1));
            sites.push(Hit {
                range,
                first: p.noun,
                last: p.last,
                cands: vec![unknown::unresolved_place(cc, &key, &name, "", "site")],
                key,
                cue: None,
                fuzzy: false,
                weak: false,
            });
            i = p.last + 1;
        }
        if sites.is_empty() {
            return;
        }
        found.retain(|h| !sites.iter().any(|s| s.range.overlaps(h.range)));
        found.extend(sites);
        found.sort_by_key(|h| h.range.start);
    }

    /// Applies the case and context rules to a name found at tokens `i..=j`;
    /// returns its candidates when accepted, and whether the acceptance is
    /// weak (to be confirmed by the document's focus).
    #[allow(clippy::too_many_arguments)]
    fn accept(
        &self,
        text: &NormalizedText,
        toks: &[Token],
        i: usize,
        j: usize,
        key: &str,
        cue: Option<CueKind>,
        floor: usize,
    ) -> Option<(Vec<Place>, bool)> {
        let f = text.fold();
        let start = toks[i].start;
        let upper = text.is_upper_at(start);
        let common = self.common.contains(key);
        let strong = cue.is_some_and(CueKind::is_noun);
        let prep = cue.is_some_and(|c| c != CueKind::Of);
        // An event noun announces capitalized names only.
        let prep_lower = cue.is_some_and(|c| !matches!(c, CueKind::Of | CueKind::Event));
        if !upper && common {
            return None;
        }
        if !upper && self.adjective_of_noun(f, toks, i, floor) {
            return None;
        }
        // Short lowercase keys ("ou", "an") are never places without a capital.
        if !upper {
            let first = key.split(' ').next().unwrap_or("");
            // "la défense", "17 mai", "extrême nord": lowercase phrases, not names.
            if key.len() < 4
                || ARTICLES.contains(&first)
                || first.starts_with(|c: char| c.is_ascii_digit())
                || (key.contains(' ')
                    && !strong
                    && !self.named_site(text, toks, i, j)
                    // "au sud de fada N'Gourma": only the first word lost its
                    // capital (not a cue or site noun: "dans la province du Séno").
                    && !(prep_lower
                        && self.cues.kind_of(key.split(' ').next().unwrap_or("")).is_none()
                        && !self.sites.contains(key.split(' ').next().unwrap_or(""))
                        && (i + 1..=j).all(|k| {
                            STOP.contains(&&f[toks[k].start..toks[k].end]) || text.is_upper_at(toks[k].start)
                        })))
                || key.split(' ').all(|w| self.common.contains(w) || STOP.contains(&w))
            {
                return None;
            }
        }
        // A title after an article stands for a person: "le Fon de
        // Babessi", "du Lamido" (a town takes no article).
        if upper && i == j && self.titles.contains(key) && i > 0 && toks[i - 1].start >= floor {
            let p = toks[i - 1];
            if matches!(&f[p.start..start], "le " | "la " | "l'" | "du " | "au ") {
                return None;
            }
        }
        // Part of a longer capitalized name: "Bamoussa Diarra".
        if upper && i == j && !strong {
            let cap_word = |k: usize| {
                let t = toks[k];
                let w = &f[t.start..t.end];
                text.is_upper_at(t.start) && !STOP.contains(&w) && !self.is_all_caps(text, t)
            };
            let before = i > 0 && toks[i - 1].start >= floor && &f[toks[i - 1].end..start] == " " && cap_word(i - 1);
            let after = j + 1 < toks.len() && &f[toks[j].end..toks[j + 1].start] == " " && cap_word(j + 1);
            if (before || after) && !self.is_all_caps(text, toks[i]) {
                return None;
            }
        }
        let mut cands = self.lookup(key);
        // An acronym in running text ("la CAN", "la BAD"): an all-caps word
        // of two to four letters names only a place written so itself
        // ("RDC", "RCA"), unless it heads an all-caps rubric or dateline
        // ("EST – Deux passagers tués", "KADUNA, 26 juillet"), where every
        // name is in capitals.
        let caps = upper && i == j && self.is_all_caps(text, toks[i]);
        let heading = caps && self.caps_heading(text, toks, i);
        if caps && !heading && (2..=4).contains(&key.len()) {
            cands.retain(|p| self.named_in_capitals(key, p));
        }
        if cands.is_empty() {
            return None;
        }
        if upper && i == j && cue.is_none_or(|c| c == CueKind::Of) && town_with_article(f, toks, i, floor, &cands) {
            return None;
        }
        // Part of a person's name: "le président Keïta", "Nasir El-Rufai",
        // "Nandy Somé/Diallo" (only a big place survives).
        if upper && i == j && !strong && self.in_person_name(text, toks, i, floor) && !cands.iter().any(big) {
            return None;
        }
        // A particle inside a person's or a body's name: "le maître Cédric de
        // Pierrepont", "le Quai d'Orsay" — a capitalized word (not the first
        // of its sentence), "de", then this one. Only big places survive
        // ("le Gouverneur de Mopti").
        if upper && i == j && cue == Some(CueKind::Of) && i >= 3 {
            let (y, de) = (toks[i - 2], toks[i - 1]);
            let yw = &f[y.start..y.end];
            if matches!(&f[de.start..de.end], "de" | "d")
                && &f[y.end..de.start] == " "
                && toks[i - 3].start >= floor
                && text.is_upper_at(y.start)
                && !STOP.contains(&yw)
                && !self.is_all_caps(text, y)
                && !self.has_key(yw)
                && !cands.iter().any(big)
            {
                return None;
            }
        }
        if upper {
            // A rubric or dateline names a place as a cue would ("NORD –
            // …"), but only a notable one.
            if common && !prep && heading && cue.is_none() {
                cands.retain(notable);
                return (!cands.is_empty()).then_some((cands, false));
            }
            if common && !prep {
                // A big town counts only by its own name: "Tour" (in "Tour
                // d'horizon") is a variant of Tours, "Paris" Paris itself.
                let exempt = cands.iter().any(|p| {
                    p.feature == "country"
                        || p.feature == "region"
                        || (p.feature == "locality"
                            && p.population >= 100_000
                            && resolve::admin_key(&p.name).replace(' ', "") == key.replace(' ', ""))
                });
                if !exempt {
                    // "chasseurs de Gap": kept if the focus confirms it.
                    return (cue == Some(CueKind::Of) && cands.iter().any(notable)).then_some((cands, true));
                }
            }
        } else if !prep_lower && !cands.iter().any(notable) {
            return None;
        }
        Some((cands, false))
    }

    /// True when token `j` is followed by a hyphen and a capitalized word
    /// that names nothing ("Carrefour" in "Carrefour-Feuilles").
    fn hyphen_head(&self, text: &NormalizedText, toks: &[Token], j: usize) -> bool {
        let f = text.fold();
        j + 1 < toks.len()
            && &f[toks[j].end..toks[j + 1].start] == "-"
            && text.is_upper_at(toks[j + 1].start)
            && !self.has_key(&f[toks[j + 1].start..toks[j + 1].end])
    }

    /// True when token `i` comes right after a noun cue with no "de"
    /// between ("ce village dogon", "la région sahélienne"): lowercase, it
    /// is an adjective, not a name.
    fn adjective_of_noun(&self, f: &str, toks: &[Token], i: usize, floor: usize) -> bool {
        i > 0
            && toks[i - 1].start >= floor
            && &f[toks[i - 1].end..toks[i].start] == " "
            && self.cues.kind_of(&f[toks[i - 1].start..toks[i - 1].end]).is_some_and(CueKind::is_noun)
    }

    /// A lowercase site or locality noun, then a capitalized name, all in
    /// the gazetteer as one name: "lac Tchad", "forêt de Sambisa".
    fn named_site(&self, text: &NormalizedText, toks: &[Token], i: usize, j: usize) -> bool {
        let f = text.fold();
        let first = &f[toks[i].start..toks[i].end];
        matches!(self.cues.kind_of(first), Some(CueKind::Site | CueKind::Locality))
            && (i + 1..=j)
                .find(|&k| !STOP.contains(&&f[toks[k].start..toks[k].end]))
                .is_some_and(|k| text.is_upper_at(toks[k].start))
    }

    /// A name that begins with a division noun ("Région du Nord",
    /// "Province du Yatenga") is that noun as a cue and the name after it:
    /// its key becomes the bare name (so that it counts as the division of
    /// the places in it), and the divisions of that level named so join its
    /// candidates, whatever their own names ("Région du Nord" is a name of
    /// Cameroon's North Region only, but Burkina's Nord is a region too) —
    /// the document's focus then decides.
    #[allow(clippy::too_many_arguments)]
    fn division_phrase(
        &self,
        f: &str,
        toks: &[Token],
        i: usize,
        j: usize,
        key: String,
        cue: Option<CueKind>,
        mut cands: Vec<Place>,
    ) -> (String, Option<CueKind>, Vec<Place>) {
        let word = |k: usize| &f[toks[k].start..toks[k].end];
        let level = match self.cues.kind_of(word(i)) {
            Some(c @ (CueKind::Admin1 | CueKind::Admin2 | CueKind::Admin)) => c,
            _ => return (key, cue, cands),
        };
        let mut k = i + 1;
        while k < j && matches!(word(k), "de" | "du" | "des" | "d" | "l" | "la" | "le") {
            k += 1;
        }
        if k > j {
            return (key, cue, cands);
        }
        let rest: Vec<&str> = (k..=j).map(word).collect();
        let rest = rest.join(" ");
        for p in self.lookup(&rest) {
            let fits = match level {
                CueKind::Admin1 => p.feature == "admin1",
                CueKind::Admin2 => p.feature == "admin2",
                _ => p.feature == "admin1" || p.feature == "admin2",
            };
            if fits && !cands.iter().any(|c| c.id == p.id) {
                cands.push(p);
            }
        }
        (rest, Some(level), cands)
    }

    /// The hyphenated compounds of capitalized words that a division or
    /// settlement noun announces ("le secteur de Beni-Mbau"), or a division
    /// in brackets after them ("Koulogon-Peul (cercle de Bankass)"), and that no
    /// entry names whole, by key, with the end of their announced
    /// occurrence (where a containment phrase may follow).
    fn announced_compounds(
        &self,
        text: &NormalizedText,
        toks: &[Token],
        sentence_floor: &dyn Fn(usize) -> usize,
    ) -> HashMap<String, usize> {
        let f = text.fold();
        let mut out: HashMap<String, usize> = HashMap::new();
        let mut i = 0;
        while i < toks.len() {
            let mut last = i;
            while last + 1 < toks.len()
                && &f[toks[last].end..toks[last + 1].start] == "-"
                && text.is_upper_at(toks[last + 1].start)
            {
                last += 1;
            }
            if !text.is_upper_at(toks[i].start) {
                i = last + 1;
                continue;
            }
            // Or two or three capitalized words joined by spaces ("le
            // quartier d'Unguwar Shuwa", "la chefferie des Bahema Nord"),
            // not an acronym, not the tail of a longer capitalized run.
            let hyphened = last > i;
            let spaced = last == i && {
                let cap = |k: usize| {
                    let w = &f[toks[k].start..toks[k].end];
                    text.is_upper_at(toks[k].start) && !STOP.contains(&w) && !self.is_all_caps(text, toks[k])
                };
                while last + 1 < toks.len()
                    && last < i + 2
                    && &f[toks[last].end..toks[last + 1].start] == " "
                    && cap(last + 1)
                {
                    last += 1;
                }
                last > i
                    && cap(i)
                    && !(i > 0 && &f[toks[i - 1].end..toks[i].start] == " " && cap(i - 1))
                    && !(last + 1 < toks.len() && &f[toks[last].end..toks[last + 1].start] == " " && cap(last + 1))
            };
            if last == i || (!hyphened && !spaced) {
                i += 1;
                continue;
            }
            let key = (i..=last).map(|k| &f[toks[k].start..toks[k].end]).collect::<Vec<_>>().join(" ");
            let floor = sentence_floor(toks[i].start);
            let before: Vec<&str> = (i.saturating_sub(3)..i)
                .rev()
                .take_while(|&k| toks[k].start >= floor && joinable(&f.as_bytes()[toks[k].end..toks[k + 1].start]))
                .map(|k| &f[toks[k].start..toks[k].end])
                .collect();
            // A settlement noun in apposition after it, with a place cue
            // before: "un chef de Kurfar Danya, l'un des villages touchés".
            let apposed = || {
                matches!(self.cues.before(f, toks, i, floor), Some(CueKind::Prep | CueKind::Of | CueKind::Event))
                    && unknown::apposed_settlement_after(f, toks[last].end)
            };
            let announced = unknown::division_or_settlement_cue(&before)
                || unknown::bracketed_division_after(f, toks[last].end).is_some()
                || (spaced && apposed());
            if !self.has_key(&key) && announced {
                out.entry(key).or_insert(toks[last].end);
            }
            i = last + 1;
        }
        out
    }

    /// True when the capitalized word at token `i` reads as part of a
    /// person's name: right after a title ("le président Keïta", "M.
    /// Diallo"), after a name particle and a hyphen ("Nasir El-Rufai",
    /// "al-Baghdadi"), or as the second half of a double surname after a
    /// first name ("Nandy Somé/Diallo").
    fn in_person_name(&self, text: &NormalizedText, toks: &[Token], i: usize, floor: usize) -> bool {
        if i == 0 || toks[i - 1].start < floor {
            return false;
        }
        let f = text.fold();
        let word = |k: usize| &f[toks[k].start..toks[k].end];
        let gap = |k: usize| &f[toks[k - 1].end..toks[k].start];
        let cap = |k: usize| text.is_upper_at(toks[k].start) && !STOP.contains(&word(k));
        match gap(i) {
            " " | ". " => self.titles.contains(word(i - 1)),
            "-" => NAME_PARTICLES.contains(&word(i - 1)),
            "/" => cap(i - 1) && i > 1 && toks[i - 2].start >= floor && gap(i - 1) == " " && cap(i - 2),
            _ => false,
        }
    }

    /// Whether `p` has a name of key `key` written in capitals ("RDC").
    fn named_in_capitals(&self, key: &str, p: &Place) -> bool {
        if self.extra.capitals.contains(&(key.to_string(), p.id.clone())) {
            return true;
        }
        let Some(k) = self.places.find_key(key) else { return false };
        self.places.postings(k).any(|o| {
            let line = self.places.line(o);
            line.split('\t').next() == Some(p.id.as_str())
                && places::row_names(line)
                    .iter()
                    .any(|n| places::written_in_capitals(n) && key::key_of_raw(n, fold) == key)
        })
    }

    /// True when token `i` is in capitals in a line written in capitals
    /// (an all-caps headline), or in the all-caps words that begin a line
    /// and end with a dash, a comma or a colon (a rubric, "EST – …", or a
    /// dateline, "KADUNA, 26 juillet").
    fn caps_heading(&self, text: &NormalizedText, toks: &[Token], i: usize) -> bool {
        let f = text.fold();
        let t = toks[i];
        let line_start = f[..t.start].rfind('\n').map_or(0, |p| p + 1);
        let line_end = f[t.end..].find('\n').map_or(f.len(), |p| t.end + p);
        let line = text.original_of(ViewRange::new(line_start, line_end));
        if !line.chars().any(char::is_lowercase) {
            return true;
        }
        if text.original_of(ViewRange::new(line_start, t.end)).chars().any(char::is_lowercase) {
            return false;
        }
        // The rest of the all-caps run ("BOUCLE DU MOUHOUN –").
        let mut end = t.end;
        for (k, n) in toks.iter().enumerate().skip(i + 1) {
            if n.start >= line_end || !joinable(&f.as_bytes()[toks[k - 1].end..n.start]) || !self.is_all_caps(text, *n)
            {
                break;
            }
            end = n.end;
        }
        f[end..line_end].trim_start().starts_with(['-', ',', ':'])
    }

    fn is_all_caps(&self, text: &NormalizedText, t: Token) -> bool {
        let o = text.original_of(ViewRange::new(t.start, t.end));
        o.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
            && o.chars().filter(|c| c.is_alphabetic()).count() > 1
    }

    /// The closest place name to `word` (edit distance 1, or 2 from 8
    /// letters) among places of the focus countries, with its candidates.
    /// Names the document also writes exactly come first, then closer ones,
    /// then notable ones; `in_doc` says whether the winner is such a name.
    fn fuzzy(
        &self,
        word: &str,
        focus: &HashMap<String, f64>,
        doc_keys: &HashSet<String>,
    ) -> Option<(String, Vec<Place>, bool)> {
        let near = self.near_keys(word);
        // Closest first, a transliteration before a typo at the same distance.
        let mut best: Option<((bool, std::cmp::Reverse<usize>, bool, bool), String, Vec<Place>)> = None;
        for (d, k) in near {
            let cands: Vec<Place> = self.lookup(&k).into_iter().filter(|p| focus.contains_key(&p.country)).collect();
            if cands.is_empty() {
                continue;
            }
            let variant = spelling_key(word) == spelling_key(&k);
            let rank = (doc_keys.contains(&k), std::cmp::Reverse(d), variant, cands.iter().any(notable));
            if best.as_ref().is_none_or(|b| rank > b.0) {
                best = Some((rank, k, cands));
            }
        }
        let ((in_doc, _, variant, is_notable), k, cands) = best?;
        (in_doc || is_notable || variant).then_some((k, cands, in_doc || variant))
    }

    /// The entry of the division `admin1` of `cc` named one letter off
    /// `word`, when there is exactly one such name:
    /// "le village de Mandakao, dans la province du Logone Occidental" is
    /// Mandakaou of that province.
    fn near_in_division(&self, word: &str, cc: &str, admin1: &str) -> Option<(String, Vec<Place>)> {
        if admin1.is_empty() {
            return None;
        }
        let a1 = resolve::admin_key(admin1);
        let mut hits: Vec<(String, Vec<Place>)> = Vec::new();
        for (_, k) in self.near_keys(word).into_iter().filter(|x| x.0 == 1) {
            let cands: Vec<Place> = self
                .lookup(&k)
                .into_iter()
                .filter(|p| p.country == cc && resolve::admin_key(&p.admin1) == a1 && !p.feature.starts_with("admin"))
                .collect();
            if !cands.is_empty() {
                hits.push((k, cands));
            }
        }
        (hits.len() == 1).then(|| hits.remove(0))
    }

    /// The one-word keys within edit distance 1 of `word` (2 from 8
    /// letters) that share its first two letters, with their distance.
    fn near_keys(&self, word: &str) -> Vec<(usize, String)> {
        let max = if word.len() >= 8 { 2 } else { 1 };
        let w = word.as_bytes();
        let mut near: Vec<(usize, String)> = Vec::new();
        let mut consider = |k: &[u8]| {
            if k.contains(&b' ') || k.len().abs_diff(w.len()) > max {
                return;
            }
            if let Some(d) = edit_distance(w, k, max) {
                if d > 0 {
                    near.push((d, String::from_utf8_lossy(k).into_owned()));
                }
            }
        };
        // Keys are sorted: the ones sharing the first two letters are
        // contiguous. Misspellings of the first two letters are rare, and
        // scanning one prefix instead of one initial is ~20 times faster.
        let prefix = &w[..w.len().min(2)];
        let (lo, hi) = if prefix.len() == 2 {
            self.places.prefix_range(prefix)
        } else {
            let lo = self.places.lower_bound(prefix);
            let mut hi = lo;
            while hi < self.places.key_count() && self.places.key(hi).starts_with(prefix) {
                hi += 1;
            }
            (lo, hi)
        };
        for i in lo..hi {
            consider(self.places.key(i));
        }
        for k in self.extra.by_key.keys() {
            if k.as_bytes().starts_with(prefix) {
                consider(k.as_bytes());
            }
        }
        near.sort();
        near.dedup();
        near
    }

    /// The id of an actor or person name or alias (`kind`: `actor` or `person`).
    pub fn canonical_id(&self, kind: &str, name: &str) -> Option<String> {
        match kind {
            "actor" => self.names.id_of(false, name).map(String::from),
            "person" => self.names.id_of(true, name).map(String::from),
            _ => None,
        }
    }
}

/// French gives a town no article: a name right after "le", "la" or "l'"
/// (no place noun before it: the caller checks the cue) whose candidates
/// are all towns or sites, none big, is a company's or a body's name ("la
/// Cotontchad"), not the village named so.
fn town_with_article(f: &str, toks: &[Token], i: usize, floor: usize, cands: &[Place]) -> bool {
    i > 0
        && toks[i - 1].start >= floor
        && matches!(&f[toks[i - 1].start..toks[i].start], "le " | "la " | "l'")
        && !cands.is_empty()
        && cands.iter().all(|c| matches!(c.feature.as_str(), "locality" | "site") && !big(c))
}

/// The compound of `compounds` written at token `i` (parts joined by
/// hyphens only, no longer compound going on): its last token and key.
fn compound_at(f: &str, toks: &[Token], compounds: &HashMap<String, usize>, i: usize) -> Option<(usize, String)> {
    if compounds.is_empty() {
        return None;
    }
    let mut last = i;
    while last + 1 < toks.len() && &f[toks[last].end..toks[last + 1].start] == "-" {
        last += 1;
    }
    if i > 0 && &f[toks[i - 1].end..toks[i].start] == "-" {
        return None;
    }
    if last == i {
        // Words joined by spaces: the longest announced run of two or three.
        while last + 1 < toks.len() && last < i + 2 && &f[toks[last].end..toks[last + 1].start] == " " {
            last += 1;
        }
        while last > i {
            let key = (i..=last).map(|k| &f[toks[k].start..toks[k].end]).collect::<Vec<_>>().join(" ");
            if compounds.contains_key(&key) {
                return Some((last, key));
            }
            last -= 1;
        }
        return None;
    }
    let key = (i..=last).map(|k| &f[toks[k].start..toks[k].end]).collect::<Vec<_>>().join(" ");
    compounds.contains_key(&key).then_some((last, key))
}

/// A word with the spelling differences of French press transliterations
/// erased: doubled letters, a final `e`, `h`, `y` for `i`, `ou` for `u`,
/// English `sh` for French `ch`, `dj` for `j`, `n` for `m` before `b` or
/// `p` ("Diabally" / "Diabaly", "Magnanbougou" / "Magnambougou",
/// "Tinzaouatène" / "Tinzaouaten", "Bambary" / "Bambari", "Kitshanga" /
/// "Kitchanga"). Two names with the same spelling key are variants, not typos
/// of different places.
fn spelling_key(w: &str) -> String {
    let s = w
        .replace("sh", "ch")
        .replace("dj", "j")
        .replace("nb", "mb")
        .replace("np", "mp")
        .replace("ou", "u")
        .replace('y', "i")
        .replace('h', "");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    if out.len() > 3 && out.ends_with('e') {
        out.pop();
    }
    out
}

/// A place worth accepting on weak evidence: a division, a region, a
/// country, a town of 10 000 people or a seat of administration.
fn notable(p: &Place) -> bool {
    // The hand-curated places (`vigie:place/…`) are there because the news names them.
    p.id.starts_with("vigie:place/")
        || matches!(p.feature.as_str(), "country" | "admin1" | "admin2" | "region")
        || p.population >= 10_000
        || matches!(p.code.as_str(), "PPLC" | "PPLA" | "PPLA2")
}

/// A place big enough to be named on weak evidence: a country, a
/// first-level division, a named region or a town of 100 000 people.
fn big(p: &Place) -> bool {
    matches!(p.feature.as_str(), "country" | "admin1" | "region") || p.population >= 100_000
}

/// Id prefix of the places no gazetteer has (see [`unknown`]).
const UNRESOLVED: &str = "vigie:place/unresolved/";

/// Articles: a lowercase name starting with one is a phrase.
const ARTICLES: &[&str] = &["le", "la", "les", "l"];

/// Particles joined by a hyphen to the surname they begin ("El-Rufai", "al-Baghdadi").
const NAME_PARTICLES: &[&str] = &["el", "al", "ag", "ould", "ben", "bin", "ibn", "abu", "abou"];

/// Function words that do not make a neighbouring capitalized word part of a name.
const STOP: &[&str] = &[
    "le", "la", "les", "l", "du", "des", "de", "d", "au", "aux", "en", "a", "et", "dans", "un", "une", "ce", "cette",
    "selon", "depuis", "vers", "pres", "apres", "avant", "entre", "sur", "pour", "par",
];

#[cfg(test)]
mod tests;
