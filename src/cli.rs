//! Command-line work without a server: `chiso extract` and `chiso ingest`.

use std::path::{Path, PathBuf};

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::bulk;
use crate::config::Config;
use crate::intake;
use crate::seed::{ensure_gazetteer, load_gazetteer};
use crate::store::Store;

/// Prints, as one JSON array, what the pipeline makes of each file: of each page and record
/// of an HTML, trafilatura or WARC file.
pub fn extract(config: &Config, files: &[PathBuf]) -> Result<(), Box<dyn std::error::Error>> {
    let gazetteer = load_gazetteer(&config.seed_dir)?;
    // Read as the server would read it if it were posted today.
    let today = intake::today();
    let mut out = Vec::new();
    for (path, kind) in bulk::input_files(files)? {
        let mut each = |doc: bulk::Document| {
            let article = doc.read.and_then(|(text, origin)| {
                intake::extract_on(&text, &origin, &gazetteer, today).map_err(|e| e.to_string())
            });
            out.push(match article {
                Ok(article) => serde_json::json!({ "file": doc.name, "article": article }),
                Err(e) => serde_json::json!({ "file": doc.name, "error": e }),
            });
            true
        };
        bulk::read_documents(
            &path,
            kind,
            config.max_body_bytes,
            &bulk::HostFilter::default(),
            &mut each,
        );
    }
    println!("{}", serde_json::to_string_pretty(&out)?);
    Ok(())
}

/// Loads many articles in one go, in batches of whole articles, with a progress bar on a terminal.
pub fn ingest(
    config: &Config,
    paths: &[PathBuf],
    hosts: &[String],
) -> Result<(), Box<dyn std::error::Error>> {
    config.validate()?;
    if config.read_only {
        return Err("a read-only replica cannot ingest: ingest on the primary".into());
    }
    let store = Store::open_for_loading(&config.db, crate::app::sharing(config))
        .map_err(|e| format!("cannot open the store at {}: {e}", config.db.display()))?;
    let gazetteer = ensure_gazetteer(&store, &config.seed_dir)?;
    let files = bulk::input_files(paths)?;
    if files.is_empty() {
        return Err("no files to ingest (.txt, .html, .htm, .json, .jsonl, .warc, .warc.gz)".into());
    }
    let hosts = bulk::HostFilter::new(hosts);
    let counted = files.iter().all(|(_, kind)| kind.is_single());
    let bar = if counted {
        ProgressBar::new(files.len() as u64)
    } else {
        ProgressBar::no_length()
    };
    if std::io::stderr().is_terminal() {
        bar.set_style(ProgressStyle::with_template(if counted {
            "{bar:40} {pos}/{len} articles, {per_sec}, {eta} left"
        } else {
            "{spinner} {pos} articles, {per_sec}, {elapsed}"
        })?);
    } else {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    let report = bulk::load_files(
        &store,
        &gazetteer,
        &files,
        config.max_body_bytes,
        &hosts,
        |_| None,
        |name, outcome| {
            if let Err(reason) = outcome {
                bar.suspend(|| eprintln!("skipped {name}: {reason}"));
            }
            bar.inc(1);
        },
    )?;
    bar.finish_and_clear();
    println!(
        "{} files: {} added, {} updated, {} unchanged, {} failed",
        files.len(),
        report.added,
        report.updated,
        report.unchanged,
        report.failed
    );
    if !hosts.is_empty() {
        println!("{} pages and responses of other hosts left out", report.filtered);
    }
    // The next start serves the first screen's cards at once.
    let started = std::time::Instant::now();
    let cards = store.warm_cards(false)?;
    store.close()?;
    println!(
        "first screen kept: {cards} province cards in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Writes a synthetic corpus and says how much.
pub fn synth(
    config: &Config,
    articles: u64,
    seed: u64,
    out: &Path,
) -> Result<(), Box<dyn std::error::Error>> {
    let gazetteer = load_gazetteer(&config.seed_dir)?;
    let bytes = crate::synth::write_corpus(&gazetteer, articles, seed, out)?;
    println!(
        "{articles} articles, {:.1} MB, in {}",
        bytes as f64 / 1e6,
        out.display()
    );
    Ok(())
}
