package org.reformdesk.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Waits until consumer groups have committed every record of their topics: after that, a test asserting
 * "nothing more happened" is not just asserting "nothing happened yet".
 */
public final class ConsumerLag {

    private ConsumerLag() {
    }

    public static void awaitCaughtUp(String bootstrapServers, Duration timeout, String... groups) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
                for (String group : groups) {
                    if (lag(admin, group) > 0) {
                        return false;
                    }
                }
                return true;
            });
        }
    }

    private static long lag(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet()
                .stream().collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())))
                .all().get(10, TimeUnit.SECONDS);
        return committed.entrySet().stream()
                .mapToLong(entry -> ends.get(entry.getKey()).offset()
                        - (entry.getValue() == null ? 0 : entry.getValue().offset()))
                .sum();
    }
}
