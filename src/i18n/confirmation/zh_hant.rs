//! The confirmation texts in Traditional Chinese.

use super::ConfirmationTexts;

/// The confirmation texts in Traditional Chinese.
pub static ZH_HANT: ConfirmationTexts = ConfirmationTexts {
    conf_title: "申請已提交",
    conf_reference: "您的申請編號",
    conf_help: "諮詢或撥打服務熱線時，報出這個編號。",
    conf_qr: "申請編號二維碼，到網點時可出示",
    conf_next: "接下來會怎樣",
    conf_not_found: "找不到這份申請。登錄後可在“辦理進度”中查看您的所有申請。",
    conf_track: "查看辦理進度",
    conf_bring: "領卡時攜帶本人有效身份證件。",
    conf_bring_guardian: "領卡時攜帶您和孩子的身份證件及監護關係證明。",
    conf_enable: "卡片寄到後，先啟用社保功能再使用，“辦理進度”頁會說明在哪裡啟用；金融功能需本人到發卡銀行網點激活。",
    conf_print: "打印或保存此頁",
    conf_ics: "添加到日曆",
    ics_summary: "社保卡最晚製成日期",
    loading: "正在加載…",
    branch_hours: "營業時間：{hours}",
    step_collect: "到選定的網點領卡",
    step_wait_for_post: "等待郵寄送達（郵寄在途時間不計入製卡時間）",
    tl_natural_days: "自申請之日起 {n} 個自然日內製成，最晚 {date}",
    tl_working_days: "自申請之日起 {n} 個工作日內製成，最晚 {date}",
    tl_not_stated: "公佈的規定沒有給出製卡時間",
};
