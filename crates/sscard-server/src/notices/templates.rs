//! The texts of notices, in three languages.
//!
//! Rules every template keeps (checked for every kind and language by the
//! tests below): no link and no domain (the anti-fraud notice promises that
//! the service never texts a link), no ID or card number, no code; each says
//! how to check it independently (open the service yourself, or call the
//! city's hotline when the policy has one). Each fits one text-message
//! segment: 70 characters in Chinese, 160 in English.

use chrono::{Datelike, NaiveDate};
use sscard_rules::wire::{NoticeKind, NoticeLanguage};

/// What a template may name.
#[derive(Debug, Clone)]
pub struct TemplateParams<'a> {
    /// The hotline reference of the application the notice is about (`K7M-2Q9-XD4F`).
    pub reference: &'a str,
    /// The date the notice names (collect by, lifts on), if any.
    pub date: Option<NaiveDate>,
    /// The city's service hotline, when the policy has one.
    pub hotline: Option<&'a str>,
    /// The new mobile's last 4 digits (a mobile change).
    pub detail: Option<&'a str>,
}

fn date(lang: NoticeLanguage, d: Option<NaiveDate>) -> String {
    let Some(d) = d else {
        return String::new();
    };
    match lang {
        NoticeLanguage::ZhHans | NoticeLanguage::ZhHant => {
            // Text messages name the month and day (the year is the current or the next).
            format!("{}月{}日", d.month(), d.day())
        }
        NoticeLanguage::En => {
            const MONTHS: [&str; 12] = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            format!("{} {}", d.day(), MONTHS[d.month0() as usize])
        }
    }
}

/// "How to check this yourself" (status notices and reminders).
fn check(lang: NoticeLanguage, hotline: Option<&str>) -> String {
    match (lang, hotline) {
        (NoticeLanguage::ZhHans, Some(h)) => format!("可自行打开本服务或拨打{h}核实。"),
        (NoticeLanguage::ZhHans, None) => "可自行打开本服务核实。".to_owned(),
        (NoticeLanguage::ZhHant, Some(h)) => format!("可自行打開本服務或撥打{h}核實。"),
        (NoticeLanguage::ZhHant, None) => "可自行打開本服務核實。".to_owned(),
        (NoticeLanguage::En, Some(h)) => {
            format!("To check, open the service yourself or call {h}.")
        }
        (NoticeLanguage::En, None) => "To check, open the service yourself.".to_owned(),
    }
}

/// "If this was not you" (security notices).
fn not_me(lang: NoticeLanguage, hotline: Option<&str>) -> String {
    match (lang, hotline) {
        (NoticeLanguage::ZhHans, Some(h)) => format!("如非本人操作，立即拨打{h}。"),
        (NoticeLanguage::ZhHans, None) => "如非本人操作，尽快到社保卡服务网点处理。".to_owned(),
        (NoticeLanguage::ZhHant, Some(h)) => format!("如非本人操作，立即撥打{h}。"),
        (NoticeLanguage::ZhHant, None) => "如非本人操作，盡快到社保卡服務網點處理。".to_owned(),
        (NoticeLanguage::En, Some(h)) => format!("Not you? Call {h} now."),
        (NoticeLanguage::En, None) => "Not you? Go to a card service point soon.".to_owned(),
    }
}

/// The text of a notice of `kind` in `lang`.
pub fn render(kind: NoticeKind, lang: NoticeLanguage, p: &TemplateParams<'_>) -> String {
    use NoticeKind as K;
    use NoticeLanguage as L;
    let (r, d, m) = (
        p.reference,
        date(lang, p.date),
        p.detail.unwrap_or_default(),
    );
    let body = match (lang, kind) {
        (L::ZhHans, K::ApplicationReceived) => format!("您的社保卡申请已受理，编号{r}。"),
        (L::ZhHans, K::CardMade) => format!("申请{r}的社保卡已制成。"),
        (L::ZhHans, K::CardPosted) => format!("申请{r}的社保卡已邮寄，收到后在线启用。"),
        (L::ZhHans, K::CardAtBranch) => {
            format!("申请{r}的社保卡已到领卡网点，请凭身份证领取。")
        }
        (L::ZhHans, K::CardEnabled) => "您的社保卡社会保障功能已启用。".to_owned(),
        (L::ZhHans, K::LossLiftsTomorrow) => format!("您的社保卡临时挂失将于{d}自动解除。"),
        (L::ZhHans, K::CardUncollected) => {
            format!("申请{r}的社保卡仍在网点待领，凭身份证领取。")
        }
        (L::ZhHans, K::PasswordChanged) => "您的社保卡服务密码已修改。".to_owned(),
        (L::ZhHans, K::PasswordReset) => "您的社保卡服务密码已在网上重置。".to_owned(),
        (L::ZhHans, K::MobileChanged) => format!("您的社保卡登记手机号码已改为尾号{m}的号码。"),
        (L::ZhHans, K::DetailsChanged) => "社保卡服务登记的地址或职业已在网上修改。".to_owned(),
        (L::ZhHans, K::LossReported) => format!("您的社保卡已临时挂失，{d}自动解除。"),
        (L::ZhHans, K::SignInAfterFailures) => "您的账户在多次输错服务密码后登录成功。".to_owned(),
        (L::ZhHans, K::ReplacementRequested) => format!("您的社保卡已在网上申请补换，编号{r}。"),
        (L::ZhHant, K::ApplicationReceived) => format!("您的社保卡申請已受理，編號{r}。"),
        (L::ZhHant, K::CardMade) => format!("申請{r}的社保卡已製成。"),
        (L::ZhHant, K::CardPosted) => format!("申請{r}的社保卡已郵寄，收到後在線啟用。"),
        (L::ZhHant, K::CardAtBranch) => {
            format!("申請{r}的社保卡已到領卡網點，請憑身份證領取。")
        }
        (L::ZhHant, K::CardEnabled) => "您的社保卡社會保障功能已啟用。".to_owned(),
        (L::ZhHant, K::LossLiftsTomorrow) => format!("您的社保卡臨時掛失將於{d}自動解除。"),
        (L::ZhHant, K::CardUncollected) => {
            format!("申請{r}的社保卡仍在網點待領，憑身份證領取。")
        }
        (L::ZhHant, K::PasswordChanged) => "您的社保卡服務密碼已修改。".to_owned(),
        (L::ZhHant, K::PasswordReset) => "您的社保卡服務密碼已在網上重置。".to_owned(),
        (L::ZhHant, K::MobileChanged) => format!("您的社保卡登記手機號碼已改為尾號{m}的號碼。"),
        (L::ZhHant, K::DetailsChanged) => "社保卡服務登記的地址或職業已在網上修改。".to_owned(),
        (L::ZhHant, K::LossReported) => format!("您的社保卡已臨時掛失，{d}自動解除。"),
        (L::ZhHant, K::SignInAfterFailures) => "您的帳戶在多次輸錯服務密碼後登入成功。".to_owned(),
        (L::ZhHant, K::ReplacementRequested) => format!("您的社保卡已在網上申請補換，編號{r}。"),
        (L::En, K::ApplicationReceived) => {
            format!("Your card application {r} was received.")
        }
        (L::En, K::CardMade) => format!("The card for application {r} is made."),
        (L::En, K::CardPosted) => {
            format!(
                "The card for application {r} is in the post. Enable it online when it arrives."
            )
        }
        (L::En, K::CardAtBranch) => {
            format!("The card for application {r} is at your branch. Collect it with your ID card.")
        }
        (L::En, K::CardEnabled) => {
            "The social security function of your card has been enabled.".to_owned()
        }
        (L::En, K::LossLiftsTomorrow) => {
            format!("The temporary loss of your card lifts itself on {d}.")
        }
        (L::En, K::CardUncollected) => format!(
            "The card for application {r} is still at your branch. Bring your ID to collect it."
        ),
        (L::En, K::PasswordChanged) => "Your card's service password was changed.".to_owned(),
        (L::En, K::PasswordReset) => "Your card's service password was reset online.".to_owned(),
        (L::En, K::MobileChanged) => {
            format!("The mobile number on record for your card was changed to one ending in {m}.")
        }
        (L::En, K::DetailsChanged) => {
            "An address or occupation on record at the card service was changed online.".to_owned()
        }
        (L::En, K::LossReported) => {
            format!("Your card was reported lost; the report lifts itself on {d}.")
        }
        (L::En, K::SignInAfterFailures) => {
            "Someone signed in to your account after several wrong passwords.".to_owned()
        }
        (L::En, K::ReplacementRequested) => {
            format!("A replacement for your card was requested online: {r}.")
        }
    };
    // The signature a text message in China must carry, then the body, then how to check.
    let (sign, space) = match lang {
        L::En => ("[SS card] ", " "),
        L::ZhHans | L::ZhHant => ("【社保卡服务】", ""),
    };
    let close = match kind.category() {
        sscard_rules::wire::NoticeCategory::Security => not_me(lang, p.hotline),
        _ => check(lang, p.hotline),
    };
    format!("{sign}{body}{space}{close}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use sscard_rules::wire::NoticeCategory;

    /// Length in text-message characters (Chinese messages are UCS-2: one per character).
    fn sms_length(text: &str) -> usize {
        text.chars().count()
    }

    fn samples() -> Vec<(NoticeKind, NoticeLanguage, String)> {
        let mut out = Vec::new();
        for hotline in [Some("96066"), None] {
            let p = TemplateParams {
                reference: "AZ7-QVY-PS35",
                date: Some("2026-12-03".parse().unwrap()),
                hotline,
                detail: Some("0011"),
            };
            for kind in NoticeKind::ALL {
                for lang in NoticeLanguage::ALL {
                    out.push((*kind, *lang, render(*kind, *lang, &p)));
                }
            }
        }
        out
    }

    /// A run of letters/digits, a dot, then two letters: `example.cn`, `www.x`.
    fn has_domain(text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        chars.windows(4).any(|w| {
            w[0].is_ascii_alphanumeric()
                && w[1] == '.'
                && w[2].is_ascii_alphabetic()
                && w[3].is_ascii_alphabetic()
        })
    }

    #[test]
    fn no_template_carries_a_link_a_domain_or_an_identifier() {
        for (kind, lang, text) in samples() {
            let lower = text.to_ascii_lowercase();
            for banned in ["http", "www", "://", ".cn", ".com", "点击", "點擊", "click"] {
                assert!(!lower.contains(banned), "{kind} {lang}: {banned} in {text}");
            }
            assert!(!has_domain(&text), "{kind} {lang}: a domain in {text}");
            // No ID number (18 characters) or card number: no run of 10+ digits.
            let longest_digits = text
                .split(|c: char| !c.is_ascii_digit())
                .map(str::len)
                .max()
                .unwrap_or(0);
            assert!(longest_digits < 10, "{kind} {lang}: {text}");
            // Every notice ends by saying how to check it independently (status and
            // reminders), or what to do if it was not you (security).
            let closing: &[&str] = match kind.category() {
                NoticeCategory::Security => &["如非本人操作", "Not you?"],
                _ => &["核实。", "核實。", "To check, open the service yourself"],
            };
            assert!(
                closing.iter().any(|c| text.contains(c)),
                "{kind} {lang}: {text}"
            );
        }
    }

    #[test]
    fn every_template_fits_in_one_text_message_segment() {
        let mut longest = (0, String::new());
        for (kind, lang, text) in samples() {
            let len = sms_length(&text);
            let segment = if lang == NoticeLanguage::En { 160 } else { 70 };
            assert!(len <= segment, "{kind} {lang}: {len} characters: {text}");
            if len > longest.0 {
                longest = (len, text.clone());
            }
            println!("{:>3} {kind} {lang}", len);
        }
        println!("longest: {} {}", longest.0, longest.1);
    }

    #[test]
    fn a_status_notice_reads_as_expected() {
        let p = TemplateParams {
            reference: "AZ7-QVY-PS35",
            date: Some("2026-12-03".parse().unwrap()),
            hotline: Some("96066"),
            detail: None,
        };
        assert_eq!(
            render(NoticeKind::CardAtBranch, NoticeLanguage::ZhHans, &p),
            "【社保卡服务】申请AZ7-QVY-PS35的社保卡已到领卡网点，请凭身份证领取。可自行打开本服务或拨打96066核实。"
        );
        assert_eq!(
            render(NoticeKind::PasswordChanged, NoticeLanguage::En, &p),
            "[SS card] Your card's service password was changed. Not you? Call 96066 now."
        );
    }
}
