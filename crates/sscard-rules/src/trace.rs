//! Explanations: every evaluation returns its result with a serialisable trace.
//!
//! A trace is a list of steps, each naming the rule, its citations, the inputs it read,
//! the dated parameters it used and what it concluded. The app renders it as "why".

use std::borrow::Cow;
use std::fmt::Display;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::citation::Citation;
use crate::policy::Param;

/// A result together with the trace that explains it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Explained<T> {
    /// The answer.
    pub result: T,
    /// How the answer was reached, step by step.
    pub trace: Trace,
}

impl<T> Explained<T> {
    /// Maps the result, keeping the trace.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Explained<U> {
        Explained {
            result: f(self.result),
            trace: self.trace,
        }
    }
}

/// The ordered steps of one evaluation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Trace {
    /// Steps in the order they were evaluated.
    pub steps: Vec<TraceStep>,
}

impl Trace {
    /// An empty trace.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends a step.
    pub fn push(&mut self, step: TraceStep) {
        self.steps.push(step);
    }

    /// Appends all steps of another trace (used when one evaluation calls another).
    pub fn extend(&mut self, other: Trace) {
        self.steps.extend(other.steps);
    }

    /// Every citation used by any step, in order, without duplicates.
    pub fn citations(&self) -> Vec<&Citation> {
        let mut out: Vec<&Citation> = Vec::new();
        for step in &self.steps {
            let from_params = step.parameters.iter().map(|p| &p.citation);
            for c in step.citations.iter().chain(from_params) {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
        }
        out
    }
}

/// One rule application.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TraceStep {
    /// Stable rule id, e.g. `bj.eligibility.e2_civil_affairs_elderly`.
    pub rule_id: Cow<'static, str>,
    /// Short English title of the rule.
    pub title: Cow<'static, str>,
    /// Sources of the rule (seed lines and decisions).
    pub citations: Vec<Citation>,
    /// The inputs the rule read, as display strings.
    pub inputs: Vec<TraceValue>,
    /// The dated policy parameters the rule used.
    pub parameters: Vec<TraceParam>,
    /// What the rule concluded, in English (the app may show its own text by `rule_id`).
    pub outcome: String,
}

impl TraceStep {
    /// A step with no inputs yet and an empty outcome.
    pub fn new(rule_id: &'static str, title: &'static str) -> Self {
        Self {
            rule_id: Cow::Borrowed(rule_id),
            title: Cow::Borrowed(title),
            citations: Vec::new(),
            inputs: Vec::new(),
            parameters: Vec::new(),
            outcome: String::new(),
        }
    }

    /// Adds a citation.
    pub fn cite(mut self, citation: Citation) -> Self {
        self.citations.push(citation);
        self
    }

    /// Records an input value.
    pub fn input(mut self, name: &'static str, value: impl Display) -> Self {
        self.inputs.push(TraceValue {
            name: Cow::Borrowed(name),
            value: value.to_string(),
        });
        self
    }

    /// Records a dated parameter.
    pub fn param<T: Display>(mut self, name: &'static str, param: &Param<T>) -> Self {
        self.parameters.push(TraceParam {
            name: Cow::Borrowed(name),
            value: param.value.to_string(),
            valid_from: param.valid_from,
            citation: param.citation.clone(),
        });
        self
    }

    /// Sets the outcome text.
    pub fn outcome(mut self, outcome: impl Into<String>) -> Self {
        self.outcome = outcome.into();
        self
    }
}

/// A named input of a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraceValue {
    /// Input name, e.g. `birth_date`.
    pub name: Cow<'static, str>,
    /// Its value as text.
    pub value: String,
}

/// A policy parameter as used by a step, with its validity and source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraceParam {
    /// Parameter name, e.g. `temp_loss_auto_lift_days`.
    pub name: Cow<'static, str>,
    /// Its value as text.
    pub value: String,
    /// The date from which this value applies.
    pub valid_from: NaiveDate,
    /// Where the value comes from.
    pub citation: Citation,
}
