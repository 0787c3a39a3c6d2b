package org.reformdesk.task.ledger;

/** Who deployed the task (任务来源). */
public enum TaskOrigin {
    /** 中央部署 */
    CENTRAL,
    /** 省委部署 */
    PROVINCIAL,
    /** 市委部署 */
    MUNICIPAL,
    /** 自选 */
    SELF_INITIATED
}
