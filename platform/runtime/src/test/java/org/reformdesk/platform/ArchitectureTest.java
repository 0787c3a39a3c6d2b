package org.reformdesk.platform;

import org.junit.jupiter.api.Test;
import org.reformdesk.testing.Architecture;

/** The shared plumbing's packages (outbox, inbox, problem, ...) depend on each other without a loop. */
class ArchitectureTest {

    @Test
    void platformPackagesHaveNoLoops() {
        Architecture.assertNoPackageLoops("org.reformdesk.platform");
    }
}
