package org.reformdesk.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka broker (KRaft, one combined broker and controller) in the test JVM, started on first use
 * and shared by every test class of the run. The only class that knows Kafka's internal test kit.
 */
public final class TestKafka {

    private static KafkaClusterTestKit cluster;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            // A broker that hits a fatal fault (as KRaft may while the JVM shuts down) halts the whole process; in
            // the test JVM that kills Surefire's fork and fails a build whose tests all passed.
            Exit.setHaltProcedure((status, message) -> {
                throw new IllegalStateException("The test Kafka broker asked to halt (" + status + "): " + message);
            });
            Exit.setExitProcedure((status, message) -> {
                throw new IllegalStateException("The test Kafka broker asked to exit (" + status + "): " + message);
            });
            cluster = start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestKafka::stop, "test-kafka-stop"));
        }
        return cluster.bootstrapServers();
    }

    private static KafkaClusterTestKit start() {
        try {
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    // the kit's own default is an unreleased metadata version
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return kit;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test Kafka broker", e);
        }
    }

    private static synchronized void stop() {
        try {
            cluster.close();
        } catch (Exception ignored) {
            // the JVM is exiting; the broker's files are temporary
        }
    }
}
