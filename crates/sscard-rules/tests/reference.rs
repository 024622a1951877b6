//! Reference numbers for the 96066 hotline (issue #13; DECISIONS D34): case tables, and an
//! exhaustive check that every single substitution and every adjacent swap is caught.
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use sscard_rules::*;

/// A small deterministic generator (xorshift64*), so the exhaustive test covers many
/// references without a random-number crate and runs the same natively and in wasm.
struct Xorshift(u64);

impl Xorshift {
    fn bytes(&mut self) -> [u8; REFERENCE_RANDOM_BYTES] {
        let mut out = [0u8; REFERENCE_RANDOM_BYTES];
        for chunk in out.chunks_mut(8) {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            let x = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D);
            chunk.copy_from_slice(&x.to_le_bytes()[..chunk.len()]);
        }
        out
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn alphabet_has_31_unambiguous_symbols() {
    assert_eq!(REFERENCE_ALPHABET.len(), 31);
    for c in ['0', '1', 'I', 'L', 'O'] {
        assert!(!REFERENCE_ALPHABET.contains(c), "{c} is left out");
    }
    let mut sorted: Vec<char> = REFERENCE_ALPHABET.chars().collect();
    sorted.dedup();
    assert_eq!(sorted.len(), 31, "no symbol twice");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn generated_references() {
    // (random bytes, grouped form): all-zero randomness is the all-`2` reference, whose sum is 0.
    let cases: &[([u8; REFERENCE_RANDOM_BYTES], &str)] = &[
        ([0; REFERENCE_RANDOM_BYTES], "222-222-2222"),
        ([1; REFERENCE_RANDOM_BYTES], "AZ7-QVY-PS35"),
        ([0xFF; REFERENCE_RANDOM_BYTES], "UAX-WS3-NG9F"),
    ];
    for (random, want) in cases {
        let r = Reference::generate_from(*random);
        assert_eq!(r.to_string(), *want, "generate_from({random:?})");
        assert_eq!(r.grouped(), *want);
        assert_eq!(r.as_compact(), want.replace('-', ""));
        assert_eq!(
            Reference::parse(want).as_ref(),
            Ok(&r),
            "round trip of {want}"
        );
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn parse_cases() {
    let cases: &[(&str, Result<&str, &str>)] = &[
        ("AZ7-QVY-PS35", Ok("AZ7QVYPS35")),
        ("k7m 2q9-xd4f", Ok("K7M2Q9XD4F")), // the example in the docs and the app's hint
        ("AZ7QVYPS35", Ok("AZ7QVYPS35")),
        ("az7-qvy-ps35", Ok("AZ7QVYPS35")),
        (" az7 qvy ps35 ", Ok("AZ7QVYPS35")),
        ("AZ7–QVY", Err("reference.not_in_alphabet")), // an en dash is not a hyphen
        ("ＡＺ７－ＱＶＹ－ＰＳ３５", Ok("AZ7QVYPS35")),
        ("", Err("reference.empty")),
        (" - ", Err("reference.empty")),
        ("AZ7-QVY-PS3", Err("reference.too_short")),
        ("AZ7-QVY-PS35S", Err("reference.too_long")),
        ("AZ7-QVY-PS30", Err("reference.not_in_alphabet")),
        ("AZ7-QVY-PS3O", Err("reference.not_in_alphabet")),
        ("AZ7-QVY-PS31", Err("reference.not_in_alphabet")),
        ("AZ7-QVY-PS3I", Err("reference.not_in_alphabet")),
        ("AZ7-QVY-PS3L", Err("reference.not_in_alphabet")),
        ("az7-qvy-ps3l", Err("reference.not_in_alphabet")),
        ("app_ea4bcf9b102572f1", Err("reference.not_in_alphabet")),
        ("AZ7-QVY-PS36", Err("reference.check_symbol")),
        ("ZA7-QVY-PS35", Err("reference.check_symbol")),
    ];
    for (input, want) in cases {
        let got = Reference::parse(input);
        assert_eq!(
            got.as_ref()
                .map(Reference::as_compact)
                .map_err(|e| e.code()),
            *want,
            "parse({input:?})"
        );
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn errors_name_the_problem() {
    let cases: &[(&str, ReferenceError, &str)] = &[
        ("", ReferenceError::Empty, "enter a reference number"),
        (
            "AZ7",
            ReferenceError::TooShort,
            "a reference number has 10 characters",
        ),
        (
            "az7-qvy-ps3o",
            ReferenceError::NotInAlphabet { found: 'O' },
            "'O' is not in reference numbers: they never use 0, O, 1, I or L",
        ),
        (
            "AZ7-QVY-PS36",
            ReferenceError::CheckSymbol,
            "a character was mistyped",
        ),
    ];
    for (input, error, text) in cases {
        assert_eq!(Reference::parse(input).as_ref(), Err(error), "{input:?}");
        assert_eq!(error.to_string(), *text);
        assert_eq!(
            ValidationError::from(error.clone()).code(),
            error.code(),
            "one code through ValidationError"
        );
    }
}

/// Every single-symbol substitution (each position × each other symbol) and every swap of two
/// adjacent different symbols of many generated references is refused with the check code.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn check_symbol_catches_every_substitution_and_adjacent_swap() {
    let mut rng = Xorshift(0x9E37_79B9_7F4A_7C15);
    let (mut substitutions, mut swaps) = (0, 0);
    for _ in 0..300 {
        let r = Reference::generate_from(rng.bytes());
        let symbols: Vec<char> = r.as_compact().chars().collect();
        assert_eq!(symbols.len(), REFERENCE_LEN);
        assert_eq!(Reference::parse(&r.to_string()).as_ref(), Ok(&r));
        for i in 0..REFERENCE_LEN {
            for other in REFERENCE_ALPHABET.chars().filter(|&c| c != symbols[i]) {
                let mut typo = symbols.clone();
                typo[i] = other;
                let typo: String = typo.into_iter().collect();
                assert_eq!(
                    Reference::parse(&typo),
                    Err(ReferenceError::CheckSymbol),
                    "{r}: position {i} as {other}"
                );
                substitutions += 1;
            }
            if i + 1 < REFERENCE_LEN && symbols[i] != symbols[i + 1] {
                let mut typo = symbols.clone();
                typo.swap(i, i + 1);
                let typo: String = typo.into_iter().collect();
                assert_eq!(
                    Reference::parse(&typo),
                    Err(ReferenceError::CheckSymbol),
                    "{r}: positions {i} and {} swapped",
                    i + 1
                );
                swaps += 1;
            }
        }
    }
    assert_eq!(substitutions, 300 * REFERENCE_LEN * 30);
    assert!(swaps > 300 * 8, "most neighbours differ: {swaps}");
}

/// The random symbols spread over the whole alphabet (no symbol missing or stuck).
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn every_symbol_appears_in_every_random_position() {
    let mut rng = Xorshift(42);
    let mut seen = [[false; 31]; REFERENCE_LEN];
    for _ in 0..2000 {
        let r = Reference::generate_from(rng.bytes());
        for (i, c) in r.as_compact().chars().enumerate() {
            let v = REFERENCE_ALPHABET.find(c).expect("in the alphabet");
            seen[i][v] = true;
        }
    }
    for (i, row) in seen.iter().enumerate() {
        assert!(row.iter().all(|&s| s), "position {i}: {row:?}");
    }
}
