//! Throughput of the whole ingest pipeline (page parsing, places, figures, labels) on the
//! seed articles, one core. Run with `cargo bench --bench extract`; criterion reports MB/s
//! ("MiB/s") of article text.

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn seed_texts() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seed/articles");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("seed/articles")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("UTF-8 seed"))
        .collect()
}

fn ingest_seed_articles(c: &mut Criterion) {
    let gazetteer =
        chiso::seed::load_gazetteer(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seed")).expect("gazetteer");
    let texts = seed_texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("ingest");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("seed_articles", |b| {
        b.iter(|| {
            for t in &texts {
                std::hint::black_box(chiso::ingest::ingest(&chiso::ingest::Source::text(t), &gazetteer).ok());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, ingest_seed_articles);
criterion_main!(benches);
