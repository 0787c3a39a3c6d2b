package org.reformdesk.assessment.yearend;

/** The year-end grades (Kunming's three 绩效等次). */
enum Grade {
    /** 改革工作完成优秀 */
    EXCELLENT,
    /** 改革工作完成 */
    COMPLETED,
    /** 改革工作未完成 */
    NOT_COMPLETED
}
