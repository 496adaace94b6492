//! The `chiso` binary: parses the command line and hands over to the library.

use std::process::ExitCode;

use clap::Parser;

use chiso::config::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    chiso::logging::init();
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => cli
            .config
            .validate()
            .map_err(Into::into)
            .and_then(|()| actix_web::rt::System::new().block_on(chiso::serve(cli.config))),
        Command::Openapi => {
            print!("{}", chiso::openapi::spec_json());
            Ok(())
        }
        Command::Extract { files } => chiso::cli::extract(&cli.config, &files),
        Command::Ingest { paths, hosts } => chiso::cli::ingest(&cli.config, &paths, &hosts),
        Command::Synth { articles, seed, out } => chiso::cli::synth(&cli.config, articles, seed, &out),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
