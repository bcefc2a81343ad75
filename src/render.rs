//! `vigie render`: an HTML page of one article with every extracted span
//! highlighted (hover for the values) and the events in a table, to check
//! the evidence at a glance.

use std::fmt::Write as _;

use crate::model::{Document, Mention};

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn title_of(m: &Mention) -> String {
    let v = serde_json::to_value(m).unwrap_or_default();
    let mut parts = Vec::new();
    if let Some(obj) = v.as_object() {
        for (k, val) in obj {
            if k == "span" || val.is_null() {
                continue;
            }
            parts.push(format!("{k}: {val}"));
        }
    }
    parts.join("\n")
}

/// Renders a document and its original text as a standalone HTML page.
pub fn render_html(doc: &Document, original: &str) -> String {
    // Highlight outermost mentions only (spans may nest); events use the table.
    let mut marks: Vec<(usize, usize, &Mention)> = doc
        .mentions
        .iter()
        .filter(|m| !matches!(m, Mention::Number(_)))
        .map(|m| (m.span().byte_start, m.span().byte_end, m))
        .collect();
    marks.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    let mut body = String::new();
    let mut at = 0;
    for (s, e, m) in marks {
        if s < at {
            continue;
        }
        body.push_str(&escape(&original[at..s]));
        let _ = write!(
            body,
            "<mark class=\"{}\" title=\"{}\">{}</mark>",
            m.kind(),
            escape(&title_of(m)),
            escape(&original[s..e])
        );
        at = e;
    }
    body.push_str(&escape(&original[at..]));

    let mut rows = String::new();
    for e in &doc.events {
        let casualties: Vec<String> = e
            .casualties
            .iter()
            .map(|c| {
                format!(
                    "{} {} {}",
                    c.kind,
                    c.best.or(c.low).map(|n| n.to_string()).unwrap_or_else(|| "?".into()),
                    c.victims
                )
            })
            .collect();
        let actors: Vec<String> = e.actors.iter().map(|a| format!("{}: {}", a.role, a.name)).collect();
        let _ = write!(
            rows,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"ev\">{}</td></tr>",
            escape(&e.kind),
            escape(&e.date.as_ref().map(|d| format!("{}{}", d.value, d.end.as_ref().map(|x| format!(" → {x}")).unwrap_or_default())).unwrap_or_default()),
            escape(&e.location.as_ref().map(|l| format!("{} ({})", l.name, l.country)).unwrap_or_default()),
            escape(&actors.join("; ")),
            escape(&casualties.join("; ")),
            escape(&e.certainty),
            e.confidence,
            escape(&e.evidence.text),
        );
    }
    format!(
        "<!doctype html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>{title}</title><style>\n\
         body{{font-family:sans-serif;max-width:60em;margin:2em auto}} pre{{white-space:pre-wrap;font-family:inherit;line-height:1.6}}\n\
         mark{{border-radius:3px;padding:0 2px}} .place{{background:#bde0fe}} .actor{{background:#ffc8dd}} .person{{background:#ffafcc}}\n\
         .date{{background:#caffbf}} .casualty{{background:#ffd6a5}} .trigger{{background:#fdffb6}}\n\
         table{{border-collapse:collapse}} td,th{{border:1px solid #ccc;padding:4px;vertical-align:top}} .ev{{font-size:85%;color:#555}}\n\
         </style></head><body>\n<h1>{title}</h1>\n<p>{src} · {enc} · published {pubd}</p>\n\
         <p><mark class=\"place\">place</mark> <mark class=\"actor\">actor</mark> <mark class=\"person\">person</mark> \
         <mark class=\"date\">date</mark> <mark class=\"casualty\">casualty</mark> <mark class=\"trigger\">trigger</mark></p>\n\
         <h2>Events</h2>\n<table><tr><th>type</th><th>date</th><th>place</th><th>actors</th><th>casualties</th><th>certainty</th><th>confidence</th><th>evidence</th></tr>{rows}</table>\n\
         <h2>Text</h2>\n<pre>{body}</pre>\n</body></html>\n",
        title = escape(&doc.document.id),
        src = escape(&doc.document.source),
        enc = escape(&doc.document.encoding),
        pubd = escape(doc.document.published.as_deref().unwrap_or("unknown")),
    )
}

/// A plain-text view of one document through every stage: the fold view by
/// sentence, each mention with the rule that found it, and the events.
pub fn debug_text(a: &crate::pipeline::Analysis) -> String {
    let mut out = String::new();
    let fold = a.text.fold();
    let _ = writeln!(
        out,
        "== document {} ({} chars, {})",
        a.document.document.id, a.document.document.chars, a.document.document.encoding
    );
    let _ = writeln!(out, "== sentences (fold view)");
    for (i, s) in a.segments.sentences.iter().enumerate() {
        let _ = writeln!(out, "[p{} s{}] {}", s.paragraph, i, fold[s.range.start..s.range.end].replace('\n', " / "));
    }
    let _ = writeln!(out, "== mentions");
    for (m, (rule, r)) in a.document.mentions.iter().zip(&a.provenance) {
        let mut v = serde_json::to_value(m).unwrap_or_default();
        if let Some(o) = v.as_object_mut() {
            o.remove("span");
            o.remove("kind");
        }
        let _ =
            writeln!(out, "{:<9} {:<22} fold {:>5}..{:<5} {:?} {}", m.kind(), rule, r.start, r.end, m.span().text, v);
    }
    let _ = writeln!(out, "== events");
    for e in &a.document.events {
        let _ = writeln!(out, "{}", serde_json::to_string_pretty(e).unwrap_or_default());
    }
    for w in &a.document.warnings {
        let _ = writeln!(out, "warning {}: {}", w.code, w.message);
    }
    out
}
