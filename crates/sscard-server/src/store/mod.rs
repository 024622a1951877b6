//! The store: reading and writing rows for the handlers, one job per module. Each function
//! takes a [`Conn`](crate::db::Conn) (a read, or the caller's write transaction, so a handler
//! keeps its checks and writes in one transaction) and answers named structs or wire types.
//!
//! The authorisation rule of reading lives here once: a person sees their own applications
//! and cards, and those of the minors they applied for as guardian.

pub mod applications;
pub mod cards;
pub mod challenges;
pub mod devices;
pub mod mobile_changes;
pub mod passwords;
pub mod persons;
pub mod references;
pub mod sessions;
