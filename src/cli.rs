//! Command-line work that needs no server: `chiso extract`.

use std::path::PathBuf;

use crate::config::Config;
use crate::ingest;
use crate::seed::load_gazetteer;

/// Prints, as one JSON array, what the pipeline makes of each file.
pub fn extract(config: &Config, files: &[PathBuf]) -> Result<(), Box<dyn std::error::Error>> {
    let gazetteer = load_gazetteer(&config.seed_dir)?;
    let mut out = Vec::new();
    for path in files {
        let file = path.display().to_string();
        let text = std::fs::read(path).map_err(|e| format!("{file}: {e}"))?;
        let text = String::from_utf8(text).map_err(|_| format!("{file}: not UTF-8"))?;
        let entry = match ingest::ingest(&text, &gazetteer) {
            Ok(article) => serde_json::json!({ "file": file, "article": article }),
            Err(e) => serde_json::json!({ "file": file, "error": e.to_string() }),
        };
        out.push(entry);
    }
    println!("{}", serde_json::to_string_pretty(&out)?);
    Ok(())
}
