package org.reformdesk.task.ledger;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** What the ledger accepts. */
@ConfigMapping(prefix = "reform.ledger")
public interface LedgerConfig {

    /** The policy areas (政策领域) a task may belong to. */
    List<String> policyAreas();

    /** Prefix of generated task codes, e.g. KM gives KM-2026-00001. */
    String codePrefix();

    /**
     * How long a ledger total, summary or lights are reused before they are counted again. A change made through this
     * instance is seen at once; one made through another replica within this time.
     */
    @WithDefault("5s")
    Duration countsMaxAge();
}
