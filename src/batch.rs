//! `vigie batch`: every article under some folders, in parallel, to any
//! number of sinks.
//!
//! The run is a pipeline of three stages:
//!
//! 1. **read** (calling thread): [`collect_paths`] lists the files in a
//!    deterministic order and [`Articles`] streams them (JSONL files one line
//!    at a time), a *window* of at most `window` articles or
//!    [`WINDOW_BYTES`] at a time; text files of the window are read (and
//!    every content hashed, for routing) on the worker threads.
//! 2. **extract** (a rayon pool of `jobs` threads): the window's articles go
//!    through one shared [`Extractor`] (gazetteers compiled once) with an
//!    order-keeping `par_iter().map().collect()`.
//! 3. **write** (one writer thread that owns the sinks): finished windows
//!    arrive through a channel of capacity [`WINDOWS_IN_FLIGHT`] and are
//!    pushed to the sinks in input order.
//!
//! So memory is bounded by the articles in flight (a few windows), not by
//! the size of the folder, and the output is the same, in the same order
//! with the same ids, whatever `jobs` is.
//!
//! *Routing.* Before extraction each article is routed: a database sink
//! (one whose [`Sink::loaded`] is `Some`) is not sent an article whose
//! sha256 it already holds with the same [`fingerprint`] (unless `force`),
//! nor a second article with the same sha256 in one run (the first one in
//! input order wins, as it would in a clean run). An article that no sink
//! wants is counted as skipped and not even extracted: that is what makes a
//! re-run over an already loaded folder cheap, and a resumed run end with the
//! rows of a clean one.
//!
//! *Errors.* A bad input (unreadable, binary, empty, a bad JSONL line…) is
//! reported with its path (and line), counted and skipped; the run goes on.
//! A sink error (disk full, database gone) stops the run: the sinks are not
//! finished, so no file is left looking complete and no transaction is
//! committed half-way.

use std::collections::{HashMap, HashSet};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::input::{collect_paths, Article, Articles, InputError, Pending};
use crate::model::Document;
use crate::pipeline::{hex_sha256, Extractor};
use crate::sink::{fingerprint, Sink, SinkError};

/// Bytes of article text per window, at most (a window always holds at
/// least one article).
pub const WINDOW_BYTES: usize = 32 << 20;

/// Finished windows waiting for the writer, at most.
pub const WINDOWS_IN_FLIGHT: usize = 2;

/// How a batch runs.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Files, folders, or `-` for standard input.
    pub inputs: Vec<PathBuf>,
    /// Extraction threads (at least 1).
    pub jobs: usize,
    /// Publication date for every article (wins over sidecars and records).
    pub published: Option<NaiveDate>,
    /// Rewrite documents that databases already hold unchanged.
    pub force: bool,
    /// Show a progress bar on standard error (only honoured on a terminal).
    pub progress: bool,
    /// Articles per window; 0 = `64 × jobs`.
    pub window: usize,
    /// For tests: exit the process abruptly (code 3) after this many
    /// articles, without finishing the sinks, as a kill would.
    pub stop_after: Option<usize>,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            inputs: vec![],
            jobs: 1,
            published: None,
            force: false,
            progress: false,
            window: 0,
            stop_after: None,
        }
    }
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Articles read (extracted or skipped).
    pub articles: usize,
    /// Documents sent to at least one sink.
    pub documents: usize,
    /// Events in those documents.
    pub events: usize,
    /// Articles no sink needed (already loaded unchanged, or repeated content).
    pub skipped: usize,
    /// Inputs that failed (each reported on stderr).
    pub errors: usize,
    /// Bytes of article text read.
    pub bytes: u64,
    /// Wall-clock time of the run.
    pub elapsed: Duration,
    /// Peak resident memory of the process, when the OS tells (Linux).
    pub peak_memory: Option<u64>,
}

impl Summary {
    /// The one-line summary printed at the end of a run.
    pub fn line(&self) -> String {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        let mb = self.bytes as f64 / 1e6;
        let mut s = format!(
            "{} articles read, {} events written, {} errors, {} skipped; {:.1} MB in {:.2} s: {:.2} MB/s, {:.0} articles/s",
            self.articles,
            self.events,
            self.errors,
            self.skipped,
            mb,
            secs,
            mb / secs,
            self.articles as f64 / secs
        );
        if let Some(p) = self.peak_memory {
            s.push_str(&format!(", peak memory {:.0} MB", p as f64 / 1e6));
        }
        s
    }
}

/// One article after extraction, as the writer receives it.
enum Item {
    /// Extracted; `route[i]` says whether sink `i` gets it.
    Done { doc: Box<Document>, route: Vec<bool>, bytes: u64 },
    /// No sink needed it.
    Skipped { bytes: u64 },
    /// It could not be read or decoded.
    Failed(InputError),
}

/// The peak resident memory of this process (Linux `VmHWM`), in bytes.
pub fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Runs a batch: reads every article under `opts.inputs`, extracts in
/// parallel and writes to every sink. Bad inputs are reported on stderr and
/// counted in [`Summary::errors`]; a sink error stops the run and is returned.
pub fn run(extractor: &Extractor, mut sinks: Vec<Box<dyn Sink>>, opts: &BatchOptions) -> Result<Summary, SinkError> {
    let start = Instant::now();
    let jobs = opts.jobs.max(1);
    let window = if opts.window == 0 { 64 * jobs } else { opts.window };
    let (paths, walk_errors) = collect_paths(&opts.inputs);

    let bar = if opts.progress && std::io::stderr().is_terminal() {
        // The bar counts bytes: one more stat per file, only when it is shown.
        let total: u64 = paths.iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum();
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr_with_hz(4));
        let style = ProgressStyle::with_template(
            "{elapsed_precise} [{wide_bar}] {binary_bytes}/{binary_total_bytes} {msg} ETA {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style.progress_chars("=> "));
        bar
    } else {
        ProgressBar::hidden()
    };
    let say = |msg: String| bar.suspend(|| eprintln!("vigie: {msg}"));

    let mut summary = Summary { errors: walk_errors.len(), ..Summary::default() };
    for e in &walk_errors {
        say(e.to_string());
    }

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("vigie-extract-{i}"))
        .build()
        .map_err(|e| SinkError::new("batch", format!("cannot start {jobs} threads: {e}")))?;

    // Open every sink first: a bad database URL fails before any work.
    let mut loaded: Vec<Option<HashMap<String, String>>> = Vec::with_capacity(sinks.len());
    for i in 0..sinks.len() {
        match sinks[i].begin().and_then(|_| sinks[i].loaded()) {
            Ok(l) => loaded.push(if opts.force { l.map(|_| HashMap::new()) } else { l }),
            Err(e) => {
                for s in sinks[..=i].iter_mut() {
                    s.abort();
                }
                return Err(e);
            }
        }
    }
    let any_database = loaded.iter().any(Option::is_some);

    let (tx, rx) = sync_channel::<Vec<Item>>(WINDOWS_IN_FLIGHT);
    let stop_after = opts.stop_after;
    let result = std::thread::scope(|scope| {
        let bar = &bar;
        let writer = std::thread::Builder::new().name("vigie-writer".into()).spawn_scoped(
            scope,
            move || -> Result<Summary, SinkError> {
                let result = write_all(&mut sinks, rx, bar, start, stop_after);
                if result.is_err() {
                    for sink in sinks.iter_mut() {
                        sink.abort();
                    }
                }
                result
            },
        );
        let writer = match writer {
            Ok(w) => w,
            Err(e) => return Err(SinkError::new("batch", format!("cannot start the writer thread: {e}"))),
        };

        let mut articles = Articles::new(paths);
        let mut seen: HashSet<u128> = HashSet::new();
        loop {
            // 1. take a window of inputs (JSONL records are read here, files are not yet)
            let mut pending: Vec<Pending> = Vec::with_capacity(window);
            let mut bytes = 0usize;
            while pending.len() < window && bytes < WINDOW_BYTES {
                let Some(item) = articles.next_pending() else {
                    break;
                };
                if let Pending::Ready(Ok(a)) = &item {
                    bytes += a.bytes.len();
                }
                pending.push(item);
            }
            if pending.is_empty() {
                break;
            }
            // 2. read the files and hash the contents, in parallel
            let (batch, shas): (Vec<Result<Article, InputError>>, Vec<Option<String>>) = pool.install(|| {
                pending
                    .into_par_iter()
                    .map(|p| {
                        let mut read = p.read();
                        if let (Ok(a), Some(date)) = (&mut read, opts.published) {
                            a.published = Some(date);
                        }
                        let sha = match &read {
                            Ok(a) if any_database => Some(hex_sha256(&a.bytes)),
                            _ => None,
                        };
                        (read, sha)
                    })
                    .unzip()
            });
            // 3. route, in input order
            let routes: Vec<Option<Vec<bool>>> = if any_database {
                batch
                    .iter()
                    .zip(shas)
                    .map(|(a, sha)| {
                        let (Ok(a), Some(sha)) = (a, sha) else {
                            return None;
                        };
                        let key = u128::from_str_radix(&sha[..32], 16).unwrap_or_default();
                        let first = seen.insert(key);
                        let published = a.published.map(|d| d.format("%Y-%m-%d").to_string());
                        let fp = fingerprint(published.as_deref(), a.url.as_deref(), a.title.as_deref());
                        Some(
                            loaded
                                .iter()
                                .map(|l| match l {
                                    None => true,
                                    Some(map) => first && map.get(&sha) != Some(&fp),
                                })
                                .collect(),
                        )
                    })
                    .collect()
            } else {
                batch.iter().map(|_| Some(vec![true; loaded.len()])).collect()
            };
            // 4. extract what some sink wants, in parallel
            let items: Vec<Item> = pool.install(|| {
                batch
                    .into_par_iter()
                    .zip(routes)
                    .map(|(a, route)| match a {
                        Err(e) => Item::Failed(e),
                        Ok(a) => {
                            let bytes = a.bytes.len() as u64;
                            let route = route.unwrap_or_default();
                            if !route.iter().any(|&r| r) {
                                return Item::Skipped { bytes };
                            }
                            match extractor.extract(&a) {
                                Ok(doc) => Item::Done { doc: Box::new(doc), route, bytes },
                                Err(e) => Item::Failed(e),
                            }
                        }
                    })
                    .collect()
            });
            if tx.send(items).is_err() {
                break; // the writer stopped on a sink error; it says which
            }
        }
        drop(tx);
        writer.join().unwrap_or_else(|_| Err(SinkError::new("batch", "the writer thread panicked")))
    });
    bar.finish_and_clear();
    let written = result?;
    summary.articles = written.articles;
    summary.documents = written.documents;
    summary.events = written.events;
    summary.skipped = written.skipped;
    summary.errors += written.errors;
    summary.bytes = written.bytes;
    summary.elapsed = start.elapsed();
    summary.peak_memory = peak_memory();
    Ok(summary)
}

/// The writer stage: pushes the finished windows to the sinks in order.
fn write_all(
    sinks: &mut [Box<dyn Sink>],
    rx: std::sync::mpsc::Receiver<Vec<Item>>,
    bar: &ProgressBar,
    start: Instant,
    stop_after: Option<usize>,
) -> Result<Summary, SinkError> {
    let mut s = Summary::default();
    let mut handled = 0usize;
    for window in rx {
        for item in window {
            match item {
                Item::Done { doc, route, bytes } => {
                    // Metadata problems, reported here so that stderr keeps input order.
                    for w in doc.warnings.iter().filter(|w| w.code == "bad-metadata") {
                        bar.suspend(|| eprintln!("vigie: warning: {}", w.message));
                    }
                    for (sink, &yes) in sinks.iter_mut().zip(&route) {
                        if yes {
                            sink.document(&doc)?;
                        }
                    }
                    s.articles += 1;
                    s.documents += 1;
                    s.events += doc.events.len();
                    s.bytes += bytes;
                    bar.inc(bytes);
                }
                Item::Skipped { bytes } => {
                    s.articles += 1;
                    s.skipped += 1;
                    s.bytes += bytes;
                    bar.inc(bytes);
                }
                Item::Failed(e) => {
                    s.errors += 1;
                    bar.suspend(|| eprintln!("vigie: {e}"));
                }
            }
            handled += 1;
            if stop_after.is_some_and(|n| handled >= n) {
                bar.suspend(|| eprintln!("vigie: stopping abruptly after {handled} articles (--stop-after)"));
                std::process::exit(3);
            }
        }
        let secs = start.elapsed().as_secs_f64().max(1e-9);
        bar.set_message(format!("{} articles, {:.0} articles/s", s.articles, s.articles as f64 / secs));
    }
    for sink in sinks.iter_mut() {
        sink.finish()?;
    }
    Ok(s)
}
