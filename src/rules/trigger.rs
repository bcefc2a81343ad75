//! Event triggers: words and phrases that signal a conflict event
//! ("attaque", "embuscade", "ont été enlevés", "frappe aérienne"…).
//!
//! The lexicon is `gazetteers/triggers.tsv` (lemma, SPEC event type,
//! strength, folded forms with an optional final `*` for any ending), and
//! `gazetteers/trigger_exclusions.txt` lists senses that are not events
//! ("attaque cardiaque", "accord commercial"). All forms compile into one
//! regex over the fold view, longest forms first.

use std::collections::HashMap;

use regex::Regex;

use super::Found;
use crate::model::TriggerMention;
use crate::normalize::{fold, NormalizedText};
use crate::span::ViewRange;

/// How much a trigger says on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// An event by itself, given a date, place, actor or count.
    Strong,
    /// An event only with a casualty count or an armed actor beside it.
    Weak,
}

#[derive(Debug, Clone)]
struct Entry {
    lemma: String,
    event_type: String,
    strength: Strength,
}

/// A trigger found in a document, with what assembly needs to know.
#[derive(Debug, Clone, PartialEq)]
pub struct TriggerHit {
    /// The mention (span, type, lemma).
    pub found: Found<TriggerMention>,
    /// Strong or weak.
    pub strength: Strength,
}

/// The compiled trigger lexicon.
#[derive(Debug)]
pub struct TriggerRules {
    regex: Regex,
    literal: HashMap<String, usize>,
    prefixes: Vec<(String, usize)>,
    entries: Vec<Entry>,
    exclusions: Vec<String>,
    /// Words that mark a non-violent sense when they follow the trigger closely.
    agents: Vec<String>,
}

impl Default for TriggerRules {
    fn default() -> Self {
        TriggerRules::new()
    }
}

impl TriggerRules {
    /// Compiles `gazetteers/triggers.tsv` and the exclusions.
    pub fn new() -> TriggerRules {
        Self::from_data(
            include_str!("../../gazetteers/triggers.tsv"),
            include_str!("../../gazetteers/trigger_exclusions.txt"),
        )
    }

    /// Compiles a trigger lexicon and an exclusion list given as text.
    pub fn from_data(lexicon: &str, exclusions: &str) -> TriggerRules {
        let mut entries = Vec::new();
        let mut literal = HashMap::new();
        let mut prefixes = Vec::new();
        let mut forms: Vec<String> = Vec::new();
        for line in lexicon.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 4 {
                continue;
            }
            let idx = entries.len();
            entries.push(Entry {
                lemma: cols[0].to_string(),
                event_type: cols[1].to_string(),
                strength: if cols[2] == "weak" { Strength::Weak } else { Strength::Strong },
            });
            for form in cols[3].split('|') {
                let f = fold(form.trim_end_matches('*'));
                if f.is_empty() {
                    continue;
                }
                if form.ends_with('*') {
                    prefixes.push((f.clone(), idx));
                    forms.push(format!("{}[a-z]*", regex_of(&f)));
                } else {
                    literal.entry(f.clone()).or_insert(idx);
                    forms.push(regex_of(&f));
                }
            }
        }
        // Longest first: the leftmost match is then the longest form.
        forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        forms.dedup();
        let regex = Regex::new(&format!(r"(?-u:\b)(?:{})(?-u:\b)", forms.join("|"))).expect("trigger lexicon compiles");
        prefixes.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        let lines: Vec<&str> = exclusions.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).collect();
        let agents = lines.iter().filter_map(|l| l.strip_prefix("~ ")).map(fold).collect();
        let exclusions = lines.iter().filter(|l| !l.starts_with("~ ")).map(|l| fold(l)).collect();
        TriggerRules { regex, literal, prefixes, entries, exclusions, agents }
    }

    /// Finds event triggers (exclusions removed).
    pub fn find(&self, text: &NormalizedText) -> Vec<Found<TriggerMention>> {
        self.hits(text).into_iter().map(|h| h.found).collect()
    }

    /// Finds event triggers with their strength.
    pub fn hits(&self, text: &NormalizedText) -> Vec<TriggerHit> {
        let f = text.fold();
        let mut out = Vec::new();
        for m in self.regex.find_iter(f) {
            let matched = m.as_str().replace('\n', " ");
            let Some(idx) = self
                .literal
                .get(&matched)
                .copied()
                .or_else(|| self.prefixes.iter().find(|(p, _)| matched.starts_with(p.as_str())).map(|(_, i)| *i))
            else {
                continue;
            };
            if self.excluded(f, m.start(), m.end()) {
                continue;
            }
            let e = &self.entries[idx];
            let range = ViewRange::new(m.start(), m.end());
            out.push(TriggerHit {
                found: Found {
                    range,
                    rule: "trigger",
                    mention: TriggerMention {
                        span: text.span(range),
                        event_type: e.event_type.clone(),
                        lemma: e.lemma.clone(),
                    },
                },
                strength: e.strength,
            });
        }
        out
    }

    fn excluded(&self, f: &str, start: usize, end: usize) -> bool {
        let next_words: Vec<&str> = f[end..].split([' ', '\n']).filter(|w| !w.is_empty()).take(4).collect();
        if next_words.iter().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            self.agents.iter().any(|a| a == w)
        }) {
            return true;
        }
        let lo = floor_boundary(f, start.saturating_sub(40));
        let hi = ceil_boundary(f, (end + 40).min(f.len()));
        let window = &f[lo..hi];
        self.exclusions.iter().any(|x| {
            window.match_indices(x.as_str()).any(|(i, _)| {
                let (xs, xe) = (lo + i, lo + i + x.len());
                xs <= start && end <= xe || (xs >= start && xs < end)
            })
        })
    }
}

fn regex_of(folded: &str) -> String {
    folded.split(' ').map(regex::escape).collect::<Vec<_>>().join(r"[ \n]")
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn types(s: &str) -> Vec<(String, String)> {
        let t = NormalizedText::new(s.to_string());
        TriggerRules::new().find(&t).into_iter().map(|f| (f.mention.span.text, f.mention.event_type)).collect()
    }

    #[test]
    fn finds_triggers_with_inflections() {
        assert_eq!(
            types("Des assaillants ont attaqué le poste ; une embuscade a suivi."),
            vec![("ont attaqué".into(), "attack".into()), ("embuscade".into(), "ambush".into())]
        );
        assert_eq!(
            types("Un véhicule piégé a explosé"),
            vec![("véhicule piégé".into(), "explosion".into()), ("explosé".into(), "explosion".into())]
        );
        assert_eq!(types("deux frappes aériennes"), vec![("frappes aériennes".into(), "airstrike".into())]);
        assert_eq!(types("ils ont été pris en otage"), vec![("pris en otage".into(), "kidnapping".into())]);
        // Taking a town is an attack (ACLED codes territory taken by force so).
        assert_eq!(
            types("Les rebelles se sont emparés de Bria."),
            vec![("se sont emparés de".into(), "attack".into())]
        );
        assert_eq!(
            types("La ville est tombée aux mains des insurgés"),
            vec![("tombée aux mains".into(), "attack".into())]
        );
        assert_eq!(types("Le maire a été assassiné chez lui."), vec![("a été assassiné".into(), "attack".into())]);
        assert_eq!(
            types("Une journée ville morte a paralysé Bamenda."),
            vec![("journée ville morte".into(), "protest".into())]
        );
    }

    #[test]
    fn drops_non_violent_senses() {
        assert!(types("Les attaques de jassides ont réduit la récolte.").is_empty());
        assert!(types("De fortes attaques répétées de chenilles légionnaires.").len() == 0);
        assert_eq!(types("Des attaques répétées de djihadistes.").len(), 1);
        assert!(types("Il est mort d’une attaque cardiaque.").is_empty());
        assert!(types("Un accord de financement a été signé.").is_empty());
        assert_eq!(types("Un accord de paix a été signé.").len(), 1);
        assert!(types("Le ministre a exhorté les miliciens à déposer les armes.").is_empty());
        assert_eq!(types("Le mouvement accepte de déposer les armes.").len(), 1);
    }
}
