package org.reformdesk.task.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

/**
 * Where a ledger count expired in {@link RecentResults} is counted again: off the request that found it expired,
 * so with a request context and a transaction of its own.
 */
@ApplicationScoped
class Recounts {

    @ActivateRequestContext
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void run(Runnable recount) {
        recount.run();
    }
}
