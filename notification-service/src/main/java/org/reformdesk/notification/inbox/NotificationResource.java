package org.reformdesk.notification.inbox;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;

import java.time.Instant;
import java.util.UUID;

/** People's reminders over REST. */
@Path("/api/v1/notifications")
@Tag(name = "Reminders")
public class NotificationResource {

    public record ReminderView(UUID id, UUID recipientId, ReminderKind kind, UUID subjectId, String occasion,
            String channel, String title, String body, DeliveryState state, Instant createdAt, Instant deliveredAt) {

        static ReminderView of(Reminder reminder) {
            return new ReminderView(reminder.id, reminder.recipientId, reminder.kind, reminder.subjectId,
                    reminder.occasion, reminder.channel, reminder.title, reminder.body, reminder.state,
                    reminder.createdAt, reminder.deliveredAt);
        }
    }

    @Inject
    ReminderService reminders;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "A person's reminders, newest first: the reform office reads anyone's, a person their own")
    public Page<ReminderView> list(@NotNull @QueryParam("recipient") UUID recipient,
            @Valid @BeanParam PageRequest paging) {
        if (!caller.hasRole(Roles.REFORM_OFFICE) && !caller.person().map(recipient::equals).orElse(false)) {
            throw ProblemException.forbidden("You may read only your own reminders.");
        }
        return reminders.inbox(recipient, paging).map(ReminderView::of);
    }
}
