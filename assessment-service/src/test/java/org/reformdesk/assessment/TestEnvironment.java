package org.reformdesk.assessment;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.reformdesk.testing.ServiceTestResources;

/** Every @QuarkusTest of this service runs against a fresh database, the test broker and test tokens. */
@WithTestResource(value = ServiceTestResources.class, scope = TestResourceScope.GLOBAL)
public final class TestEnvironment {

    private TestEnvironment() {
    }
}
