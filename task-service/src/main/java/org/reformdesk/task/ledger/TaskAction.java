package org.reformdesk.task.ledger;

/** What someone does to a task's status; the lifecycle decides where it leads. */
enum TaskAction {
    /** 下达: the office hands a draft out to its lead unit. */
    ASSIGN,
    /** The lead unit starts work. */
    START,
    /** 申请销号: the lead unit says it is done. */
    REQUEST_CLOSE,
    /** 销号: the office verified it done. */
    CLOSE,
    /** The office refuses a close-out request; needs a reason. */
    REJECT,
    /** 待上级部署统一启动: the clock stops; needs a reason. */
    SUSPEND,
    /** The higher level deployed: back to where it was, with the days that were left. */
    RESUME,
    /** Adjusted out of the plan; needs a reason. */
    CANCEL;

    /** Whether a reason must be given, so the history can say why. */
    public boolean needsReason() {
        return this == REJECT || this == SUSPEND || this == CANCEL;
    }

    /** Whether the lead unit may do it itself; everything else is the reform office's. */
    public boolean byLeadUnit() {
        return this == START || this == REQUEST_CLOSE;
    }

    /** Whether the liaison of the task's special group (专项小组联络员) may do it for the lead unit. */
    public boolean byGroupLiaison() {
        return this == REQUEST_CLOSE;
    }
}
