package org.reformdesk.assessment.directory;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.events.UnitChanged;
import org.reformdesk.events.UnitKind;
import org.reformdesk.platform.inbox.Inbox;

import java.util.concurrent.CompletionStage;

/**
 * Keeps the local copy of the units and places each in its category from the moment of the directory's change
 * ({@link Placements}), which the rankings follow ({@link UnitPlaced}); a reform office (改革办) runs the plan and is not
 * assessed, so it is placed in no category (and leaves its ranking if it was registered as another kind before).
 */
@ApplicationScoped
class DirectoryEvents {

    @Inject
    Inbox inbox;

    @Inject
    Placements placements;

    @Inject
    Event<UnitPlaced> placed;

    @Incoming("directory")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver("assessment.directory", batch, event -> {
            if (event.data() instanceof UnitChanged changed) {
                AssessedUnit unit = AssessedUnit.<AssessedUnit>findByIdOptional(changed.unitId()).orElseGet(() -> {
                    AssessedUnit created = new AssessedUnit();
                    created.id = changed.unitId();
                    return created;
                });
                AssessmentCategory category = changed.kind() == UnitKind.REFORM_OFFICE ? null : changed.category();
                unit.code = changed.code();
                unit.name = changed.name();
                unit.category = category;
                unit.persist();
                placements.place(changed.unitId(), category, event.time()).ifPresent(placed::fire);
            }
        });
    }
}
