//! The output contract (SPEC.md): documents, mentions, events, warnings.
//!
//! These types serialize exactly as the contract shows; `schema/vigie.schema.json`
//! is generated from them (`vigie schema`) and every corpus output is checked
//! against it in the tests. Field order is the declaration order, so output is
//! byte-for-byte deterministic.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::span::Span;

/// The schema tag written in every document object.
pub const SCHEMA: &str = "vigie/1";

/// One processed article: what it is, what was recognized, the events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Where the article came from and how it was read.
    pub document: DocumentInfo,
    /// Everything recognized, event or not, in text order.
    pub mentions: Vec<Mention>,
    /// The events, in order of their evidence.
    pub events: Vec<Event>,
    /// Problems worth a look (unresolved dates, fuzzy place matches…).
    pub warnings: Vec<Warning>,
}

/// Metadata of a processed article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DocumentInfo {
    /// The article's id: the file stem, or the `id` of a JSONL record.
    pub id: String,
    /// The path (or `path:line` for JSONL records, `-` for stdin).
    pub source: String,
    /// SHA-256 of the raw input bytes, hex.
    pub sha256: String,
    /// The detected encoding (`utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `windows-1252`…).
    pub encoding: String,
    /// Publication date `YYYY-MM-DD`, when known.
    pub published: Option<String>,
    /// Length of the original text in code points.
    pub chars: usize,
    /// The article's URL, when given by sidecar or record.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<String>,
    /// The article's title, when given by sidecar or record.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub title: Option<String>,
}

/// A recognized mention: its kind, its span and kind-specific fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Mention {
    /// A place, resolved to a gazetteer entry.
    Place(PlaceMention),
    /// An armed actor, force or organisation.
    Actor(ActorMention),
    /// A named person.
    Person(PersonMention),
    /// A temporal expression resolved to calendar values.
    Date(DateMention),
    /// A quantity.
    Number(NumberMention),
    /// A count of people killed, injured, kidnapped…
    Casualty(CasualtyMention),
    /// A word or phrase that signals an event.
    Trigger(TriggerMention),
}

impl Mention {
    /// The mention's span in the original text.
    pub fn span(&self) -> &Span {
        match self {
            Mention::Place(m) => &m.span,
            Mention::Actor(m) => &m.span,
            Mention::Person(m) => &m.span,
            Mention::Date(m) => &m.span,
            Mention::Number(m) => &m.span,
            Mention::Casualty(m) => &m.span,
            Mention::Trigger(m) => &m.span,
        }
    }

    /// The kind as written in `kind`.
    pub fn kind(&self) -> &'static str {
        match self {
            Mention::Place(_) => "place",
            Mention::Actor(_) => "actor",
            Mention::Person(_) => "person",
            Mention::Date(_) => "date",
            Mention::Number(_) => "number",
            Mention::Casualty(_) => "casualty",
            Mention::Trigger(_) => "trigger",
        }
    }
}

/// A place mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PlaceMention {
    /// Where it is written.
    pub span: Span,
    /// Canonical name.
    pub name: String,
    /// Gazetteer id (`geonames:2458636`, `osm:…`, `vigie:place/…`).
    pub id: String,
    /// ISO 3166 alpha-2 country code.
    pub country: String,
    /// First-level division name.
    pub admin1: Option<String>,
    /// Second-level division name.
    pub admin2: Option<String>,
    /// Latitude, WGS84.
    pub lat: Option<f64>,
    /// Longitude, WGS84.
    pub lon: Option<f64>,
    /// `locality`, `admin1`, `admin2`, `country`, `region` or `site`.
    pub feature: String,
    /// Other candidate ids when the name is ambiguous, best first.
    pub alternatives: Vec<String>,
}

/// An actor mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ActorMention {
    /// Where it is written.
    pub span: Span,
    /// Canonical name.
    pub name: String,
    /// Gazetteer id.
    pub id: String,
    /// `armed_group`, `state_force`, `international_force`, `militia`, `political`, `civilians`, `other`.
    pub category: String,
    /// Main country (ISO alpha-2), when the actor has one.
    pub country: Option<String>,
}

/// A person mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PersonMention {
    /// Where it is written.
    pub span: Span,
    /// Canonical name.
    pub name: String,
    /// Gazetteer id.
    pub id: String,
    /// Roles, e.g. `["armed_group_leader"]`.
    pub roles: Vec<String>,
    /// The actor id the person belongs to.
    pub affiliation: Option<String>,
}

/// A date mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DateMention {
    /// Where it is written.
    pub span: Span,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; null when it could not be resolved.
    pub value: Option<String>,
    /// End of a range, same format; null otherwise.
    pub end: Option<String>,
    /// `day`, `week`, `month`, `year`, `part_of_day`.
    pub precision: String,
    /// `absolute`, `relative` or `underspecified`.
    pub resolution: String,
    /// `HH:MM` when a time of day is said.
    pub time: Option<String>,
}

/// A number mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NumberMention {
    /// Where it is written.
    pub span: Span,
    /// The value, for exact and single-valued quantities.
    pub value: Option<f64>,
    /// Lower bound, when known.
    pub low: Option<f64>,
    /// Upper bound, when known.
    pub high: Option<f64>,
    /// `exact`, `at_least`, `more_than`, `at_most`, `less_than`, `approx`, `range`, `vague`.
    pub qualifier: String,
}

/// A casualty count mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CasualtyMention {
    /// Where it is written.
    pub span: Span,
    /// `killed`, `injured`, `kidnapped`, `missing`, `arrested`, `displaced`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Low estimate.
    pub low: Option<u64>,
    /// Best estimate.
    pub best: Option<u64>,
    /// High estimate.
    pub high: Option<u64>,
    /// `exact`, `at_least`, `more_than`, `at_most`, `less_than`, `approx`, `range`, `vague`.
    pub qualifier: String,
    /// `military`, `civilian`, `armed_group`, `peacekeepers`, `police`, `unknown`.
    pub victims: String,
    /// True for "aucune victime" and the like.
    pub negated: bool,
    /// A revision cue near the figure ("revu à la hausse", "bilan définitif").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub revision: Option<String>,
    /// The source the figure is attributed to ("selon l'armée").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub source: Option<String>,
}

/// An event trigger mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TriggerMention {
    /// Where it is written.
    pub span: Span,
    /// The SPEC event type it signals.
    pub event_type: String,
    /// The lexicon lemma.
    pub lemma: String,
}

/// An event: what happened, when, where, who, how many.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Event {
    /// Stable id derived from the document sha256 and the evidence span.
    pub id: String,
    /// SPEC event type.
    #[serde(rename = "type")]
    pub kind: String,
    /// The trigger, when there is one.
    pub trigger: Option<EventTrigger>,
    /// When.
    pub date: Option<EventDate>,
    /// Where.
    pub location: Option<EventLocation>,
    /// Who, with roles: armed groups, forces, militias (organisations).
    pub actors: Vec<EventActor>,
    /// Named people the event's sentences tie to it (leaders, commanders),
    /// with the same shape as actors; a vigie extension of SPEC.md, absent
    /// when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<EventActor>,
    /// How many, one entry per casualty type.
    pub casualties: Vec<EventCasualty>,
    /// `confirmed`, `reported`, `alleged`, `denied`, `hypothetical`.
    pub certainty: String,
    /// The source a reported event is attributed to.
    pub attribution: Option<Attribution>,
    /// The sentences the event was assembled from.
    pub evidence: Span,
    /// 0..1, how many fields were found and how close to the trigger.
    pub confidence: f64,
}

/// An event's trigger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EventTrigger {
    /// Where it is written.
    pub span: Span,
    /// The lexicon lemma.
    pub lemma: String,
}

/// An event's date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EventDate {
    /// Start value.
    pub value: String,
    /// End value of a range.
    pub end: Option<String>,
    /// Precision of the value.
    pub precision: String,
    /// Where it is written.
    pub span: Span,
}

/// An event's location.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EventLocation {
    /// Canonical name.
    pub name: String,
    /// Gazetteer id.
    pub id: String,
    /// ISO alpha-2 country code.
    pub country: String,
    /// First-level division.
    pub admin1: Option<String>,
    /// Second-level division.
    pub admin2: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// `locality`, `admin2`, `admin1`, `country`, `region`, `site`.
    pub precision: String,
    /// Where it is written.
    pub span: Span,
}

/// An actor of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EventActor {
    /// `perpetrator` or `target`.
    pub role: String,
    /// Canonical name.
    pub name: String,
    /// Gazetteer id.
    pub id: Option<String>,
    /// Where it is written.
    pub span: Span,
}

/// A casualty count of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EventCasualty {
    /// Casualty type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Low estimate.
    pub low: Option<u64>,
    /// Best estimate.
    pub best: Option<u64>,
    /// High estimate.
    pub high: Option<u64>,
    /// Qualifier of the kept figure.
    pub qualifier: String,
    /// Who the victims are.
    pub victims: String,
    /// Where the kept figure is written.
    pub span: Span,
    /// The other figures given for the same count.
    #[serde(default)]
    pub alternatives: Vec<CasualtyAlternative>,
}

/// Another figure for the same count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CasualtyAlternative {
    /// Low estimate.
    pub low: Option<u64>,
    /// Best estimate.
    pub best: Option<u64>,
    /// High estimate.
    pub high: Option<u64>,
    /// Where it is written.
    pub span: Span,
}

/// The source an event or figure is attributed to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Attribution {
    /// The source as written ("l'armée malienne").
    pub source: String,
    /// Where it is written.
    pub span: Span,
}

/// A problem worth a look.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Warning {
    /// Stable code (`unresolved-relative-date`, `inferred-reference-date`, `fuzzy-place`…).
    pub code: String,
    /// Where, when it concerns a span.
    pub span: Option<Span>,
    /// What happened, in words.
    pub message: String,
}

/// The JSON Schema of [`Document`], pretty-printed.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Document);
    serde_json::to_string_pretty(&schema).expect("schema serializes") + "\n"
}

impl Document {
    /// Every span in the document: mentions, events (and their parts), warnings.
    pub fn spans(&self) -> Vec<&Span> {
        let mut out: Vec<&Span> = self.mentions.iter().map(Mention::span).collect();
        for e in &self.events {
            out.push(&e.evidence);
            out.extend(e.trigger.as_ref().map(|t| &t.span));
            out.extend(e.date.as_ref().map(|d| &d.span));
            out.extend(e.location.as_ref().map(|l| &l.span));
            out.extend(e.actors.iter().map(|a| &a.span));
            for c in &e.casualties {
                out.push(&c.span);
                out.extend(c.alternatives.iter().map(|a| &a.span));
            }
            out.extend(e.attribution.as_ref().map(|a| &a.span));
        }
        out.extend(self.warnings.iter().filter_map(|w| w.span.as_ref()));
        out
    }

    /// Checks SPEC's span invariant on every span against the original text:
    /// `text == original[start..end]` in code points and in UTF-8 bytes.
    pub fn check_spans(&self, original: &str) -> Result<(), String> {
        for span in self.spans() {
            check_span(original, span)?;
        }
        Ok(())
    }
}

/// Checks one span against the original text (see [`Document::check_spans`]).
pub fn check_span(original: &str, span: &Span) -> Result<(), String> {
    let bytes = original
        .get(span.byte_start..span.byte_end)
        .ok_or_else(|| format!("span {span:?}: byte range is out of bounds or not on char boundaries"))?;
    if bytes != span.text {
        return Err(format!("span {span:?}: bytes slice to {bytes:?}"));
    }
    let chars: String = original.chars().skip(span.start).take(span.end.saturating_sub(span.start)).collect();
    if chars != span.text || span.start > span.end {
        return Err(format!("span {span:?}: code points slice to {chars:?}"));
    }
    Ok(())
}
