//! Integration tests of chiso, through the app itself. Each test has its own database.

mod articles;
mod openapi;
mod service;
mod store;
mod support;
