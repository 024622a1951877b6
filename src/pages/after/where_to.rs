//! `/where`: "Where can I do this?" Pick a service and who you are (myself, guardian, agent);
//! see the channels that offer it with their conditions and the source of each, from the rules
//! crate's `where_can`. Public: no sign-in.

use chrono::NaiveDate;
use leptos::prelude::*;
use sscard_rules::{Actor, Channel, ChannelOffer, City, Service, WhereAnswer, where_can};

use super::{
    CodeTable, after_texts, channel_name, city_name, code_messages, fill_ask_for, long_date,
    service_name, use_step_meta,
};
use crate::components::after::{CitationLine, RelatedLinks};
use crate::components::{ErrorSummary, FormErrors, RadioGroup, RadioOption};
use crate::i18n::Fill;
use crate::i18n::after::{AfterTexts, find};
use crate::i18n::{Locale, use_i18n};
use crate::policy_text::{fill_common_here, fill_params};

const SERVICE_FIELD: &str = "service";
const ACTOR_FIELD: &str = "actor";
/// The actors a citizen can be here, in the order the question lists them.
const ACTORS: [Actor; 3] = [Actor::Holder, Actor::Guardian, Actor::Agent];

/// The page's problem codes and their texts.
const CODES: CodeTable = |t| t.where_to().errors;

/// Services a citizen does (the employer-only ones are left out).
fn citizen_services() -> impl Iterator<Item = Service> {
    Service::ALL
        .iter()
        .copied()
        .filter(|s| !matches!(s, Service::CollectiveApply | Service::ReturnUndistributed))
}

fn offer_view(
    t: &'static AfterTexts,
    locale: Locale,
    city: City,
    on: NaiveDate,
    offer: ChannelOffer,
) -> impl IntoView + use<> {
    let w = t.where_to();
    let conditions: Vec<String> = offer
        .conditions
        .iter()
        .map(|c| {
            fill_params(
                &fill_ask_for(t, Some(city), &fill_common_here(w.offer_conditions.of(*c))),
                city,
                on,
            )
        })
        .collect();
    // The hotline channel with its number from the city's policy, ready to call.
    let number = (offer.channel == Channel::Hotline)
        .then(|| sscard_rules::hotline(city, on).ok().flatten())
        .flatten()
        .map(|h| h.value);
    view! {
        <li class="channel">
            <p class="channel__name">
                {channel_name(t, offer.channel)}
                {number.map(|n| view! { " " <a href=format!("tel:{n}")>{n}</a> })}
            </p>
            {(!conditions.is_empty()).then(|| view! {
                <ul class="list channel__conditions">
                    {conditions.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                </ul>
            })}
            <p class="source">
                {t.common().source} <CitationLine texts=t citation=offer.citation />
                " (" {w.valid_from.fill("date", &long_date(locale, offer.valid_from))} ")"
            </p>
        </li>
    }
}

fn answer_view(
    t: &'static AfterTexts,
    locale: Locale,
    city: City,
    on: NaiveDate,
    answer: WhereAnswer,
) -> impl IntoView + use<> {
    let w = t.where_to();
    let heading = w
        .answer_heading
        .fill("service", service_name(t, answer.service))
        .fill(
            "actor",
            &fill_common_here(
                find(w.actor_options, answer.actor.id()).unwrap_or(answer.actor.id()),
            ),
        );
    let permission = fill_common_here(w.permissions.of(answer.permission.permission));
    let actor_conditions: Vec<String> = answer
        .permission
        .conditions
        .iter()
        .map(|c| fill_common_here(w.actor_conditions.of(*c)))
        .collect();
    let notes: Vec<String> = answer
        .notes
        .iter()
        .map(|n| fill_common_here(w.notes.of(*n)))
        .collect();
    let citations = answer.permission.citations.clone();
    view! {
        <section class="answer" aria-labelledby="where-answer" aria-live="polite">
            <h2 id="where-answer">{heading}</h2>
            <p class="panel">{permission}</p>
            {(!actor_conditions.is_empty()).then(|| view! {
                <h3>{w.actor_conditions_heading}</h3>
                <ul class="list">{actor_conditions.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
            })}
            <ul class="list source">
                {citations.into_iter().map(|c| view! {
                    <li>{t.common().source} <CitationLine texts=t citation=c /></li>
                }).collect_view()}
            </ul>
            {notes.into_iter().map(|n| view! { <p>{n}</p> }).collect_view()}
            <h3>{w.channels_heading}</h3>
            {if answer.channels.is_empty() {
                view! { <p>{w.no_channels}</p> }.into_any()
            } else {
                view! {
                    <ul class="channel-list">
                        {answer.channels.into_iter().map(|o| offer_view(t, locale, city, on, o)).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(!answer.not_offered.is_empty()).then(|| view! {
                <h3>{w.not_offered_heading}</h3>
                <ul class="channel-list">
                    {answer.not_offered.into_iter().map(|o| offer_view(t, locale, city, on, o)).collect_view()}
                </ul>
            })}
        </section>
    }
}

/// The "where can I do this" page.
#[component]
pub fn WherePage() -> impl IntoView {
    let i18n = use_i18n();
    // Starts from the city the person chose (they can ask about another one here).
    let journey = crate::journey::use_journey();
    let city = RwSignal::new(journey.city.get_untracked());
    let service = RwSignal::new(None::<String>);
    let actor = RwSignal::new(None::<String>);
    let errors = FormErrors::new();
    let asked = RwSignal::new(None::<(City, Service, Actor)>);
    use_step_meta(
        |t, _| t.after().where_to().title,
        Signal::from(0),
        errors.any(),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let s = service.get_untracked().and_then(|id| Service::from_id(&id));
        let a = actor.get_untracked().and_then(|id| Actor::from_id(&id));
        let mut found = Vec::new();
        if s.is_none() {
            found.push((SERVICE_FIELD, "service".to_owned()));
        }
        if a.is_none() {
            found.push((ACTOR_FIELD, "actor".to_owned()));
        }
        errors.set(code_messages(CODES, found));
        if let (Some(s), Some(a)) = (s, a) {
            asked.set(Some((city.get_untracked(), s, a)));
        }
    };
    move || {
        let t = after_texts(&i18n);
        let w = t.where_to();
        let locale = i18n.locale.get();
        let service_error = errors.field(SERVICE_FIELD);
        let actor_options: Vec<RadioOption> = ACTORS
            .iter()
            .map(|a| RadioOption {
                value: a.id().to_owned(),
                label: fill_common_here(find(w.actor_options, a.id()).unwrap_or(a.id())),
                hint: None,
            })
            .collect();
        let answer = move || {
            asked.get().map(|(c, s, a)| {
                let today = journey.today.get_untracked();
                match where_can(c, s, a, today) {
                    Ok(explained) => answer_view(t, locale, c, today, explained.result).into_any(),
                    Err(_) => view! { <p class="panel">{w.no_rules}</p> }.into_any(),
                }
            })
        };
        view! {
            <ErrorSummary
                title=i18n.t().error_summary_title
                errors=errors.summary()
            />
            <h1 tabindex="-1">{w.title}</h1>
            <p class="lead">{w.lead}</p>
            <form novalidate on:submit=on_submit>
                <div class="field">
                    <label class="field__label" for="city">{w.city_label}</label>
                    <select class="select" id="city" name="city"
                        on:change:target=move |ev| {
                            if let Some(c) = City::from_id(&ev.target().value()) {
                                city.set(c);
                            }
                        }
                        prop:value=move || city.get().id()>
                        {City::ALL.iter().map(|c| view! {
                            <option value=c.id()>{city_name(t, *c)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field" class:field--error=move || service_error.get().is_some()>
                    <label class="field__label" for=SERVICE_FIELD>{w.service_label}</label>
                    {move || service_error.get()
                        .map(|m| view! { <p class="field__error" id="service-error">{m}</p> })}
                    <select class="select" id=SERVICE_FIELD name=SERVICE_FIELD
                        aria-describedby=move || service_error.get().map(|_| "service-error")
                        aria-invalid=move || service_error.get().map(|_| "true")
                        on:change:target=move |ev| {
                            let v = ev.target().value();
                            service.set((!v.is_empty()).then_some(v));
                        }
                        prop:value=move || service.get().unwrap_or_default()>
                        <option value="">{w.service_placeholder}</option>
                        {citizen_services().map(|s| view! {
                            <option value=s.id()>{service_name(t, s)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <RadioGroup
                    name=ACTOR_FIELD
                    legend=w.actor_legend
                    options=actor_options
                    selected=actor
                    error=errors.field(ACTOR_FIELD)
                />
                <button type="submit" class="button">{w.show}</button>
            </form>
            {answer}
            <RelatedLinks texts=t current="/where" />
        }
    }
}
