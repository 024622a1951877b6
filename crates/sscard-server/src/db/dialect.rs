//! The one difference of SQL text between the backends that the queries cannot avoid:
//! parameters. The server writes SQLite's numbered `?1`; PostgreSQL wants `$1`.
//!
//! Everything else is written in the common subset: `ON CONFLICT … DO …`, `RETURNING`,
//! `CASE` instead of two-argument `MAX`/`MIN`, `COALESCE`, text dates.

/// `sql` with every `?N` outside quotes written `$N`.
pub fn to_postgres(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quote: Option<char> = None;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == q {
                    quote = None;
                }
            }
            None if c == '\'' || c == '"' => {
                quote = Some(c);
                out.push(c);
            }
            None if c == '?' && chars.peek().is_some_and(char::is_ascii_digit) => out.push('$'),
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::to_postgres;

    #[test]
    fn numbered_parameters_become_dollars_outside_quotes() {
        let cases = [
            (
                "SELECT a FROM t WHERE id = ?1",
                "SELECT a FROM t WHERE id = $1",
            ),
            (
                "UPDATE t SET a = ?2, b = ?10 WHERE id = ?1",
                "UPDATE t SET a = $2, b = $10 WHERE id = $1",
            ),
            ("SELECT '?1' || ?1", "SELECT '?1' || $1"),
            ("SELECT \"a?1\" FROM t", "SELECT \"a?1\" FROM t"),
            ("SELECT 'it''s ?2', ?2", "SELECT 'it''s ?2', $2"),
            ("SELECT ? FROM t", "SELECT ? FROM t"),
        ];
        for (sqlite, postgres) in cases {
            assert_eq!(to_postgres(sqlite), postgres, "{sqlite}");
        }
    }
}
