//! The identity registry: who a person is, for someone the service has no
//! record of yet.
//!
//! A real deployment answers from the public-security identity check (name and
//! ID number belong together) and the carrier's real-name record (the mobile is
//! registered to that ID number), the checks behind every Chinese real-name
//! sign-up. Here the trait has one implementation backed by a list: the demo
//! people and a small fixture in demo mode, and the file given with
//! `--identity-registry` (a stand-in for development and tests). Without demo
//! mode the server refuses to start unless a registry is configured, so the
//! first sign-in can never fix a name or a mobile that nobody confirmed.

use std::collections::HashMap;

use serde::Deserialize;

/// What the registry says about a claimed identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentityCheck {
    /// The name (and the mobile, when one was given) belong to the ID number.
    Confirmed,
    /// Anything else: unknown ID number, another name, another mobile.
    NotConfirmed,
}

/// An identity check service.
pub trait IdentityRegistry: Send + Sync {
    /// Whether `name` and, when given, `mobile` belong to `id_number`.
    fn check(&self, name: &str, id_number: &str, mobile: Option<&str>) -> IdentityCheck;

    /// Whether `child_name` belongs to `child_id_number` and the person with
    /// `guardian_id_number` is the child's guardian (the household register's
    /// relation, in a real deployment).
    fn check_guardian(
        &self,
        child_name: &str,
        child_id_number: &str,
        guardian_id_number: &str,
    ) -> IdentityCheck;
}

/// One person the list registry knows.
#[derive(Debug, Clone, Deserialize)]
pub struct RegistryEntry {
    /// Name as on the ID card.
    pub name: String,
    /// 18-character ID number.
    pub id_number: String,
    /// Mobile registered to the ID number; none for young children.
    #[serde(default)]
    pub mobile: Option<String>,
    /// ID numbers of the child's guardians (empty for adults).
    #[serde(default)]
    pub guardians: Vec<String>,
    /// Further mobiles registered to the ID number (a person may hold several).
    #[serde(default)]
    pub more_mobiles: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RegistryFile {
    people: Vec<RegistryEntry>,
}

/// A registry backed by a list of people.
#[derive(Debug, Default)]
pub struct ListRegistry {
    by_id: HashMap<String, RegistryEntry>,
}

/// The fixture the demo registry confirms besides the demo people.
const DEMO_FIXTURE: &str = include_str!("../fixtures/identity-registry.json");

impl ListRegistry {
    /// Adds people; a later entry for the same ID number replaces an earlier one.
    pub fn extend(&mut self, people: impl IntoIterator<Item = RegistryEntry>) {
        for p in people {
            self.by_id.insert(p.id_number.clone(), p);
        }
    }

    /// Adds the people of a registry file (`{"people": [{name, id_number, mobile?}]}`).
    pub fn extend_from_json(&mut self, text: &str) -> Result<(), String> {
        let file: RegistryFile =
            serde_json::from_str(text).map_err(|e| format!("identity registry: {e}"))?;
        self.extend(file.people);
        Ok(())
    }

    /// The demo registry: the demo people and the shipped fixture.
    pub fn demo() -> Self {
        let mut r = Self::default();
        r.extend(crate::demo::PEOPLE.iter().map(|p| RegistryEntry {
            name: p.name.to_owned(),
            id_number: p.id_number.to_owned(),
            mobile: Some(p.mobile.to_owned()),
            guardians: Vec::new(),
            more_mobiles: Vec::new(),
        }));
        r.extend(
            crate::demo::CHILDREN
                .iter()
                .map(|(name, id, guardian)| RegistryEntry {
                    name: (*name).to_owned(),
                    id_number: (*id).to_owned(),
                    mobile: None,
                    guardians: vec![(*guardian).to_owned()],
                    more_mobiles: Vec::new(),
                }),
        );
        r.extend_from_json(DEMO_FIXTURE)
            .expect("the shipped fixture is valid");
        r
    }

    /// The registry for a server: demo people and fixture in demo mode, plus the
    /// file `path` when given. `Err` when neither is configured.
    pub fn configured(demo: bool, path: Option<&std::path::Path>) -> Result<Self, String> {
        let mut r = if demo { Self::demo() } else { Self::default() };
        match path {
            Some(p) => {
                let text = std::fs::read_to_string(p)
                    .map_err(|e| format!("cannot read identity registry {}: {e}", p.display()))?;
                r.extend_from_json(&text)?;
            }
            None if !demo => {
                return Err(
                    "no identity registry configured: new applicants could not be \
                            checked. Pass --identity-registry FILE (SSCARD_IDENTITY_REGISTRY), \
                            or run with --demo"
                        .to_owned(),
                );
            }
            None => {}
        }
        Ok(r)
    }
}

impl IdentityRegistry for ListRegistry {
    fn check(&self, name: &str, id_number: &str, mobile: Option<&str>) -> IdentityCheck {
        match self.by_id.get(id_number) {
            Some(e)
                if e.name == name
                    && mobile.is_none_or(|m| {
                        e.mobile.as_deref() == Some(m) || e.more_mobiles.iter().any(|x| x == m)
                    }) =>
            {
                IdentityCheck::Confirmed
            }
            _ => IdentityCheck::NotConfirmed,
        }
    }

    fn check_guardian(
        &self,
        child_name: &str,
        child_id_number: &str,
        guardian_id_number: &str,
    ) -> IdentityCheck {
        match self.by_id.get(child_id_number) {
            Some(e)
                if e.name == child_name && e.guardians.iter().any(|g| g == guardian_id_number) =>
            {
                IdentityCheck::Confirmed
            }
            _ => IdentityCheck::NotConfirmed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_registry_confirms_only_matching_triples() {
        let r = ListRegistry::demo();
        let (n, id, m) = ("孙悦", "110112199505057078", "13800000006");
        assert_eq!(r.check(n, id, Some(m)), IdentityCheck::Confirmed);
        assert_eq!(r.check(n, id, None), IdentityCheck::Confirmed);
        assert_eq!(r.check("张三", id, Some(m)), IdentityCheck::NotConfirmed);
        assert_eq!(
            r.check(n, id, Some("13900000000")),
            IdentityCheck::NotConfirmed
        );
        assert_eq!(
            r.check(n, "110101199001011234", Some(m)),
            IdentityCheck::NotConfirmed
        );
        // A child has no mobile: never confirmed for a code.
        assert_eq!(
            r.check("赵小雨", "110108201809153064", Some("13800000005")),
            IdentityCheck::NotConfirmed
        );
        assert_eq!(
            r.check("赵小雨", "110108201809153064", None),
            IdentityCheck::Confirmed
        );
    }

    #[test]
    fn a_child_is_confirmed_only_with_their_guardian() {
        let r = ListRegistry::demo();
        let (name, id) = ("赵小雨", "110108201809153064");
        let cases = [
            ((name, "110108198806066059"), IdentityCheck::Confirmed),
            ((name, "110105197801014037"), IdentityCheck::NotConfirmed),
            (
                ("赵小云", "110108198806066059"),
                IdentityCheck::NotConfirmed,
            ),
        ];
        for ((child_name, guardian), want) in cases {
            assert_eq!(
                r.check_guardian(child_name, id, guardian),
                want,
                "{child_name} {guardian}"
            );
        }
    }

    #[test]
    fn without_demo_a_registry_must_be_configured() {
        assert!(ListRegistry::configured(false, None).is_err());
        assert!(ListRegistry::configured(true, None).is_ok());
    }
}
