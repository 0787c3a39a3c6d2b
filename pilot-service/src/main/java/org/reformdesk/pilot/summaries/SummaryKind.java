package org.reformdesk.pilot.summaries;

/** The periodic summaries a running pilot owes (Weinan "四个一"). */
enum SummaryKind {
    /** 每月一小结 */
    MONTHLY_SUMMARY,
    /** 每季一分析 */
    QUARTERLY_ANALYSIS,
    /** 半年一盘点 */
    HALF_YEAR_REVIEW,
    /** 一点一总结: once, after the planned end */
    FINAL_SUMMARY
}
