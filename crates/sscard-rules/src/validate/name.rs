//! Person names as printed on the card (DECISIONS.md D22).
//!
//! Two scripts, never mixed:
//! * Chinese: CJK ideographs, with the middle dot `·` between the parts of a minority or
//!   transliterated name (阿卜杜·热合曼). Look-alike dots are normalised to U+00B7 and
//!   spaces are dropped. 2 to [`NAME_MAX_CHINESE`] characters.
//! * Latin, for foreign applicants (002 Q4 L35 names 外国老年人): letters, spaces, `-`, `'`,
//!   `.`; 2 to [`NAME_MAX_LATIN`] characters, inner spaces collapsed.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Longest Chinese name accepted, in characters (dots included).
pub const NAME_MAX_CHINESE: usize = 30;
/// Longest Latin-script name accepted, in characters.
pub const NAME_MAX_LATIN: usize = 60;
/// Shortest name accepted, in characters.
const NAME_MIN: usize = 2;

/// The script of a valid name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameScript {
    /// Chinese characters (with middle dots).
    Chinese,
    /// Latin letters.
    Latin,
}

/// A valid, normalised name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidName {
    /// The normalised name.
    pub name: String,
    /// Its script.
    pub script: NameScript,
}

/// Why a name is not valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum NameError {
    /// Nothing was entered.
    Empty,
    /// Fewer than 2 characters.
    TooShort,
    /// Longer than the limit of its script.
    TooLong {
        /// The limit.
        max: usize,
    },
    /// Characters outside the allowed set, mixed scripts, or a misplaced dot.
    Characters,
}

impl NameError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "name.empty",
            Self::TooShort => "name.too_short",
            Self::TooLong { .. } => "name.too_long",
            Self::Characters => "name.characters",
        }
    }
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("enter the name as on the ID document"),
            Self::TooShort => f.write_str("a name has at least 2 characters"),
            Self::TooLong { max } => write!(f, "a name has at most {max} characters"),
            Self::Characters => f.write_str(
                "use Chinese characters (with · between parts) or Latin letters, not both",
            ),
        }
    }
}

impl std::error::Error for NameError {}

fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2EBEF | 0x30000..=0x3134F)
}

fn is_dot(c: char) -> bool {
    matches!(c, '·' | '•' | '・' | '‧' | '･' | '．' | '.' | '∙' | '⋅')
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (c.is_alphabetic() && matches!(u32::from(c), 0x00C0..=0x024F))
}

/// Validates and normalises a name.
pub fn parse_name(input: &str) -> Result<ValidName, NameError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(NameError::Empty);
    }
    if trimmed.chars().any(is_cjk) {
        parse_chinese(trimmed)
    } else {
        parse_latin(trimmed)
    }
}

fn parse_chinese(s: &str) -> Result<ValidName, NameError> {
    let mut out = String::with_capacity(s.len());
    let mut prev_dot = true; // a dot may not come first
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        if is_dot(c) {
            if prev_dot {
                return Err(NameError::Characters);
            }
            out.push('·');
            prev_dot = true;
        } else if is_cjk(c) {
            out.push(c);
            prev_dot = false;
        } else {
            return Err(NameError::Characters);
        }
    }
    if prev_dot {
        // Ends with a dot (or was only dots and spaces).
        return Err(NameError::Characters);
    }
    let n = out.chars().count();
    if n < NAME_MIN {
        return Err(NameError::TooShort);
    }
    if n > NAME_MAX_CHINESE {
        return Err(NameError::TooLong {
            max: NAME_MAX_CHINESE,
        });
    }
    Ok(ValidName {
        name: out,
        script: NameScript::Chinese,
    })
}

fn parse_latin(s: &str) -> Result<ValidName, NameError> {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !word
            .chars()
            .all(|c| is_latin_letter(c) || matches!(c, '-' | '\'' | '.' | '·'))
        {
            return Err(NameError::Characters);
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if !out.chars().any(is_latin_letter) {
        return Err(NameError::Characters);
    }
    let n = out.chars().count();
    if n < NAME_MIN {
        return Err(NameError::TooShort);
    }
    if n > NAME_MAX_LATIN {
        return Err(NameError::TooLong {
            max: NAME_MAX_LATIN,
        });
    }
    Ok(ValidName {
        name: out,
        script: NameScript::Latin,
    })
}
