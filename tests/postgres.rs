//! The PostgreSQL sink against a real server.
//!
//! The test starts a throwaway cluster (`initdb` + `pg_ctl` on a temporary
//! directory, listening only on a unix socket in it) when the PostgreSQL
//! server binaries are installed (`.ci/run` installs Debian's `postgresql`).
//! As root, the server runs as the unprivileged `postgres` user through
//! `runuser`, since `initdb` refuses root. Without the binaries the test
//! prints loudly that it was skipped, and fails under CI (`CI` set), so it
//! never passes silently.

mod batch_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use batch_support::{document_with_events, temp_dir, TEXT};
use vigie::sink::postgres::PostgresSink;
use vigie::sink::sqlite::SqliteSink;
use vigie::sink::Sink;

/// The directory holding `initdb` and `pg_ctl`: on PATH, else the newest
/// /usr/lib/postgresql/NN/bin.
fn server_bin() -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH").into_iter().flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>());
    let mut debian: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path().join("bin")).collect())
        .unwrap_or_default();
    debian.sort_by_key(|p| {
        std::cmp::Reverse(
            p.parent().and_then(|v| v.file_name()).and_then(|v| v.to_str()).and_then(|v| v.parse::<u32>().ok()),
        )
    });
    on_path.chain(debian).find(|d| d.join("initdb").is_file() && d.join("pg_ctl").is_file())
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| o.stdout.starts_with(b"0\n")).unwrap_or(false)
}

/// A running throwaway cluster; stopped and removed on drop.
struct Cluster {
    dir: PathBuf,
    bin: PathBuf,
    port: u16,
    run_as: Option<&'static str>,
}

impl Cluster {
    fn command(&self, program: &str) -> Command {
        let exe = self.bin.join(program);
        match self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(exe);
                c
            }
            None => Command::new(exe),
        }
    }

    fn start(bin: PathBuf) -> Cluster {
        let dir = temp_dir("pg");
        let run_as = if is_root() { Some("postgres") } else { None };
        if let Some(user) = run_as {
            let ok = Command::new("chown").args(["-R", user]).arg(&dir).status().map(|s| s.success()).unwrap_or(false);
            assert!(
                ok,
                "as root, the cluster runs as the '{user}' user (created by Debian's postgresql package): chown failed"
            );
        }
        // A free port number: only used to name the unix socket, no TCP listener is opened.
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let cluster = Cluster { dir: dir.clone(), bin, port, run_as };
        let data = dir.join("data");
        let out = cluster
            .command("initdb")
            .arg("-D")
            .arg(&data)
            .args(["-U", "vigie", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"])
            .output()
            .expect("initdb runs");
        assert!(out.status.success(), "initdb failed: {}", String::from_utf8_lossy(&out.stderr));
        let opts =
            format!("-c listen_addresses='' -c unix_socket_directories='{}' -p {} -c fsync=off", dir.display(), port);
        let out = cluster
            .command("pg_ctl")
            .arg("-D")
            .arg(&data)
            .arg("-l")
            .arg(dir.join("server.log"))
            .args(["-w", "-t", "60", "-o", &opts, "start"])
            .output()
            .expect("pg_ctl runs");
        let log = std::fs::read_to_string(dir.join("server.log")).unwrap_or_default();
        assert!(out.status.success(), "pg_ctl start failed: {}\n{log}", String::from_utf8_lossy(&out.stderr));
        cluster
    }

    fn url(&self, db: &str) -> String {
        format!("host={} port={} user=vigie dbname={db}", self.dir.display(), self.port)
    }

    fn create_db(&self, name: &str) -> String {
        let mut c = postgres::Client::connect(&self.url("postgres"), postgres::NoTls).unwrap();
        c.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
        self.url(name)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self.command("pg_ctl").arg("-D").arg(self.dir.join("data")).args(["-m", "immediate", "stop"]).output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

const TABLES: [&str; 5] = ["documents", "events", "event_actors", "casualties", "mentions"];

/// Every row of every table, as `table: v1|v2|…` with NULL as `∅`, sorted.
fn pg_dump(url: &str) -> Vec<String> {
    let mut c = postgres::Client::connect(url, postgres::NoTls).unwrap();
    let mut out = Vec::new();
    for t in TABLES {
        let cols: Vec<String> = c
            .query("SELECT column_name::text FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position", &[&t])
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        let expr: Vec<String> = cols.iter().map(|c| format!("coalesce({c}::text, '∅')")).collect();
        let sql = format!("SELECT concat_ws('|', {}) FROM {t}", expr.join(", "));
        let mut rows: Vec<String> =
            c.query(&sql, &[]).unwrap().iter().map(|r| format!("{t}: {}", r.get::<_, String>(0))).collect();
        rows.sort();
        out.extend(rows);
    }
    out
}

/// The same dump from SQLite.
fn sqlite_text_dump(path: &Path) -> Vec<String> {
    let c = rusqlite::Connection::open(path).unwrap();
    let mut out = Vec::new();
    for t in TABLES {
        let cols: Vec<String> = c
            .prepare(&format!("PRAGMA table_info({t})"))
            .unwrap()
            .query_map([], |r| r.get(1))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let expr: Vec<String> = cols.iter().map(|c| format!("coalesce(CAST({c} AS TEXT), '∅')")).collect();
        let sql = format!("SELECT {} FROM {t}", expr.join(" || '|' || "));
        let mut rows: Vec<String> = c
            .prepare(&sql)
            .unwrap()
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(|r| format!("{t}: {}", r.unwrap()))
            .collect();
        rows.sort();
        out.extend(rows);
    }
    out
}

fn vigie(args: &[&str]) -> (Option<i32>, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_vigie")).args(args).output().unwrap();
    (o.status.code(), String::from_utf8_lossy(&o.stderr).into_owned())
}

#[test]
fn postgres_sink_against_a_real_server() {
    let Some(bin) = server_bin() else {
        let banner = "#".repeat(72);
        eprintln!("\n{banner}\n# SKIPPED: tests/postgres.rs — no PostgreSQL server binaries (initdb, pg_ctl)\n# found on PATH or under /usr/lib/postgresql/*/bin. Install Debian's\n# `postgresql` package (.ci/run does) to run the PostgreSQL sink tests.\n{banner}\n");
        assert!(std::env::var_os("CI").is_none(), "CI must run the PostgreSQL tests: install the postgresql package");
        return;
    };
    eprintln!("postgres tests: server binaries in {}", bin.display());
    let cluster = Cluster::start(bin);

    // 1. The sink itself, with events: same rows as SQLite, idempotent.
    let url = cluster.create_db("sinks");
    let a = document_with_events("a", TEXT);
    let b = document_with_events("b", &format!("{TEXT} Deuxième article."));
    let write = |sink: &mut dyn Sink| {
        sink.begin().unwrap();
        sink.document(&a).unwrap();
        sink.document(&b).unwrap();
        sink.finish().unwrap();
    };
    write(&mut PostgresSink::new(&url, 1));
    let once = pg_dump(&url);
    assert_eq!(once.iter().filter(|r| r.starts_with("events:")).count(), 4);
    assert_eq!(once.iter().filter(|r| r.starts_with("casualties:")).count(), 4);
    write(&mut PostgresSink::new(&url, 1000));
    assert_eq!(pg_dump(&url), once, "loading twice changes nothing");
    let dir = temp_dir("pg-sqlite");
    let db = dir.join("same.db");
    write(&mut SqliteSink::new(&db, 1000));
    assert_eq!(sqlite_text_dump(&db), once, "PostgreSQL and SQLite hold the same rows");
    let mut sink = PostgresSink::new(&url, 10);
    sink.begin().unwrap();
    let loaded = sink.loaded().unwrap().unwrap();
    assert_eq!(loaded.get(&a.document.sha256), Some(&vigie::sink::document_fingerprint(&a)));
    let mut fewer = a.clone();
    fewer.events.truncate(1);
    sink.document(&fewer).unwrap();
    sink.finish().unwrap();
    assert_eq!(
        pg_dump(&url).iter().filter(|r| r.starts_with("events:")).count(),
        3,
        "a replaced document loses its old events"
    );
    let err = PostgresSink::new(&cluster.url("no_such_db"), 10).begin().unwrap_err();
    assert!(err.to_string().contains("cannot connect"), "{err}");

    // 2. `vigie batch --postgres`: kill-and-resume ends with the rows of a clean run.
    let input = temp_dir("pg-input");
    let mut articles = 0;
    for (i, p) in std::fs::read_dir(batch_support_root("corpus/dev")).unwrap().map(|e| e.unwrap().path()).enumerate() {
        if p.extension().is_some_and(|e| e == "txt" || e == "json") && !p.to_string_lossy().ends_with(".gold.json") {
            let sub = input.join(format!("d{}", i % 4));
            std::fs::create_dir_all(&sub).unwrap();
            std::fs::copy(&p, sub.join(p.file_name().unwrap())).unwrap();
            articles += usize::from(p.extension().is_some_and(|e| e == "txt"));
        }
    }
    let clean = cluster.create_db("clean");
    let resumed = cluster.create_db("resumed");
    let args = |url: &str, extra: &[&str]| -> (Option<i32>, String) {
        let mut a = vec![
            "batch",
            input.to_str().unwrap(),
            "--postgres",
            url,
            "--jobs",
            "2",
            "--commit-every",
            "4",
            "--window",
            "3",
        ];
        a.extend_from_slice(extra);
        vigie(&a)
    };
    let (code, err) = args(&clean, &[]);
    assert_eq!(code, Some(0), "{err}");
    let clean_rows = pg_dump(&clean);
    assert_eq!(clean_rows.iter().filter(|r| r.starts_with("documents:")).count(), articles);
    let (code, err) = args(&resumed, &["--stop-after", "19"]);
    assert_eq!(code, Some(3), "{err}");
    let partial = pg_dump(&resumed).iter().filter(|r| r.starts_with("documents:")).count();
    assert!(partial > 0 && partial < articles, "{partial} documents after the kill");
    let (code, err) = args(&resumed, &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains(&format!("{partial} skipped")), "{err}");
    assert_eq!(pg_dump(&resumed), clean_rows, "resumed run differs from a clean one");
    let (code, err) = args(&clean, &["--force"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(pg_dump(&clean), clean_rows, "--force rewrites the same rows");
    std::fs::remove_dir_all(&input).ok();
    std::fs::remove_dir_all(&dir).ok();
}

fn batch_support_root(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}
