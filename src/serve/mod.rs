//! `whosaid serve`: the JSON API and the page, over one index, read-only.
//!
//! One thread accepts requests and hands them to a fixed pool of workers through a bounded queue;
//! when the queue is full the request is answered at once with 503, so a burst never piles up
//! unbounded work. The index reader reloads when the index gets a new commit
//! ([`StatementIndex::searcher`] checks Tantivy's `meta.json` per request). No request reaches the
//! file system: the page is compiled into the binary, and the only files read are the index and
//! its saved queries.

pub mod api;
mod assets;

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::mpsc::{SyncSender, TrySendError, sync_channel};

use crate::error::{Error, Result};
use crate::index::StatementIndex;

pub use api::{CSP, Reply, handle};

/// Requests waiting for a worker, by default, before new ones are turned away with 503.
pub const QUEUE: usize = 64;

/// A bound listener, not yet serving.
pub struct Server {
    http: tiny_http::Server,
    addr: SocketAddr,
}

impl Server {
    /// Binds `addr` ("127.0.0.1:7878"; port 0 picks a free one).
    pub fn bind(addr: &str) -> Result<Server> {
        let listener =
            listen(addr).map_err(|e| Error::Usage(format!("cannot listen on {addr}: {e}")))?;
        let http = tiny_http::Server::from_listener(listener, None)
            .map_err(|e| Error::Usage(format!("cannot listen on {addr}: {e}")))?;
        let addr = http
            .server_addr()
            .to_ip()
            .ok_or_else(|| Error::Usage(format!("{addr} is not an IP address and port")))?;
        Ok(Server { http, addr })
    }

    /// The address actually bound.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serves until the process ends, with `workers` requests answered at a time and up to
    /// `queue` more waiting.
    pub fn run(self, idx: Arc<StatementIndex>, workers: usize, queue: usize) {
        let (tx, rx) = sync_channel::<tiny_http::Request>(queue);
        let rx = Arc::new(std::sync::Mutex::new(rx));
        for _ in 0..workers.max(1) {
            let rx = Arc::clone(&rx);
            let idx = Arc::clone(&idx);
            std::thread::spawn(move || {
                loop {
                    let next = rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                    let Ok(req) = next else { return };
                    let reply = handle(&idx, req.method().as_str(), req.url());
                    respond(req, reply);
                }
            });
        }
        for req in self.http.incoming_requests() {
            dispatch(&tx, req);
        }
    }
}

/// A listening socket with Nagle's algorithm off, which accepted connections inherit: tiny_http
/// writes a reply in several small writes, and on a kept-alive connection Nagle would hold the
/// last one until the client's delayed ACK (about 40 ms a request).
fn listen(addr: &str) -> std::io::Result<std::net::TcpListener> {
    use socket2::{Domain, Protocol, Socket, Type};
    let sa: SocketAddr = std::net::ToSocketAddrs::to_socket_addrs(addr)?
        .next()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "no address"))?;
    let socket = Socket::new(Domain::for_address(sa), Type::STREAM, Some(Protocol::TCP))?;
    socket.set_reuse_address(true)?;
    socket.set_tcp_nodelay(true)?;
    socket.bind(&sa.into())?;
    socket.listen(128)?;
    Ok(socket.into())
}

fn dispatch(tx: &SyncSender<tiny_http::Request>, req: tiny_http::Request) {
    match tx.try_send(req) {
        Ok(()) => {}
        Err(TrySendError::Full(req) | TrySendError::Disconnected(req)) => {
            let mut r = Reply::error(503, "too many requests at once; try again in a moment");
            r.headers.push(("Retry-After", "1".into()));
            respond(req, r);
        }
    }
}

fn respond(req: tiny_http::Request, reply: Reply) {
    let mut headers = vec![
        ("Content-Type", reply.content_type.to_string()),
        ("Content-Security-Policy", CSP.to_string()),
        ("X-Content-Type-Options", "nosniff".to_string()),
        ("X-Frame-Options", "DENY".to_string()),
        ("Referrer-Policy", "no-referrer".to_string()),
        ("Cache-Control", "no-store".to_string()),
    ];
    headers.extend(reply.headers);
    let mut resp = tiny_http::Response::from_data(reply.body).with_status_code(reply.status);
    for (k, v) in headers {
        if let Ok(h) = tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()) {
            resp.add_header(h);
        }
    }
    // A client that hung up is not an error of ours.
    let _ = req.respond(resp);
}
