//! The confirmation texts in Simplified Chinese.

use super::ConfirmationTexts;

/// The confirmation texts in Simplified Chinese.
pub static ZH_HANS: ConfirmationTexts = ConfirmationTexts {
    conf_title: "申请已提交",
    conf_reference: "您的申请编号",
    conf_help: "咨询或拨打服务热线时，报出这个编号。",
    conf_qr: "申请编号二维码，到网点时可出示",
    conf_next: "接下来会怎样",
    conf_not_found: "找不到这份申请。登录后可在“办理进度”中查看您的所有申请。",
    conf_track: "查看办理进度",
    conf_bring: "领卡时携带本人有效身份证件。",
    conf_bring_guardian: "领卡时携带您和孩子的身份证件及监护关系证明。",
    conf_enable: "卡片寄到后，先启用社保功能再使用，“办理进度”页会说明在哪里启用；金融功能需本人到发卡银行网点激活。",
    conf_print: "打印或保存此页",
    conf_ics: "添加到日历",
    ics_summary: "社保卡最晚制成日期",
    loading: "正在加载…",
    branch_hours: "营业时间：{hours}",
    step_collect: "到选定的网点领卡",
    step_wait_for_post: "等待邮寄送达（邮寄在途时间不计入制卡时间）",
    tl_natural_days: "自申请之日起 {n} 个自然日内制成，最晚 {date}",
    tl_working_days: "自申请之日起 {n} 个工作日内制成，最晚 {date}",
    tl_not_stated: "公布的规定没有给出制卡时间",
};
