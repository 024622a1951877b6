//! Each city's policy as served: the rules crate's, built from its data file (issue 15).

use crate::common::Server;

/// Every city's policy as served is the rules crate's, built from its data file
/// (`policy/<city>.toml`, issue 15), and every dated value in it carries its citation.
#[tokio::test]
async fn each_city_policy_is_served_with_its_citations() {
    /// Every object with a `valid_from` (a `Param` or an offer) has a cited source.
    fn all_cited(v: &serde_json::Value, path: &str) {
        match v {
            serde_json::Value::Object(m) => {
                if m.contains_key("valid_from") {
                    assert!(
                        m["citation"]["source"]
                            .as_str()
                            .is_some_and(|s| !s.is_empty()),
                        "{path} has no citation"
                    );
                }
                for (k, x) in m {
                    all_cited(x, &format!("{path}.{k}"));
                }
            }
            serde_json::Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    all_cited(x, &format!("{path}[{i}]"));
                }
            }
            _ => {}
        }
    }

    let s = Server::start(true);
    let mut c = s.client();
    let today = c.today().await;
    for city in sscard_rules::City::ALL {
        let r = c.get(&format!("/api/v1/policy/{}", city.id())).await;
        match sscard_rules::policy(*city, today) {
            Ok(p) => {
                assert_eq!(r.status, 200, "{city} on {today}");
                let served = r.json();
                assert_eq!(served, serde_json::to_value(&p).unwrap(), "{city}");
                all_cited(&served, city.id());
            }
            // A city whose programme starts after the demo's today has no policy yet.
            Err(_) => assert_ne!(r.status, 200, "{city} on {today}"),
        }
    }
}
