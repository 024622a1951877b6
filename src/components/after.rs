//! Components of the pages after applying (progress, enabling, loss, password, where, rules).

mod citation_line;
mod fraud_notice;
mod loading;
mod related_links;
mod session_bar;

pub use citation_line::CitationLine;
pub use fraud_notice::FraudNotice;
pub use loading::Loading;
pub use related_links::RelatedLinks;
pub use session_bar::SessionBar;
