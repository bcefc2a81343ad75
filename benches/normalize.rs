//! Decode + normalize (+ offset map) throughput on ordinary articles.
//!
//! `cargo bench --bench normalize`; criterion prints MB/s (Throughput::Bytes).

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use vigie::decode::decode;
use vigie::normalize::NormalizedText;
use vigie::span::ViewRange;

fn article() -> Vec<u8> {
    // About 3 KB of French news: the fixture article, repeated with variations.
    let base =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/article-utf8.txt")).unwrap();
    let mut s = String::new();
    for i in 0..6 {
        s.push_str(&base.replace("Boni", ["Boni", "Ménaka", "Kidal", "Tessalit", "Diabaly", "Nara"][i]));
    }
    s.into_bytes()
}

fn bench(c: &mut Criterion) {
    let bytes = article();
    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("decode+normalize", |b| {
        b.iter(|| {
            let d = decode(black_box(&bytes)).unwrap();
            let t = NormalizedText::new(d.text);
            // Check while measuring: the fold view keeps every word.
            assert!(t.fold().contains("menaka"));
            black_box(t.span(ViewRange::new(10, 20)));
        })
    });
    let ascii: Vec<u8> = bytes.iter().map(|&b| if b < 0x80 { b } else { b'e' }).collect();
    let ascii = String::from_utf8_lossy(&ascii).into_owned().into_bytes();
    g.throughput(Throughput::Bytes(ascii.len() as u64));
    g.bench_function("decode+normalize ascii", |b| {
        b.iter(|| black_box(NormalizedText::new(decode(black_box(&ascii)).unwrap().text)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
