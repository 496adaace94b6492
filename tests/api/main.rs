//! Integration tests of chiso, through the app itself. Each test has its own database.

mod articles;
mod binary;
mod constructions;
mod dashboards;
mod evidence;
mod explorer;
mod extraction;
mod hostile;
mod linear_cost;
mod measures;
mod openapi;
mod place_evidence;
mod places;
mod properties;
mod protocol;
mod readme;
mod reads;
mod refusals;
mod replicas;
mod service;
mod store;
mod summaries;
mod support;
mod two_maps;
mod write_load;
mod writes;
