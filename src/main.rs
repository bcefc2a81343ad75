//! The `vigie` command line: thin glue over the library.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use vigie::input::{collect_paths, parse_date, read_path};
use vigie::pipeline::Extractor;

/// Extract conflict events from French news articles, every value tied to its
/// evidence in the original text.
#[derive(Parser)]
#[command(name = "vigie", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract one JSON document per article, one per line (JSON Lines) on stdout.
    ///
    /// FILE may be a text file (UTF-8, UTF-16 with BOM, Windows-1252…) with
    /// an optional NAME.json sidecar ({"published": "YYYY-MM-DD", ...}), a
    /// *.jsonl file of {"id", "text", "published", "url"} records, a folder
    /// (walked for *.txt and *.jsonl), or - for standard input. Exit code 0
    /// when every input was processed, 1 when some failed (each failure on
    /// stderr; the others are still written), 2 on usage errors.
    Extract {
        /// Publication date for relative dates (wins over sidecars).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_published)]
        published: Option<chrono::NaiveDate>,
        /// Pretty-print each document (no longer one per line).
        #[arg(long)]
        pretty: bool,
        /// Articles, folders, or - for stdin.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Print the JSON Schema of the document object.
    Schema,
}

fn parse_published(s: &str) -> Result<chrono::NaiveDate, String> {
    parse_date(s).ok_or_else(|| format!("{s:?} is not a date YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract { published, pretty, files } => extract(&files, published, pretty),
        Command::Schema => {
            print!("{}", vigie::model::json_schema());
            ExitCode::SUCCESS
        }
    }
}

fn extract(inputs: &[PathBuf], published: Option<chrono::NaiveDate>, pretty: bool) -> ExitCode {
    let extractor = Extractor::new();
    let (paths, walk_errors) = collect_paths(inputs);
    let mut failures = 0usize;
    for e in &walk_errors {
        eprintln!("vigie: {e}");
        failures += 1;
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for path in &paths {
        for item in read_path(path) {
            let result = item.and_then(|mut article| {
                if published.is_some() {
                    article.published = published;
                }
                for note in &article.notes {
                    eprintln!("vigie: warning: {note}");
                }
                extractor.extract(&article)
            });
            match result {
                Ok(doc) => {
                    let json = if pretty { serde_json::to_string_pretty(&doc) } else { serde_json::to_string(&doc) };
                    let line = json.expect("documents serialize");
                    if writeln!(out, "{line}").is_err() {
                        return ExitCode::from(1); // stdout closed
                    }
                }
                Err(e) => {
                    eprintln!("vigie: {e}");
                    failures += 1;
                }
            }
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(1);
    }
    if failures > 0 {
        eprintln!("vigie: {failures} input(s) failed");
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
