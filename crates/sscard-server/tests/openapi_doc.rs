//! `docs/openapi.json` must be the document generated from the code.
//! Regenerate with `SSCARD_BLESS=1 cargo test -p sscard-server --test openapi_doc`.

#[test]
fn openapi_document_is_committed_and_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/openapi.json");
    let generated = sscard_server::openapi::json();
    if std::env::var_os("SSCARD_BLESS").is_some() {
        std::fs::write(path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/openapi.json differs from the code; run SSCARD_BLESS=1 cargo test -p sscard-server --test openapi_doc"
    );
}
