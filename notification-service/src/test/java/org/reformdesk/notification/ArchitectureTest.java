package org.reformdesk.notification;

import org.junit.jupiter.api.Test;
import org.reformdesk.testing.Architecture;

/**
 * Package by feature holds: the feature packages depend on each other without a loop, and on no other service; a
 * package makes public only what the others use.
 */
class ArchitectureTest {

    @Test
    void featurePackagesHaveNoLoopsAndTheServiceStandsAlone() {
        Architecture.assertSoundService("org.reformdesk.notification");
    }

    @Test
    void typesNoOtherPackageUsesArePackagePrivate() {
        Architecture.assertFewPublicTypes("org.reformdesk.notification");
    }
}
