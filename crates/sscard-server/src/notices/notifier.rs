//! Handing a notice to the channel: one trait, and the implementations this
//! reference server has (a log line, or a file that stands in for a text-message
//! gateway). A real gateway or WeChat subscription messages implement the same
//! trait; no SDK is needed here.

use std::{io::Write, path::PathBuf, sync::Mutex};

/// One message to deliver.
#[derive(Debug, Clone, Copy)]
pub struct Outgoing<'a> {
    /// Stable id: the same on every attempt, so a gateway can drop duplicates.
    pub message_id: &'a str,
    /// The mobile on record.
    pub to: &'a str,
    /// The text.
    pub text: &'a str,
}

/// A delivery channel. `Err` is retried later with backoff.
pub trait Notifier: Send + Sync {
    /// Hands `message` to the channel (blocking; called off the async workers).
    fn deliver(&self, message: &Outgoing<'_>) -> Result<(), String>;
}

/// Logs that a notice went out (masked mobile, id, length); the default.
#[derive(Debug, Default)]
pub struct LogNotifier;

impl Notifier for LogNotifier {
    fn deliver(&self, m: &Outgoing<'_>) -> Result<(), String> {
        tracing::info!(
            message_id = m.message_id,
            to = %crate::routes::auth::mask_mobile(m.to),
            chars = m.text.chars().count(),
            "notice sent"
        );
        Ok(())
    }
}

/// Appends every delivery as a JSON line to a file (0600), synced before it
/// counts as delivered: the stand-in for a gateway in tests and development.
#[derive(Debug)]
pub struct FileNotifier {
    path: PathBuf,
    lock: Mutex<()>,
}

impl FileNotifier {
    /// A notifier writing to `path` (created 0600 when missing).
    pub fn new(path: PathBuf) -> Result<Self, String> {
        crate::private_files::private_file(&path, true)?;
        Ok(Self {
            path,
            lock: Mutex::new(()),
        })
    }
}

impl Notifier for FileNotifier {
    fn deliver(&self, m: &Outgoing<'_>) -> Result<(), String> {
        let _one_at_a_time = self.lock.lock().unwrap_or_else(|p| p.into_inner());
        let mut line =
            serde_json::json!({"message_id": m.message_id, "to": m.to, "text": m.text}).to_string();
        line.push('\n');
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&self.path)
            .map_err(|e| format!("cannot open {}: {e}", self.path.display()))?;
        // One write of the whole line: a reader or a kill never sees half of it.
        f.write_all(line.as_bytes()).map_err(|e| e.to_string())?;
        f.sync_data().map_err(|e| e.to_string())
    }
}
