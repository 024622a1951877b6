//! The city texts in Traditional Chinese.

use super::CityTexts;

/// The city texts in Traditional Chinese.
pub static ZH_HANT: CityTexts = CityTexts {
    group_title: "持卡人屬於哪一類？",
    group_hint: "上海按人群安排換發渠道：只有在校學生和幼兒園兒童由家長在網上辦理。",
    group_pupil: "在校學生（高中、初中、小學）或幼兒園兒童",
    group_retired: "退休人員",
    group_employed: "在職人員",
    group_other: "都不是",
    group_other_hint: "例如第一次辦社保卡，或原來的社保卡丟了",
    group_error: "選擇持卡人屬於哪一類",
    remote_title: "持卡人是否長期住在烏魯木齊以外？",
    remote_hint: "長期住在新疆以外，或新疆的其他地方",
    remote_error: "選擇是否長期住在烏魯木齊以外",
    result_other_title: "可以辦理，但要通過其他渠道",
    reason_group_retired: "上海的退休人員主要在 11 家服務銀行的網點換發，建議選擇發放養老金的銀行。",
    reason_group_employed: "上海的在職人員由服務銀行和單位一起批量換發，留意單位的通知。",
    reason_group_pupil: "上海的在校學生和幼兒園兒童由家長在網上辦理。",
    reason_group_other: "第一次辦卡或原來的卡丟失的，在社區事務受理中心辦理。",
    reason_remote_only: "烏魯木齊的網上補換只面向長期住在外地的人。在本地，到銀行的社保卡服務網點辦理；補換卡當場就能拿到。",
    reason_remote_card: "網上補換是給已有社保卡的人換卡；第一次辦卡要到銀行服務網點辦理。",
    alt_go_bank: "到銀行網點辦理",
    alt_go_community: "到社區事務受理中心辦理",
    bank_not_named: "上海由家長在 {n} 家服務銀行中選擇 1 家。現有資料只寫了有 {n} 家，沒有列出名稱，這裡不能列出，也不替您選擇。申請先提交，不寫銀行；銀行按學校通知在上海的官方平台選定。",
    bank_not_chosen: "{n} 家服務銀行之一（現有資料沒有列出名稱，在官方平台選定）",
    delivery_ems: "卡通過 EMS 寄出，郵費到付，須本人簽收。",
    delivery_post: "卡通過郵政快遞直接寄到這個地址。沒有送到時，會送到您填寫的備用社區事務受理中心。",
    recipient_holder_hint: "須本人簽收，收件人寫持卡人本人",
    backup_centre_label: "備用社區事務受理中心",
    backup_centre_hint: "寫所在街道或鎮的社區事務受理中心名稱",
    photo_label: "照片",
    photo_shared: "共享持卡人二代居民身份證的照片，在籍學生也可以用電子學生證照片，不必到社區網點拍照。",
    e_backup_centre_empty: "填寫備用社區事務受理中心",
    e_backup_centre_long: "備用社區事務受理中心的名稱最多 {n} 個字",
    e_recipient_not_holder: "收件人須是持卡人本人：卡要本人簽收",
};
