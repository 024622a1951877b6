//! Simplified Chinese (default).

use super::Texts;

/// Simplified Chinese texts.
pub static TEXTS: Texts = Texts {
    service_name: "第三代社保卡线上服务",
    skip_to_content: "跳到正文",
    language_switch_label: "选择语言",
    hotline_label: "咨询电话",
    hotline_note: "人力资源和社会保障服务热线",
    footer_disclaimer: "本网站为第三代社保卡线上服务的参考实现。",
    error_prefix: "错误: ",
    error_summary_title: "有问题需要处理",
    back: "返回",
    elderly_mode: "大字模式",
    home_title: "申领和管理第三代社保卡",
    home_lead: "在这里可以在线申领第三代社保卡，查看办理进度，启用社保功能，或临时挂失。",
    home_can_do_heading: "可以办理的事项",
    home_can_do: [
        "为自己申领，或作为监护人为未满 18 岁的孩子申领",
        "查看制卡进度和预计日期",
        "启用社保卡的社保功能",
        "临时挂失，并了解自动解挂日期",
    ],
    home_who_heading: "谁可以使用",
    home_who: "在本市参加社会保险的人员，以及符合条件的其他人员。开始前会先用几个问题检查您是否符合条件，不需要填写个人信息。",
    home_need_heading: "需要准备",
    home_need: [
        "本人有效身份证件",
        "为孩子申领：户口簿或出生医学证明等监护关系证明",
        "可以接收短信的手机",
    ],
    home_time_heading: "需要多长时间",
    home_time: "填写大约需要 10 分钟。网上申领的卡一般在 30 个自然日内制成，邮寄时间另计。",
    fraud_heading: "防范诈骗",
    fraud_text: "社保部门不会通过短信发送办卡链接，也不会索要银行卡密码。如有疑问，请拨打 96066。",
    home_help_link: "了解办理流程",
    help_title: "办理流程",
    help_steps: [
        "检查是否符合申领条件",
        "在线填写申请，选择合作银行和领卡方式",
        "等待制卡，随时查看进度",
        "领取新卡后启用社保功能",
        "携带身份证到发卡银行网点激活金融功能",
    ],
    back_to_start: "返回首页",
    not_found_title: "找不到此页面",
    not_found_text: "网址可能有误，或页面已移动。",
    journey: &super::journey::ZH_HANS,
    after: &super::after::ZH_HANS,
};
