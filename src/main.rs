//! The `whosaid` binary: parse the command line, run it, map errors to an exit code.

mod cli;

use clap::Parser;

/// mimalloc: extraction and indexing allocate many small strings on several threads, where it
/// is markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn main() {
    let cli = cli::Cli::parse();
    let code = match cli::run(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => cli::EXIT_OK,
        Err(err) => {
            eprintln!("whosaid: {err:#}");
            cli::EXIT_ERROR
        }
    };
    std::process::exit(code);
}
