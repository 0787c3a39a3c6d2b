package org.reformdesk.platform;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.reformdesk.testing.ServiceTestResources;

/** Every @QuarkusTest here runs against a fresh database, the test broker and test tokens, as a service's do. */
@WithTestResource(value = ServiceTestResources.class, scope = TestResourceScope.GLOBAL)
public final class TestEnvironment {

    private TestEnvironment() {
    }
}
