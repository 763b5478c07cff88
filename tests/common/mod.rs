//! What the binary tests share: a temporary directory per test with a scrubbed environment, and
//! readers of the binary's output.
#![allow(dead_code)] // each test file uses part of it

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

pub struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    pub fn path(&self, p: &str) -> PathBuf {
        self.dir.path().join(p)
    }
    pub fn index_dir(&self) -> PathBuf {
        self.path("idx")
    }
    pub fn write(&self, p: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let full = self.path(p);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(&full, content).unwrap();
        full
    }
    pub fn cmd(&self) -> Command {
        Command::from_std(self.spawnable())
    }
    /// The binary with a scrubbed environment, this test's folder and index: as a
    /// `std::process::Command`, for running it in the background.
    pub fn spawnable(&self) -> std::process::Command {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin!("whosaid"));
        c.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .current_dir(self.dir.path());
        c.arg("--index")
            .arg(self.index_dir())
            .arg("--color")
            .arg("never");
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().unwrap()
    }
    pub fn index(&self, paths: &[&Path]) -> Output {
        self.index_with(&[], paths)
    }
    pub fn index_with(&self, flags: &[&str], paths: &[&Path]) -> Output {
        let mut c = self.cmd();
        c.arg("index").args(flags);
        for p in paths {
            c.arg(p);
        }
        c.output().unwrap()
    }
}

pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// JSON Lines output → the `data` of each message of the given type.
pub fn json_data(o: &Output, kind: &str) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .inspect(|v| assert_eq!(v["type"], kind))
        .map(|v| v["data"].clone())
        .collect()
}

pub fn count_all(env: &Env) -> usize {
    json_data(
        &env.run(&["search", "*", "--limit", "10000", "--all-copies", "--json"]),
        "statement",
    )
    .len()
}

/// JSON Lines output → the `data` of the messages of the given type, other types skipped.
pub fn json_data_any(o: &Output, kind: &str) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .filter(|v| v["type"] == kind)
        .map(|v| v["data"].clone())
        .collect()
}
