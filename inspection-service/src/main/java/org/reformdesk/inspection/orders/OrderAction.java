package org.reformdesk.inspection.orders;

/** What can happen to an order after it is issued. */
enum OrderAction {
    /** The target unit confirms it received the order (签收). */
    ACKNOWLEDGE,
    /** The target unit answers (反馈). */
    ANSWER,
    /** The reform office accepts the answer; the order is done. */
    ACCEPT,
    /** The reform office rejects the answer with a reason; the unit must answer again. */
    REJECT,
    /** The subject itself was closed, completed or cancelled. */
    CLOSE,
    /** No accepted answer by the reply-by date: the next rung replaced it. */
    SUPERSEDE
}
