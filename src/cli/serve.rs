//! `whosaid serve`: the page and the JSON API over an index, read-only.

use std::sync::Arc;

use clap::Args;

use whosaid::serve::Server;

use super::Config;
use super::search::open;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on. Loopback by default; give 0.0.0.0:PORT to serve a network (there
    /// is no login: anyone who can reach the port can read the index). Port 0 picks a free one.
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub addr: String,
    /// Requests answered at the same time (default: twice the cores, at most 16).
    #[arg(long)]
    pub workers: Option<usize>,
    /// Requests that may wait for a worker; beyond that the server answers 503 at once.
    #[arg(long, default_value_t = whosaid::serve::QUEUE)]
    pub queue: usize,
}

pub fn run(cfg: &Config, a: ServeArgs) -> anyhow::Result<i32> {
    let idx = Arc::new(open(cfg)?);
    let server = Server::bind(&a.addr)?;
    let workers = a.workers.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(2, |n| (n.get() * 2).min(16))
    });
    // The first line of stdout is the address, for scripts that start the server on port 0.
    println!("http://{}/", server.addr());
    eprintln!(
        "whosaid: serving {} ({} statements) read-only with {workers} workers; Ctrl-C stops",
        cfg.index.display(),
        idx.len()?
    );
    server.run(idx, workers, a.queue);
    Ok(super::EXIT_OK)
}
