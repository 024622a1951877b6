//! Build step: the route table (src/routes.json) and the locale files (src/i18n/locales/*.toml)
//! become Rust in `$OUT_DIR`, which src/routes.rs and src/i18n `include!`.

#[path = "build/locales.rs"]
mod locales;
#[path = "build/routes.rs"]
mod routes;

use std::{env, path::PathBuf};

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=build");
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo"));
    routes::write(&out_dir);
    locales::write(&out_dir);
}
