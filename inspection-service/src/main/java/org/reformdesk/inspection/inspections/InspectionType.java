package org.reformdesk.inspection.inspections;

/** Kinds of inspection (Weinan 八方共督). */
enum InspectionType {
    /** 日常督察, by the reform office. */
    DAILY,
    /** 季度督察, by a special group. */
    QUARTERLY,
    /** 重点督察, by a lead unit. */
    KEY,
    /** 联合督察, with the party/government supervision office (督查室). */
    JOINT,
    /** 领导批示督察. */
    LEADER_INSTRUCTED,
    /** 方案执行逐项督察. */
    PLAN_BY_PLAN,
    /** 试点排队督察. */
    PILOT,
    /** 综合督察. */
    COMPREHENSIVE
}
