//! `/rules`: the public rules explorer. Choose a city, a request, a channel and dates, and see
//! every timeline and eligibility rule the engine applies, the dated parameters, the trace and
//! the citations, and every decision taken where the sources are silent, unclear or disagree
//! (`DECISION_LIST`). Everything shown comes from the rules crate; nothing is worked out here.

use chrono::NaiveDate;
use leptos::prelude::*;
use sscard_rules::{
    Actor, Business, Calendar, CardHeld, Channel, City, DECISION_LIST, DayKind, Decision,
    EligibilityFacts, EligibilityInput, Param, ParamValue, PickupMethod, PolicyParam, Production,
    TimelineRequest, Trace, bank_change_allowed_from, employer_return_deadline,
    evaluate_eligibility, policy, preview_timeline, renewal_window_opens, temp_loss_auto_lift,
};

use super::{
    CodeTable, FormProblems, after_texts, channel_name, city_name, code_messages, long_date,
    parse_ymd, pickup_name, use_step_meta,
};
use crate::components::after::{CitationLine, RelatedLinks};
use crate::components::{ErrorSummary, FormErrors};
use crate::eligibility_text;
use crate::i18n::Fill;
use crate::i18n::after::{AfterTexts, lookup};
use crate::i18n::{Locale, Texts, use_i18n};
use crate::policy_text::fill_common_here;

/// The page's problem codes and their texts.
const CODES: CodeTable = |t| t.rules().errors;

/// Requests, in the order the explorer lists them.
const BUSINESSES: [Business; 6] = [
    Business::FirstApplication,
    Business::ReplaceLost,
    Business::ReplaceDamaged,
    Business::ChangeDetails,
    Business::ChangeBank,
    Business::Renewal,
];
/// Cards held, in the order the explorer lists them.
const CARDS_HELD: [CardHeld; 3] = [
    CardHeld::None,
    CardHeld::OlderGeneration,
    CardHeld::ThirdGeneration,
];

/// One question to the engine.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Question {
    city: City,
    business: Business,
    channel: Channel,
    pickup: PickupMethod,
    card_held: CardHeld,
    date: NaiveDate,
    birth: NaiveDate,
}

/// A labelled `<select>` over indexed options; the value is the option's index.
fn select(
    id: &'static str,
    label: &'static str,
    options: Vec<String>,
    value: RwSignal<usize>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label class="field__label" for=id>{label}</label>
            <select class="select" id=id name=id
                on:change:target=move |ev| {
                    if let Ok(i) = ev.target().value().parse() {
                        value.set(i);
                    }
                }
                prop:value=move || value.get().to_string()>
                {options.into_iter().enumerate().map(|(i, o)| view! {
                    <option value=i.to_string()>{o}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// A date typed as YYYY-MM-DD (not a memorable date, so one field; GOV.UK keeps three fields
/// for dates of birth only where people type them from memory on a form).
fn date_field(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    value: RwSignal<String>,
    errors: FormErrors,
) -> impl IntoView {
    let error_text = errors.field(id);
    let error = move || error_text.get();
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field" class:field--error=move || error().is_some()>
            <label class="field__label" for=id>{label}</label>
            <p class="field__hint" id=hint_id.clone()>{hint}</p>
            {move || error().map(|m| view! { <p class="field__error">{m}</p> })}
            <input class="input input--11" id=id name=id type="text" inputmode="numeric"
                autocomplete="off" spellcheck="false" aria-describedby=hint_id
                aria-invalid=move || error().is_some().then_some("true")
                bind:value=value />
        </div>
    }
}

fn trace_view(t: &'static AfterTexts, trace: Trace) -> impl IntoView + use<> {
    let labels = t.rules().trace_labels;
    trace
        .steps
        .into_iter()
        .map(|step| {
            let inputs = step
                .inputs
                .iter()
                .map(|i| format!("{} = {}", i.name, i.value))
                .collect::<Vec<_>>()
                .join("; ");
            let params = step
                .parameters
                .iter()
                .map(|p| format!("{} = {} (≥ {})", p.name, p.value, p.valid_from))
                .collect::<Vec<_>>()
                .join("; ");
            let mut citations = step.citations.clone();
            citations.extend(step.parameters.iter().map(|p| p.citation.clone()));
            view! {
                <li class="trace-step">
                    <p class="trace-step__rule"><code>{step.rule_id.to_string()}</code> " " <span lang="en">{step.title.to_string()}</span></p>
                    <dl class="trace-step__facts">
                        {(!inputs.is_empty()).then(|| view! { <dt>{labels[0]}</dt><dd><code>{inputs}</code></dd> })}
                        {(!params.is_empty()).then(|| view! { <dt>{labels[1]}</dt><dd><code>{params}</code></dd> })}
                        <dt>{labels[2]}</dt><dd lang="en">{step.outcome.clone()}</dd>
                        {(!citations.is_empty()).then(|| view! {
                            <dt>{labels[3]}</dt>
                            <dd>
                                <ul class="list">
                                    {citations.into_iter().map(|c| view! { <li><CitationLine texts=t citation=c /></li> }).collect_view()}
                                </ul>
                            </dd>
                        })}
                    </dl>
                </li>
            }
        })
        .collect_view()
}

/// The day with its festival name when it is a holiday.
fn day_text(locale: Locale, date: NaiveDate) -> String {
    match Calendar::current().day(date).kind {
        DayKind::Holiday { name } => format!("{}（{name}）", long_date(locale, date)),
        _ => long_date(locale, date),
    }
}

fn production_view(
    t: &'static AfterTexts,
    locale: Locale,
    q: Question,
    trace: &mut Trace,
) -> AnyView {
    let r = t.rules();
    let request = TimelineRequest {
        city: q.city,
        business: q.business,
        channel: q.channel,
        pickup: q.pickup,
        date: q.date,
        card_held: q.card_held,
        last_bank_change: None,
    };
    let preview = match preview_timeline(&request, Calendar::current()) {
        Ok(p) => p,
        Err(e) => {
            let text = sscard_rules_code_text(r.timeline_errors, e.code());
            return view! { <p class="panel">{text}</p> }.into_any();
        }
    };
    trace.extend(preview.trace);
    let p = preview.result;
    let headline = match &p.production {
        Production::NaturalDays { days, made_by } => r
            .production_natural
            .fill("days", i64::from(*days))
            .fill("date", &long_date(locale, *made_by)),
        Production::WorkingDays { days, made_by, .. } => r
            .production_working
            .fill("days", i64::from(*days))
            .fill("date", &long_date(locale, *made_by)),
        Production::OnTheSpot { minutes: Some(m) } => r.production_spot.fill("n", i64::from(*m)),
        Production::OnTheSpot { minutes: None } => r.production_spot_unknown.to_owned(),
        Production::NotStated => r.production_not_stated.to_owned(),
    };
    let (skipped, makeup) = match &p.production {
        Production::WorkingDays {
            holidays_skipped,
            makeup_days_counted,
            ..
        } => (holidays_skipped.clone(), makeup_days_counted.clone()),
        _ => (Vec::new(), Vec::new()),
    };
    let days_list = move |label: &'static str, days: Vec<NaiveDate>| {
        (!days.is_empty()).then(|| view! {
            <p>{label}</p>
            <ul class="list">{days.into_iter().map(|d| view! { <li>{day_text(locale, d)}</li> }).collect_view()}</ul>
        })
    };
    let steps = p.steps.clone();
    let warnings = p.warnings.clone();
    view! {
        <p class="panel big-date" id="production-result">{headline}</p>
        {(!p.certainty.is_certain()).then(|| view! { <p class="panel panel--warning">{r.estimate}</p> })}
        {(p.postal_transit_included == Some(false)).then(|| view! { <p>{r.transit_excluded}</p> })}
        {days_list(r.holidays_skipped, skipped)}
        {days_list(r.makeup_counted, makeup)}
        <h3>{r.steps_heading}</h3>
        <ol class="list list--number">
            {steps.into_iter().map(|s| {
                let mut text = fill_common_here(r.steps.of(s.step));
                if s.optional { text.push_str(r.optional); }
                if s.done_at_collection { text.push_str(r.at_collection); }
                let channels: Vec<&str> = s.channels.iter().map(|c| channel_name(t, *c)).collect();
                view! {
                    <li>
                        {text}
                        {(!channels.is_empty()).then(|| view! { <br /><span class="hint">{channels.join("、")}</span> })}
                        <br /><span class="source">{t.common().source} <CitationLine texts=t citation=s.citation /></span>
                    </li>
                }
            }).collect_view()}
        </ol>
        {(!warnings.is_empty()).then(|| view! {
            <h3>{r.warnings_heading}</h3>
            <ul class="list">
                {warnings.into_iter().map(|w| {
                    let date = match &w {
                        sscard_rules::TimelineWarning::BankChangeCooldown { allowed_from } => long_date(locale, *allowed_from),
                        _ => String::new(),
                    };
                    view! { <li>{lookup(r.warnings, w.code()).fill("date", &date)}</li> }
                }).collect_view()}
            </ul>
        })}
    }
    .into_any()
}

/// The text of a rule-engine error code, or the table's `other` text.
fn sscard_rules_code_text(table: crate::i18n::after::IdTable, code: &str) -> String {
    crate::i18n::after::find(table, code).map_or_else(|| lookup(table, "other"), str::to_owned)
}

fn eligibility_view(
    texts: &'static Texts,
    locale: Locale,
    q: Question,
    trace: &mut Trace,
) -> AnyView {
    let r = texts.after().rules();
    let input = EligibilityInput {
        city: q.city,
        on: q.date,
        birth_date: q.birth,
        service: q.business.service(),
        actor: Actor::Holder,
        facts: EligibilityFacts {
            insured_in_city: true,
            ..Default::default()
        },
        guardian: None,
        agent_authorised: false,
        group: None,
        lives_elsewhere: false,
        holds_card: false,
    };
    match evaluate_eligibility(&input) {
        Ok(e) => {
            trace.extend(e.trace);
            let reasons = e
                .result
                .reasons
                .iter()
                .map(|x| view! { <li>{eligibility_text::reason(texts, locale, x)}</li> })
                .collect_view();
            let alternatives = (!e.result.alternatives.is_empty()).then(|| {
                let items = e
                    .result
                    .alternatives
                    .iter()
                    .map(|a| view! { <li>{eligibility_text::alternative(texts, locale, a)}</li> })
                    .collect_view();
                view! {
                    <h3>{texts.journey().result_alternatives_heading}</h3>
                    <ul class="list">{items}</ul>
                }
            });
            view! {
                <p>{r.eligibility_assumes}</p>
                <p class="panel">{fill_common_here(r.outcomes.of(e.result.outcome))}</p>
                <ul class="list">{reasons}</ul>
                {alternatives}
            }
            .into_any()
        }
        Err(e) => {
            view! { <p class="panel">{sscard_rules_code_text(r.timeline_errors, e.code())}</p> }
                .into_any()
        }
    }
}

fn dates_view(
    t: &'static AfterTexts,
    locale: Locale,
    q: Question,
    trace: &mut Trace,
) -> impl IntoView + use<> {
    let r = t.rules();
    let answers = [
        temp_loss_auto_lift(q.city, q.date),
        bank_change_allowed_from(q.city, q.date),
        employer_return_deadline(q.city, q.date),
        renewal_window_opens(q.city, q.date),
    ];
    let rows: Vec<(&'static str, String)> = answers
        .into_iter()
        .zip(r.date_rules)
        .map(|(answer, label)| match answer {
            Ok(a) => {
                trace.extend(a.trace);
                (label, long_date(locale, a.result.date))
            }
            Err(_) => (label, r.not_given.to_owned()),
        })
        .collect();
    view! {
        <dl class="summary-list">
            {rows.into_iter().map(|(label, value)| view! {
                <div class="summary-list__row"><dt>{label}</dt><dd>{value}</dd></div>
            }).collect_view()}
        </dl>
    }
}

fn param_row(
    t: &'static AfterTexts,
    locale: Locale,
    param: PolicyParam,
    p: Option<Param<ParamValue>>,
) -> AnyView {
    let r = t.rules();
    let name = lookup(r.params, param.id());
    match p {
        Some(p) => {
            let value = match p.value {
                ParamValue::Number(n) => n.to_string(),
                ParamValue::YesNo(yes) => r.yes_no[usize::from(!yes)].to_owned(),
                ParamValue::Phase(phase) => fill_common_here(r.phases.of(phase)),
            };
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td>{value}</td>
                    <td>{long_date(locale, p.valid_from)}</td>
                    <td><CitationLine texts=t citation=p.citation /></td>
                </tr>
            }
            .into_any()
        }
        None => view! { <tr><th scope="row">{name}</th><td colspan="3">{r.not_given}</td></tr> }
            .into_any(),
    }
}

/// The city's policy on the date asked: every value the rules crate lists, one row each.
fn params_view(t: &'static AfterTexts, locale: Locale, q: Question) -> AnyView {
    let r = t.rules();
    let Ok(p) = policy(q.city, q.date) else {
        return view! { <p class="panel">{sscard_rules_code_text(r.timeline_errors, "policy.before_validity")}</p> }.into_any();
    };
    let rows: Vec<AnyView> = PolicyParam::ALL
        .iter()
        .map(|&param| param_row(t, locale, param, p.value_of(param)))
        .collect();
    let cols = r.params_columns;
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="params-heading">
            <table class="table">
                <thead><tr>{cols.map(|c| view! { <th scope="col">{c}</th> })}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn results_view(texts: &'static Texts, locale: Locale, q: Question) -> impl IntoView + use<> {
    let t = texts.after();
    let r = t.rules();
    let mut trace = Trace::new();
    let production = production_view(t, locale, q, &mut trace);
    let eligibility = eligibility_view(texts, locale, q, &mut trace);
    let dates = dates_view(t, locale, q, &mut trace);
    let params = params_view(t, locale, q);
    let date = long_date(locale, q.date);
    view! {
        <section class="answer" aria-labelledby="production-heading">
            <h2 id="production-heading">{r.production_heading}</h2>
            {production}
            <h2>{r.eligibility_heading}</h2>
            {eligibility}
            <h2>{r.dates_heading}</h2>
            {dates}
            <h2 id="params-heading">{r.params_heading.fill("date", &date)}</h2>
            {params}
            <h2>{r.trace_heading}</h2>
            <p class="hint">{r.trace_note}</p>
            <ol class="trace">{trace_view(t, trace)}</ol>
        </section>
    }
}

/// A decision's title in `locale` (the titles live with the decisions, in the rules crate).
fn decision_title(d: &'static Decision, locale: Locale) -> &'static str {
    match locale {
        Locale::ZhHans => d.title_zh_hans,
        Locale::ZhHant => d.title_zh_hant,
        Locale::En => d.title_en,
    }
}

/// The rules explorer page (public).
#[component]
pub fn RulesPage() -> impl IntoView {
    let i18n = use_i18n();
    let city = RwSignal::new(0usize);
    let business = RwSignal::new(0usize);
    let channel = RwSignal::new(0usize);
    let pickup = RwSignal::new(0usize);
    let card_held = RwSignal::new(0usize);
    let date = RwSignal::new(
        crate::journey::use_journey()
            .today
            .get_untracked()
            .to_string(),
    );
    let birth = RwSignal::new("1985-03-12".to_owned());
    let errors = FormErrors::new();
    let asked = RwSignal::new(None::<Question>);
    use_step_meta(
        |t, _| t.after().rules().title,
        Signal::from(0),
        errors.any(),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = FormProblems::new();
        let mut parse = |field: &'static str, value: String, prefix: &str| {
            if value.trim().is_empty() {
                found.push((field, format!("{prefix}.empty")));
                None
            } else {
                let d = parse_ymd(&value);
                if d.is_none() {
                    found.push((field, format!("{prefix}.format")));
                }
                d
            }
        };
        let d = parse("date", date.get_untracked(), "date");
        let b = parse("birth", birth.get_untracked(), "birth");
        errors.set(code_messages(CODES, found));
        if let (Some(date), Some(birth)) = (d, b) {
            asked.set(Some(Question {
                city: City::ALL[city.get_untracked()],
                business: BUSINESSES[business.get_untracked()],
                channel: Channel::ALL[channel.get_untracked()],
                pickup: PickupMethod::ALL[pickup.get_untracked()],
                card_held: CARDS_HELD[card_held.get_untracked()],
                date,
                birth,
            }));
        }
    };
    move || {
        let t = after_texts(&i18n);
        let locale = i18n.locale.get();
        let r = t.rules();
        view! {
            <ErrorSummary
                title=i18n.t().error_summary_title
                errors=errors.summary()
            />
            <h1 tabindex="-1">{r.title}</h1>
            <p class="lead">{r.lead}</p>
            <form novalidate on:submit=on_submit class="explorer-form">
                {select("city", r.city_label, City::ALL.iter().map(|c| city_name(t, *c).to_owned()).collect(), city)}
                {select("business", r.business_label, BUSINESSES.iter().map(|b| r.businesses.of(*b).to_owned()).collect(), business)}
                {select("channel", r.channel_label, Channel::ALL.iter().map(|c| channel_name(t, *c).to_owned()).collect(), channel)}
                {select("pickup", r.pickup_label, PickupMethod::ALL.iter().map(|p| pickup_name(t, *p).to_owned()).collect(), pickup)}
                {select("card_held", r.card_held_label, CARDS_HELD.iter().map(|c| r.cards_held.of(*c).to_owned()).collect(), card_held)}
                {date_field("date", r.date_label, r.date_hint, date, errors)}
                {date_field("birth", r.birth_label, r.birth_hint, birth, errors)}
                <button type="submit" class="button">{r.show}</button>
            </form>
            {move || asked.get().map(|q| results_view(i18n.t(), locale, q))}
            <h2>{r.decisions_heading}</h2>
            <p>{r.decisions_lead}</p>
            <dl class="decisions">
                {DECISION_LIST.iter().map(|d| view! {
                    <div class="decisions__row"><dt>{d.id}</dt><dd>{decision_title(d, locale)}</dd></div>
                }).collect_view()}
            </dl>
            <RelatedLinks texts=t current="/rules" />
        }
    }
}
