//! Casualty counts: how many were killed, injured, kidnapped, missing,
//! arrested or displaced, and who they were.
//!
//! Terms:
//! * a **count** is a [`Quantity`] of the number grammar ([`super::number`]);
//! * its **head** is the noun right after it (after "de" for "une vingtaine
//!   de"): a *casualty noun* that gives the type by itself ("37 morts", "12
//!   blessés", "27 otages", "des milliers de déplacés") or a *victim noun*
//!   that says who ("soldats", "civils", "casques bleus", "assaillants");
//! * a **cue** gives the type when the head does not: a participle or verb
//!   phrase after the head ("ont été tués", "ont péri", "sont portés
//!   disparus", "ont fui"), or a verb or noun phrase before the count
//!   ("tuant", "a coûté la vie à", "la mort de", "capturé"). Transitive
//!   participles ("tué", "enlevé") count only in the passive or right after
//!   the noun ("38 soldats tués"), not in "six hommes armés ont tué…";
//! * a count with neither takes its type from the previous count when the
//!   text says it belongs to it: "X morts, dont Y civils", "X soldats tués
//!   et Y blessés" (coordination), "38 tués selon l'armée, plus de 80 selon
//!   des sources locales", "porté à cinq" (bare numbers after a count);
//! * **victims** come from the head (gendarmes and VDP are military; police
//!   of a UN mission are peacekeepers; "neutralisés" are armed_group; a part
//!   such as "dont deux femmes" of soldiers, police or suspects is of their
//!   side); generic heads ("personnes", "morts", "victimes", "corps") take
//!   them from the sentence ("parmi les soldats", "dans nos rangs", an
//!   earlier count of the same sentence) and then from the document: when
//!   most counts of killed and injured with a stated category name one
//!   category, the generic ones are that category, else `unknown` (never for
//!   vague tolls of tens and up and tolls over years, "depuis 2015", "l'an
//!   dernier": overall tallies that the story's victims say nothing of).
//!   Kidnapped, arrested and displaced people of generic heads are civilian
//!   (what the corpus annotators did, in the large majority of cases).
//! * a **weak head** is a noun of no lexicon after a number ("trois
//!   conducteurs"): it makes a count only with a plain casualty verb ("ont
//!   été tués", "tuant"), never with verbs that also fit things ("touchés",
//!   "libérés", "capturés"), and never after "un"/"une" (articles);
//! * other orders: an **inverted subject** ("ont été tués dimanche trois
//!   gendarmes", "où ont péri onze soldats"), a **fronted participle**
//!   ("Fuyant les combats, 500 familles…"), a noun cue cut from its count by
//!   a place or a date ("l'arrestation à Kano de douze suspects"), a bare
//!   toll named by a noun ("le nombre de morts s'élève à 18", "passé de 12
//!   à 20 morts"), a postposed qualifier ("quinze personnes au moins");
//! * "un cinquième" with no noun is one more of the group counted just
//!   before ("quatre orpailleurs ont été emmenés ; un cinquième, qui
//!   tentait de s'enfuir, a été abattu");
//! * a count after the pronoun "en" ("les blessés, il y en avait une
//!   dizaine", "j'en ai compté 86") is a count of the casualty noun "en"
//!   stands for, said before it in the sentence; so is a count in
//!   apposition to a casualty noun ("les premiers corps, une trentaine,");
//! * a count in **apposition** to the one before it, with the same figure
//!   and the same verb ("les deux kamikazes, deux adolescentes, ont péri"),
//!   restates it and is dropped; so is one person singled out of an arrest
//!   ("neuf suspects, dont un informateur"); an apposition naming a category ("les
//!   quatre victimes, des bergers") gives the victims;
//! * context words that name the perpetrators (the agent "tués par des
//!   soldats", the subject of "les soldats ont tué") say nothing of the
//!   victims;
//! * **negation**: "aucun soldat n'a été tué", "aucune victime", "sans perte
//!   dans ses rangs", "ni mort ni blessé" give a count with `negated: true`
//!   and no figures; the verb of "aucun" may stand well after its noun once
//!   its "n'" is seen ("aucun agent kényan de la mission n'a été blessé"),
//!   and "aucun de nos hommes" is a force speaking of its own men.
//!
//! Every count is a mention: first, revised and conflicting tolls alike. The
//! revision cue ("revu à la hausse", "bilan définitif", "d'abord") and the
//! source ("selon l'armée") of the same sentence are recorded for the event
//! assembler, which picks the `best` figure.
//!
//! Non-casualty numbers (ages, money, distances, vehicles, troops deployed)
//! are never counts: either their noun is a unit of
//! `gazetteers/number_units.tsv`, or their head is a victim noun without
//! any casualty cue ("13 000 casques bleus déployés").
//!
//! The lexicons are data: `gazetteers/casualty_terms.tsv`,
//! `gazetteers/victim_nouns.tsv`, `gazetteers/casualty_cues.tsv`,
//! `gazetteers/quantity_words.tsv`, `gazetteers/number_units.tsv`.

use super::lexicon::{read_tsv, tokenize, FastMap, PhraseTable, TokKind, Token};
use super::number::{tok, Core, NumberGrammar, Qualifier, Quantity};
use super::Found;
use crate::model::{CasualtyMention, NumberMention};
use crate::normalize::NormalizedText;
use crate::segment::Segments;
use crate::span::ViewRange;

/// Numbers and casualty counts of one document.
#[derive(Debug, Default)]
pub struct CasualtyFindings {
    /// Every quantity, in text order.
    pub numbers: Vec<Found<NumberMention>>,
    /// Casualty counts, in text order.
    pub casualties: Vec<Found<CasualtyMention>>,
}

/// A word or phrase of `casualty_terms.tsv`.
#[derive(Debug, Clone, Copy)]
struct Term {
    kind: &'static str,
    passive: bool,
    victims: Option<&'static str>,
}

/// The compiled number and casualty grammar.
#[derive(Debug)]
pub struct CasualtyRules {
    numbers: NumberGrammar,
    nouns: PhraseTable<Term>,
    after: PhraseTable<Term>,
    strong: PhraseTable<Term>,
    before: PhraseTable<Term>,
    block: PhraseTable<Term>,
    fronted: PhraseTable<Term>,
    /// Noun phrases of `before` cues without their final "de" ("l'arrestation"),
    /// for a cue cut from its count by a place or a date.
    nominal: PhraseTable<Term>,
    victims: PhraseTable<&'static str>,
    cues: FastMap<&'static str, PhraseTable<&'static str>>,
    context: PhraseTable<&'static str>,
}

impl Default for CasualtyRules {
    fn default() -> Self {
        CasualtyRules::new()
    }
}

/// Adverbs that may stand between an auxiliary and a participle.
const ADVERBS: &[&str] = &[
    "grievement",
    "legerement",
    "egalement",
    "aussi",
    "alors",
    "deja",
    "finalement",
    "mortellement",
    "tous",
    "toutes",
    "ensuite",
    "ainsi",
    "finalement",
    "vraisemblablement",
    "probablement",
    "recemment",
    "par",
    "balles",
    "y",
    "toujours",
    "encore",
];
/// Forms of "être" (and "été") before a passive participle.
const AUXILIARIES: &[&str] = &[
    "ete", "sont", "est", "etaient", "etait", "furent", "fut", "seront", "sera", "soient", "soit", "seraient",
    "serait", "etre",
];
/// Function words: a participle separated from its noun by one of these is
/// not an adjective of that noun.
const FUNCTION: &[&str] = &[
    "avons", "avez", "aurait", "auraient", "aura", "auront", "avoir", "ayant", "de", "du", "des", "la", "le", "les",
    "l", "a", "au", "aux", "dans", "par", "pour", "sur", "en", "et", "ou", "qui", "que", "ont", "a", "avait",
    "avaient", "ont", "d", "un", "une", "ce", "se", "ne", "n", "pas", "avec", "contre", "apres", "avant", "lors",
    "selon",
];
/// Words that name a UN mission: police and soldiers "de la Monusco" are peacekeepers.
const UN_WORDS: &[&str] = &[
    "monusco",
    "minusca",
    "minusma",
    "minurso",
    "onuci",
    "manuh",
    "onu",
    "onusien",
    "onusienne",
    "onusiens",
    "onusiennes",
    "binuh",
];

/// Facts about one count, before victims are settled.
#[derive(Debug, Clone)]
struct Draft {
    range: ViewRange,
    /// A later count is part of this one ("X morts, dont Y civils").
    has_subset: bool,
    /// This count is part of the previous one.
    is_subset: bool,
    rule: &'static str,
    kind: &'static str,
    low: Option<u64>,
    best: Option<u64>,
    high: Option<u64>,
    qualifier: &'static str,
    victims: Option<&'static str>,
    negated: bool,
    sentence: usize,
    revision: Option<String>,
    source: Option<String>,
    /// Token span of the count (for apposition checks) and first token of
    /// the participle after it that gave or confirmed its type.
    toks: (usize, usize),
    cue_tok: Option<usize>,
}

fn u(v: Option<f64>) -> Option<u64> {
    v.filter(|x| x.is_finite() && *x >= 0.0).map(|x| x.round() as u64)
}

impl CasualtyRules {
    /// Compiles the grammar from the lexicons under `gazetteers/`.
    pub fn new() -> CasualtyRules {
        let mut r = CasualtyRules {
            numbers: NumberGrammar::new(),
            nouns: PhraseTable::default(),
            after: PhraseTable::default(),
            strong: PhraseTable::default(),
            before: PhraseTable::default(),
            block: PhraseTable::default(),
            fronted: PhraseTable::default(),
            nominal: PhraseTable::default(),
            victims: PhraseTable::default(),
            cues: FastMap::default(),
            context: PhraseTable::default(),
        };
        for row in read_tsv(include_str!("../../gazetteers/casualty_terms.tsv")) {
            let col = |i: usize| row.cols.get(i).copied().unwrap_or("-");
            let term = Term { kind: col(1), passive: col(2) == "passive", victims: Some(col(3)).filter(|v| *v != "-") };
            if col(0) == "before" {
                let mut core = row.tokens.clone();
                while core.last().is_some_and(|t| matches!(t.as_str(), "de" | "des" | "d" | "'")) {
                    core.pop();
                }
                let noun = core.last().is_some_and(|t| !matches!(t.as_str(), "a" | "aux" | "la" | "les" | "le"));
                if core.len() < row.tokens.len() && core.len() >= 2 && noun {
                    r.nominal.insert(core, term);
                }
            }
            let table = match col(0) {
                "noun" => &mut r.nouns,
                "after" => &mut r.after,
                "strong" => &mut r.strong,
                "before" => &mut r.before,
                "fronted" => &mut r.fronted,
                _ => &mut r.block,
            };
            table.insert(row.tokens, term);
        }
        for row in read_tsv(include_str!("../../gazetteers/victim_nouns.tsv")) {
            r.victims.insert(row.tokens, row.cols.first().copied().unwrap_or("generic"));
        }
        for row in read_tsv(include_str!("../../gazetteers/casualty_cues.tsv")) {
            let role = row.cols.first().copied().unwrap_or("");
            r.cues.entry(role).or_default().insert(row.tokens, role);
        }
        for row in read_tsv(include_str!("../../gazetteers/victim_context.tsv")) {
            r.context.insert(row.tokens, row.cols.first().copied().unwrap_or("civilian"));
        }
        r
    }

    /// Finds numbers and casualty counts.
    pub fn find(&self, text: &NormalizedText, segments: &Segments) -> CasualtyFindings {
        let f = text.fold();
        let toks = tokenize(f, segments);
        let qs = self.numbers.find(f, &toks);
        let mut q_at: FastMap<usize, usize> = FastMap::default();
        for (i, q) in qs.iter().enumerate() {
            q_at.insert(q.t0, i);
            q_at.insert(q.core_t0, i);
        }
        let un_doc = toks.iter().any(|t| UN_WORDS.contains(&t.text));
        let mut findings = CasualtyFindings::default();
        let mut drafts: Vec<Draft> = Vec::new();
        let mut last_victims: Option<(&'static str, usize)> = None;
        let mut prev_was_count = false;
        for q in &qs {
            let d = self.count(text, &toks, &qs, &q_at, q, drafts.last(), prev_was_count, last_victims, un_doc);
            // "les deux kamikazes, deux adolescentes selon des témoins, ont
            // péri": a count in apposition restates the one before it.
            let d = d.filter(|d| !drafts.last().is_some_and(|l| is_apposition(&toks, l, d)));
            prev_was_count = d.is_some();
            let keep_number = match q.core {
                Core::One | Core::VagueDet => d.is_some(),
                _ => true,
            };
            if keep_number {
                let r = ViewRange::new(toks[q.t0].start, toks[q.t1 - 1].end);
                findings.numbers.push(Found { range: r, rule: "number", mention: q.to_mention(text.span(r)) });
            }
            if let Some(d) = d {
                if d.is_subset {
                    if let Some(l) = drafts.last_mut() {
                        l.has_subset = true;
                    }
                    // "8 victimes, dont 5 morts": the victims are no count of
                    // one type; the typed part is.
                    let f = text.fold();
                    if d.rule == "count_noun"
                        && drafts.last().is_some_and(|l| f[l.range.start..l.range.end].ends_with("victimes"))
                    {
                        drafts.pop();
                    }
                }
                if let Some(v) = d.victims.filter(|v| *v != "generic") {
                    last_victims = Some((v, d.sentence));
                }
                drafts.push(d);
            } else if let Some(v) = self.head_victims(&toks, q) {
                last_victims = Some((v, toks[q.t0].sentence));
            }
        }
        let possessive: Vec<Draft> = drafts.iter().filter_map(|d| self.possessive_one(text, &toks, d)).collect();
        drafts.extend(possessive);
        drafts.extend(self.negations(text, &toks, segments));
        drafts.sort_by_key(|d| (d.range.start, d.range.end));
        // Overlapping drafts: keep the first (negations never overlap counts).
        let mut kept: Vec<Draft> = Vec::new();
        for d in drafts {
            if kept.last().is_some_and(|k| k.range.overlaps(d.range)) {
                continue;
            }
            kept.push(d);
        }
        self.settle_victims(&toks, segments, &mut kept);
        for d in kept {
            let mention = CasualtyMention {
                span: text.span(d.range),
                kind: d.kind.to_string(),
                low: d.low,
                best: d.best,
                high: d.high,
                qualifier: d.qualifier.to_string(),
                victims: d.victims.unwrap_or("unknown").to_string(),
                negated: d.negated,
                revision: d.revision,
                source: d.source,
            };
            findings.casualties.push(Found { range: d.range, rule: d.rule, mention });
        }
        findings
    }

    /// True when a capitalized demonym follows the quantity ("deux Nigériens").
    fn demonym_after(&self, text: &NormalizedText, toks: &[Token], q: &Quantity) -> bool {
        toks.get(q.t1).is_some_and(|t| t.kind == TokKind::Word && text.is_upper_at(t.start) && is_demonym(t.text))
    }

    /// Victims named by the noun after a quantity (for "d'entre eux").
    fn head_victims(&self, toks: &[Token], q: &Quantity) -> Option<&'static str> {
        let mut j = q.t1;
        if matches!(tok(toks, j), "de" | "d") {
            j += 1 + (tok(toks, j + 1) == "'") as usize;
        }
        self.victims.match_at(toks, j).map(|(_, v)| *v).filter(|v| *v != "generic")
    }

    /// True when a cue phrase of `role` ends just before token `end` (quotes skipped).
    fn cue_before(&self, role: &str, toks: &[Token], mut end: usize, sentence: usize) -> bool {
        while end > 0 && toks[end - 1].text == "\"" {
            end -= 1;
        }
        self.cue_table(role).match_before(toks, end).is_some_and(|(s, _)| toks[s].sentence == sentence)
    }

    /// The end of a cue phrase of `role` starting at token `i`.
    fn cue_at(&self, role: &str, toks: &[Token], i: usize) -> Option<usize> {
        self.cue_table(role).match_at(toks, i).map(|(e, _)| e)
    }

    fn cue_table(&self, role: &str) -> &PhraseTable<&'static str> {
        static EMPTY: std::sync::OnceLock<PhraseTable<&'static str>> = std::sync::OnceLock::new();
        self.cues.get(role).unwrap_or_else(|| EMPTY.get_or_init(PhraseTable::default))
    }

    #[allow(clippy::too_many_arguments)]
    fn count(
        &self,
        text: &NormalizedText,
        toks: &[Token],
        qs: &[Quantity],
        q_at: &FastMap<usize, usize>,
        q: &Quantity,
        last: Option<&Draft>,
        prev_was_count: bool,
        last_victims: Option<(&'static str, usize)>,
        un_doc: bool,
    ) -> Option<Draft> {
        if q.unit.is_some() {
            return None;
        }
        // "toutes tuées par balle, sauf une femme qui a été égorgée": an
        // exception inside a group already counted.
        if q.t0 > 0 && matches!(toks[q.t0 - 1].text, "sauf" | "hormis" | "excepte") {
            return None;
        }
        let sent = toks[q.t0].sentence;
        let in_sent = |k: usize| toks.get(k).is_some_and(|t| t.sentence == sent);
        let mut j = q.t1;
        let skip_quotes = |j: &mut usize| {
            while tok(toks, *j) == "\"" && in_sent(*j) {
                *j += 1;
            }
        };
        skip_quotes(&mut j);
        let mut partitive = false;
        let mut autres = false;
        // "de"/"d'" after approximate nouns, scales and "dont d'autres".
        if matches!(tok(toks, j), "de" | "d") && in_sent(j) {
            let k = j + 1 + (tok(toks, j + 1) == "'") as usize;
            if tok(toks, k) == "entre" && matches!(tok(toks, k + 1), "eux" | "elles") {
                partitive = true;
                j = k + 2;
            } else if tok(toks, j) == "d" && tok(toks, k) == "autres" {
                autres = true;
                j = k + 1;
            } else if q.core != Core::Cardinal || tok(toks, j) == "de" || tok(toks, j) == "d" {
                j = k;
                // "37 de ses soldats", "trois de leurs hommes": part of a known group.
                if matches!(tok(toks, j), "ses" | "leurs" | "nos" | "vos" | "ces" | "mes") {
                    j += 1;
                }
            }
        }
        // "cinq des otages", "deux des trois otages": part of a group named
        // by a known noun (the group's own figure is inside this count).
        if tok(toks, j) == "des" && in_sent(j + 1) && matches!(q.core, Core::Cardinal | Core::One) {
            let mut n = j + 1;
            if let Some(g) = q_at.get(&n).map(|&i| &qs[i]).filter(|g| g.t0 == n && g.unit.is_none()) {
                n = g.t1;
            }
            if in_sent(n) && (self.nouns.match_at(toks, n).is_some() || self.victims.match_at(toks, n).is_some()) {
                j = n;
            }
        }
        skip_quotes(&mut j);
        if matches!(tok(toks, j), "autres" | "autre") {
            autres = true;
            j += 1;
        }
        if matches!(tok(toks, j), "seul" | "seule" | "seuls") {
            j += 1;
        }
        // "trois présumés complices": the adjective before the noun.
        if matches!(tok(toks, j), "presume" | "presumes" | "presumee" | "presumees" | "pretendus" | "supposes")
            && toks.get(j + 1).is_some_and(|t| t.kind == TokKind::Word && t.sentence == sent)
        {
            j += 1;
        }
        // "un quatrième militaire a succombé": one more; "quatre orpailleurs
        // ont été emmenés ; un cinquième a été abattu": one more of them.
        if q.core == Core::One && tok(toks, j).ends_with("ieme") && in_sent(j) {
            j += 1;
            // No noun after the ordinal ("un troisième engin"): a verb or a comma.
            let pronoun = toks.get(j).is_none_or(|t| {
                t.kind != TokKind::Word
                    || AUXILIARIES.contains(&t.text)
                    || ADVERBS.contains(&t.text)
                    || matches!(t.text, "a" | "ont" | "avait" | "qui" | "y" | "n" | "ne" | "se" | "s")
            }) || self.after.match_at(toks, j).is_some()
                || self.strong.match_at(toks, j).is_some();
            if pronoun && last.is_some_and(|l| l.sentence + 1 >= sent) {
                autres = true;
            }
        }
        // The head.
        let noun = self.nouns.match_at(toks, j);
        let vict = self.victims.match_at(toks, j);
        let mut head_end = j;
        let mut kind: Option<&'static str> = None;
        let mut victims: Option<&'static str> = None;
        let mut rule = "count";
        let mut demonym_head = false;
        match (noun, vict) {
            (Some((ne, t)), v) if v.is_none_or(|(ve, _)| ne >= ve) => {
                head_end = ne;
                kind = Some(t.kind);
                victims = t.victims;
                rule = "count_noun";
            }
            (_, Some((ve, v))) => {
                head_end = ve;
                victims = Some(v);
            }
            _ => {
                // "deux Nigériens", "plus d'un million d'Haïtiens".
                let after_de = j > q.t1 && matches!(tok(toks, j - 1), "de" | "d" | "'");
                if let Some(t) =
                    toks.get(j).filter(|t| t.kind == TokKind::Word && in_sent(j) && (j == q.t1 || after_de))
                {
                    if text.is_upper_at(t.start) && is_demonym(t.text) {
                        head_end = j + 1;
                        victims = Some("civilian");
                        demonym_head = true;
                    }
                }
            }
        }
        // A noun of no lexicon ("trois conducteurs", "deux infirmières"): a
        // *weak head*, kept only when a casualty verb plainly says what
        // happened to the people it names (checked once the cues are known).
        // Not after "un"/"une", which are mostly articles ("une mine").
        let mut weak_head = false;
        if q.core != Core::One && head_end == j && !partitive && self.is_weak_noun(text, toks, q_at, j, sent) {
            head_end = j + 1;
            victims = Some("generic");
            weak_head = true;
        }
        let has_head = head_end > j;
        // "un habitant sur dix", "deux sur trois": a ratio.
        if !has_head && q.t0 > 0 && toks[q.t0 - 1].text == "sur" {
            return None;
        }
        // "le secteur 13", "au PK 5", "la route nationale 4": a number
        // that names a place.
        if !has_head
            && q.t0 > 0
            && matches!(
                toks[q.t0 - 1].text,
                "secteur" | "quartier" | "zone" | "pk" | "km" | "nationale" | "rn" | "cellule" | "bloc" | "camp"
            )
        {
            return None;
        }
        // "enlevé à Delmas 33": a bare number right after a capitalized word
        // inside the sentence is part of a name.
        if !has_head
            && q.core == Core::Cardinal
            && q.t0 > 0
            && toks[q.t0 - 1].sentence == sent
            && toks[q.t0 - 1].kind == TokKind::Word
            && text.is_upper_at(toks[q.t0 - 1].start)
            && q.t0 > 1
            && toks[q.t0 - 2].sentence == sent
            && !matches!(toks[q.t0 - 2].text, "." | ":" | "\"" | "(")
        {
            return None;
        }
        // "une douzaine de cadavres de présumés bandits": the bodies' complement says who.
        if rule == "count_noun" && victims.is_none() && matches!(tok(toks, head_end), "de" | "d") {
            let mut a = head_end + 1 + (tok(toks, head_end + 1) == "'") as usize;
            if matches!(tok(toks, a), "presumes" | "presumees") {
                a += 1;
            }
            if let Some((_, v)) = self.victims.match_at(toks, a).filter(|(_, v)| **v != "generic" && in_sent(a)) {
                victims = Some(v);
            }
        }
        // "12 victimes civiles", "5 morts militaires": an adjective after a casualty noun.
        if rule == "count_noun" && victims.is_none() {
            match tok(toks, head_end) {
                "civiles" | "civils" | "civile" | "civil" => victims = Some("civilian"),
                "militaires" => victims = Some("military"),
                _ => {}
            }
        }
        // "hommes des forces de défense", "membres de la police".
        if victims == Some("generic") {
            let n = head_end;
            let v = match (tok(toks, n), tok(toks, n + 1), tok(toks, n + 2), tok(toks, n + 3)) {
                ("des", "forces" | "fds" | "fama", ..) | ("de", "l", "'", "armee") | ("de", "la", "gendarmerie", _) => {
                    Some("military")
                }
                ("de", "la", "police", _) => Some("police"),
                _ => None,
            };
            if v.is_some() && toks.get(n).is_some_and(|t| t.sentence == sent) {
                victims = v;
            }
        }
        // "membres de Boko Haram", "éléments de l'EIGS": a named group.
        if victims == Some("generic") && matches!(tok(toks, head_end - 1), "membres" | "elements" | "combattants") {
            let mut n = head_end;
            if matches!(tok(toks, n), "de" | "du" | "des" | "d") {
                n += 1;
                while matches!(tok(toks, n), "'" | "l" | "la") {
                    n += 1;
                }
                if toks
                    .get(n)
                    .is_some_and(|t| t.kind == TokKind::Word && t.sentence == sent && text.is_upper_at(t.start))
                    && !UN_WORDS.contains(&tok(toks, n))
                {
                    victims = Some("armed_group");
                }
            }
        }
        // "des dizaines d'abris", "40 de ses hommes": a noun we do not know.
        let next_word = toks.get(j).filter(|t| t.kind == TokKind::Word && t.sentence == sent).map(|t| t.text);
        // "les blessés, il y en avait plus d'une dizaine", "les corps, j'en
        // ai compté 86": the pronoun "en" stands for a casualty noun said
        // before it in the sentence.
        // "les premiers corps, une trentaine, ont été inhumés": in apposition.
        let en_noun = (!has_head && !partitive && !autres)
            .then(|| {
                self.en_pronoun_noun(text, toks, q_at, q.t0, sent).or_else(|| self.apposed_to_noun(toks, q_at, q, sent))
            })
            .flatten();
        if !has_head && !partitive && !autres {
            // "et en a blessé une dizaine": the pronoun stands for the noun.
            let pronoun_object = (q.t0.saturating_sub(4)..q.t0)
                .any(|m| toks[m].sentence == sent && toks[m].text == "en")
                && self.before.match_before(toks, q.t0).is_some_and(|(b, _)| toks[b].sentence == sent);
            if matches!(q.core, Core::ApproxNoun | Core::VagueNoun) && !pronoun_object && en_noun.is_none() {
                return None;
            }
            // "3 500 détenus se sont évadés": a noun we do not know.
            if let Some(w) = next_word {
                let known = FUNCTION.contains(&w)
                    || AUXILIARIES.contains(&w)
                    || ADVERBS.contains(&w)
                    || self.after.match_at(toks, j).is_some()
                    || self.strong.match_at(toks, j).is_some()
                    || self.cue_at("bare_after", toks, j).is_some()
                    // "contre quelque 120 000 fin 2018": a date, not a noun.
                    || matches!(
                        w,
                        "fin" | "debut" | "mi" | "janvier" | "fevrier" | "mars" | "avril" | "mai" | "juin" | "juillet"
                            | "aout" | "septembre" | "octobre" | "novembre" | "decembre"
                    );
                if !known {
                    return None;
                }
            }
        }
        let adverb_next = matches!(tok(toks, j), "grievement" | "legerement" | "serieusement" | "mortellement");
        let one_subset = q.core == Core::One && adverb_next && self.cue_before("subset", toks, q.t0, sent);
        // "l'un d'entre eux a succombé" counts one of a known group.
        let one_of = q.core == Core::One && partitive;
        if !has_head && !autres && (q.core == Core::One || q.core == Core::VagueDet) && !one_subset && !one_of {
            return None;
        }
        // Cue before the count.
        let mut k0 = q.t0;
        while k0 > 0 && toks[k0 - 1].text == "\"" {
            k0 -= 1;
        }
        // An adverb between the verb and the count: "ont exécuté sommairement dix civils".
        if k0 > 1
            && toks[k0 - 1].sentence == sent
            && toks[k0 - 1].text.ends_with("ment")
            && self.before.match_before(toks, k0 - 1).is_some_and(|(s, _)| toks[s].sentence == sent)
        {
            k0 -= 1;
        }
        let before_at = self
            .before
            .match_before(toks, k0)
            .filter(|(s, _)| toks[*s].sentence == sent)
            .or_else(|| self.nominal_before(toks, q_at, k0, sent))
            .or_else(|| self.verb_before_place(text, toks, k0, sent));
        let before = before_at.map(|(_, t)| *t);
        // Cues after the head.
        let mut after: Option<(usize, usize, Term)> = None;
        let mut strong: Option<Term> = None;
        let mut later_killed = false;
        let mut crossed = false;
        let mut appos_end: Option<usize> = None;
        let mut k = head_end;
        let limit = head_end + 40;
        while k < limit && in_sent(k) {
            let t = &toks[k];
            if t.text == "(" {
                // Skip a bracketed aside: "(MMAS)".
                let close = (k..limit.min(toks.len())).find(|&c| toks[c].text == ")" && toks[c].sentence == sent);
                if let Some(c) = close {
                    k = c + 1;
                    continue;
                }
            }
            if matches!(t.text, "." | ";" | ":" | "!" | "?" | "(" | ")") {
                break;
            }
            // An apposition or a relative between the subject and its verb:
            // "deux civils, un boutiquier et son neveu, ont perdu la vie",
            // "des milliers d'habitants de Marte, une localité qui comptait…,
            // ont fui".
            if t.text == "," && after.is_none() {
                let close = (k + 1..(k + 16).min(limit).min(toks.len()))
                    .take_while(|&c| in_sent(c) && !matches!(toks[c].text, "." | ";" | ":" | "(" | ")"))
                    .find(|&c| toks[c].text == ",");
                let verb_after = close.is_some_and(|c| {
                    // "…, a été abattu": past the auxiliaries.
                    let mut p = c + 1;
                    while p < c + 4 && (AUXILIARIES.contains(&tok(toks, p)) || matches!(tok(toks, p), "a" | "ont")) {
                        p += 1;
                    }
                    (c + 1..=c + 2).chain([p]).any(|v| {
                        in_sent(v)
                            && (self.after.match_at(toks, v).is_some() || self.strong.match_at(toks, v).is_some())
                    })
                });
                if let Some(c) = close.filter(|_| verb_after) {
                    k = c + 1;
                    appos_end = Some(c + 1);
                    continue;
                }
            }
            if k > head_end {
                if let Some(&qi) = q_at.get(&k) {
                    let q2 = &qs[qi];
                    // "une femme et ses deux enfants ont été tués": the possessive
                    // does not end the coordination.
                    // "deux passagers d'un car ont péri": "un" after a
                    // preposition is an article inside the noun's complement.
                    let article = q2.core == Core::One
                        && matches!(
                            toks[k - 1].text,
                            "'" | "de" | "d" | "a" | "dans" | "sur" | "par" | "pour" | "avec" | "vers" | "chez"
                        )
                        // "l'un des villages" is a pronoun, not an article.
                        && !(toks[k - 1].text == "'" && k > 1 && toks[k - 2].text == "l");
                    let crossable = q2.unit.is_some()
                        || article
                        || k > 0 && matches!(toks[k - 1].text, "et" | "," | "dont" | "ou")
                        || self.cue_before("subset", toks, k, sent)
                        || k > 1
                            && matches!(toks[k - 1].text, "ses" | "leurs" | "les" | "des")
                            && toks[k - 2].text == "et";
                    if q2.t0 == k && crossable && q2.t1 > k {
                        // A coordinated count without a noun of its own ("et
                        // onze autres sont blessés") owns the cue that follows.
                        if !article
                            && q2.unit.is_none()
                            && self.head_victims(toks, q2).is_none()
                            && !self.demonym_after(text, toks, q2)
                        {
                            break;
                        }
                        crossed |= q2.unit.is_none();
                        k = q2.unit_end.max(q2.t1);
                        continue;
                    }
                    if q2.t0 == k {
                        break;
                    }
                }
            }
            if self.block.match_at(toks, k).is_some() {
                break;
            }
            if let Some((_, term)) = self.strong.match_at(toks, k) {
                strong = Some(*term);
                break;
            }
            // "les 3 soldats enlevés ont été retrouvés morts": a later death
            // tells what became of the kidnapped or missing.
            if !crossed && after.is_some_and(|a| matches!(a.2.kind, "kidnapped" | "missing")) {
                if let Some((e, term)) = self.after.match_at(toks, k).filter(|(_, t)| t.kind == "killed") {
                    if !term.passive || self.is_passive(toks, head_end.max(q.t1), k) {
                        later_killed = true;
                        k = e;
                        continue;
                    }
                }
            }
            if after.is_none() {
                if let Some((e, term)) = self.after.match_at(toks, k) {
                    if !term.passive || self.is_passive(toks, head_end.max(q.t1), k) {
                        // "tombés dans une embuscade": not a death.
                        let falls = matches!(toks[k].text, "tombe" | "tombes")
                            && matches!(tok(toks, e), "dans" | "sur" | "entre" | "aux" | "sous" | "pres");
                        // "ont semé la mort": a noun after its article, not a participle.
                        let noun = k > 0 && matches!(toks[k - 1].text, "la" | "le" | "les" | "une" | "sa" | "leur");
                        // "300 000 habitants, déplacés compris": who is counted, not what befell them.
                        let included = matches!(tok(toks, e), "compris" | "comprises" | "inclus" | "incluses");
                        if !falls && !noun && !included {
                            after = Some((k, e, *term));
                            k = e;
                            continue;
                        }
                    }
                }
            }
            k += 1;
        }
        // "une localité qui comptait 15 000 âmes": a population, whatever
        // verb follows the clause.
        let population = rule != "count_noun"
            && after.is_none_or(|a| a.0 > head_end)
            && q.t0 > 0
            && matches!(
                toks[q.t0 - 1].text,
                "comptait"
                    | "compte"
                    | "comptent"
                    | "comptaient"
                    | "abrite"
                    | "abritait"
                    | "peuplee"
                    | "peuple"
                    | "regroupe"
            )
            // "j'en ai compté 86": counted, not a population.
            && !(q.t0 > 1 && matches!(toks[q.t0 - 2].text, "ai" | "a" | "avons" | "ont" | "avait" | "avaient"));
        if population {
            return None;
        }
        // A count without a noun takes a cue only right after it: "trois ont été tués".
        if !has_head && after.is_some_and(|a| a.0 > head_end.max(q.t1).max(appos_end.unwrap_or(0)) + 3) {
            after = None;
        }
        if kind.is_none() {
            kind = before.map(|t| t.kind).or(after.map(|a| a.2.kind));
            if before.is_some() {
                rule = "count_verb_before";
            } else if after.is_some() {
                rule = "count_verb_after";
            }
        }
        // A weak head needs a plain casualty verb: before the count
        // ("tuant trois conducteurs") or a participle after "été"/"sont" or
        // right after the noun ("trois conducteurs tués").
        let mut weak_ok = strong.is_some();
        if weak_head {
            weak_ok |= before_at.is_some_and(|(s, t)| t.kind != "displaced" && weak_cue(&toks[s..k0]));
            weak_ok |= after.is_some_and(|(a0, a1, t)| {
                let mut p = a0;
                while p > head_end && (ADVERBS.contains(&toks[p - 1].text) || toks[p - 1].text == "\"") {
                    p -= 1;
                }
                let linked = p == head_end
                    || AUXILIARIES.contains(&toks[p - 1].text)
                    || !t.passive && matches!(toks[p - 1].text, "ont" | "a" | "avaient" | "avait");
                // Nothing but the noun's own words between it and the verb.
                let plain = (head_end..a0).all(|k| !q_at.contains_key(&k) && !matches!(toks[k].text, "," | "\"" | "-"));
                t.kind != "displaced" && a0 <= head_end + 8 && linked && plain && weak_cue(&toks[a0..a1])
            });
        }
        // Inverted subject: "ont été tués dimanche trois gendarmes", "où ont
        // péri douze soldats".
        if kind.is_none() && has_head && !weak_head {
            if let Some(t) = self.inverted_cue(toks, q_at, q.t0, sent) {
                kind = Some(t.kind);
                rule = "count_verb_inverted";
            }
        }
        // A participle opening the sentence: "Fuyant les combats, 500 familles…".
        if kind.is_none() && has_head && !weak_head {
            if let Some(t) = self.fronted_cue(toks, q.t0, sent) {
                kind = Some(t.kind);
                rule = "count_fronted";
            }
        }
        // "onze déplacés ont perdu la vie": displaced people were killed.
        if rule == "count_noun" && kind == Some("displaced") {
            if let Some((_, _, t)) =
                after.filter(|a| matches!(a.2.kind, "killed" | "injured" | "kidnapped" | "missing"))
            {
                kind = Some(t.kind);
            }
        }
        // "le décès de cinq blessés", "a coûté la vie à deux otages": the
        // death cue before the count says what became of them.
        if matches!(kind, Some("injured" | "kidnapped")) && before.is_some_and(|t| t.kind == "killed") {
            kind = Some("killed");
        }
        // "les 3 otages ont été exécutés": the verb says what became of them.
        if matches!(kind, Some("kidnapped" | "missing")) {
            if let Some((_, _, t)) = after.filter(|a| a.2.kind == "killed") {
                kind = Some(t.kind);
            }
            if later_killed {
                kind = Some("killed");
            }
        }
        if let Some(s) = strong {
            kind = Some(s.kind);
            rule = "count_succumbed";
        }
        let neutralised = before.or(after.map(|a| a.2)).is_some_and(|_| {
            // Up to eight tokens before the count (on a char boundary).
            let lo = toks[q.t0.saturating_sub(8)].start;
            let hi = after.map(|a| toks[a.1 - 1].end).unwrap_or(toks[q.t1 - 1].end);
            text.fold()[lo..hi].contains("neutralis")
        });
        // Inheritance from the previous count.
        let last_near = last.filter(|l| l.sentence == sent || l.sentence + 1 == sent);
        let last_same = last.filter(|l| l.sentence == sent);
        // "Deux adolescentes figurent parmi elles": a part of the group counted before.
        let among = has_head
            && matches!(tok(toks, head_end), "figurent" | "figuraient" | "figure" | "figurait" | "sont" | "etaient")
            && tok(toks, head_end + 1) == "parmi"
            && matches!(tok(toks, head_end + 2), "eux" | "elles");
        let subset = self.cue_before("subset", toks, q.t0, sent) || among;
        let sentence_start_cue = subset && {
            let mut b = q.t0;
            while b > 0 && toks[b - 1].sentence == sent {
                b -= 1;
            }
            q.t0 - b <= 4
        };
        if kind.is_none() {
            let prev = q.t0.checked_sub(1).map(|p| toks[p].text).unwrap_or("");
            // The antecedent of "dont" is the count just before it, or for a
            // sentence that opens with "parmi eux", a count of the sentences before.
            let opens = q.t0 >= 3 && toks[q.t0 - 3].sentence != sent || q.t0 >= 2 && toks[q.t0 - 2].sentence != sent;
            let antecedent = if prev_was_count && (last_same.is_some() || !among) {
                last_same
            } else if opens || sentence_start_cue {
                last.filter(|l| l.sentence + 2 >= sent)
            } else {
                None
            };
            // "Les blessés, dont quatre…": a casualty noun without a count
            // right before the "dont" is the antecedent.
            let noun_antecedent = (subset && q.t0 >= 3 && toks[q.t0 - 1].text == "dont" && toks[q.t0 - 2].text == ",")
                .then(|| {
                    let comma = q.t0 - 2;
                    (comma.saturating_sub(4)..comma)
                        .filter(|&m| toks[m].sentence == sent && !q_at.contains_key(&m))
                        .find_map(|m| self.nouns.match_at(toks, m).filter(|(e, _)| *e == comma).map(|(_, t)| *t))
                })
                .flatten()
                .filter(|_| antecedent.is_none());
            if let Some(t) = noun_antecedent {
                kind = Some(t.kind);
                victims = victims.filter(|v| *v != "generic").or(t.victims);
                rule = "count_subset";
            } else if subset && has_head && (q.core != Core::VagueDet || matches!(victims, Some(v) if v != "generic")) {
                if let Some(l) = antecedent {
                    kind = Some(l.kind);
                    rule = "count_subset";
                    // "vingt-six soldats, dont deux Nigérians": a nationality
                    // says where they came from, not who they were.
                    if demonym_head {
                        victims = l.victims.or(victims);
                    }
                }
            } else if has_head && self.cue_before("bare_before", toks, q.t0, sent) && last_near.is_some() {
                // "le décompte final sera ramené à 49 militaires".
                if let Some(l) = last_near {
                    kind = Some(l.kind);
                    rule = "count_ellipsis";
                }
            } else if has_head
                && (prev == "et"
                    || prev == "que" && q.t0 >= 2 && toks[q.t0 - 2].text == "ainsi"
                    // "mon oncle et ses deux fils"
                    || matches!(prev, "ses" | "leurs" | "nos" | "mes" | "les")
                        && q.t0 >= 2
                        && matches!(toks[q.t0 - 2].text, "et" | "ou")
                    || matches!(prev, "de" | "d" | "'" | "a" | "aux")
                        && toks[..q.t0].iter().rev().take(3).any(|t| t.text == "et"))
            {
                if let Some(l) = last_same {
                    kind = Some(l.kind);
                    rule = "count_coordinated";
                } else if prev == "que" {
                    // "ont enlevé le chef, âgé de 67 ans, ainsi que deux de ses
                    // notables": another object of the verb before.
                    let verb = (q.t0.saturating_sub(16)..q.t0 - 2)
                        .rev()
                        .take_while(|&m| toks[m].sentence == sent && !matches!(toks[m].text, "." | ";" | ":"))
                        .find_map(|m| {
                            self.before
                                .match_at(toks, m)
                                .filter(|(e, t)| {
                                    t.kind != "displaced"
                                        && *e < q.t0
                                        && !matches!(tok(toks, *e - 1), "de" | "d" | "'" | "des" | "du")
                                })
                                .map(|(_, t)| *t)
                        });
                    if let Some(t) = verb {
                        kind = Some(t.kind);
                        rule = "count_coordinated";
                    }
                }
            } else if !has_head && !autres && !partitive && q.core == Core::Cardinal || !has_head && subset {
                let bb = self.cue_before("bare_before", toks, q.t0, sent) || subset;
                let mut a = q.t1;
                while tok(toks, a) == "\"" {
                    a += 1;
                }
                // "quatorze civils tués : neuf à Mamove et cinq à Mbau": a
                // breakdown by place of the count before.
                let by_place = matches!(prev, ":" | "," | "et" | ";")
                    && matches!(tok(toks, a), "a" | "au" | "dans")
                    && toks.get(a + 1).is_some_and(|t| t.sentence == sent && text.is_upper_at(t.start));
                let ba = self.cue_at("bare_after", toks, a).is_some()
                    || by_place && last_same.is_some()
                    || matches!(tok(toks, a), "grievement" | "legerement" | "serieusement") && last_same.is_some()
                    || matches!(tok(toks, a), "." | ";" | "," | "") && last_same.is_some();
                if bb || ba {
                    if let Some(l) = last_near {
                        kind = Some(l.kind);
                        victims = victims.or(l.victims);
                        rule = "count_ellipsis";
                    } else if bb && !subset {
                        // "le nombre de morts s'élève à 18", "passé de 12 à 20 morts".
                        if let Some(t) = self.noun_named_around(toks, qs, q_at, q, sent) {
                            kind = Some(t.kind);
                            victims = victims.or(t.victims);
                            rule = "count_ellipsis";
                        }
                    }
                }
            }
        }
        if kind.is_none() {
            if let Some(t) = en_noun {
                kind = Some(t.kind);
                victims = victims.or(t.victims);
                rule = "count_pronoun";
            }
        }
        let kind = kind?;
        if weak_head && !weak_ok && rule != "count_subset" {
            return None;
        }
        // "neuf suspects, dont un informateur présumé": one person singled
        // out of an arrest is who was caught, not a toll of its own.
        if kind == "arrested" && q.core == Core::One && subset && prev_was_count {
            return None;
        }
        // "dont plusieurs femmes" names who; "dont plusieurs grièvement" does not.
        if q.core == Core::VagueDet && subset && !(has_head && matches!(victims, Some(v) if v != "generic")) {
            return None;
        }
        // Victims.
        let modifier_end = after.map(|a| a.0).unwrap_or(head_end + 6).min(head_end + 10);
        // The noun's own complement ("deux employés de l'ONU"), up to a
        // clause break: not the source of the toll ("184 morts ; l'ONU a…").
        // A list of nationalities goes on ("treize soldats sud-africains,
        // malawites et uruguayens de la Monusco").
        let complement_end = (head_end..modifier_end)
            .find(|&i| {
                !in_sent(i)
                    || matches!(tok(toks, i), ";" | ":" | "selon" | "a" | "ont")
                    || tok(toks, i) == "," && !is_demonym(tok(toks, i + 1))
            })
            .unwrap_or(modifier_end);
        let un = (head_end..complement_end).any(|i| {
            UN_WORDS.contains(&tok(toks, i))
                || un_doc && tok(toks, i) == "mission" && tok(toks, i + 1) != "multinationale"
        });
        if un && has_head && matches!(victims, Some("military" | "police" | "generic") | None) {
            victims = Some("peacekeepers");
        }
        // An apposition names them: "les quatre victimes, des bergers, …",
        // "douze personnes, toutes des civils".
        if has_head && matches!(victims, None | Some("generic")) && tok(toks, head_end) == "," {
            let mut a = head_end + 1;
            if matches!(tok(toks, a), "tous" | "toutes" | "essentiellement" | "surtout" | "principalement") {
                a += 1;
            }
            if matches!(tok(toks, a), "des" | "de" | "d") {
                a += 1 + (tok(toks, a + 1) == "'") as usize;
            } else if matches!(tok(toks, a), "son" | "sa" | "ses" | "leur" | "leurs" | "un" | "une") {
                // "deux autres personnes, son fils et son chauffeur, …"
                a += 1;
            }
            if let Some((_, v)) = self.victims.match_at(toks, a).filter(|_| in_sent(a)) {
                if *v != "generic" {
                    victims = Some(v);
                }
            }
        }
        if victims.is_none() || victims == Some("generic") {
            if let Some(v) = self.rank_victims(toks, head_end, sent) {
                victims = Some(v);
            }
        }
        if let Some(v) = before.or(after.map(|a| a.2)).and_then(|t| t.victims) {
            if matches!(victims, None | Some("generic")) {
                victims = Some(v);
            }
        }
        if neutralised && matches!(victims, None | Some("generic")) {
            victims = Some("armed_group");
        }
        if (autres || partitive || !has_head) && matches!(victims, None | Some("generic")) {
            victims = last_near
                .and_then(|l| l.victims)
                .or(last_victims.filter(|(_, s)| *s + 2 >= sent).map(|(v, _)| v))
                .or(victims);
        }
        // "quatre suspects, dont deux femmes": women among suspects are
        // suspects; the part takes the side of the whole unless it names
        // civilians outright ("dont trois civils").
        if subset && prev_was_count && victims == Some("civilian") {
            let side =
                last_same.and_then(|l| l.victims).filter(|v| matches!(*v, "military" | "police" | "armed_group"));
            let civil_word = (q.t1..head_end).any(|k| toks[k].text.starts_with("civil"));
            if let Some(v) = side.filter(|_| !civil_word) {
                victims = Some(v);
            }
        }
        // Span: the count and its head, and an adjacent participle.
        let mut end_tok = head_end.max(q.t1);
        if let Some((a0, a1, _)) = after {
            if a0 == end_tok {
                end_tok = a1;
            }
        }
        let range = ViewRange::new(toks[q.t0].start, toks[end_tok - 1].end);
        let (revision, source) = self.revision_and_source(text, toks, q.t0, end_tok, sent);
        // A qualifier after the head: "quinze personnes au moins", "vingt blessés environ".
        let (mut low, mut best, mut high, mut qualifier) = (u(q.low), u(q.best), u(q.high), q.qualifier.as_str());
        if q.qualifier == Qualifier::Exact && q.core == Core::Cardinal && has_head {
            match (tok(toks, head_end), tok(toks, head_end + 1)) {
                ("au", "moins") if in_sent(head_end + 1) => {
                    high = None;
                    qualifier = "at_least";
                }
                ("environ", _) if in_sent(head_end) => {
                    low = None;
                    high = None;
                    qualifier = "approx";
                }
                _ => {}
            }
            best = best.or(low);
        }
        Some(Draft {
            range,
            has_subset: false,
            is_subset: subset && prev_was_count,
            rule,
            kind,
            low,
            best,
            high,
            qualifier,
            victims,
            negated: false,
            sentence: sent,
            revision,
            source,
            toks: (q.t0, end_tok),
            cue_tok: after.map(|a| a.0),
        })
    }

    /// The casualty noun the pronoun "en" stands for, when "en" and a few
    /// verb words stand right before the count ("il y en avait", "j'en ai
    /// compté", "qui en accueillait déjà"): the nearest casualty noun before
    /// "en" in the sentence that heads no count of its own ("les blessés",
    /// "les corps", "des déplacés").
    fn en_pronoun_noun(
        &self,
        text: &NormalizedText,
        toks: &[Token],
        q_at: &FastMap<usize, usize>,
        t0: usize,
        sent: usize,
    ) -> Option<Term> {
        let mut k = t0;
        while k > 0 && toks[k - 1].text == "\"" {
            k -= 1;
        }
        // Back over at most three verb words to "en".
        let mut n = 0;
        while k > 0 && n < 4 {
            let t = &toks[k - 1];
            if t.sentence != sent || t.kind != TokKind::Word || text.is_upper_at(t.start) {
                return None;
            }
            if t.text == "en" {
                break;
            }
            let function = FUNCTION.contains(&t.text) && !matches!(t.text, "a" | "ont" | "avait" | "avaient");
            if function || n == 3 {
                return None;
            }
            n += 1;
            k -= 1;
        }
        if k == 0 || toks[k - 1].text != "en" || n == 0 {
            return None;
        }
        let en = k - 1;
        (en.saturating_sub(20)..en).rev().take_while(|&m| toks[m].sentence == sent).find_map(|m| {
            let counted = m > 0 && q_at.contains_key(&(m - 1))
                || m > 1 && matches!(toks[m - 1].text, "de" | "d" | "'") && q_at.keys().any(|&x| x + 3 >= m && x < m);
            self.nouns.match_at(toks, m).filter(|_| !counted).map(|(_, t)| *t)
        })
    }

    /// The casualty noun a count without a noun stands in apposition to:
    /// "les premiers corps, une trentaine, ont été inhumés" (the noun right
    /// before the comma, with no count of its own).
    fn apposed_to_noun(&self, toks: &[Token], q_at: &FastMap<usize, usize>, q: &Quantity, sent: usize) -> Option<Term> {
        let comma = q.t0.checked_sub(1).filter(|&c| toks[c].text == "," && toks[c].sentence == sent)?;
        // Closed by a comma too: an apposition, not a list.
        if tok(toks, q.t1) != "," {
            return None;
        }
        (comma.saturating_sub(3)..comma).find_map(|m| {
            let counted = (m.saturating_sub(3)..m).any(|x| q_at.contains_key(&x));
            self.nouns
                .match_at(toks, m)
                .filter(|(e, _)| *e == comma && toks[m].sentence == sent && !counted)
                .map(|(_, t)| *t)
        })
    }

    /// True when the word at `j` may be a weak head: a lowercase word that
    /// is no function word, cue or number ("conducteurs", "infirmières").
    fn is_weak_noun(
        &self,
        text: &NormalizedText,
        toks: &[Token],
        q_at: &FastMap<usize, usize>,
        j: usize,
        sent: usize,
    ) -> bool {
        let Some(t) = toks.get(j) else {
            return false;
        };
        t.sentence == sent
            && t.kind == TokKind::Word
            && t.text.len() >= 4
            && !text.is_upper_at(t.start)
            && !FUNCTION.contains(&t.text)
            && !AUXILIARIES.contains(&t.text)
            && !ADVERBS.contains(&t.text)
            && !NOT_PEOPLE.contains(&t.text)
            && self.after.match_at(toks, j).is_none()
            && self.strong.match_at(toks, j).is_none()
            && self.block.match_at(toks, j).is_none()
            && self.cue_at("bare_after", toks, j).is_none()
            && !q_at.contains_key(&j)
    }

    /// A noun cue cut from its "de" and count by a place or a date:
    /// "l'arrestation à Gusau de neuf suspects", "l'enlèvement, en janvier
    /// 2011, de deux Français". Returns the cue's first token and term.
    fn nominal_before<'t>(
        &'t self,
        toks: &[Token],
        q_at: &FastMap<usize, usize>,
        k0: usize,
        sent: usize,
    ) -> Option<(usize, &'t Term)> {
        let de = match (k0.checked_sub(1).map(|p| toks[p].text), k0.checked_sub(2).map(|p| toks[p].text)) {
            (Some("de"), _) => k0 - 1,
            (Some("'"), Some("d")) => k0 - 2,
            _ => return None,
        };
        let lo = de.saturating_sub(10);
        let mut m = de;
        while m > lo {
            m -= 1;
            let t = &toks[m];
            if t.sentence != sent || matches!(t.text, "." | ";" | ":" | "!" | "?") || q_at.contains_key(&m) {
                return None;
            }
            if let Some((e, term)) = self.nominal.match_at(toks, m) {
                let gap_opens = matches!(
                    tok(toks, e),
                    "," | "a"
                        | "au"
                        | "aux"
                        | "en"
                        | "dans"
                        | "pres"
                        | "le"
                        | "lundi"
                        | "mardi"
                        | "mercredi"
                        | "jeudi"
                        | "vendredi"
                        | "samedi"
                        | "dimanche"
                        | "hier"
                        | "ce"
                        | "cette"
                        | "mi"
                        | "fin"
                        | "debut"
                );
                // A place or a date, not a noun phrase of its own ("la mort
                // dans l'explosion d'une mine"). Only kidnappings and arrests:
                // a death noun cut from its count ("la mort, dans l'attaque
                // de…") too often heads a phrase of its own.
                let articles = (e..de).any(|g| {
                    matches!(toks[g].text, "l" | "la" | "les" | "un" | "une" | "des" | "du" | "d")
                        || toks[g].text == "le" && toks.get(g + 1).is_none_or(|n| n.kind != TokKind::Digits)
                });
                return (e < de && gap_opens && !articles && matches!(term.kind, "kidnapped" | "arrested"))
                    .then_some((m, term));
            }
        }
        None
    }

    /// A verb cut from its object count by where or when: "ont interpellé à
    /// Ouahigouya trois hommes", "ont enlevé lundi près de Kaya deux
    /// enseignants". Returns the verb's first token and term.
    fn verb_before_place(
        &self,
        text: &NormalizedText,
        toks: &[Token],
        k0: usize,
        sent: usize,
    ) -> Option<(usize, &Term)> {
        const DAYS: &[&str] =
            &["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "soir", "matin"];
        let mut m = k0;
        let mut named = false;
        while m > 0 && k0 - m < 7 {
            let t = &toks[m - 1];
            if t.sentence != sent {
                return None;
            }
            let capital = t.kind == TokKind::Word && text.is_upper_at(t.start);
            if capital || DAYS.contains(&t.text) {
                named = true;
            } else if !matches!(t.text, "a" | "au" | "aux" | "dans" | "pres" | "de" | "d" | "'" | "-") {
                break;
            }
            m -= 1;
        }
        if !named || m == k0 {
            return None;
        }
        // A verb ("ont interpellé"), not a noun cue ending in "de".
        self.before.match_before(toks, m).filter(|(s, t)| {
            toks[*s].sentence == sent
                && t.kind != "displaced"
                && !matches!(toks[m - 1].text, "de" | "d" | "'" | "a" | "aux" | "des" | "du")
        })
    }

    /// A participle of `after` before the count whose subject the count is
    /// ("ont été tués dimanche trois gendarmes"): the participle follows an
    /// auxiliary that opens the sentence, a clause (after a comma) or a
    /// relative ("où", "laquelle"), and no other count stands between.
    fn inverted_cue(&self, toks: &[Token], q_at: &FastMap<usize, usize>, t0: usize, sent: usize) -> Option<Term> {
        let lo = t0.saturating_sub(14);
        let mut k = t0;
        while k > lo {
            k -= 1;
            if toks[k].sentence != sent || matches!(toks[k].text, "." | ";" | ":" | "!" | "?") {
                return None;
            }
            if k + 1 < t0 && q_at.contains_key(&(k + 1)) || matches!(toks[k].text, "," | "sauf" | "excepte") {
                return None;
            }
            let Some((e, term)) = self.after.match_at(toks, k) else {
                continue;
            };
            if e > t0 {
                continue;
            }
            let mut p = k;
            let mut aux = false;
            while p > 0 && toks[p - 1].sentence == sent {
                let w = toks[p - 1].text;
                if AUXILIARIES.contains(&w) || matches!(w, "ont" | "avaient" | "auraient" | "n" | "ne" | "'") {
                    aux |= w != "'" && w != "n" && w != "ne";
                } else if !ADVERBS.contains(&w) {
                    break;
                }
                p -= 1;
            }
            // "Et sont toujours portés disparus une dizaine de jeunes": a
            // conjunction opening the sentence or a clause.
            let conj_opens = p >= 1
                && matches!(toks[p - 1].text, "et" | "mais")
                && (p == 1 || toks[p - 2].sentence != sent || matches!(toks[p - 2].text, "," | ";" | "\""));
            let opens = p == 0
                || conj_opens
                || toks[p - 1].sentence != sent
                || matches!(
                    toks[p - 1].text,
                    ":" | "\"" | "(" | "-" | "ou" | "laquelle" | "lequel" | "lesquelles" | "lesquels" | "dont" | "que"
                );
            if aux && opens {
                return Some(*term);
            }
            return None;
        }
        None
    }

    /// A participle opening the sentence whose subject is the count right
    /// after the first comma: "Fuyant les violences, 500 familles ont…".
    fn fronted_cue(&self, toks: &[Token], t0: usize, sent: usize) -> Option<Term> {
        let mut b = t0;
        while b > 0 && toks[b - 1].sentence == sent {
            b -= 1;
        }
        while tok(toks, b) == "\"" {
            b += 1;
        }
        let (_, term) = self.fronted.match_at(toks, b)?;
        let comma = (b..t0).filter(|&i| toks[i].text == ",").count();
        (comma == 1 && t0 > 0 && toks[t0 - 1].text == "," && t0 - b <= 14).then_some(*term)
    }

    /// The casualty noun a bare number refers to when no count came before:
    /// "le nombre de morts s'élève à 18" (a noun after "de" a few words
    /// back), "passé de 12 à 20 morts" (the noun of the next count).
    fn noun_named_around(
        &self,
        toks: &[Token],
        qs: &[Quantity],
        q_at: &FastMap<usize, usize>,
        q: &Quantity,
        sent: usize,
    ) -> Option<Term> {
        if matches!(tok(toks, q.t1), "a" | "et") {
            if let Some(q2) = q_at.get(&(q.t1 + 1)).map(|&i| &qs[i]) {
                let mut n = q2.t1;
                if matches!(tok(toks, n), "de" | "d") {
                    n += 1 + (tok(toks, n + 1) == "'") as usize;
                }
                if let Some((_, t)) = self.nouns.match_at(toks, n).filter(|_| toks[n].sentence == sent) {
                    return Some(*t);
                }
            }
        }
        // "portant à six le nombre de militaires tués".
        if tok(toks, q.t1) == "le" && matches!(tok(toks, q.t1 + 1), "nombre" | "bilan" | "total") {
            let window = (q.t1 + 2..q.t1 + 9).take_while(|&k| toks.get(k).is_some_and(|t| t.sentence == sent));
            let mut victims = None;
            for k in window {
                if let Some((_, t)) = self.nouns.match_at(toks, k) {
                    return Some(*t);
                }
                if let Some((_, v)) = self.victims.match_at(toks, k) {
                    victims = victims.or(Some(*v));
                }
                if let Some((_, t)) = self.after.match_at(toks, k) {
                    let mut t = *t;
                    t.victims = t.victims.or(victims.filter(|v| *v != "generic"));
                    return Some(t);
                }
            }
        }
        let lo = q.t0.saturating_sub(10);
        (lo..q.t0).rev().take_while(|&k| toks[k].sentence == sent).find_map(|k| {
            // "nombre de morts", "nombre de personnes déplacées".
            let de = |i: usize| i > 0 && matches!(toks[i - 1].text, "de" | "des" | "'");
            let after_de =
                de(k) || k > 0 && self.victims.match_at(toks, k - 1).is_some_and(|(e, _)| e == k) && de(k - 1);
            self.nouns.match_at(toks, k).filter(|_| after_de).map(|(_, t)| *t)
        })
    }

    /// True when the participle at `k` is passive or an adjective of the
    /// noun ending at `head_end`.
    fn is_passive(&self, toks: &[Token], head_end: usize, k: usize) -> bool {
        let mut p = k;
        while p > head_end && (ADVERBS.contains(&toks[p - 1].text) || toks[p - 1].text == "\"") {
            p -= 1;
        }
        if p == head_end {
            return true;
        }
        let prev = &toks[p - 1];
        // After "été"/"sont", after an adjective of the noun ("touristes
        // français enlevés") or in apposition ("les kamikazes, tués…").
        AUXILIARIES.contains(&prev.text)
            || prev.text == ","
            || prev.kind == TokKind::Word && !FUNCTION.contains(&prev.text)
    }

    /// One more victim named with a possessive after a count: "onze soldats
    /// et leur guide y ont perdu la vie", "deux gendarmes et leur chauffeur".
    fn possessive_one(&self, text: &NormalizedText, toks: &[Token], d: &Draft) -> Option<Draft> {
        let i = d.toks.1;
        if d.negated || tok(toks, i) != "et" || !matches!(tok(toks, i + 1), "leur" | "son" | "sa") {
            return None;
        }
        let (e, v) = self.victims.match_at(toks, i + 2).filter(|_| toks[i + 2].sentence == d.sentence)?;
        let noun = toks[e - 1].text;
        if noun.ends_with('s') || noun.ends_with('x') {
            return None;
        }
        let range = ViewRange::new(toks[i + 1].start, toks[e - 1].end);
        let (revision, source) = self.revision_and_source(text, toks, i + 1, e, d.sentence);
        Some(Draft {
            range,
            has_subset: false,
            is_subset: false,
            rule: "count_possessive",
            kind: d.kind,
            low: Some(1),
            best: Some(1),
            high: Some(1),
            qualifier: "exact",
            victims: Some(*v),
            negated: false,
            sentence: d.sentence,
            revision,
            source,
            toks: (i + 1, e),
            cue_tok: d.cue_tok,
        })
    }

    /// True when the context phrase `k..e` names who did it, not who
    /// suffered: the agent of a passive ("tués par des soldats") or the
    /// subject of an active verb ("les soldats ont tué trois hommes").
    fn is_perpetrator(&self, toks: &[Token], k: usize, e: usize) -> bool {
        let sent = toks[k].sentence;
        let agent = (k.saturating_sub(3)..k).any(|i| toks[i].text == "par" && toks[i].sentence == sent);
        let mut n = e;
        while n < e + 4 && toks.get(n).is_some_and(|t| t.sentence == sent && !matches!(t.text, "," | "." | ";")) {
            // Losing and burying are what the victims' side does: "l'armée a perdu 12 hommes".
            let own_side = |end: usize| {
                toks[n..end].iter().any(|t| ["perd", "enterr", "inhum", "deplor"].iter().any(|v| t.text.starts_with(v)))
            };
            if let Some((end, _)) =
                self.before.match_at(toks, n).filter(|(end, t)| t.kind != "displaced" && !own_side(*end))
            {
                let _ = end;
                return matches!(toks[n].text, "ont" | "a" | "avaient" | "avait")
                    || matches!(tok(toks, n.wrapping_sub(1)), "ont" | "a" | "avaient" | "avait");
            }
            n += 1;
        }
        agent
    }

    /// Victims said by a phrase after the head: "dans nos rangs", "parmi les civils".
    fn rank_victims(&self, toks: &[Token], from: usize, sent: usize) -> Option<&'static str> {
        let mut k = from;
        while k < from + 8 && toks.get(k).is_some_and(|t| t.sentence == sent && !matches!(t.text, "." | ";")) {
            if self.cue_at("rank", toks, k).is_some() {
                return Some("military");
            }
            if toks[k].text == "parmi" && matches!(tok(toks, k + 1), "les" | "des") {
                if let Some((_, v)) = self.victims.match_at(toks, k + 2) {
                    if *v != "generic" {
                        return Some(v);
                    }
                }
            }
            k += 1;
        }
        None
    }

    /// The revision cue and the source of the sentence, nearest to the count.
    fn revision_and_source(
        &self,
        text: &NormalizedText,
        toks: &[Token],
        t0: usize,
        t1: usize,
        sent: usize,
    ) -> (Option<String>, Option<String>) {
        let mut i = t0;
        while i > 0 && toks[i - 1].sentence == sent {
            i -= 1;
        }
        let mut revision: Option<(usize, String)> = None;
        let mut source: Option<(usize, String)> = None;
        while i < toks.len() && toks[i].sentence == sent {
            for role in ["revision", "source"] {
                let Some(e) = self.cue_at(role, toks, i) else {
                    continue;
                };
                let dist = if i >= t1 { i - t1 } else { t0.saturating_sub(e) };
                match role {
                    "revision" if revision.as_ref().is_none_or(|r| dist < r.0) => {
                        let r = ViewRange::new(toks[i].start, toks[e - 1].end);
                        revision = Some((dist, text.original_of(r).to_string()));
                    }
                    "source" if source.as_ref().is_none_or(|s| dist < s.0) => {
                        let mut end = e;
                        while end < toks.len()
                            && end < e + 8
                            && toks[end].sentence == sent
                            && !matches!(toks[end].text, "," | "." | ";" | ":" | ")" | "\"")
                        {
                            end += 1;
                        }
                        if end > e {
                            let r = ViewRange::new(toks[i].start, toks[end - 1].end);
                            source = Some((dist, text.original_of(r).to_string()));
                        }
                    }
                    _ => {}
                }
            }
            i += 1;
        }
        (revision.map(|r| r.1), source.map(|s| s.1))
    }

    /// "aucun soldat n'a été tué", "aucune victime", "sans perte dans ses rangs".
    fn negations(&self, text: &NormalizedText, toks: &[Token], _segments: &Segments) -> Vec<Draft> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let Some(e) = self.cue_at("negation", toks, i) else {
                i += 1;
                continue;
            };
            let sent = toks[i].sentence;
            let cue = toks[i].text;
            let mut j = e;
            if cue == "sans" && matches!(tok(toks, j), "faire" | "causer" | "deplorer") {
                j += 1;
            }
            let mut ours = false;
            if matches!(tok(toks, j), "des" | "de" | "d") && cue != "pas" && cue != "ni" {
                let de = tok(toks, j);
                j += 1 + (tok(toks, j + 1) == "'") as usize;
                // "aucun de nos hommes", "aucun de leurs otages": part of a group
                // named with a possessive.
                if de == "de" && matches!(cue, "aucun" | "aucune") {
                    if let p @ ("nos" | "ses" | "leurs" | "vos" | "ces") = tok(toks, j) {
                        ours = p == "nos";
                        j += 1;
                    }
                }
            }
            while tok(toks, j) == "\"" {
                j += 1;
            }
            let noun = self.nouns.match_at(toks, j).filter(|_| toks[j].sentence == sent);
            let vict = self
                .victims
                .match_at(toks, j)
                .filter(|_| toks[j].sentence == sent && matches!(cue, "aucun" | "aucune" | "pas"));
            let (head_end, mut kind, mut victims) = match (noun, vict) {
                (Some((ne, t)), _) => (ne, Some(t.kind), t.victims),
                (None, Some((ve, v))) => (ve, None, Some(*v)),
                _ => {
                    i = e;
                    continue;
                }
            };
            let mut end_tok = head_end;
            if matches!(tok(toks, head_end), "civile" | "civiles" | "civil" | "civils") {
                victims = Some("civilian");
                end_tok += 1;
            }
            // A cue after the head says what the negation is about: "aucun
            // des otages n'a été blessé" is about injuries.
            {
                // The verb of "aucun" is negated: once its "n'" or "ne" is
                // seen, the cue may stand further from the head ("aucun agent
                // kényan de la mission n'a été blessé").
                let mut k = head_end;
                let mut verb_seen = false;
                while k < head_end + if verb_seen { 14 } else { 8 }
                    && toks.get(k).is_some_and(|t| t.sentence == sent && !matches!(t.text, "." | ";" | "," | "ni"))
                {
                    verb_seen |= matches!(cue, "aucun" | "aucune") && matches!(toks[k].text, "n" | "ne");
                    if let Some((ke, term)) = self.strong.match_at(toks, k).or(self.after.match_at(toks, k)) {
                        kind = Some(term.kind);
                        if k == end_tok {
                            end_tok = ke;
                        }
                        break;
                    }
                    k += 1;
                }
            }
            let Some(kind) = kind else {
                i = e;
                continue;
            };
            if matches!(victims, None | Some("generic")) {
                victims = self.rank_victims(toks, head_end, sent).or(victims);
            }
            // "aucun de nos hommes n'a été tué": a force speaks of its own men
            // (villagers say "de chez nous").
            if ours && victims == Some("generic") {
                victims = Some("military");
            }
            let range = ViewRange::new(toks[i].start, toks[end_tok - 1].end);
            let (revision, source) = self.revision_and_source(text, toks, i, end_tok, sent);
            out.push(Draft {
                range,
                has_subset: false,
                is_subset: false,
                rule: "negated",
                kind,
                low: None,
                best: None,
                high: None,
                qualifier: "exact",
                victims,
                negated: true,
                sentence: sent,
                revision,
                source,
                toks: (i, end_tok),
                cue_tok: None,
            });
            i = end_tok;
        }
        out
    }

    /// Fills the victims of generic counts from their sentence, then from
    /// the document.
    fn settle_victims(&self, toks: &[Token], segments: &Segments, drafts: &mut [Draft]) {
        const CATS: [&str; 4] = ["civilian", "military", "police", "peacekeepers"];
        let specific = |v: Option<&str>| v.is_some_and(|v| CATS.contains(&v));
        // Context words per sentence and for the whole document; the
        // headline (first sentence) weighs three times in the document.
        let mut by_sentence: FastMap<usize, [usize; 4]> = FastMap::default();
        let mut doc = [0usize; 4];
        let mut k = 0;
        while k < toks.len() {
            // "Haut-Commissariat": a word inside a hyphenated compound is no context word.
            let in_compound = k > 0 && toks[k - 1].text == "-" && toks[k - 1].end == toks[k].start;
            // "plus de 6 000 morts et 600 000 déplacés": the head (or the
            // participle) of a count of displaced people says who fled, not
            // who died in the same sentence (it still tells whom the
            // document is about).
            let displaced_head = drafts.iter().any(|d| {
                d.kind == "displaced"
                    && !d.negated
                    && (d.range.contains(ViewRange::new(toks[k].start, toks[k].end)) || d.cue_tok == Some(k))
            });
            if let Some((e, v)) = self.context.match_at(toks, k).filter(|_| !in_compound) {
                if let Some(c) = CATS.iter().position(|x| x == v).filter(|_| !self.is_perpetrator(toks, k, e)) {
                    // "le conflit entre l'armée et les séparatistes": the
                    // forces are a party to the fighting, not its victims.
                    let party = c > 0
                        && (k.saturating_sub(3)..k)
                            .any(|m| toks[m].text == "entre" && toks[m].sentence == toks[k].sentence);
                    if !displaced_head && !party {
                        by_sentence.entry(toks[k].sentence).or_default()[c] += 1;
                    }
                    // Only civilians and soldiers are told apart document-wide.
                    if c < 2 {
                        doc[c] += if toks[k].sentence == 0 { 3 } else { 1 };
                    }
                }
                k = e;
            } else {
                k += 1;
            }
        }
        let winner = |v: &[usize; 4], factor: usize, min: usize| {
            let mut idx: Vec<usize> = (0..4).collect();
            idx.sort_by_key(|&c| std::cmp::Reverse(v[c]));
            (v[idx[0]] >= min && v[idx[0]] >= factor * v[idx[1]] && v[idx[0]] > v[idx[1]]).then(|| CATS[idx[0]])
        };
        let paragraph = |s: usize| segments.sentences.get(s).map(|x| x.paragraph);
        for i in 0..drafts.len() {
            if !matches!(drafts[i].victims, None | Some("generic")) {
                continue;
            }
            let sent = drafts[i].sentence;
            let same_sentence = drafts[..i]
                .iter()
                .rev()
                .take_while(|d| d.sentence == sent)
                .find(|d| specific(d.victims))
                .and_then(|d| d.victims);
            if matches!(drafts[i].kind, "kidnapped" | "arrested" | "displaced") {
                drafts[i].victims = Some(same_sentence.unwrap_or("civilian"));
                continue;
            }
            // "quinze personnes, dont trois Casques bleus": a mixed count.
            // Another count of the same figure that names its victims.
            let same_value = drafts
                .iter()
                .find(|d| {
                    // Small figures match by chance ("trois morts", "trois Casques bleus").
                    d.kind == drafts[i].kind
                        && d.best.is_some_and(|b| b >= 5)
                        && d.best == drafts[i].best
                        && specific(d.victims)
                        && !d.negated
                })
                .and_then(|d| d.victims);
            if drafts[i].has_subset {
                drafts[i].victims = match drafts.get(i + 1).and_then(|d| d.victims) {
                    Some("civilian") => Some("civilian"),
                    _ => Some(same_value.unwrap_or("unknown")),
                };
                continue;
            }
            let in_sentence = by_sentence.get(&sent).and_then(|v| winner(v, 1, 1));
            let previous = drafts[..i]
                .iter()
                .rev()
                .take_while(|d| d.sentence + 1 >= sent)
                .find(|d| d.sentence + 1 == sent && paragraph(d.sentence) == paragraph(sent) && specific(d.victims))
                .and_then(|d| d.victims);
            let in_previous = sent
                .checked_sub(1)
                .filter(|p| paragraph(*p) == paragraph(sent))
                .and_then(|p| by_sentence.get(&p))
                .and_then(|v| winner(&[v[0], v[1], 0, 0], 1, 1));
            // Vague tolls ("des centaines de morts") are mostly overall
            // tallies: the document's main victims say nothing of them.
            // A negation ("sans faire de victimes") says nothing of the
            // document's main victims either.
            // So does a toll over years ("depuis 2017, le conflit a fait plus
            // de 6 000 morts", "en 2024", "l'an dernier").
            // "plusieurs blessés graves" is no tally: only vague tens and up are.
            let vague_tens = drafts[i].qualifier == "vague" && drafts[i].low.is_some_and(|l| l >= 20);
            let over_years = tally_period(toks, sent);
            let tally = vague_tens || over_years;
            let in_doc = if tally || drafts[i].negated { None } else { winner(&doc, 2, 3) };
            // Nor do the sentences around a toll over years.
            let (in_previous, previous) = if over_years { (None, None) } else { (in_previous, previous) };
            // "Quinze personnes, dont trois Casques bleus, ont été tuées. Une
            // cinquantaine de personnes ont été blessées": the same mixed crowd.
            let mixed_before = drafts[..i]
                .iter()
                .rev()
                .take_while(|d| d.sentence + 1 >= sent)
                .find(|d| d.sentence + 1 == sent && paragraph(d.sentence) == paragraph(sent) && !d.is_subset)
                .filter(|d| d.has_subset && d.victims == Some("unknown"))
                .map(|_| "unknown");
            let mut v = same_sentence
                .or(same_value)
                .or(mixed_before)
                .or(in_sentence)
                .or(in_previous)
                .or(previous)
                .or(in_doc)
                .unwrap_or("unknown");
            // Peacekeepers are soldiers too: "soldats" around a toll that
            // follows a count of Casques bleus does not make it military.
            if v == "military" && same_sentence.or(previous) == Some("peacekeepers") {
                v = "peacekeepers";
            }
            drafts[i].victims = Some(v);
        }
        // Soldiers "captured" by an armed group are kidnapped, not arrested.
        for d in drafts.iter_mut() {
            if d.kind == "arrested" && matches!(d.victims, Some("military" | "police" | "peacekeepers")) {
                d.kind = "kidnapped";
            }
        }
    }
}

/// True when sentence `sent` counts over a period of a year or more:
/// "depuis 2015", "depuis le début du conflit", "en 2024" (a year alone, not
/// "en mars 2024"), "l'an dernier", "l'année dernière", "cette année".
fn tally_period(toks: &[Token], sent: usize) -> bool {
    let year = |i: usize| {
        toks.get(i).is_some_and(|t| {
            t.kind == TokKind::Digits && t.text.len() == 4 && (t.text.starts_with("19") || t.text.starts_with("20"))
        })
    };
    let from = toks.partition_point(|t| t.sentence < sent);
    let to = toks.partition_point(|t| t.sentence <= sent);
    (from..to).any(|i| match toks[i].text {
        "depuis" => {
            year(i + 1)
                || matches!(
                    (tok(toks, i + 1), tok(toks, i + 2)),
                    ("le", "debut") | ("sa", "creation") | ("des", "annees")
                )
        }
        "en" => year(i + 1),
        "an" | "annee" => {
            matches!(tok(toks, i + 1), "dernier" | "derniere" | "passe" | "passee")
                || i > 0 && matches!(toks[i - 1].text, "cette")
        }
        _ => false,
    })
}

/// True when `d` is in apposition to `l`: same figure, right after `l`
/// and a comma, closed by a comma before the participle both share.
fn is_apposition(toks: &[Token], l: &Draft, d: &Draft) -> bool {
    let Some(cue) = d.cue_tok.filter(|c| l.cue_tok == Some(*c)) else {
        return false;
    };
    l.sentence == d.sentence
        && l.best.is_some()
        && l.best == d.best
        && !l.negated
        && d.toks.0 == l.toks.1 + 1
        && tok(toks, l.toks.1) == ","
        && (d.toks.1..cue).any(|k| toks[k].text == ",")
        && !(d.toks.1..cue).any(|k| matches!(toks[k].text, "et" | "ou"))
}

/// Words that follow numbers without naming people ("trois fois", "les
/// deux pays"): never weak heads.
const NOT_PEOPLE: &[&str] = &[
    "fois",
    "reprises",
    "pays",
    "camps",
    "parties",
    "cotes",
    "autres",
    "premiers",
    "premieres",
    "derniers",
    "dernieres",
    "prochains",
    "prochaines",
    "ecoles",
    "lieux",
    "sites",
    "postes",
    "positions",
    "zones",
    "regions",
    "provinces",
    "communes",
    "quartiers",
    "axes",
    "routes",
    "villes",
    "localites",
    "bases",
    "camps",
    "groupes",
    "factions",
    "mouvements",
    "partis",
    "listes",
    "noms",
    "cas",
    "chiffres",
    "bilans",
    "sources",
    "temoins",
    "bilan",
    "source",
    "temoin",
    "reprise",
    "partie",
    "moitie",
    "tiers",
    "quart",
    "total",
    "ensemble",
    "nombre",
];

/// True when the cue phrase `toks` says plainly what happened to people,
/// whatever the noun: not "touchés", "libérés", "capturés", "neutralisés",
/// "perdu" (things are hit, freed, seized and lost too).
fn weak_cue(toks: &[Token]) -> bool {
    const VAGUE: &[&str] = &[
        "touch",
        "liber",
        "relach",
        "captur",
        "emmen",
        "neutralis",
        "perd",
        "retenu",
        "sequestr",
        "chass",
        "deplac",
        "tomb",
        "evacu",
        "introuv",
        "mains",
        "captivite",
        "sans",
        "hors",
        "enterr",
        "inhum",
        "fui",
        "fuy",
        "fuite",
        "quitt",
        "calcin",
        "carbonis",
        "detenu",
        "abandon",
        "routes",
        "exil",
        "pris",
    ];
    let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
    let phrase = words.join(" ");
    phrase.contains("la vie") || phrase.contains("la mort") || !VAGUE.iter().any(|v| phrase.contains(v))
}

/// A capitalized word that looks like a demonym ("Chinois", "Nigériens",
/// "Centrafricains"): a count of them is a count of civilians.
fn is_demonym(w: &str) -> bool {
    const ENDS: &[&str] = &[
        "ais", "aises", "ois", "oises", "ien", "iens", "ienne", "iennes", "ain", "ains", "aine", "aines", "ens", "ans",
        "ites", "iotes", "ais",
    ];
    w.len() > 4 && ENDS.iter().any(|e| w.ends_with(e))
}

#[cfg(test)]
mod tests;
