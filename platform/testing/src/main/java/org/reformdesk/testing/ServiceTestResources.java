package org.reformdesk.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Everything a service's {@code @QuarkusTest}s run against: a fresh PostgreSQL database, the shared real
 * Kafka broker and the test token key. Put {@code @WithTestResource(value = ServiceTestResources.class,
 * scope = TestResourceScope.GLOBAL)} on one test class of the service.
 */
public class ServiceTestResources implements QuarkusTestResourceLifecycleManager {

    private TestDatabase database;

    @Override
    public Map<String, String> start() {
        database = TestDatabase.create("reform");
        Map<String, String> config = new HashMap<>(database.quarkusConfig());
        config.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
        config.putAll(TestTokens.mint().quarkusConfig());
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            database.drop();
        }
    }
}
