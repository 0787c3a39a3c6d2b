package org.reformdesk.task.ledger;

import io.smallrye.config.ConfigMapping;

import java.util.List;

/** What the ledger accepts. */
@ConfigMapping(prefix = "reform.ledger")
public interface LedgerConfig {

    /** The policy areas (政策领域) a task may belong to. */
    List<String> policyAreas();

    /** Prefix of generated task codes, e.g. KM gives KM-2026-00001. */
    String codePrefix();
}
