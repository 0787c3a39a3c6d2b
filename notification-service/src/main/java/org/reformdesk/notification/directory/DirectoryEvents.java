package org.reformdesk.notification.directory;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.reformdesk.events.GroupChanged;
import org.reformdesk.events.PersonChanged;
import org.reformdesk.events.PersonRemoved;
import org.reformdesk.events.UnitChanged;
import org.reformdesk.platform.inbox.Inbox;

import java.util.concurrent.CompletionStage;

/** Keeps the local copy of the directory from reform.directory.v1. */
@ApplicationScoped
class DirectoryEvents {

    @Inject
    Inbox inbox;

    @Inject
    Directory directory;

    @Incoming("directory")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver("notification.directory", batch, event -> {
            if (event.data() instanceof UnitChanged changed) {
                directory.apply(changed);
            } else if (event.data() instanceof PersonChanged changed) {
                directory.apply(changed);
            } else if (event.data() instanceof PersonRemoved removed) {
                directory.apply(removed);
            } else if (event.data() instanceof GroupChanged changed) {
                directory.apply(changed);
            }
        });
    }
}
