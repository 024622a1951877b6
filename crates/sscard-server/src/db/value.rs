//! The values that cross the store interface, the same for both backends: what a
//! parameter binds ([`ToValue`], [`params!`](crate::params)) and what a column reads
//! ([`FromValue`]).
//!
//! The schema keeps to four storage kinds (64-bit integers, flags as 0/1, text and
//! nothing), so one small value type covers every query of the server on SQLite and on
//! PostgreSQL alike.

use super::DbError;

/// One SQL value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `NULL`.
    Null,
    /// An integer (flags are 0 or 1).
    Int(i64),
    /// Text.
    Text(String),
}

/// What kind of value `v` is, never the value itself: conversion errors are logged, and a
/// stored value may be personal data (a birth date, a name).
fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "NULL",
        Value::Int(_) => "an integer",
        Value::Text(_) => "text",
    }
}

/// A Rust value that binds as an SQL parameter.
pub trait ToValue {
    /// The SQL value.
    fn to_value(&self) -> Value;
}

/// A Rust value read from a column.
pub trait FromValue: Sized {
    /// Converts, or says why not.
    fn from_value(v: Value) -> Result<Self, DbError>;
}

macro_rules! int_values {
    ($($t:ty),*) => {$(
        impl ToValue for $t {
            fn to_value(&self) -> Value {
                // Every integer the server stores fits an i64 (ids, counts, Unix seconds).
                Value::Int(i64::try_from(*self).unwrap_or(i64::MAX))
            }
        }
        impl FromValue for $t {
            fn from_value(v: Value) -> Result<Self, DbError> {
                match v {
                    Value::Int(i) => <$t>::try_from(i)
                        .map_err(|_| DbError::Conversion(format!("{i} out of range"))),
                    other => Err(DbError::Conversion(format!("expected an integer, got {}", kind_of(&other)))),
                }
            }
        }
    )*};
}
int_values!(i64, i32, u32, u16, u8, usize, u64);

impl ToValue for bool {
    fn to_value(&self) -> Value {
        Value::Int(i64::from(*self))
    }
}

impl FromValue for bool {
    fn from_value(v: Value) -> Result<Self, DbError> {
        i64::from_value(v).map(|i| i != 0)
    }
}

impl ToValue for str {
    fn to_value(&self) -> Value {
        Value::Text(self.to_owned())
    }
}

impl ToValue for String {
    fn to_value(&self) -> Value {
        Value::Text(self.clone())
    }
}

impl FromValue for String {
    fn from_value(v: Value) -> Result<Self, DbError> {
        match v {
            Value::Text(s) => Ok(s),
            // SQLite may hand back an integer for a text column that holds digits only.
            Value::Int(i) => Ok(i.to_string()),
            Value::Null => Err(DbError::Conversion("expected text, got NULL".to_owned())),
        }
    }
}

/// A date, as the schema stores dates: ISO text (`2026-03-02`), which orders as text.
impl ToValue for chrono::NaiveDate {
    fn to_value(&self) -> Value {
        Value::Text(self.to_string())
    }
}

impl FromValue for chrono::NaiveDate {
    fn from_value(v: Value) -> Result<Self, DbError> {
        let s = String::from_value(v)?;
        s.parse()
            .map_err(|_| DbError::Conversion("expected a date".to_owned()))
    }
}

/// An instant, as the schema stores instants: RFC 3339 text in UTC, written always the same
/// way (`to_rfc3339`), so instants compare as text.
impl ToValue for chrono::DateTime<chrono::Utc> {
    fn to_value(&self) -> Value {
        Value::Text(self.to_rfc3339())
    }
}

impl FromValue for chrono::DateTime<chrono::Utc> {
    fn from_value(v: Value) -> Result<Self, DbError> {
        let s = String::from_value(v)?;
        chrono::DateTime::parse_from_rfc3339(&s)
            .map(|t| t.with_timezone(&chrono::Utc))
            .map_err(|_| DbError::Conversion("expected an RFC 3339 instant".to_owned()))
    }
}

impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}

impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self) -> Value {
        self.as_ref().map_or(Value::Null, ToValue::to_value)
    }
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: Value) -> Result<Self, DbError> {
        match v {
            Value::Null => Ok(None),
            v => T::from_value(v).map(Some),
        }
    }
}

impl ToValue for Value {
    fn to_value(&self) -> Value {
        self.clone()
    }
}

impl FromValue for Value {
    fn from_value(v: Value) -> Result<Self, DbError> {
        Ok(v)
    }
}

/// The parameters of one statement.
pub trait Params {
    /// In order: the first binds `?1`.
    fn values(&self) -> Vec<Value>;
}

impl Params for &[&dyn ToValue] {
    fn values(&self) -> Vec<Value> {
        self.iter().map(|v| v.to_value()).collect()
    }
}

impl<T: ToValue, const N: usize> Params for [T; N] {
    fn values(&self) -> Vec<Value> {
        self.iter().map(ToValue::to_value).collect()
    }
}

impl<T: ToValue, const N: usize> Params for &[T; N] {
    fn values(&self) -> Vec<Value> {
        self.iter().map(ToValue::to_value).collect()
    }
}

impl Params for Vec<Value> {
    fn values(&self) -> Vec<Value> {
        self.clone()
    }
}

/// The parameters of one statement, each any [`ToValue`]: `params![id, name]`.
#[macro_export]
macro_rules! params {
    () => {
        &[] as &[&dyn $crate::db::ToValue]
    };
    ($($p:expr),+ $(,)?) => {
        &[$(&$p as &dyn $crate::db::ToValue),+] as &[&dyn $crate::db::ToValue]
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip() {
        assert_eq!(
            i64::from_value(42_u32.to_value()).expect("fits"),
            42,
            "an integer"
        );
        assert_eq!(true.to_value(), Value::Int(1), "a flag is 1");
        assert!(
            !bool::from_value(Value::Int(0)).expect("flag"),
            "0 is false"
        );
        assert_eq!(
            Option::<String>::from_value(Value::Null).expect("null"),
            None,
            "NULL is None"
        );
        assert_eq!(
            String::from_value(Value::Int(7)).expect("digits"),
            "7",
            "SQLite's digits-only text"
        );
        let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).expect("a date");
        assert_eq!(
            day.to_value(),
            Value::Text("2026-03-02".to_owned()),
            "ISO text"
        );
        assert_eq!(
            chrono::NaiveDate::from_value(day.to_value()).expect("reads back"),
            day
        );
        assert!(chrono::NaiveDate::from_value(Value::Text("2026-13-01".to_owned())).is_err());
        let now = chrono::Utc::now();
        assert_eq!(
            now.to_value(),
            Value::Text(now.to_rfc3339()),
            "as always written"
        );
        assert_eq!(
            chrono::DateTime::<chrono::Utc>::from_value(now.to_value()).expect("reads back"),
            now
        );
        assert!(
            u8::from_value(Value::Int(300)).is_err(),
            "out of range is an error, not a wrap"
        );
        assert_eq!(
            crate::params![1_i64, "a", None::<String>]
                .iter()
                .map(|v| v.to_value())
                .collect::<Vec<_>>(),
            vec![Value::Int(1), Value::Text("a".to_owned()), Value::Null],
            "params! in order"
        );
    }
}
