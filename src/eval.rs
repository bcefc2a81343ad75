//! Evaluation against the annotated corpus (`corpus/`, format in
//! `corpus/README.md`): the gold checker, the scorer behind `vigie eval`, and
//! the baseline gate that `cargo test` runs.
//!
//! Scoring rules (also in `corpus/README.md`):
//!
//! * **Mentions** (date, place, actor, person, casualty): a predicted mention
//!   *matches* a gold mention of the same kind when their spans overlap; it is
//!   *right* when it matches and its values agree (date: `value` and `end`;
//!   place: `id` when the gold has one, else folded name and country; actor and
//!   person: same id or folded name; casualty: `type`, `low`/`best`/`high`,
//!   `victims` and `negated`). Precision = right / predicted, recall = right /
//!   gold. Place *resolution* is the share of span-matched gold places with an
//!   id whose predicted id is the same.
//! * **Events**: a predicted event can pair with a gold event when their dates
//!   agree (both null, or intervals that overlap — a day inside a gold month
//!   agrees) and their places agree (same id; same folded name and country;
//!   same admin1 when one of them is an admin1 or the names differ; or both
//!   null). Pairs are taken greedily by agreement strength (exact date, same
//!   place, same type first). Field accuracies are computed on the pairs.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::decode::decode;
use crate::input::{parse_date, read_path};
use crate::model::{check_span, Document, Event, Mention};
use crate::normalize::fold;
use crate::pipeline::Extractor;
use crate::span::Span;

/// A gold annotation file (`NAME.gold.json`).
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Gold {
    /// `vigie-gold/1`.
    pub schema: String,
    /// Publication date or null.
    pub published: Option<String>,
    /// Expected `document.encoding`.
    pub encoding: String,
    /// True for articles that report no violent event.
    pub control: bool,
    /// What the article exercises.
    #[serde(default)]
    pub notes: String,
    /// Gold events.
    pub events: Vec<GoldEvent>,
    /// Gold mentions.
    pub mentions: Vec<GoldMention>,
}

/// A gold mention; kind-specific fields are optional.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GoldMention {
    /// date, place, actor, person, casualty.
    pub kind: String,
    /// Where.
    pub span: Span,
    /// Date value.
    #[serde(default)]
    pub value: Option<String>,
    /// Date range end.
    #[serde(default)]
    pub end: Option<String>,
    /// Date precision.
    #[serde(default)]
    pub precision: Option<String>,
    /// Place/actor/person canonical name.
    #[serde(default)]
    pub name: Option<String>,
    /// Place id.
    #[serde(default)]
    pub id: Option<String>,
    /// Place country.
    #[serde(default)]
    pub country: Option<String>,
    /// Place admin1.
    #[serde(default)]
    pub admin1: Option<String>,
    /// Casualty type.
    #[serde(default, rename = "type")]
    pub kind_of: Option<String>,
    /// Casualty low.
    #[serde(default)]
    pub low: Option<u64>,
    /// Casualty best.
    #[serde(default)]
    pub best: Option<u64>,
    /// Casualty high.
    #[serde(default)]
    pub high: Option<u64>,
    /// Casualty qualifier.
    #[serde(default)]
    pub qualifier: Option<String>,
    /// Casualty victims.
    #[serde(default)]
    pub victims: Option<String>,
    /// Negated casualty.
    #[serde(default)]
    pub negated: Option<bool>,
}

/// A gold event.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GoldEvent {
    /// Unique within the file.
    pub id: String,
    /// SPEC event type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Date.
    pub date: Option<GoldDate>,
    /// Location.
    pub location: Option<GoldLocation>,
    /// Actors with roles.
    #[serde(default)]
    pub actors: Vec<GoldActor>,
    /// Casualty counts.
    #[serde(default)]
    pub casualties: Vec<GoldCasualty>,
    /// Certainty.
    #[serde(default)]
    pub certainty: Option<String>,
    /// A background event from earlier.
    #[serde(default)]
    pub background: bool,
}

/// A gold event date.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GoldDate {
    /// Start.
    pub value: Option<String>,
    /// End of a range.
    #[serde(default)]
    pub end: Option<String>,
    /// Precision.
    #[serde(default)]
    pub precision: Option<String>,
}

/// A gold event location.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GoldLocation {
    /// Name.
    pub name: String,
    /// Id, when known.
    #[serde(default)]
    pub id: Option<String>,
    /// Country.
    #[serde(default)]
    pub country: Option<String>,
    /// Admin1.
    #[serde(default)]
    pub admin1: Option<String>,
}

/// A gold event actor.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GoldActor {
    /// perpetrator or target.
    pub role: String,
    /// Name or alias.
    pub name: String,
}

/// A gold event casualty count.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GoldCasualty {
    /// Type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Low.
    #[serde(default)]
    pub low: Option<u64>,
    /// Best.
    #[serde(default)]
    pub best: Option<u64>,
    /// High.
    #[serde(default)]
    pub high: Option<u64>,
    /// Qualifier.
    #[serde(default)]
    pub qualifier: Option<String>,
    /// Victims.
    #[serde(default)]
    pub victims: Option<String>,
}

/// One article of the corpus: its text file and its gold.
#[derive(Debug, Clone)]
pub struct CorpusItem {
    /// `NAME.txt`.
    pub text_path: PathBuf,
    /// `NAME.gold.json`.
    pub gold_path: PathBuf,
    /// The parsed gold.
    pub gold: Gold,
}

const EVENT_TYPES: &[&str] = &[
    "attack",
    "ambush",
    "explosion",
    "airstrike",
    "armed_clash",
    "massacre",
    "kidnapping",
    "arrest",
    "protest",
    "riot",
    "looting",
    "agreement",
    "other",
];
const CASUALTY_TYPES: &[&str] = &["killed", "injured", "kidnapped", "missing", "arrested", "displaced"];
const VICTIMS: &[&str] = &["military", "police", "civilian", "peacekeepers", "armed_group", "unknown"];
const QUALIFIERS: &[&str] = &["exact", "at_least", "more_than", "at_most", "less_than", "approx", "range", "vague"];
const CERTAINTY: &[&str] = &["confirmed", "reported", "alleged", "denied", "hypothetical"];
const KINDS: &[&str] = &["date", "place", "actor", "person", "casualty"];

/// Finds every `*.gold.json` under `dir`, sorted.
pub fn gold_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.to_string_lossy().ends_with(".gold.json") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Loads a corpus folder; problems are returned as messages naming the file.
pub fn load_corpus(dir: &Path) -> (Vec<CorpusItem>, Vec<String>) {
    let mut items = Vec::new();
    let mut errors = Vec::new();
    for gold_path in gold_files(dir) {
        let text_path = PathBuf::from(gold_path.to_string_lossy().trim_end_matches(".gold.json").to_string() + ".txt");
        let raw = match std::fs::read(&gold_path) {
            Ok(r) => r,
            Err(e) => {
                errors.push(format!("{}: cannot read: {e}", gold_path.display()));
                continue;
            }
        };
        match serde_json::from_slice::<Gold>(&raw) {
            Ok(gold) => items.push(CorpusItem { text_path, gold_path, gold }),
            Err(e) => errors.push(format!("{}: not a gold file: {e}", gold_path.display())),
        }
    }
    (items, errors)
}

/// Validates one gold file against its text: spans slice the text, dates
/// parse, ids are unique, values are from the documented sets, the sidecar
/// agrees. Returns one message per problem.
pub fn check_gold(item: &CorpusItem) -> Vec<String> {
    let g = &item.gold;
    let at = item.gold_path.display().to_string();
    let mut errs = Vec::new();
    let bytes = match std::fs::read(&item.text_path) {
        Ok(b) => b,
        Err(e) => return vec![format!("{at}: text {}: {e}", item.text_path.display())],
    };
    let decoded = match decode(&bytes) {
        Ok(d) => d,
        Err(e) => return vec![format!("{at}: text does not decode: {e}")],
    };
    if g.schema != "vigie-gold/1" {
        errs.push(format!("{at}: schema {:?} is not vigie-gold/1", g.schema));
    }
    if decoded.encoding.name() != g.encoding {
        errs.push(format!("{at}: encoding is {} but gold says {}", decoded.encoding.name(), g.encoding));
    }
    if let Some(p) = &g.published {
        if parse_date(p).is_none() {
            errs.push(format!("{at}: published {p:?} is not a date"));
        }
    }
    let side = item.text_path.with_extension("json");
    match std::fs::read(&side).ok().and_then(|r| serde_json::from_slice::<serde_json::Value>(&r).ok()) {
        Some(v) => {
            let sp = v.get("published").and_then(|p| p.as_str()).map(str::to_string);
            if sp != g.published {
                errs.push(format!("{at}: sidecar published {sp:?} differs from gold {:?}", g.published));
            }
        }
        None => errs.push(format!("{at}: missing or invalid sidecar {}", side.display())),
    }
    let mut seen = HashSet::new();
    for m in &g.mentions {
        let what = format!("{at}: {} mention {:?}", m.kind, m.span.text);
        if !KINDS.contains(&m.kind.as_str()) {
            errs.push(format!("{what}: unknown kind"));
        }
        if let Err(e) = check_span(&decoded.text, &m.span) {
            errs.push(format!("{what}: {e}"));
        }
        if !seen.insert((m.kind.clone(), m.span.start, m.span.end)) {
            errs.push(format!("{what}: duplicate"));
        }
        match m.kind.as_str() {
            "date" => {
                for v in [&m.value, &m.end].into_iter().flatten() {
                    if interval(v).is_none() {
                        errs.push(format!("{what}: bad date {v:?}"));
                    }
                }
            }
            "casualty" => {
                if !m.kind_of.as_deref().is_some_and(|t| CASUALTY_TYPES.contains(&t)) {
                    errs.push(format!("{what}: bad type {:?}", m.kind_of));
                }
                if !m.victims.as_deref().is_some_and(|t| VICTIMS.contains(&t)) {
                    errs.push(format!("{what}: bad victims {:?}", m.victims));
                }
                if !m.qualifier.as_deref().is_some_and(|t| QUALIFIERS.contains(&t)) {
                    errs.push(format!("{what}: bad qualifier {:?}", m.qualifier));
                }
            }
            "place" | "actor" | "person" if m.name.as_deref().is_none_or(str::is_empty) => {
                errs.push(format!("{what}: no name"));
            }
            _ => {}
        }
    }
    let mut ids = HashSet::new();
    for e in &g.events {
        let what = format!("{at}: event {}", e.id);
        if !ids.insert(e.id.clone()) {
            errs.push(format!("{what}: duplicate id"));
        }
        if !EVENT_TYPES.contains(&e.kind.as_str()) {
            errs.push(format!("{what}: bad type {:?}", e.kind));
        }
        if let Some(c) = &e.certainty {
            if !CERTAINTY.contains(&c.as_str()) {
                errs.push(format!("{what}: bad certainty {c:?}"));
            }
        }
        if let Some(d) = &e.date {
            for v in [&d.value, &d.end].into_iter().flatten() {
                if interval(v).is_none() {
                    errs.push(format!("{what}: bad date {v:?}"));
                }
            }
        }
        for c in &e.casualties {
            if !CASUALTY_TYPES.contains(&c.kind.as_str()) {
                errs.push(format!("{what}: bad casualty type {:?}", c.kind));
            }
        }
        for a in &e.actors {
            if !["perpetrator", "target", "party"].contains(&a.role.as_str()) {
                errs.push(format!("{what}: bad actor role {:?}", a.role));
            }
        }
    }
    if g.control && !g.events.is_empty() {
        errs.push(format!("{at}: a control article has events"));
    }
    errs
}

/// The calendar interval of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn interval(v: &str) -> Option<(NaiveDate, NaiveDate)> {
    let parts: Vec<&str> = v.split('-').collect();
    let y: i32 = parts.first()?.parse().ok()?;
    if parts[0].len() != 4 {
        return None;
    }
    match parts.len() {
        1 => Some((NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?)),
        2 => {
            let m: u32 = parts[1].parse().ok()?;
            let start = NaiveDate::from_ymd_opt(y, m, 1)?;
            let next =
                if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1)? } else { NaiveDate::from_ymd_opt(y, m + 1, 1)? };
            Some((start, next.pred_opt()?))
        }
        3 => {
            let d = NaiveDate::from_ymd_opt(y, parts[1].parse().ok()?, parts[2].parse().ok()?)?;
            Some((d, d))
        }
        _ => None,
    }
}

fn span_interval(value: &str, end: Option<&str>) -> Option<(NaiveDate, NaiveDate)> {
    let (a, b) = interval(value)?;
    match end.and_then(interval) {
        Some((_, e)) => Some((a, e.max(b))),
        None => Some((a, b)),
    }
}

/// Precision, recall, F1 counts.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq)]
pub struct Prf {
    /// Right predictions.
    pub tp: usize,
    /// Wrong or spurious predictions.
    pub fp: usize,
    /// Missed gold items.
    pub fn_: usize,
}

impl Prf {
    /// Precision (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    /// Recall (1 when there was nothing to find).
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Prf) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// Right / total counts of a field.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq)]
pub struct Accuracy {
    /// Right.
    pub right: usize,
    /// Judged.
    pub total: usize,
}

impl Accuracy {
    /// right / total (1 when nothing was judged).
    pub fn value(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.right as f64 / self.total as f64
        }
    }
    fn judge(&mut self, ok: bool) {
        self.total += 1;
        self.right += ok as usize;
    }
}

/// Everything `vigie eval` measures on a corpus folder.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Articles scored.
    pub articles: usize,
    /// Mention scores per kind.
    pub mentions: BTreeMap<String, Prf>,
    /// Place resolution: right id among span-matched gold places with an id.
    pub place_resolution: Accuracy,
    /// Event detection.
    pub events: Prf,
    /// Field accuracy on matched events.
    pub fields: BTreeMap<String, Accuracy>,
    /// Events predicted on control articles.
    pub control_events: usize,
    /// Human-readable list of what is wrong, per article.
    pub problems: Vec<String>,
    /// Gold files that failed to load or check, and inputs that failed.
    pub errors: Vec<String>,
}

impl Report {
    /// The flat scores compared with the baseline.
    pub fn scores(&self) -> BTreeMap<String, f64> {
        let mut s = BTreeMap::new();
        for (k, p) in &self.mentions {
            s.insert(format!("mention.{k}.precision"), p.precision());
            s.insert(format!("mention.{k}.recall"), p.recall());
            s.insert(format!("mention.{k}.f1"), p.f1());
        }
        s.insert("place.resolution".into(), self.place_resolution.value());
        s.insert("event.precision".into(), self.events.precision());
        s.insert("event.recall".into(), self.events.recall());
        s.insert("event.f1".into(), self.events.f1());
        for (k, a) in &self.fields {
            s.insert(format!("field.{k}"), a.value());
        }
        s.insert("control.no_events".into(), if self.control_events == 0 { 1.0 } else { 0.0 });
        s
    }

    /// A text table of the scores.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "articles: {}", self.articles);
        let _ = writeln!(
            out,
            "{:<22} {:>9} {:>9} {:>9} {:>6} {:>6} {:>6}",
            "mentions", "precision", "recall", "f1", "tp", "fp", "fn"
        );
        for (k, p) in &self.mentions {
            let _ = writeln!(
                out,
                "{:<22} {:>9.3} {:>9.3} {:>9.3} {:>6} {:>6} {:>6}",
                k,
                p.precision(),
                p.recall(),
                p.f1(),
                p.tp,
                p.fp,
                p.fn_
            );
        }
        let e = &self.events;
        let _ = writeln!(
            out,
            "{:<22} {:>9.3} {:>9.3} {:>9.3} {:>6} {:>6} {:>6}",
            "events",
            e.precision(),
            e.recall(),
            e.f1(),
            e.tp,
            e.fp,
            e.fn_
        );
        let pr = &self.place_resolution;
        let _ = writeln!(out, "{:<22} {:>9.3} ({}/{})", "place resolution", pr.value(), pr.right, pr.total);
        let _ = writeln!(out, "field accuracy on matched events:");
        for (k, a) in &self.fields {
            let _ = writeln!(out, "  {:<20} {:>9.3} ({}/{})", k, a.value(), a.right, a.total);
        }
        let _ = writeln!(out, "events on control articles: {}", self.control_events);
        out
    }
}

/// Scores the extractor on every article of a corpus folder.
pub fn evaluate(extractor: &Extractor, dir: &Path) -> Report {
    let (items, load_errors) = load_corpus(dir);
    let mut report = Report { errors: load_errors, ..Report::default() };
    for kind in KINDS {
        report.mentions.insert(kind.to_string(), Prf::default());
    }
    for item in &items {
        let problems = check_gold(item);
        if !problems.is_empty() {
            report.errors.extend(problems);
            continue;
        }
        let results = read_path(&item.text_path);
        let doc = match results.into_iter().next() {
            Some(Ok(article)) => match extractor.extract(&article) {
                Ok(d) => d,
                Err(e) => {
                    report.errors.push(e.to_string());
                    continue;
                }
            },
            Some(Err(e)) => {
                report.errors.push(e.to_string());
                continue;
            }
            None => continue,
        };
        report.articles += 1;
        // The span invariant holds on every output.
        if let Ok(d) = std::fs::read(&item.text_path).map(|b| decode(&b)) {
            if let Ok(d) = d {
                if let Err(e) = doc.check_spans(&d.text) {
                    report.errors.push(format!("{}: {e}", item.text_path.display()));
                }
            }
        }
        score_article(extractor, item, &doc, &mut report);
    }
    report
}

fn name_key(extractor: &Extractor, kind: &str, name: &str) -> String {
    extractor.canonical_id(kind, name).unwrap_or_else(|| fold(name))
}

fn score_article(extractor: &Extractor, item: &CorpusItem, doc: &Document, report: &mut Report) {
    let name = item.text_path.file_stem().and_then(|s| s.to_str()).unwrap_or("?").to_string();
    let gold = &item.gold;
    // Mentions, per kind.
    for kind in KINDS {
        let golds: Vec<&GoldMention> = gold.mentions.iter().filter(|m| m.kind == *kind).collect();
        let preds: Vec<&Mention> = doc.mentions.iter().filter(|m| m.kind() == *kind).collect();
        let mut used = vec![false; preds.len()];
        let mut prf = Prf::default();
        for g in &golds {
            // The best overlapping prediction: a right one if there is one.
            let cands: Vec<usize> =
                (0..preds.len()).filter(|&i| !used[i] && preds[i].span().overlaps(&g.span)).collect();
            let right = cands.iter().copied().find(|&i| mention_agrees(extractor, g, preds[i]));
            match right.or(cands.first().copied()) {
                Some(i) => {
                    used[i] = true;
                    if right.is_some() {
                        prf.tp += 1;
                    } else {
                        prf.fp += 1;
                        prf.fn_ += 1;
                        report.problems.push(format!(
                            "{name}: {kind} {:?} at {}: gold {} / got {}",
                            g.span.text,
                            g.span.start,
                            gold_values(g),
                            pred_values(preds[i])
                        ));
                    }
                    if *kind == "place" {
                        if let (Some(gid), Mention::Place(p)) = (&g.id, preds[i]) {
                            report.place_resolution.judge(*gid == p.id);
                        }
                    }
                }
                None => {
                    prf.fn_ += 1;
                    report.problems.push(format!(
                        "{name}: missed {kind} {:?} at {} ({})",
                        g.span.text,
                        g.span.start,
                        gold_values(g)
                    ));
                }
            }
        }
        for (i, p) in preds.iter().enumerate() {
            if !used[i] {
                prf.fp += 1;
                report.problems.push(format!(
                    "{name}: spurious {kind} {:?} at {} ({})",
                    p.span().text,
                    p.span().start,
                    pred_values(p)
                ));
            }
        }
        report.mentions.get_mut(*kind).expect("kind registered").add(prf);
    }
    if gold.control {
        report.control_events += doc.events.len();
        for e in &doc.events {
            report.problems.push(format!("{name}: event on a control article: {} {:?}", e.kind, e.evidence.text));
        }
    }
    score_events(extractor, &name, gold, doc, report);
}

fn gold_values(g: &GoldMention) -> String {
    match g.kind.as_str() {
        "date" => format!("{} .. {}", g.value.as_deref().unwrap_or("null"), g.end.as_deref().unwrap_or("null")),
        "place" => format!(
            "{} {} {}",
            g.name.as_deref().unwrap_or(""),
            g.id.as_deref().unwrap_or("-"),
            g.country.as_deref().unwrap_or("")
        ),
        "casualty" => format!(
            "{} {:?}/{:?}/{:?} {}{}",
            g.kind_of.as_deref().unwrap_or(""),
            g.low,
            g.best,
            g.high,
            g.victims.as_deref().unwrap_or(""),
            if g.negated == Some(true) { " negated" } else { "" }
        ),
        _ => g.name.clone().unwrap_or_default(),
    }
}

fn pred_values(m: &Mention) -> String {
    match m {
        Mention::Date(d) => {
            format!("{} .. {}", d.value.as_deref().unwrap_or("null"), d.end.as_deref().unwrap_or("null"))
        }
        Mention::Place(p) => format!("{} {} {}", p.name, p.id, p.country),
        Mention::Casualty(c) => format!(
            "{} {:?}/{:?}/{:?} {}{}",
            c.kind,
            c.low,
            c.best,
            c.high,
            c.victims,
            if c.negated { " negated" } else { "" }
        ),
        Mention::Actor(a) => format!("{} {}", a.name, a.id),
        Mention::Person(p) => format!("{} {}", p.name, p.id),
        Mention::Number(_) | Mention::Trigger(_) => String::new(),
    }
}

fn mention_agrees(extractor: &Extractor, g: &GoldMention, p: &Mention) -> bool {
    match p {
        Mention::Date(d) => d.value == g.value && d.end == g.end,
        Mention::Place(pl) => match &g.id {
            Some(id) => *id == pl.id,
            None => {
                g.name.as_deref().is_some_and(|n| fold(n) == fold(&pl.name))
                    && g.country.as_deref().is_none_or(|c| c == pl.country)
            }
        },
        Mention::Actor(a) => {
            g.name.as_deref().is_some_and(|n| name_key(extractor, "actor", n) == a.id || fold(n) == fold(&a.name))
        }
        Mention::Person(a) => {
            g.name.as_deref().is_some_and(|n| name_key(extractor, "person", n) == a.id || fold(n) == fold(&a.name))
        }
        Mention::Casualty(c) => {
            g.kind_of.as_deref() == Some(c.kind.as_str())
                && g.victims.as_deref() == Some(c.victims.as_str())
                && g.negated.unwrap_or(false) == c.negated
                && (c.negated || (g.low == c.low && g.best == c.best && g.high == c.high))
        }
        Mention::Number(_) | Mention::Trigger(_) => false,
    }
}

/// How well a predicted event agrees with a gold event: None when they
/// cannot be the same event, else a strength for greedy pairing.
fn event_agreement(p: &Event, g: &GoldEvent) -> Option<u32> {
    let date = match (&p.date, g.date.as_ref().and_then(|d| d.value.as_ref().map(|v| (v, d.end.as_deref())))) {
        (None, None) => 1,
        (Some(pd), Some((gv, ge))) => {
            if pd.value == *gv && pd.end.as_deref() == ge {
                3
            } else {
                let a = span_interval(&pd.value, pd.end.as_deref())?;
                let b = span_interval(gv, ge)?;
                if a.0 <= b.1 && b.0 <= a.1 {
                    2
                } else {
                    return None;
                }
            }
        }
        _ => return None,
    };
    let place = match (&p.location, &g.location) {
        (None, None) => 1,
        (Some(pl), Some(gl)) => {
            if gl.id.as_deref() == Some(pl.id.as_str())
                || (fold(&gl.name) == fold(&pl.name) && gl.country.as_deref().is_none_or(|c| c == pl.country))
            {
                3
            } else if gl.admin1.is_some() && gl.admin1.as_deref().map(fold) == pl.admin1.as_deref().map(fold) {
                2
            } else {
                return None;
            }
        }
        _ => return None,
    };
    Some(date + place + if p.kind == g.kind { 2 } else { 0 })
}

fn score_events(extractor: &Extractor, name: &str, gold: &Gold, doc: &Document, report: &mut Report) {
    let mut pairs: Vec<(u32, usize, usize)> = Vec::new();
    for (pi, p) in doc.events.iter().enumerate() {
        for (gi, g) in gold.events.iter().enumerate() {
            if let Some(s) = event_agreement(p, g) {
                pairs.push((s, pi, gi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut p_used = vec![false; doc.events.len()];
    let mut g_used = vec![false; gold.events.len()];
    let mut matched = Vec::new();
    for (_, pi, gi) in pairs {
        if !p_used[pi] && !g_used[gi] {
            p_used[pi] = true;
            g_used[gi] = true;
            matched.push((pi, gi));
        }
    }
    report.events.tp += matched.len();
    for (gi, g) in gold.events.iter().enumerate() {
        if !g_used[gi] {
            report.events.fn_ += 1;
            report.problems.push(format!(
                "{name}: missed event {} {} at {} on {}",
                g.id,
                g.kind,
                g.location.as_ref().map(|l| l.name.as_str()).unwrap_or("?"),
                g.date.as_ref().and_then(|d| d.value.as_deref()).unwrap_or("?")
            ));
        }
    }
    for (pi, p) in doc.events.iter().enumerate() {
        if !p_used[pi] {
            report.events.fp += 1;
            report.problems.push(format!(
                "{name}: spurious event {} at {} on {}: {:?}",
                p.kind,
                p.location.as_ref().map(|l| l.name.as_str()).unwrap_or("?"),
                p.date.as_ref().map(|d| d.value.as_str()).unwrap_or("?"),
                short(&p.evidence.text)
            ));
        }
    }
    for (pi, gi) in matched {
        let (p, g) = (&doc.events[pi], &gold.events[gi]);
        let mut judge = |field: &str, ok: bool, got: String, want: String| {
            report.fields.entry(field.to_string()).or_default().judge(ok);
            if !ok {
                report.problems.push(format!("{name}: event {} {field}: gold {want} / got {got}", g.id));
            }
        };
        judge("type", p.kind == g.kind, p.kind.clone(), g.kind.clone());
        let pd = p.date.as_ref().map(|d| (d.value.clone(), d.end.clone()));
        let gd = g.date.as_ref().and_then(|d| d.value.clone().map(|v| (v, d.end.clone())));
        judge("date", pd == gd, format!("{pd:?}"), format!("{gd:?}"));
        let pl = p.location.as_ref();
        let gl = g.location.as_ref();
        let loc_ok = match (pl, gl) {
            (None, None) => true,
            (Some(a), Some(b)) => {
                b.id.as_deref() == Some(a.id.as_str()) || (b.id.is_none() && fold(&a.name) == fold(&b.name))
            }
            _ => false,
        };
        judge("location", loc_ok, format!("{:?}", pl.map(|l| &l.name)), format!("{:?}", gl.map(|l| &l.name)));
        let pc = pl.map(|l| l.country.clone());
        let gc = gl.and_then(|l| l.country.clone());
        judge("country", pc == gc, format!("{pc:?}"), format!("{gc:?}"));
        for kind in CASUALTY_TYPES {
            let mut gs: Vec<(String, Option<u64>)> = g
                .casualties
                .iter()
                .filter(|c| c.kind == *kind)
                .map(|c| (c.victims.clone().unwrap_or_default(), c.best.or(c.low)))
                .collect();
            let mut ps: Vec<(String, Option<u64>)> = p
                .casualties
                .iter()
                .filter(|c| c.kind == *kind)
                .map(|c| (c.victims.clone(), c.best.or(c.low)))
                .collect();
            if gs.is_empty() && ps.is_empty() {
                continue;
            }
            gs.sort();
            ps.sort();
            judge(&format!("casualties.{kind}"), gs == ps, format!("{ps:?}"), format!("{gs:?}"));
        }
        if !g.actors.is_empty() || !p.actors.is_empty() {
            let mut ga: Vec<(String, String)> =
                g.actors.iter().map(|a| (a.role.clone(), name_key(extractor, "actor", &a.name))).collect();
            let mut pa: Vec<(String, String)> =
                p.actors.iter().map(|a| (a.role.clone(), a.id.clone().unwrap_or_else(|| fold(&a.name)))).collect();
            ga.sort();
            ga.dedup();
            pa.sort();
            pa.dedup();
            judge("actors", ga == pa, format!("{pa:?}"), format!("{ga:?}"));
        }
    }
}

fn short(s: &str) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() > 80 {
        one.chars().take(77).collect::<String>() + "..."
    } else {
        one
    }
}

/// The recorded scores (`corpus/baseline.json`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Baseline {
    /// A score may drop by this much before the gate fails.
    pub tolerance: f64,
    /// Scores per corpus folder (`test`, `dev`), by metric name.
    pub scores: BTreeMap<String, BTreeMap<String, f64>>,
}

/// Scores below the baseline by more than its tolerance, as messages.
pub fn regressions(baseline: &Baseline, folder: &str, scores: &BTreeMap<String, f64>) -> Vec<String> {
    let Some(base) = baseline.scores.get(folder) else { return vec![] };
    let mut out = Vec::new();
    for (k, &b) in base {
        let now = scores.get(k).copied().unwrap_or(0.0);
        if now < b - baseline.tolerance {
            out.push(format!("{folder}: {k} fell from {b:.3} to {now:.3}"));
        }
    }
    out
}

/// Rounds scores for storing in the baseline (stable diffs).
pub fn rounded(scores: &BTreeMap<String, f64>) -> BTreeMap<String, f64> {
    scores.iter().map(|(k, v)| (k.clone(), (v * 1000.0).floor() / 1000.0)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_of_each_precision() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(interval("2019"), Some((d("2019-01-01"), d("2019-12-31"))));
        assert_eq!(interval("2020-02"), Some((d("2020-02-01"), d("2020-02-29"))));
        assert_eq!(interval("2019-03-17"), Some((d("2019-03-17"), d("2019-03-17"))));
        assert_eq!(interval("2019-13"), None);
        assert_eq!(interval("19-03"), None);
    }

    #[test]
    fn prf_edge_cases() {
        let p = Prf { tp: 3, fp: 1, fn_: 2 };
        assert!((p.precision() - 0.75).abs() < 1e-9);
        assert!((p.recall() - 0.6).abs() < 1e-9);
        assert_eq!(Prf::default().f1(), 1.0);
    }

    #[test]
    fn regressions_respect_tolerance() {
        let mut base = BTreeMap::new();
        base.insert("test".to_string(), BTreeMap::from([("event.f1".to_string(), 0.9)]));
        let b = Baseline { tolerance: 0.02, scores: base };
        assert!(regressions(&b, "test", &BTreeMap::from([("event.f1".to_string(), 0.89)])).is_empty());
        assert_eq!(regressions(&b, "test", &BTreeMap::from([("event.f1".to_string(), 0.85)])).len(), 1);
    }
}
