//! Traditional Chinese.

use super::Texts;

/// Traditional Chinese texts.
pub static TEXTS: Texts = Texts {
    service_name: "第三代社保卡線上服務",
    skip_to_content: "跳到正文",
    language_switch_label: "選擇語言",
    hotline_label: "諮詢電話",
    hotline_note: "人力資源和社會保障服務熱線",
    footer_disclaimer: "本網站為第三代社保卡線上服務的參考實現。",
    error_prefix: "錯誤: ",
    error_summary_title: "有問題需要處理",
    back: "返回",
    elderly_mode: "大字模式",
    home_title: "申領和管理第三代社保卡",
    home_lead: "在這裡可以線上申領第三代社保卡，查看辦理進度，啟用社保功能，或臨時掛失。",
    home_can_do_heading: "可以辦理的事項",
    home_can_do: [
        "為自己申領，或作為監護人為未滿 18 歲的孩子申領",
        "查看製卡進度和預計日期",
        "啟用社保卡的社保功能",
        "臨時掛失，並了解自動解掛日期",
    ],
    home_who_heading: "誰可以使用",
    home_who: "在本市參加社會保險的人員，以及符合條件的其他人員。開始前會先用幾個問題檢查您是否符合條件，不需要填寫個人資料。",
    home_need_heading: "需要準備",
    home_need: [
        "本人有效身份證件",
        "為孩子申領：戶口簿或出生醫學證明等監護關係證明",
        "可以接收短信的手機",
    ],
    home_time_heading: "需要多長時間",
    home_time: "填寫大約需要 10 分鐘。網上申領的卡一般在 30 個自然日內製成，郵寄時間另計。",
    fraud_heading: "防範詐騙",
    fraud_text: "社保部門不會通過短信發送辦卡連結，也不會索要銀行卡密碼。如有疑問，請撥打 96066。",
    home_help_link: "了解辦理流程",
    help_title: "辦理流程",
    help_steps: [
        "檢查是否符合申領條件",
        "線上填寫申請，選擇合作銀行和領卡方式",
        "等待製卡，隨時查看進度",
        "領取新卡後啟用社保功能",
        "攜帶身份證到發卡銀行網點啟用金融功能",
    ],
    back_to_start: "返回首頁",
    not_found_title: "找不到此頁面",
    not_found_text: "網址可能有誤，或頁面已移動。",
    journey: &super::journey::ZH_HANT,
    after: &super::after::ZH_HANT,
};
