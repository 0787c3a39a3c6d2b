package org.reformdesk.notification.reminders;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.notification.rules.Channel;
import org.reformdesk.notification.rules.ReminderKind;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** People's reminders over REST, every channel, for the reform office and for the person themselves. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reminders")
class NotificationResource {

    @Inject
    ReminderService reminders;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "A person's reminders on every channel, newest first, optionally of one kind and channel: "
            + "the reform office reads anyone's, a person their own")
    public Page<ReminderView> list(@NotNull @QueryParam("recipient") UUID recipient,
            @QueryParam("kind") String kind, @QueryParam("channel") String channel,
            @Valid @BeanParam PageRequest paging) {
        Optional<ReminderKind> ofKind = parse("kind", kind, ReminderKind.class);
        Optional<Channel> onChannel = parse("channel", channel, Channel.class);
        if (!caller.hasRole(Roles.REFORM_OFFICE) && !caller.person().map(recipient::equals).orElse(false)) {
            throw ProblemException.forbidden("You may read only your own reminders.");
        }
        return reminders.list(recipient, ofKind, onChannel, paging).map(ReminderView::of);
    }

    static <E extends Enum<E>> Optional<E> parse(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.trim()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
