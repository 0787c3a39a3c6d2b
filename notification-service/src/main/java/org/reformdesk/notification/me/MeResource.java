package org.reformdesk.notification.me;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.reformdesk.notification.delivery.PushDevice;
import org.reformdesk.notification.inbox.ReminderView;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;

import java.time.Instant;
import java.util.UUID;

/** The mobile app's API: the caller's own inbox, its live stream, and their phones for push. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My reminders")
public class MeResource {

    public record UnreadCount(long unread) {
    }

    public record Marked(int marked) {
    }

    public record DeviceRegistration(
            @NotBlank @Size(max = 4096) String token,
            @NotNull @Pattern(regexp = "ANDROID|IOS|WEB", message = "must be ANDROID, IOS or WEB") String platform) {
    }

    public record DeviceView(String token, String platform, Instant registeredAt, String registeredBy) {

        static DeviceView of(PushDevice device) {
            return new DeviceView(device.token, device.platform, device.registeredAt, device.registeredBy);
        }
    }

    @Inject
    PersonalInbox inbox;

    @Inject
    InboxStream stream;

    @Inject
    Caller caller;

    @GET
    @Path("/notifications")
    @Operation(summary = "My inbox, newest first; unread=true for the unread only")
    public Page<ReminderView> notifications(@QueryParam("unread") @DefaultValue("false") boolean unread,
            @Valid @BeanParam PageRequest paging) {
        return inbox.list(me(), unread, paging).map(ReminderView::of);
    }

    @GET
    @Path("/notifications/unread-count")
    @Operation(summary = "How many reminders in my inbox I have not read")
    public UnreadCount unreadCount() {
        return new UnreadCount(inbox.unread(me()));
    }

    @POST
    @Path("/notifications/{id}/read")
    @Operation(summary = "Mark one of my reminders read (again: no change)")
    public ReminderView markRead(@PathParam("id") UUID id) {
        return ReminderView.of(inbox.markRead(me(), id, caller.name()));
    }

    @POST
    @Path("/notifications/read")
    @Operation(summary = "Mark every reminder in my inbox read")
    public Marked markAllRead() {
        return new Marked(inbox.markAllRead(me(), caller.name()));
    }

    @GET
    @Path("/notifications/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-Sent Events: each reminder as it arrives in my inbox")
    // reading the token's person claim may block, so the stream is opened on a worker thread
    @Blocking
    public Multi<ReminderView> live() {
        return stream.of(me());
    }

    @POST
    @Path("/devices")
    @Operation(summary = "Register my phone's push token (FCM registration token)")
    public DeviceView register(@NotNull @Valid DeviceRegistration registration) {
        return DeviceView.of(inbox.register(me(), registration.token(), registration.platform(), caller.name()));
    }

    @DELETE
    @Path("/devices/{token}")
    @Operation(summary = "Stop push to one of my phones")
    public void unregister(@PathParam("token") String token) {
        if (!inbox.unregister(me(), token)) {
            throw ProblemException.notFound("Device", token);
        }
    }

    private UUID me() {
        return caller.person().orElseThrow(() ->
                ProblemException.forbidden("Your token names no person of the directory (claim 'person')."));
    }
}
