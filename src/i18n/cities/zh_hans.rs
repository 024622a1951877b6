//! The city texts in Simplified Chinese.

use super::CityTexts;

/// The city texts in Simplified Chinese.
pub static ZH_HANS: CityTexts = CityTexts {
    group_title: "持卡人属于哪一类？",
    group_hint: "上海按人群安排换发渠道：只有在校学生和幼儿园儿童由家长在网上办理。",
    group_pupil: "在校学生（高中、初中、小学）或幼儿园儿童",
    group_retired: "退休人员",
    group_employed: "在职人员",
    group_other: "都不是",
    group_other_hint: "例如第一次办社保卡，或原来的社保卡丢了",
    group_error: "选择持卡人属于哪一类",
    remote_title: "持卡人是否长期住在乌鲁木齐以外？",
    remote_hint: "长期住在新疆以外，或新疆的其他地方",
    remote_error: "选择是否长期住在乌鲁木齐以外",
    result_other_title: "可以办理，但要通过其他渠道",
    reason_group_retired: "上海的退休人员主要在 11 家服务银行的网点换发，建议选择发放养老金的银行。",
    reason_group_employed: "上海的在职人员由服务银行和单位一起批量换发，留意单位的通知。",
    reason_group_pupil: "上海的在校学生和幼儿园儿童由家长在网上办理。",
    reason_group_other: "第一次办卡或原来的卡丢失的，在社区事务受理中心办理。",
    reason_remote_only: "乌鲁木齐的网上补换只面向长期住在外地的人。在本地，到银行的社保卡服务网点办理；补换卡当场就能拿到。",
    reason_remote_card: "网上补换是给已有社保卡的人换卡；第一次办卡要到银行服务网点办理。",
    alt_go_bank: "到银行网点办理",
    alt_go_community: "到社区事务受理中心办理",
    bank_not_named: "上海由家长在 {n} 家服务银行中选择 1 家。现有资料只写了有 {n} 家，没有列出名称，这里不能列出，也不替您选择。申请先提交，不写银行；银行按学校通知在上海的官方平台选定。",
    bank_not_chosen: "{n} 家服务银行之一（现有资料没有列出名称，在官方平台选定）",
    delivery_ems: "卡通过 EMS 寄出，邮费到付，须本人签收。",
    delivery_post: "卡通过邮政快递直接寄到这个地址。没有送到时，会送到您填写的备用社区事务受理中心。",
    recipient_holder_hint: "须本人签收，收件人写持卡人本人",
    backup_centre_label: "备用社区事务受理中心",
    backup_centre_hint: "写所在街道或镇的社区事务受理中心名称",
    photo_label: "照片",
    photo_shared: "共享持卡人二代居民身份证的照片，在籍学生也可以用电子学生证照片，不必到社区网点拍照。",
    e_backup_centre_empty: "填写备用社区事务受理中心",
    e_backup_centre_long: "备用社区事务受理中心的名称最多 {n} 个字",
    e_recipient_not_holder: "收件人须是持卡人本人：卡要本人签收",
};
