//! Command line and environment configuration, validated before anything starts.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::str::FromStr;

use clap::{Args, Parser, Subcommand};

/// chiso: indicators from Vietnamese local-government reports, as a JSON REST API.
#[derive(Debug, Parser)]
#[command(name = "chiso", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub config: Config,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the API (the default when no command is given).
    Serve,
    /// Print the OpenAPI document the server serves at /openapi.json.
    Openapi,
    /// Load article files, or folders of them, into the store through the extraction
    /// pipeline, printing a summary: added, unchanged, failed. Reads text (.txt), HTML pages
    /// (.html, .htm), trafilatura's JSON (.json, one record or an array; .jsonl, one a line)
    /// and WARC crawls (.warc, .warc.gz: their HTML responses).
    Ingest {
        #[arg(required = true, value_name = "DIR_OR_FILE")]
        paths: Vec<PathBuf>,
        /// Load only pages from this host and its subdomains (`baothainguyen.vn`), or under
        /// this domain (`.gov.vn`); repeatable. A page without an address is then left out.
        #[arg(long = "host", value_name = "HOST")]
        hosts: Vec<String>,
    },
    /// Write a deterministic corpus of article texts in the seeds' genre, for benchmarks.
    Synth {
        /// How many articles.
        #[arg(long, default_value_t = 1000)]
        articles: u64,
        /// The corpus seed: the same seed gives the same texts.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Folder to write `000000.txt`… into.
        #[arg(long)]
        out: PathBuf,
    },
    /// Print what the extraction pipeline makes of each file (each page or record of an HTML,
    /// trafilatura or WARC file), as JSON, without a server or store.
    Extract {
        /// Article texts as scraped, HTML pages, trafilatura JSON (Lines) or WARC files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// Settings of the service. Every flag has a matching environment variable.
#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Address and port to listen on.
    #[arg(long, env = "CHISO_BIND", default_value = "127.0.0.1:8080", global = true)]
    pub bind: SocketAddr,
    /// SQLite database file; created, with its folder, if missing.
    #[arg(long, env = "CHISO_DB", default_value = "data/chiso.sqlite3", global = true)]
    pub db: PathBuf,
    /// Folder holding `articles/` and `gazetteer/` to seed the store from on start.
    #[arg(long, env = "CHISO_SEED_DIR", default_value = "seed", global = true)]
    pub seed_dir: PathBuf,
    /// Bearer token that write endpoints require; unset means writes are disabled (403).
    #[arg(long, env = "CHISO_API_TOKEN", hide_env_values = true, global = true)]
    pub api_token: Option<String>,
    /// Largest request body accepted, in bytes.
    #[arg(long, env = "CHISO_MAX_BODY_BYTES", default_value_t = 1024 * 1024, global = true)]
    pub max_body_bytes: usize,
    /// The address clients reach the service at (`https://api.example.vn`, or with a path
    /// prefix `https://example.vn/chiso`): links in answers start with it. Unset, they start
    /// with the scheme and `Host` of each request.
    #[arg(long, env = "CHISO_PUBLIC_URL", global = true)]
    pub public_url: Option<PublicUrl>,
    /// Behind a reverse proxy that sets them: take the scheme and host of links from the
    /// request's `Forwarded` (RFC 7239) or `X-Forwarded-Proto` / `X-Forwarded-Host` headers.
    /// Leave off when clients reach the service directly: they could set any host.
    #[arg(long, env = "CHISO_TRUST_PROXY", default_value_t = false, global = true)]
    pub trust_proxy: bool,
    /// Number of HTTP worker threads (default: one per core).
    #[arg(long, env = "CHISO_WORKERS", global = true)]
    pub workers: Option<usize>,
    /// The store is replicated by Litestream (`litestream replicate -exec chiso`): chiso leaves
    /// checkpoints to it and writes a heartbeat every second for replicas to measure their lag.
    #[arg(long, env = "CHISO_LITESTREAM", default_value_t = false, global = true)]
    pub litestream: bool,
    /// Serve reads only, from a replica's copy of the store that `litestream restore -f` keeps
    /// up to date; writes are answered 405 with the primary's address.
    #[arg(long, env = "CHISO_READ_ONLY", default_value_t = false, global = true)]
    pub read_only: bool,
    /// A replica: Litestream's VFS extension (`litestream-vfs.so`, PyPI `litestream-vfs`), through
    /// which the replica named by `LITESTREAM_REPLICA_URL` is read and followed. Unset, a
    /// replica serves the local copy at `--db` as it is.
    #[arg(long, env = "CHISO_LITESTREAM_VFS", global = true)]
    pub litestream_vfs: Option<PathBuf>,
    /// A replica: where writes go (named in its answers to writes).
    #[arg(long, env = "CHISO_PRIMARY_URL", global = true)]
    pub primary_url: Option<PublicUrl>,
    /// A replica: seconds behind the primary past which `/ready` answers 503.
    #[arg(long, env = "CHISO_MAX_LAG_SECS", default_value_t = 30, global = true)]
    pub max_lag_secs: u64,
}

/// A configuration that cannot work, said in one sentence.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("seed folder {0} does not exist (set CHISO_SEED_DIR or --seed-dir)")]
    MissingSeedDir(PathBuf),
    #[error("cannot create the folder for the store {path}: {source}")]
    DbFolder { path: PathBuf, source: std::io::Error },
    #[error("the api token is empty; unset CHISO_API_TOKEN to disable writes")]
    EmptyToken,
    #[error("max body size must be at least 1 byte")]
    ZeroBodyLimit,
    #[error("a replica reading through Litestream's VFS needs LITESTREAM_REPLICA_URL (file:///…, s3://…)")]
    NoReplicaUrl,
}

/// An absolute `http`/`https` URL without query or fragment, kept without its trailing slash:
/// where clients reach a service (`https://example.vn/chiso`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(String);

impl PublicUrl {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for PublicUrl {
    type Err = String;

    fn from_str(url: &str) -> Result<PublicUrl, String> {
        let host = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_default();
        let ok = !host.is_empty()
            && !url.contains(['?', '#', ' '])
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c));
        ok.then(|| PublicUrl(url.trim_end_matches('/').to_owned()))
            .ok_or_else(|| format!("{url:?} is not an absolute http(s) URL without query or fragment"))
    }
}

impl Config {
    /// Checks what can be checked before opening anything, and creates the store's folder.
    pub fn validate(&self) -> Result<(), ConfigError> {
        if !self.seed_dir.is_dir() {
            return Err(ConfigError::MissingSeedDir(self.seed_dir.clone()));
        }
        if self.api_token.as_deref().is_some_and(|t| t.trim().is_empty()) {
            return Err(ConfigError::EmptyToken);
        }
        if self.read_only
            && self.litestream_vfs.is_some()
            && std::env::var_os("LITESTREAM_REPLICA_URL").is_none()
        {
            return Err(ConfigError::NoReplicaUrl);
        }
        if self.max_body_bytes == 0 {
            return Err(ConfigError::ZeroBodyLimit);
        }
        if let Some(parent) = self.db.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| ConfigError::DbFolder {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        Ok(())
    }
}
