//! Files holding personal data or secrets: the data directory is 0700 and every
//! file in it 0600, so other accounts on the machine can read none of it.

use std::path::Path;

/// Creates `dir` when missing and makes it private (0700).
pub fn private_dir(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("cannot create data directory {}: {e}", dir.display()))?;
    set_mode(dir, 0o700)
}

/// Makes `file` private (0600); creates it empty first when `create` is set
/// and it does not exist. A missing file that need not be created is fine.
pub fn private_file(file: &Path, create: bool) -> Result<(), String> {
    if create && !file.exists() {
        let mut options = std::fs::OpenOptions::new();
        options.create(true).append(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        options
            .open(file)
            .map_err(|e| format!("cannot create {}: {e}", file.display()))?;
    }
    if file.exists() {
        set_mode(file, 0o600)?;
    }
    Ok(())
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(|e| format!("cannot make {} private: {e}", path.display()))
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u32) -> Result<(), String> {
    Ok(())
}
