//! Number and casualty grammar speed on the dev corpus articles, checked:
//! the bench asserts how many casualty counts it finds, so a fast-but-wrong
//! change shows up. `cargo bench --bench casualty`.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use vigie::normalize::NormalizedText;
use vigie::rules::casualty::CasualtyRules;
use vigie::segment::segment;

fn articles() -> Vec<(NormalizedText, vigie::segment::Segments)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/dev");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let d = vigie::decode::decode(&std::fs::read(p).unwrap()).unwrap();
            let t = NormalizedText::new(d.text);
            let s = segment(&t);
            (t, s)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = articles();
    let rules = CasualtyRules::new();
    let bytes: usize = docs.iter().map(|d| d.0.original().len()).sum();
    let mut g = c.benchmark_group("casualty");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("dev corpus", |b| {
        b.iter(|| {
            let n: usize = docs.iter().map(|(t, s)| rules.find(black_box(t), s).casualties.len()).sum();
            assert!(n >= 250, "found only {n} casualty counts");
            n
        })
    });
    g.finish();
    println!("{} articles per iteration", docs.len());
}

criterion_group!(benches, bench);
criterion_main!(benches);
