//! The decisions of `DECISIONS.md` as data: every id with a short title in each language the
//! app speaks, so the rules explorer lists them from here and never keeps its own copy.
//! `DECISIONS.md` stays the full text; a test keeps the two lists the same.

use serde::Serialize;

/// One decision of `DECISIONS.md`, with a one-line title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// The id, `D1` … (the locator of `Citation::decision`).
    pub id: &'static str,
    /// Short title in simplified Chinese.
    pub title_zh_hans: &'static str,
    /// Short title in traditional Chinese.
    pub title_zh_hant: &'static str,
    /// Short title in English.
    pub title_en: &'static str,
}

const fn d(
    id: &'static str,
    title_zh_hans: &'static str,
    title_zh_hant: &'static str,
    title_en: &'static str,
) -> Decision {
    Decision {
        id,
        title_zh_hans,
        title_zh_hant,
        title_en,
    }
}

/// Every decision of `DECISIONS.md`, in id order.
pub const DECISION_LIST: &[Decision] = &[
    d(
        "D1",
        "按日计算的期限从事件次日起算；“以内”包括最后一天。",
        "按日計算的期限從事件次日起算；“以內”包括最後一天。",
        "Day periods start counting on the day after the event; \"within\" includes the last day.",
    ),
    d(
        "D2",
        "按月计算的期限到对应日届满，没有对应日的到当月最后一天。",
        "按月計算的期限到對應日屆滿，沒有對應日的到當月最後一天。",
        "Month periods end on the same day of the month, or on the month's last day when it has no such day.",
    ),
    d(
        "D3",
        "年满某岁以周年生日当天为准；18 岁以下指还没到 18 周岁生日。",
        "年滿某歲以週年生日當天為準；18 歲以下指還沒到 18 週歲生日。",
        "An age is reached on the birthday; under 18 means before the 18th birthday.",
    ),
    d(
        "D4",
        "北京分阶段：2024年1月31日起试点，2024年6月1日起集中换发，2026年1月4日起常态化发卡。",
        "北京分階段：2024年1月31日起試點，2024年6月1日起集中換發，2026年1月4日起常態化發卡。",
        "Beijing's phases: pilot from 31 January 2024, mass changeover from 1 June 2024, normal issuance from 4 January 2026.",
    ),
    d(
        "D5",
        "代理人：只能办理启用、临时挂失、修改服务密码和查询；注销只在持卡人去世后办理。",
        "代理人：只能辦理啟用、臨時掛失、修改服務密碼和查詢；註銷只在持卡人去世後辦理。",
        "Agents may only enable, report a temporary loss, change the service password and check status; cancellation only after the holder's death.",
    ),
    d(
        "D6",
        "尚未公布放假安排的年份，按周一至周五上班、扣除法定节假日估算，并标明是估算。",
        "尚未公布放假安排的年份，按週一至週五上班、扣除法定節假日估算，並標明是估算。",
        "Years whose holiday schedule is not published are estimated with Monday to Friday as working days less the statutory holidays, and marked as estimates.",
    ),
    d(
        "D7",
        "银行名称：以用户手册为准（华夏银行、建设银行、邮政储蓄银行），不用试点问答中的错字。",
        "銀行名稱：以用戶手冊為準（華夏銀行、建設銀行、郵政儲蓄銀行），不用試點問答中的錯字。",
        "Bank names follow the user manual (Hua Xia, China Construction, Postal Savings), not the misspellings of the pilot Q&A.",
    ),
    d(
        "D8",
        "在非发卡银行补换卡，按更换合作银行办理（新申领，6 个月内不能再换）。",
        "在非發卡銀行補換卡，按更換合作銀行辦理（新申領，6 個月內不能再換）。",
        "A replacement at a bank other than the issuing bank is a change of bank (a new application, then 6 months before another change).",
    ),
    d(
        "D9",
        "网上渠道：北京人社 App 和“北京人社”微信公众号都算，公众号从 2026年1月4日起；北京民生一卡通只办申领。",
        "網上渠道：北京人社 App 和“北京人社”微信公眾號都算，公眾號從 2026年1月4日起；北京民生一卡通只辦申領。",
        "Online channels: both the Beijing HRSS app and its WeChat account, the latter from 4 January 2026; the Minsheng mini program only takes applications.",
    ),
    d(
        "D10",
        "在区、街网点临时挂失，只冻结社会保障功能，银行功能要找发卡银行或拨打 96066。",
        "在區、街網點臨時掛失，只凍結社會保障功能，銀行功能要找發卡銀行或撥打 96066。",
        "A temporary loss at a district or street point freezes the social security function only; the bank function needs the issuing bank or 96066.",
    ),
    d(
        "D11",
        "区、街网点只办理正式挂失的解挂；临时挂失到期自动解除，或到发卡银行解挂。",
        "區、街網點只辦理正式掛失的解掛；臨時掛失到期自動解除，或到發卡銀行解掛。",
        "District and street points lift formal losses only; a temporary loss lapses by itself or is lifted at the issuing bank.",
    ),
    d(
        "D12",
        "持卡人可用所有提供该业务的渠道；代理人和监护人到柜台办理；单位只办理集体申领和退回卡片。",
        "持卡人可用所有提供該業務的渠道；代理人和監護人到櫃檯辦理；單位只辦理集體申領和退回卡片。",
        "Holders may use every channel that offers a service; agents and guardians act at counters; employers apply collectively and return cards.",
    ),
    d(
        "D13",
        "监护人凭双方证件和监护关系证明，可以办理未成年人能办的业务；银行功能的事项到发卡银行办理。",
        "監護人憑雙方證件和監護關係證明，可以辦理未成年人能辦的業務；銀行功能的事項到發卡銀行辦理。",
        "A guardian may do what the minor could, with both IDs and proof of guardianship; bank matters go to the issuing bank.",
    ),
    d(
        "D14",
        "申领 30 日按自然日计算；第三代卡补换卡 4 个工作日；持旧卡的补换按申领计算。",
        "申領 30 日按自然日計算；第三代卡補換卡 4 個工作日；持舊卡的補換按申領計算。",
        "The 30 days of an application are calendar days; a third-generation replacement takes 4 working days; an older card's replacement counts as an application.",
    ),
    d(
        "D15",
        "上海和乌鲁木齐：只采用各自资料写明的内容，其余标为资料未说明。",
        "上海和烏魯木齊：只採用各自資料寫明的內容，其餘標為資料未說明。",
        "Shanghai and Urumqi: only what their own documents say; everything else is marked as not stated.",
    ),
    d(
        "D16",
        "上海的规则从2023年2月16日起适用，乌鲁木齐的规则从2026年3月2日起适用。",
        "上海的規則從2023年2月16日起適用，烏魯木齊的規則從2026年3月2日起適用。",
        "Shanghai's rules apply from 16 February 2023, Urumqi's from 2 March 2026.",
    ),
    d(
        "D17",
        "申领资格：参保人员和符合条件的老年人按本人申报认定；由其他部门认定的类别要到现场核实。",
        "申領資格：參保人員和符合條件的老年人按本人申報認定；由其他部門認定的類別要到現場核實。",
        "Eligibility: insured people and elderly people meeting the conditions qualify on their declaration; categories another agency decides need an in-person check.",
    ),
    d(
        "D18",
        "临时挂失在挂失后第 15 天自动解除；要继续冻结的，在这天之前办理正式挂失。",
        "臨時掛失在掛失後第 15 天自動解除；要繼續凍結的，在這天之前辦理正式掛失。",
        "A temporary loss lifts by itself on the 15th day after the report; report the loss formally before that day to keep the card blocked.",
    ),
    d(
        "D19",
        "激活银行功能是单独的自愿步骤；只有到网点领卡时才在领卡时一并办理。",
        "激活銀行功能是單獨的自願步驟；只有到網點領卡時才在領卡時一併辦理。",
        "Bank activation is a separate, voluntary step, done at collection only for cards collected at a branch.",
    ),
    d(
        "D20",
        "旧卡的就医功能在新卡启用社会保障功能时停止，而不是在激活银行功能时；旧卡银行功能继续可用。",
        "舊卡的就醫功能在新卡啟用社會保障功能時停止，而不是在激活銀行功能時；舊卡銀行功能繼續可用。",
        "The old card's medical function stops when the new card's social security function is enabled, not on bank activation; the old bank function goes on.",
    ),
    d(
        "D21",
        "未满 18 周岁的由年满 18 周岁的监护人申领；年龄按申领当天计算。",
        "未滿 18 週歲的由年滿 18 週歲的監護人申領；年齡按申領當天計算。",
        "Under-18s apply through a guardian aged 18 or over; ages are taken on the application date.",
    ),
    d(
        "D22",
        "姓名：中文姓名 2–30 个字，各部分之间用“·”；外文姓名 2–60 个字符；不能混用。",
        "姓名：中文姓名 2–30 個字，各部分之間用“·”；外文姓名 2–60 個字符；不能混用。",
        "Names: Chinese names of 2–30 characters with · between parts, or Latin-script names of 2–60 characters; scripts are not mixed.",
    ),
    d(
        "D23",
        "身份证号码检查位数、出生日期和校验码，不检查地区代码。",
        "身份證號碼檢查位數、出生日期和校驗碼，不檢查地區代碼。",
        "ID numbers are checked for length, birth date and check digit; the region code is not checked.",
    ),
    d(
        "D24",
        "日期一律按北京时间的日历日计算，不计具体时刻。",
        "日期一律按北京時間的日曆日計算，不計具體時刻。",
        "Dates are calendar dates in China Standard Time; the time of day is not used.",
    ),
    d(
        "D25",
        "单位在领卡后 30 个自然日内退回未发放的卡，遇节假日不顺延。",
        "單位在領卡後 30 個自然日內退回未發放的卡，遇節假日不順延。",
        "An employer returns undistributed cards within 30 calendar days of pickup, not extended for holidays.",
    ),
    d(
        "D26",
        "乌鲁木齐的到期换卡从有效期届满前 60 天开始办理。",
        "烏魯木齊的到期換卡從有效期屆滿前 60 天開始辦理。",
        "Urumqi's renewal window opens 60 calendar days before the card expires.",
    ),
    d(
        "D27",
        "邮寄后还没启用的卡，也可以挂失。",
        "郵寄後還沒啟用的卡，也可以掛失。",
        "A card that was posted but never enabled can still be reported lost.",
    ),
    d(
        "D28",
        "新服务密码为 6 位数字，不能是同一数字重复 6 次，也不能是初始密码。",
        "新服務密碼為 6 位數字，不能是同一數字重複 6 次，也不能是初始密碼。",
        "A new service password is 6 digits, not one digit six times and not the initial password.",
    ),
    d(
        "D29",
        "邮寄地址必填，最多 100 个字；验证码为 6 位数字。",
        "郵寄地址必填，最多 100 個字；驗證碼為 6 位數字。",
        "A postal address is required, at most 100 characters; a one-time code is 6 digits.",
    ),
    d(
        "D30",
        "卡片在网点等待领取满 14 天仍未领取时提醒一次；临时挂失自动解除的前一天提醒一次。",
        "卡片在網點等待領取滿 14 天仍未領取時提醒一次；臨時掛失自動解除的前一天提醒一次。",
        "A card still uncollected 14 days after reaching the branch gets one reminder; a temporary loss gets one the day before it lifts.",
    ),
    d(
        "D31",
        "职业从 11 项中选择：国家职业分类的 8 个大类，以及学生、离退休人员、无业人员。",
        "職業從 11 項中選擇：國家職業分類的 8 個大類，以及學生、離退休人員、無業人員。",
        "An occupation is one of 11: the 8 major groups of the national classification, student, retired or not working.",
    ),
    d(
        "D32",
        "在线修改地址不改变已提交申请的邮寄地址；正在邮寄途中的申请会提示拨打服务热线。",
        "在線修改地址不改變已提交申請的郵寄地址；正在郵寄途中的申請會提示撥打服務熱線。",
        "Changing the address online does not change a submitted application's postal address; applications on their way by post are named, with the hotline.",
    ),
    d(
        "D33",
        "网上补领须先挂失；换领时旧卡在新卡启用前照常使用；姓名或身份证号变更须先在人社、医保部门完成；代理人不能网上补换。",
        "網上補領須先掛失；換領時舊卡在新卡啟用前照常使用；姓名或身份證號變更須先在人社、醫保部門完成；代理人不能網上補換。",
        "Online: a lost card is reported first; a damaged card works until its replacement is enabled; a new name is changed at 人社/医保 first; no agents.",
    ),
    d(
        "D34",
        "申请编号为 10 位，由数字 2–9 和除 I、L、O 外的字母组成，最后一位是校验位，分三组显示。",
        "申請編號為 10 位，由數字 2–9 和除 I、L、O 外的字母組成，最後一位是校驗位，分三組顯示。",
        "A reference number has 10 symbols from the digits 2–9 and the letters without I, L and O, the last a check symbol, shown in three groups.",
    ),
    d(
        "D35",
        "未公布放假安排的年份，估算时仍扣除法律规定日期的法定节假日；调休和补假不推测。",
        "未公布放假安排的年份，估算時仍扣除法律規定日期的法定節假日；調休和補假不推測。",
        "Estimates for unpublished years still skip the public holidays whose dates the law fixes; make-up days and substitute days off are not guessed.",
    ),
    d(
        "D36",
        "上海只有中小幼由家长网上申领，其他人群按群体到银行、单位或社区办理；乌鲁木齐网上只为异地长期居住、已有社保卡的人补换，EMS 到付、本人签收。",
        "上海只有中小幼由家長網上申領，其他人群按群體到銀行、單位或社區辦理；烏魯木齊網上只為異地長期居住、已有社保卡的人補換，EMS 到付、本人簽收。",
        "Shanghai: only pupils apply online, by a parent. Urumqi: online only replaces cards of people living away, sent by EMS and signed for by the holder.",
    ),
    d(
        "D37",
        "服务器按哪一版规则办理，应用就按哪一版预览：规则或放假安排更新后，打开着的页面也随之更新。",
        "服務器按哪一版規則辦理，應用就按哪一版預覽：規則或放假安排更新後，打開著的頁面也隨之更新。",
        "The app previews with the rules the server decides with: when the rules or the holiday schedule change, an open page follows.",
    ),
];
