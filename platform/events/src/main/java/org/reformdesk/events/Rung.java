package org.reformdesk.events;

/** The supervision order ladder (Zibo 三单一书), lowest rung first. */
public enum Rung {
    /** 提示单 */
    REMINDER_NOTICE,
    /** 交办单 */
    ASSIGNMENT_NOTICE,
    /** 催办单 */
    URGING_NOTICE,
    /** 责令书 */
    RECTIFICATION_ORDER
}
