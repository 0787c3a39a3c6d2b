package org.reformdesk.console.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word the console shows, zh-CN first in the seeds' vocabulary; {@code messages/msg_en.properties} is the
 * English bundle beside it (chosen by the browser's Accept-Language). Enumerations from the services are named by
 * a message with a {@code when} section, so an unknown value still shows as itself.
 */
@MessageBundle(value = "msg", locale = "zh-CN")
public interface Messages {

    @Message("zh-CN")
    String lang();

    @Message("改革工作平台")
    String app_name();

    @Message("作战图")
    String nav_dashboard();

    @Message("台账")
    String nav_ledger();

    @Message("督办")
    String nav_supervision();

    @Message("考核")
    String nav_assessment();

    @Message("试点")
    String nav_pilots();

    @Message("我的提醒")
    String nav_inbox();

    @Message("延期申请")
    String nav_extensions();

    @Message("开启通知")
    String nav_push();

    @Message("通知")
    String nav_push_short();

    @Message("退出登录")
    String sign_out();

    @Message("未读提醒")
    String unread();

    @Message("{#when role}{#is 'reform-office'}市委改革办{#is 'group-liaison'}专项小组联络员{#is 'unit-officer'}责任单位联络员{#is 'leader'}领导{#is 'inspector'}督察人员{#is 'assessor'}考核人员{#else}{role}{/when}")
    String role(String role);

    // --- traffic lights and task lifecycle ---

    @Message("{#when t}{#is 'OVERDUE'}红灯{#is 'DUE_SOON'}黄灯{#is 'ON_TRACK'}绿灯{#else}{t}{/when}")
    String light(String t);

    @Message("{#when t}{#is 'OVERDUE'}逾期{#is 'DUE_SOON'}临近时限{#is 'ON_TRACK'}正常推进{#else}{t}{/when}")
    String timeliness(String t);

    @Message("{#when s}{#is 'DRAFT'}草稿{#is 'ASSIGNED'}已下达{#is 'IN_PROGRESS'}推进中{#is 'CLOSE_REQUESTED'}申请销号{#is 'CLOSED'}已销号{#is 'SUSPENDED'}待上级部署{#is 'CANCELLED'}已调整出计划{#else}{s}{/when}")
    String status(String s);

    @Message("{#when a}{#is 'ASSIGN'}下达{#is 'START'}开始推进{#is 'REQUEST_CLOSE'}申请销号{#is 'CLOSE'}核验销号{#is 'REJECT'}退回{#is 'SUSPEND'}暂缓（待上级部署）{#is 'RESUME'}恢复推进{#is 'CANCEL'}调整出计划{#is 'CREATED'}录入{#is 'MOVED'}状态变更{#is 'DEADLINE_CHANGED'}调整时限{#is 'MILESTONE_ADDED'}新增时间节点{#is 'MILESTONE_DONE'}完成时间节点{#is 'MILESTONE_REOPENED'}重开时间节点{#is 'EDITED'}更正{#is 'REASSIGNED'}改派{#is 'EXTENSION_REQUESTED'}申请延期{#is 'EXTENSION_APPROVED'}同意延期{#is 'EXTENSION_REJECTED'}驳回延期{#else}{a}{/when}")
    String action(String a);

    @Message("{#when o}{#is 'CENTRAL'}中央部署{#is 'PROVINCIAL'}省委部署{#is 'MUNICIPAL'}市委部署{#is 'SELF_INITIATED'}自选{#else}{o}{/when}")
    String origin(String o);

    @Message("{#when c}{#is 'A'}A类（承担刚性改革任务的部门）{#is 'B'}B类（其他市级部门）{#is 'C'}C类（县市区、开发区）{#else}{c}{/when}")
    String category(String c);

    @Message("{#when k}{#is 'DEPARTMENT'}市级部门{#is 'DISTRICT'}县（市、区）{#is 'DEVELOPMENT_ZONE'}开发区{#else}{k}{/when}")
    String unit_kind(String k);

    // --- supervision ---

    @Message("{#when r}{#is 'REMINDER_NOTICE'}提示单{#is 'ASSIGNMENT_NOTICE'}交办单{#is 'URGING_NOTICE'}催办单{#is 'RECTIFICATION_ORDER'}责令书{#else}{r}{/when}")
    String rung(String r);

    @Message("{#when s}{#is 'ISSUED'}已下发{#is 'ACKNOWLEDGED'}已签收{#is 'ANSWERED'}已回复{#is 'CLOSED'}已办结{#is 'SUPERSEDED'}已升级{#else}{s}{/when}")
    String order_state(String s);

    @Message("{#when a}{#is 'ACKNOWLEDGE'}签收{#is 'ANSWER'}回复{#is 'ACCEPT'}采纳答复{#is 'REJECT'}退回答复{#is 'CLOSE'}办结{#is 'ISSUE'}下发{#is 'ESCALATE'}升级{#else}{a}{/when}")
    String order_action(String a);

    @Message("{#when s}{#is 'RECTIFYING'}整改中{#is 'REPORTED'}已报告{#is 'VERIFIED'}已复查销号{#else}{s}{/when}")
    String rectification_state(String s);

    @Message("{#when s}{#is 'MINOR'}一般{#is 'MAJOR'}重大{#else}{s}{/when}")
    String severity(String s);

    @Message("{#when t}{#is 'DAILY'}日常督察{#is 'QUARTERLY'}季度督察{#is 'KEY'}重点督察{#is 'JOINT'}联合督察{#is 'LEADER_INSTRUCTED'}领导批示督察{#is 'PLAN_BY_PLAN'}方案逐项督察{#is 'PILOT'}试点督察{#is 'COMPREHENSIVE'}综合督察{#else}{t}{/when}")
    String inspection_type(String t);

    // --- pilots ---

    @Message("{#when l}{#is 'NATIONAL'}国家级{#is 'PROVINCIAL'}省级{#is 'MUNICIPAL'}市级{#is 'SELF_SELECTED'}自选{#is 'MICRO_REFORM'}微改革{#else}{l}{/when}")
    String pilot_level(String l);

    @Message("{#when s}{#is 'CANDIDATE'}争取中{#is 'APPROVED'}已获批{#is 'IN_PROGRESS'}推进中{#is 'ACCEPTANCE'}总结验收{#is 'COMPLETED'}已完成{#is 'EXITED'}已退出{#else}{s}{/when}")
    String pilot_status(String s);

    @Message("{#when k}{#is 'MONTHLY_SUMMARY'}每月一小结{#is 'QUARTERLY_ANALYSIS'}每季一分析{#is 'HALF_YEAR_REVIEW'}半年一盘点{#is 'FINAL_SUMMARY'}一点一总结{#else}{k}{/when}")
    String summary_kind(String k);

    @Message("{#when s}{#is 'SUBMITTED'}已报送{#is 'OVERDUE'}逾期未报{#is 'UPCOMING'}待报送{#else}{s}{/when}")
    String summary_state(String s);

    @Message("{#when k}{#is 'INSTITUTIONAL_RESULT'}制度性成果{#is 'REPLICABLE_EXPERIENCE'}可复制可推广经验{#else}{k}{/when}")
    String outcome_kind(String k);

    @Message("{#when l}{#is 'CITY'}全市推广{#is 'PROVINCE'}全省推广{#is 'NATIONAL'}全国推广{#else}{l}{/when}")
    String promotion_level(String l);

    @Message("{#when g}{#is 'EXCELLENT'}改革工作完成优秀{#is 'COMPLETED'}改革工作完成{#is 'NOT_COMPLETED'}改革工作未完成{#else}{g}{/when}")
    String grade_name(String g);

    @Message("{#when d}{#is 'WORKING'}工作日{#else}自然日{/when}")
    String day_count(String d);

    // --- reminders ---

    @Message("{#when k}{#is 'TASK_DUE_SOON'}提示卡片{#is 'TASK_OVERDUE'}任务逾期{#is 'MILESTONE_OVERDUE'}节点逾期{#is 'REPORT_OVERDUE'}月报逾期{#is 'ORDER_ISSUED'}督办单下发{#is 'ORDER_ESCALATED'}督办升级{#is 'PILOT_SUMMARY_OVERDUE'}试点小结逾期{#is 'RECTIFICATION_OVERDUE'}整改逾期{#is 'MONTH_PUBLISHED'}一月一通报{#else}{k}{/when}")
    String reminder_kind(String k);

    // --- words on many pages ---

    @Message("共 {n} 项")
    String total(long n);

    @Message("第 {page} / {pages} 页")
    String page_of(int page, int pages);

    @Message("上一页")
    String previous();

    @Message("下一页")
    String next();

    @Message("查询")
    String search();

    @Message("清除")
    String clear();

    @Message("全部")
    String all();


    @Message("提交")
    String submit();

    @Message("无")
    String none();

    @Message("暂无数据")
    String empty();

    @Message("理由")
    String reason();

    @Message("时间")
    String at();

    @Message("操作人")
    String actor();

    @Message("说明")
    String note();

    @Message("已保存")
    String saved();

    @Message("查看")
    String view();

    // --- dashboard ---

    @Message("红灯（逾期）")
    String red_lights();

    @Message("黄灯（临近时限）")
    String yellow_lights();

    @Message("绿灯（正常推进）")
    String green_lights();

    @Message("按政策领域")
    String by_area();

    @Message("按考核类别")
    String by_category();

    @Message("按专项小组")
    String by_group();

    @Message("本月逾期任务")
    String overdue_this_month();

    @Message("督办阶梯（在办督办单）")
    String ladder_funnel();

    @Message("任务总数")
    String tasks_total();

    @Message("截至 {at}")
    String as_of(String at);

    // --- ledger and tasks ---

    @Message("改革任务台账")
    String ledger_title();

    @Message("任务编号")
    String code();

    @Message("改革任务")
    String title();

    @Message("具体内容")
    String description();

    @Message("状态")
    String status_label();

    @Message("红黄绿灯")
    String light_label();

    @Message("政策领域")
    String area();

    @Message("计划年度")
    String year();

    @Message("牵头单位")
    String lead_unit();

    @Message("责任单位")
    String unit();

    @Message("专项小组")
    String group();

    @Message("责任人")
    String responsible_person();

    @Message("责任领导")
    String responsible_leader();

    @Message("完成时限")
    String deadline();

    @Message("关键词")
    String text();

    @Message("任务来源")
    String origin_label();

    @Message("成果形式")
    String expected_outcome();

    @Message("导出 Excel")
    String export();

    @Message("下载月度通报")
    String download_bulletin();

    @Message("导出排名表")
    String download_rankings();

    @Message("导入任务清单（Excel）")
    String import_sheet();

    @Message("导入为")
    String import_as();

    @Message("导入")
    String import_action();

    @Message("已导入 {n} 项任务")
    String imported(int n);

    @Message("以下行有误，未导入任何任务：")
    String import_rows_failed();


    @Message("录入任务")
    String new_task();

    @Message("登记单位")
    String new_unit();

    @Message("单位编码")
    String unit_code();

    @Message("单位名称")
    String unit_name();

    @Message("考核类别")
    String category_label();

    @Message("单位类型")
    String unit_kind_label();

    @Message("四位一体责任链")
    String chain();

    @Message("协调单位（专项小组）")
    String chain_group();

    @Message("时间节点")
    String milestones();

    @Message("节点")
    String milestone();

    @Message("已完成")
    String done();

    @Message("标为完成")
    String mark_done();

    @Message("重新打开")
    String reopen();

    @Message("月度进展报告")
    String reports();

    @Message("报送本月进展")
    String file_report();

    @Message("月份")
    String period();

    @Message("完成进度（%）")
    String percent();

    @Message("工作进展")
    String narrative();

    @Message("存在问题")
    String problems();

    @Message("下步打算")
    String next_steps();

    @Message("第 {n} 次报送")
    String revision(int n);

    @Message("办理记录")
    String history();

    @Message("可办理事项")
    String actions();

    @Message("办理环节")
    String step();

    @Message("参与单位")
    String participating_units();

    @Message("共同牵头单位")
    String co_lead_units();


    @Message("剩余 {n} 天（暂缓时）")
    String remaining_days(int n);

    @Message("刚性任务")
    String rigid();

    // --- extension requests, corrections, reassignment ---

    @Message("延期申请")
    String extension_requests();

    @Message("申请延期")
    String request_extension();

    @Message("申请延至")
    String requested_deadline();

    @Message("申请将完成时限由 {from} 延至 {to}")
    String extension_asked(String from, String to);

    @Message("{#when s}{#is 'PENDING'}待审批{#is 'APPROVED'}已同意{#is 'REJECTED'}已驳回{#else}{s}{/when}")
    String extension_state(String s);

    @Message("{#when d}{#is 'APPROVED'}同意{#is 'REJECTED'}驳回{#else}{d}{/when}")
    String decision(String d);

    @Message("审批意见")
    String comment();

    @Message("批准时限（留空即按申请）")
    String approved_deadline();

    @Message("批准至")
    String approved_deadline_short();

    @Message("申请人")
    String requested_by();

    @Message("申请时间")
    String requested_at();

    @Message("完成时限已过，不能再申请延期。如需调整，请联系市委改革办。")
    String extension_too_late();

    @Message("待审批的延期申请")
    String extension_queue();

    @Message("更正与改派")
    String corrections();

    @Message("编辑")
    String edit_task();

    @Message("保存")
    String save();

    @Message("改派")
    String reassign();

    @Message("同时办结该任务在办的督办单")
    String close_open_orders();

    @Message("{#when f}{#is 'title'}改革任务{#is 'description'}具体内容{#is 'policyAreas'}政策领域{#is 'participatingUnitIds'}参与单位{#is 'milestones'}时间节点{#is 'milestoneOrder'}时间节点顺序{#is 'leadUnitId'}牵头单位{#is 'responsibleLeaderId'}责任领导{#is 'responsiblePersonId'}责任人{#is 'deadline'}完成时限{#else}{f}{/when}")
    String field(String f);

    @Message("{#when status}{#is 403}无权办理：服务拒绝了这次操作（403）。{#is 409}与任务当前状态不符，未受理（409）。{#is 422}服务未受理（422）。{#is 400}请检查填写内容，未保存任何修改。{#else}服务未受理这次提交（{status}）。{/when}")
    String refused(int status);

    @Message("是")
    String yes();

    @Message("否")
    String no();

    // --- supervision page ---

    @Message("督办单")
    String orders();

    @Message("督办事项")
    String subject();

    @Message("督办对象")
    String target_unit();

    @Message("下发日期")
    String issued_on();

    @Message("答复期限")
    String reply_by();


    @Message("已超期")
    String order_overdue();

    @Message("答复内容")
    String answer();

    @Message("升级记录")
    String escalation_history();

    @Message("督察")
    String inspections();

    @Message("发现问题")
    String findings();

    @Message("整改清单")
    String rectification_items();

    @Message("整改时限")
    String due_on();

    @Message("问责记录")
    String accountability();


    @Message("依据")
    String basis();

    @Message("阶梯")
    String rung_label();

    @Message("在办")
    String open();

    // --- assessment page ---

    @Message("月度排名")
    String ranking();

    @Message("名次")
    String rank();

    @Message("得分")
    String score();

    @Message("已冻结发布")
    String frozen();

    @Message("实时")
    String live();

    @Message("一月一会诊")
    String diagnosis();

    @Message("得分明细")
    String score_card();

    @Message("指标")
    String indicator();

    @Message("权重")
    String weight();

    @Message("事实数")
    String facts();

    @Message("扣分/加分")
    String points();

    @Message("容错免责")
    String exempted();

    @Message("近十二个月走势")
    String trend();

    @Message("月末结算")
    String close_month();

    @Message("年终考核")
    String year_end();

    @Message("计算年终结果")
    String compute_year();

    @Message("发布年终结果")
    String publish_year();

    @Message("等次")
    String grade();

    @Message("已结算 {month}")
    String month_closed(String month);

    // --- pilots page ---

    @Message("改革试点")
    String pilots_title();

    @Message("试点名称")
    String pilot_name();

    @Message("层级")
    String level();

    @Message("牵头领导")
    String lead_leader();

    @Message("批准单位")
    String granted_by();

    @Message("小结报送")
    String summaries();

    @Message("逾期未报小结")
    String summaries_missing();

    @Message("成果")
    String outcomes();

    @Message("截止日期")
    String due();

    // --- inbox and push ---

    @Message("全部标为已读")
    String mark_all_read();

    @Message("标为已读")
    String mark_read();

    @Message("已读")
    String read();

    @Message("新提醒会实时出现在这里，无需刷新。")
    String inbox_live();

    @Message("您的账号未关联通讯录中的人员，没有个人提醒。")
    String no_person();

    @Message("在本设备上接收提醒推送")
    String push_title();

    @Message("开启后，即使未打开平台，也会在手机或电脑上收到提醒。可随时关闭。")
    String push_intro();

    @Message("开启推送")
    String push_on();

    @Message("关闭推送")
    String push_off();

    @Message("本平台尚未配置浏览器推送（Web Push 密钥），暂时无法开启；新提醒仍会出现在“我的提醒”中。")
    String push_unavailable();

    @Message("此浏览器不支持推送通知。")
    String push_unsupported();

    @Message("已在本设备开启推送。")
    String push_enabled();

    @Message("已关闭本设备的推送。")
    String push_disabled();

    @Message("浏览器拒绝了通知权限，请在浏览器设置中允许本站通知。")
    String push_denied();

    @Message("已允许通知：打开平台页面时，新提醒会以系统通知弹出。但本浏览器未能连接其推送服务，关闭平台后收不到推送")
    String push_failed();

    // --- errors ---

    @Message("{#when kind}{#is 'forbidden'}无权查看或办理{#is 'notfound'}未找到{#is 'csrf'}表单已过期{#is 'signin'}请重新登录{#is 'unavailable'}服务暂不可用{#else}请求未被受理{/when}")
    String error_title(String kind);

    @Message("{#when kind}{#is 'forbidden'}该事项不属于您的职责范围：服务拒绝了这次访问（403）。如需查看，请联系市委改革办。{#is 'notfound'}该事项不存在，或已被删除。{#is 'csrf'}为保护您的账号，这次提交未被受理。请刷新页面后重试。{#is 'signin'}您的登录已失效。{#is 'unavailable'}后台服务暂时无法访问，请稍后再试。{#else}服务未受理这次请求。{/when}")
    String error_detail(String kind);

    @Message("返回作战图")
    String back_home();

    @Message("您已退出登录。")
    String signed_out();

    @Message("重新登录")
    String sign_in_again();
}
