package org.reformdesk.task.ledger;

import io.smallrye.config.ConfigMapping;

/** How the ledger reads deadlines. */
@ConfigMapping(prefix = "reform.ledger")
public interface LedgerConfig {

    /** Days before a deadline from which a task shows as DUE_SOON (the first reminder offset). */
    int dueSoonDays();
}
