package org.reformdesk.task.extension;

/** Where an extension request (延期申请) stands: waiting for the reform office, or decided. */
enum ExtensionState {
    PENDING,
    /** 同意延期: the task's deadline moved. */
    APPROVED,
    /** 不予延期: the deadline stays. */
    REJECTED
}
