package org.reformdesk.pilot.directory;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.reformdesk.events.UnitChanged;
import org.reformdesk.platform.inbox.Inbox;

import java.util.concurrent.CompletionStage;

/** Keeps the local copy of the units from the directory topic. */
@ApplicationScoped
class DirectoryEvents {

    @Inject
    Inbox inbox;

    @Incoming("directory")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver("pilot.directory", batch, event -> {
            if (event.data() instanceof UnitChanged changed) {
                KnownUnit unit = KnownUnit.<KnownUnit>findByIdOptional(changed.unitId()).orElseGet(() -> {
                    KnownUnit created = new KnownUnit();
                    created.id = changed.unitId();
                    return created;
                });
                unit.code = changed.code();
                unit.name = changed.name();
                unit.persist();
            }
        });
    }
}
