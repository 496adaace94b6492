//! chiso: indicators extracted from Vietnamese local-government reports, served as a JSON API.
//!
//! `ingest` turns text into articles and indicators (pure), `store` keeps them in SQLite,
//! `intake` is the one home of "extract, then save", `api` serves them; [`app::build_app`]
//! wires it all for the binary and the tests.

pub mod api;
pub mod app;
pub mod bulk;
pub mod cli;
pub mod config;
pub mod domain;
pub mod error;
pub mod heartbeat;
pub mod ingest;
pub mod intake;
pub mod logging;
pub mod openapi;
pub mod seed;
pub mod store;
pub mod synth;
pub mod warmer;

pub use app::{build_app, serve};
