//! Where can I do this: case table (002 Q5–Q10, Q18–Q21, Q34, Q38; 004; DECISIONS D5, D8–D12).
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{assert_has, assert_lacks, d};
use sscard_rules::*;

struct Case {
    city: City,
    service: Service,
    actor: Actor,
    on: (i32, u32, u32),
    permission: Permission,
    includes: &'static [Channel],
    excludes: &'static [Channel],
    refused: &'static [Channel],
    condition: Option<(Channel, OfferCondition)>,
    note: Option<WhereNote>,
    source: &'static str,
}

const N: (i32, u32, u32) = (2026, 3, 2);

const CASES: &[Case] = &[
    Case {
        city: City::Beijing,
        service: Service::Reissue,
        actor: Actor::Holder,
        on: N,
        permission: Permission::Allowed,
        includes: &[
            Channel::HrssWebsite,
            Channel::IssuingBankBranch,
            Channel::InstantBranch,
        ],
        excludes: &[Channel::DistrictStreetPoint],
        refused: &[Channel::DistrictStreetPoint],
        condition: Some((
            Channel::BankBranch,
            OfferCondition::OtherBankMeansBankChange,
        )),
        note: None,
        source: "002 Q9 L79, Q10 L89, Q20 L143; D8",
    },
    Case {
        city: City::Beijing,
        service: Service::TempLoss,
        actor: Actor::Agent,
        on: N,
        permission: Permission::Allowed,
        includes: &[
            Channel::Hotline,
            Channel::DistrictStreetPoint,
            Channel::BankBranch,
        ],
        excludes: &[Channel::HrssWebsite],
        refused: &[],
        condition: Some((
            Channel::DistrictStreetPoint,
            OfferCondition::SocialFunctionOnly,
        )),
        note: Some(WhereNote::ActsAtCounters),
        source: "002 Q18 L135, Q21 L147, Q38 L237; D10, D12",
    },
    Case {
        city: City::Beijing,
        service: Service::ActivateFinancial,
        actor: Actor::Holder,
        on: N,
        permission: Permission::Allowed,
        includes: &[Channel::IssuingBankBranch, Channel::InstantBranch],
        excludes: &[Channel::HrssWebsite, Channel::DistrictStreetPoint],
        refused: &[
            Channel::HrssWebsite,
            Channel::BeijingHrssApp,
            Channel::DistrictStreetPoint,
        ],
        condition: Some((Channel::IssuingBankBranch, OfferCondition::InPersonOnly)),
        note: None,
        source: "002 Q10 L89–L91, Q15 L121",
    },
    Case {
        city: City::Beijing,
        service: Service::Apply,
        actor: Actor::Agent,
        on: N,
        permission: Permission::NotAllowed,
        includes: &[],
        excludes: &[Channel::BankBranch],
        refused: &[],
        condition: None,
        note: Some(WhereNote::ActorNotAllowed),
        source: "002 Q38 L237; D5",
    },
    Case {
        city: City::Beijing,
        service: Service::Unfreeze,
        actor: Actor::Holder,
        on: N,
        permission: Permission::Allowed,
        includes: &[Channel::IssuingBankBranch, Channel::DistrictStreetPoint],
        excludes: &[Channel::Hotline],
        refused: &[],
        condition: Some((Channel::DistrictStreetPoint, OfferCondition::FormalLossOnly)),
        note: None,
        source: "002 Q7 L61, Q19 L139; D11",
    },
    Case {
        city: City::Beijing,
        service: Service::CancelFinancial,
        actor: Actor::Holder,
        on: N,
        permission: Permission::Allowed,
        includes: &[Channel::IssuingBankBranch],
        excludes: &[Channel::BankBranch],
        refused: &[Channel::DistrictStreetPoint],
        condition: Some((
            Channel::IssuingBankBranch,
            OfferCondition::SocialCancelledFirst,
        )),
        note: None,
        source: "002 Q34 L219, Q36 L229",
    },
    Case {
        city: City::Beijing,
        service: Service::Apply,
        actor: Actor::Holder,
        on: (2024, 7, 1),
        permission: Permission::Allowed,
        includes: &[Channel::HrssWebsite, Channel::MinshengMiniProgram],
        excludes: &[Channel::BeijingHrssWechat, Channel::DistrictStreetPoint],
        refused: &[],
        condition: None,
        note: Some(WhereNote::OrganisedByGroup),
        source: "001 问答(八) L103; D4, D9",
    },
    Case {
        city: City::Beijing,
        service: Service::Apply,
        actor: Actor::Holder,
        on: N,
        permission: Permission::Allowed,
        includes: &[
            Channel::BeijingHrssWechat,
            Channel::DistrictStreetPoint,
            Channel::BankBranch,
            Channel::InstantBranch,
        ],
        excludes: &[],
        refused: &[],
        condition: Some((
            Channel::MinshengMiniProgram,
            OfferCondition::ApplicationOnlyChannel,
        )),
        note: None,
        source: "000 ¶ L12–L13; D9",
    },
    Case {
        city: City::Beijing,
        service: Service::Apply,
        actor: Actor::Holder,
        on: (2024, 3, 1),
        permission: Permission::NotAllowed,
        includes: &[],
        excludes: &[Channel::HrssWebsite],
        refused: &[],
        condition: None,
        note: Some(WhereNote::IndividualApplicationClosed),
        source: "001 ¶ L13; D4",
    },
    Case {
        city: City::Beijing,
        service: Service::CollectiveApply,
        actor: Actor::Employer,
        on: N,
        permission: Permission::Allowed,
        includes: &[Channel::HrssWebsite, Channel::BankBranch],
        excludes: &[],
        refused: &[],
        condition: Some((Channel::HrssWebsite, OfferCondition::AsEmployerUser)),
        note: None,
        source: "002 Q12 L103",
    },
    Case {
        city: City::Beijing,
        service: Service::EnableSocial,
        actor: Actor::Guardian,
        on: N,
        permission: Permission::Conditional,
        includes: &[Channel::DistrictStreetPoint],
        excludes: &[Channel::HrssWebsite],
        refused: &[],
        condition: None,
        note: Some(WhereNote::ActsAtCounters),
        source: "002 Q38 L241; D12, D13",
    },
    Case {
        city: City::Urumqi,
        service: Service::Renewal,
        actor: Actor::Holder,
        on: (2026, 4, 1),
        permission: Permission::Allowed,
        includes: &[Channel::BankBranch, Channel::XinjiangHrssApp],
        excludes: &[],
        refused: &[],
        condition: Some((
            Channel::XinjiangHrssApp,
            OfferCondition::RemoteResidentsOnly,
        )),
        note: None,
        source: "004 ¶ L6, Q L23–L26",
    },
    Case {
        city: City::Urumqi,
        service: Service::CollectiveApply,
        actor: Actor::Employer,
        on: (2026, 4, 1),
        permission: Permission::NotAllowed,
        includes: &[],
        excludes: &[],
        refused: &[],
        condition: None,
        note: Some(WhereNote::ActorNotAllowed),
        source: "004 Q L19",
    },
    Case {
        city: City::Shanghai,
        service: Service::Apply,
        actor: Actor::Guardian,
        on: (2026, 4, 1),
        permission: Permission::Allowed,
        includes: &[Channel::ShanghaiOnline],
        excludes: &[],
        refused: &[],
        condition: None,
        note: None,
        source: "003 换发方式(三) L23",
    },
];

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn where_can_table() {
    for c in CASES {
        let context = format!("{} {} {} ({})", c.city, c.service, c.actor, c.source);
        let w = where_can(c.city, c.service, c.actor, d(c.on.0, c.on.1, c.on.2))
            .unwrap_or_else(|e| panic!("{context}: {e:?}"))
            .result;
        assert_eq!(w.permission.permission, c.permission, "{context}");
        let offered: Vec<Channel> = w.channels.iter().map(|o| o.channel).collect();
        let refused: Vec<Channel> = w.not_offered.iter().map(|o| o.channel).collect();
        assert_has(&offered, c.includes, &format!("{context}: offered"));
        assert_lacks(&offered, c.excludes, &format!("{context}: offered"));
        assert_has(&refused, c.refused, &format!("{context}: not offered"));
        if let Some((ch, cond)) = c.condition {
            let conditions = w
                .channels
                .iter()
                .filter(|o| o.channel == ch)
                .flat_map(|o| o.conditions.iter().copied())
                .collect::<Vec<_>>();
            assert_has(
                &conditions,
                &[cond],
                &format!("{context}: conditions at {ch}"),
            );
        }
        if let Some(n) = c.note {
            assert_has(&w.notes, &[n], &format!("{context}: notes"));
        }
        let other_services: Vec<&ChannelOffer> = w
            .channels
            .iter()
            .chain(&w.not_offered)
            .filter(|o| o.service != c.service)
            .collect();
        assert_eq!(
            other_services,
            Vec::<&ChannelOffer>::new(),
            "{context}: offers of another service"
        );
    }
}

/// The city's online channel: (city, channel, a service the seed says it offers, seed, line).
const ONLINE_CHANNELS: &[(City, Channel, Service, &str, u32)] = &[
    // 002 Q9 L79: 官网、北京人社APP、京通微信小程序提供…启用、临时挂失…等服务.
    (
        City::Beijing,
        Channel::BeijingHrssApp,
        Service::EnableSocial,
        SEED_002,
        79,
    ),
    // 003 换发方式(三) L23: 通过网上平台(网站、微信、App)…自助办理.
    (
        City::Shanghai,
        Channel::ShanghaiOnline,
        Service::Apply,
        SEED_003,
        23,
    ),
    // 004 L23: 可通過“新疆智慧人社”App或“新疆智慧人社”微信小程序進行線上辦理.
    (
        City::Urumqi,
        Channel::XinjiangHrssApp,
        Service::Reissue,
        SEED_004,
        23,
    ),
];

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn online_channel_table() {
    let cities: Vec<City> = ONLINE_CHANNELS.iter().map(|row| row.0).collect();
    assert_has(&cities, City::ALL, "ONLINE_CHANNELS: a row for every city");
    for &(city, channel, service, seed, line) in ONLINE_CHANNELS {
        let source = format!("{seed} L{line}");
        assert_eq!(online_channel(city), channel, "{city} ({source})");
        assert!(channel.is_online(), "{channel} is not online ({source})");
        let cited = channel_offers(city, service, channel, d(2026, 3, 2))
            .map(|o| (o.citation.source.into_owned(), o.citation.line));
        assert_eq!(
            cited,
            Some((seed.to_owned(), Some(line))),
            "{channel} offers {service} in {city}, citing the seed ({source})"
        );
    }
}
