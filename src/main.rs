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
        /// A folder of extra gazetteer files (places.tsv, place_aliases.tsv,
        /// countries.tsv, actors.tsv, people.tsv…), added to the built-in ones.
        #[arg(long, value_name = "DIR")]
        gazetteers: Option<PathBuf>,
        /// Articles, folders, or - for stdin.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Score the extractor against the annotated corpus; exit 1 when a score
    /// falls below the recorded baseline by more than its tolerance.
    ///
    /// With a corpus folder that holds dev/ and test/, both are scored and
    /// gated separately. The baseline is corpus/baseline.json (next to the
    /// folders). Matching rules are documented in corpus/README.md.
    Eval {
        /// The corpus folder (with dev/ and test/) or one of its parts.
        #[arg(long, default_value = "corpus")]
        corpus: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// Write the current scores as the new baseline.
        #[arg(long)]
        update_baseline: bool,
        /// Baseline file (default: baseline.json in the corpus folder or its parent).
        #[arg(long)]
        baseline: Option<PathBuf>,
        /// Print only the scores, not the list of what is wrong.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Write an HTML page of one article with every extracted span
    /// highlighted and the events tabled.
    Render {
        /// The article.
        file: PathBuf,
        /// Publication date for relative dates (wins over a sidecar).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_published)]
        published: Option<chrono::NaiveDate>,
        /// Output HTML file.
        #[arg(short = 'o', long = "output", value_name = "F.html")]
        output: PathBuf,
    },
    /// Show one article through every stage: sentences of the fold view, each
    /// mention with the rule that found it, the events, the warnings.
    Debug {
        /// The article.
        file: PathBuf,
        /// Publication date for relative dates (wins over a sidecar).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_published)]
        published: Option<chrono::NaiveDate>,
    },
    /// Every article under folders and files, in parallel, to one or more sinks.
    ///
    /// Folders are walked recursively for *.txt (with optional NAME.json
    /// sidecars) and *.jsonl record files; - reads JSONL (or one article)
    /// from stdin. Without a sink option, JSON Lines go to stdout. Databases
    /// are loaded idempotently: documents already loaded unchanged are
    /// skipped (unless --force). A progress bar is shown on a terminal; a
    /// summary is printed at the end. Exit code 0 when every input was
    /// processed, 1 when some failed or a sink failed, 2 on usage errors.
    Batch {
        /// Articles, folders, or - for stdin.
        #[arg(required = true, value_name = "DIR_OR_FILE")]
        inputs: Vec<PathBuf>,
        /// Write JSON Lines (one document per line) to this file (- = stdout).
        #[arg(long, value_name = "F.jsonl")]
        out: Option<PathBuf>,
        /// Load into this SQLite database (created when missing).
        #[arg(long, value_name = "F.db")]
        sqlite: Option<PathBuf>,
        /// Load into this PostgreSQL database (postgresql://user@host/db or "host=... dbname=...").
        #[arg(long, value_name = "URL")]
        postgres: Option<String>,
        /// Write one CSV row per event (ACLED-like columns).
        #[arg(long, value_name = "F.csv")]
        csv: Option<PathBuf>,
        /// Write one GeoJSON Feature per geolocated event.
        #[arg(long, value_name = "F.geojson")]
        geojson: Option<PathBuf>,
        /// Extraction threads (default: the number of cores).
        #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
        /// Publication date for relative dates (wins over sidecars).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_published)]
        published: Option<chrono::NaiveDate>,
        /// Reload documents the databases already hold unchanged.
        #[arg(long)]
        force: bool,
        /// No progress bar, even on a terminal.
        #[arg(long, short)]
        quiet: bool,
        /// Documents per database transaction.
        #[arg(long, value_name = "N", default_value_t = 1000, hide = true)]
        commit_every: usize,
        /// Articles extracted together (default: 64 per job).
        #[arg(long, value_name = "N", default_value_t = 0, hide = true)]
        window: usize,
        /// Testing: exit abruptly (code 3) after N articles, as if killed.
        #[arg(long, value_name = "N", hide = true)]
        stop_after: Option<usize>,
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
        Command::Extract { published, pretty, gazetteers, files } => {
            extract(&files, published, pretty, gazetteers.as_deref())
        }
        Command::Eval { corpus, json, update_baseline, baseline, quiet } => {
            eval(&corpus, json, update_baseline, baseline, quiet)
        }
        Command::Render { file, published, output } => render(&file, published, &output),
        Command::Debug { file, published } => debug(&file, published),
        Command::Batch {
            inputs,
            out,
            sqlite,
            postgres,
            csv,
            geojson,
            jobs,
            published,
            force,
            quiet,
            commit_every,
            window,
            stop_after,
        } => {
            use vigie::sink::{
                csv::CsvSink, geojson::GeoJsonSink, jsonl::JsonlSink, postgres::PostgresSink, sqlite::SqliteSink, Sink,
            };
            let mut sinks: Vec<Box<dyn Sink>> = Vec::new();
            let no_sink = out.is_none() && sqlite.is_none() && postgres.is_none() && csv.is_none() && geojson.is_none();
            if let Some(p) = out.or_else(|| no_sink.then(|| PathBuf::from("-"))) {
                sinks.push(Box::new(JsonlSink::new(&p)));
            }
            if let Some(p) = sqlite {
                sinks.push(Box::new(SqliteSink::new(&p, commit_every)));
            }
            if let Some(url) = postgres {
                sinks.push(Box::new(PostgresSink::new(&url, commit_every)));
            }
            if let Some(p) = csv {
                sinks.push(Box::new(CsvSink::new(&p)));
            }
            if let Some(p) = geojson {
                sinks.push(Box::new(GeoJsonSink::new(&p)));
            }
            let jobs = jobs
                .map(usize::from)
                .unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1));
            let opts =
                vigie::batch::BatchOptions { inputs, jobs, published, force, progress: !quiet, window, stop_after };
            match vigie::batch::run(&Extractor::new(), sinks, &opts) {
                Ok(summary) => {
                    eprintln!("vigie: {}", summary.line());
                    if summary.errors > 0 {
                        ExitCode::from(1)
                    } else {
                        ExitCode::SUCCESS
                    }
                }
                Err(e) => {
                    eprintln!("vigie: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Schema => {
            print!("{}", vigie::model::json_schema());
            ExitCode::SUCCESS
        }
    }
}

fn extract(
    inputs: &[PathBuf],
    published: Option<chrono::NaiveDate>,
    pretty: bool,
    gazetteers: Option<&std::path::Path>,
) -> ExitCode {
    let extractor = match gazetteers {
        None => Extractor::new(),
        Some(dir) => match vigie::gazetteer::Gazetteers::with_user_dir(dir) {
            Ok(g) => Extractor::with_gazetteers(g),
            Err(e) => {
                eprintln!("vigie: {e}");
                return ExitCode::from(2);
            }
        },
    };
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

fn eval(corpus: &std::path::Path, json: bool, update: bool, baseline: Option<PathBuf>, quiet: bool) -> ExitCode {
    use vigie::eval::{evaluate, regressions, rounded, Baseline};
    let extractor = Extractor::new();
    let parts: Vec<(String, PathBuf)> = if corpus.join("dev").is_dir() || corpus.join("test").is_dir() {
        ["dev", "test"].iter().filter(|p| corpus.join(p).is_dir()).map(|p| (p.to_string(), corpus.join(p))).collect()
    } else {
        let name = corpus.file_name().and_then(|n| n.to_str()).unwrap_or("corpus").to_string();
        vec![(name, corpus.to_path_buf())]
    };
    let baseline_path = baseline.unwrap_or_else(|| {
        let here = corpus.join("baseline.json");
        if here.exists() || parts.len() > 1 {
            here
        } else {
            corpus.parent().map(|p| p.join("baseline.json")).unwrap_or(here)
        }
    });
    let mut base: Baseline = match std::fs::read(&baseline_path) {
        Ok(raw) => match serde_json::from_slice(&raw) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("vigie: {}: not a baseline file: {e}", baseline_path.display());
                return ExitCode::from(2);
            }
        },
        Err(_) => Baseline { tolerance: 0.01, scores: Default::default() },
    };
    let mut failed = Vec::new();
    let mut json_out = serde_json::Map::new();
    for (name, dir) in &parts {
        let report = evaluate(&extractor, dir);
        let scores = report.scores();
        if json {
            let mut v = serde_json::to_value(&report).expect("report serializes");
            v["scores"] = serde_json::to_value(&scores).expect("scores serialize");
            json_out.insert(name.clone(), v);
        } else {
            println!("== {name} ({})", dir.display());
            print!("{}", report.table());
            if !quiet && !report.problems.is_empty() {
                println!("what is wrong ({}):", report.problems.len());
                for p in &report.problems {
                    println!("  {p}");
                }
            }
        }
        for e in &report.errors {
            eprintln!("vigie: {e}");
            failed.push(e.clone());
        }
        if update {
            base.scores.insert(name.clone(), rounded(&scores));
        } else {
            failed.extend(regressions(&base, name, &scores));
        }
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&json_out).expect("json"));
    }
    if update {
        let text = serde_json::to_string_pretty(&base).expect("baseline serializes") + "\n";
        if let Err(e) = std::fs::write(&baseline_path, text) {
            eprintln!("vigie: {}: cannot write baseline: {e}", baseline_path.display());
            return ExitCode::from(1);
        }
        eprintln!("vigie: baseline written to {}", baseline_path.display());
    }
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        for f in &failed {
            eprintln!("vigie: regression: {f}");
        }
        ExitCode::from(1)
    }
}

fn render(file: &std::path::Path, published: Option<chrono::NaiveDate>, output: &std::path::Path) -> ExitCode {
    let extractor = Extractor::new();
    let Some(item) = read_path(file).into_iter().next() else {
        eprintln!("vigie: {}: no article", file.display());
        return ExitCode::from(1);
    };
    let result = item.and_then(|mut article| {
        if published.is_some() {
            article.published = published;
        }
        extractor.analyze(&article)
    });
    match result {
        Ok(analysis) => {
            let html = vigie::render::render_html(&analysis.document, analysis.text.original());
            if let Err(e) = std::fs::write(output, html) {
                eprintln!("vigie: {}: cannot write: {e}", output.display());
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("vigie: {e}");
            ExitCode::from(1)
        }
    }
}

fn debug(file: &std::path::Path, published: Option<chrono::NaiveDate>) -> ExitCode {
    let extractor = Extractor::new();
    let Some(item) = read_path(file).into_iter().next() else {
        eprintln!("vigie: {}: no article", file.display());
        return ExitCode::from(1);
    };
    match item.and_then(|mut article| {
        if published.is_some() {
            article.published = published;
        }
        extractor.analyze(&article)
    }) {
        Ok(a) => {
            print!("{}", vigie::render::debug_text(&a));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("vigie: {e}");
            ExitCode::from(1)
        }
    }
}
