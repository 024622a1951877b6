//! `/notices`: every notice the service sent the signed-in person, exactly as sent, so that a
//! message claiming to come from the service can be checked here; and which optional notices
//! they get, in which language (security notices are always sent).

use leptos::prelude::*;
use sscard_rules::wire::{Notice, NoticeCategory, NoticeLanguage, NoticeSettings};

use super::{
    after_texts, api_error_text, is_signed_out, long_date_str, redirect_when_signed_out,
    use_step_meta,
};
use crate::api;
use crate::components::after::{Loading, RelatedLinks, SessionBar};
use crate::i18n::Fill;
use crate::i18n::after::{AfterTexts, NoticesTexts};
use crate::i18n::use_i18n;

fn category_name(t: &NoticesTexts, c: NoticeCategory) -> &'static str {
    match c {
        NoticeCategory::Status => t.category_status,
        NoticeCategory::Reminder => t.category_reminder,
        NoticeCategory::Security => t.category_security,
    }
}

fn language_name(t: &NoticesTexts, l: NoticeLanguage) -> &'static str {
    match l {
        NoticeLanguage::ZhHans => t.language_zh_hans,
        NoticeLanguage::ZhHant => t.language_zh_hant,
        NoticeLanguage::En => t.language_en,
    }
}

/// One notice as a card: when, to which (masked) number, what kind, and the text as sent.
fn notice_item(t: &'static AfterTexts, locale: crate::i18n::Locale, n: Notice) -> impl IntoView {
    let nt = t.notices();
    let sent = nt
        .sent_to
        .fill("date", &long_date_str(locale, &n.sent_on))
        .fill("mobile", &n.to_masked);
    let lang = match n.language {
        NoticeLanguage::En => "en",
        NoticeLanguage::ZhHant => "zh-Hant",
        NoticeLanguage::ZhHans => "zh-Hans",
    };
    view! {
        <li class="notice-item">
            <p class="notice-item__meta">
                <strong class=format!("tag tag--{}", n.category.id())>{category_name(nt, n.category)}</strong>
                " "
                {sent}
            </p>
            <blockquote class="notice-item__text" lang=lang>{n.text}</blockquote>
        </li>
    }
}

/// The settings form: language and the optional notices.
#[component]
fn SettingsForm(
    /// The texts of the current language.
    texts: &'static AfterTexts,
    /// The settings as loaded from the server.
    loaded: NoticeSettings,
) -> impl IntoView {
    let nt = texts.notices();
    let language = RwSignal::new(loaded.language);
    let status = RwSignal::new(loaded.status_notices);
    let reminders = RwSignal::new(loaded.reminders);
    let save = Action::new_local(|s: &NoticeSettings| {
        let s = *s;
        async move { api::save_notice_settings(&s).await }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !save.pending().get_untracked() {
            save.dispatch_local(NoticeSettings {
                language: language.get_untracked(),
                status_notices: status.get_untracked(),
                reminders: reminders.get_untracked(),
            });
        }
    };
    let outcome = move || {
        match save.value().get() {
        Some(Ok(_)) => Some(view! { <p class="panel panel--done" role="status">{nt.saved}</p> }.into_any()),
        Some(Err(e)) => Some(view! { <p class="panel panel--warning" role="alert">{api_error_text(texts, &[], &e)}</p> }.into_any()),
        None => None,
    }
    };
    let radios = NoticeLanguage::ALL
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let l = *l;
            let id = if i == 0 { "language".to_owned() } else { format!("language-{i}") };
            view! {
                <div class="radio">
                    <input class="radio__input" type="radio" id=id.clone() name="language" value=l.id()
                        prop:checked=move || language.get() == l on:change=move |_| language.set(l) />
                    <label class="radio__label" for=id>{language_name(nt, l)}</label>
                </div>
            }
        })
        .collect_view();
    let checkbox = move |id: &'static str, label: &'static str, value: RwSignal<bool>| {
        view! {
            <div class="checkbox">
                <input class="checkbox__input" type="checkbox" id=id prop:checked=move || value.get()
                    on:change=move |ev| value.set(event_target_checked(&ev)) />
                <label class="checkbox__label" for=id>{label}</label>
            </div>
        }
    };
    view! {
        <h2>{nt.settings_heading}</h2>
        <form class="notice-settings" novalidate on:submit=on_submit>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{nt.language_legend}</legend>
                <div class="radios">{radios}</div>
            </fieldset>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{nt.optional_legend}</legend>
                {checkbox("status-notices", nt.status_label, status)}
                {checkbox("reminders", nt.reminders_label, reminders)}
                <p class="field__hint">{nt.security_note}</p>
            </fieldset>
            <button type="submit" class="button">
                {move || if save.pending().get() { texts.common().working } else { nt.save }}
            </button>
        </form>
        {outcome}
    }
}

/// The notices page (signed in).
#[component]
pub fn NoticesPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = crate::journey::use_fresh_session();
    let notices = api::fetch_once(api::notices);
    let settings = api::fetch_once(api::notice_settings);
    redirect_when_signed_out(
        move || matches!(notices.get(), Some(Err(e)) if is_signed_out(&e)),
        "/notices".to_owned(),
    );
    use_step_meta(
        |t, _| t.after().notices().title,
        Signal::derive(|| 0),
        Signal::derive(|| false),
    );
    move || {
        let t = after_texts(&i18n);
        let nt = t.notices();
        let locale = i18n.locale.get();
        let list = move || match notices.get() {
            None => view! { <Loading text=t.common().loading /> }.into_any(),
            Some(Err(e)) => {
                view! { <p class="panel panel--warning">{api_error_text(t, &[], &e)}</p> }
                    .into_any()
            }
            Some(Ok(list)) if list.is_empty() => {
                view! { <p class="panel">{nt.none}</p> }.into_any()
            }
            // Newest first: the message the person is checking is usually the latest.
            Some(Ok(list)) => view! {
                <ol class="notice-list" reversed>
                    {list.into_iter().rev().map(|n| notice_item(t, locale, n)).collect_view()}
                </ol>
            }
            .into_any(),
        };
        let form = move || match settings.get() {
            Some(Ok(loaded)) => Some(view! { <SettingsForm texts=t loaded=loaded /> }),
            _ => None,
        };
        view! {
            <SessionBar texts=t session=session />
            <h1 tabindex="-1">{nt.title}</h1>
            <p>{nt.lead}</p>
            {list}
            {form}
            <RelatedLinks texts=t current="/notices" />
        }
    }
}
