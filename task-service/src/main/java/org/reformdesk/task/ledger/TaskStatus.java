package org.reformdesk.task.ledger;

/** Where a task is in its life, from draft to close-out (销号). */
public enum TaskStatus {
    DRAFT,
    /** 下达 */
    ASSIGNED,
    IN_PROGRESS,
    /** 申请销号: the lead unit says it is done; the office has not verified it yet. */
    CLOSE_REQUESTED,
    /** 销号 */
    CLOSED,
    /** 待上级部署统一启动: the clock stops until a higher level deploys. */
    SUSPENDED,
    /** Adjusted out of the plan. */
    CANCELLED;

    /** Whether the deadline clock runs: only for tasks handed out and not yet verified done. */
    public boolean deadlineApplies() {
        return this == ASSIGNED || this == IN_PROGRESS || this == CLOSE_REQUESTED;
    }
}
