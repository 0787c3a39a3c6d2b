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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.notification.delivery.PushDevice;
import org.reformdesk.notification.reminders.ReminderView;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The console's and the mobile app's API: the caller's own inbox, its live stream, and their phones for push. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My reminders")
class MeResource {

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

    /** How often an idle stream gets a comment line: ingress controllers and proxies close a silent one. */
    @ConfigProperty(name = "reform.stream.keep-alive", defaultValue = "20s")
    Duration keepAliveEvery;

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
    @Operation(summary = "Server-Sent Events: each reminder (JSON) as it arrives in my inbox, whichever replica "
            + "delivered it; a comment line every reform.stream.keep-alive so proxies keep an idle stream open")
    // reading the token's person claim may block, so the stream is opened on a worker thread
    @Blocking
    public Multi<OutboundSseEvent> live(@Context Sse sse) {
        Multi<OutboundSseEvent> reminders = stream.of(me()).map(reminder -> sse.newEventBuilder()
                .id(reminder.id().toString()).mediaType(MediaType.APPLICATION_JSON_TYPE).data(reminder).build());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(keepAliveEvery)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(reminders, keepAlive);
    }

    @POST
    @Path("/devices")
    @Operation(summary = "Register my phone's push token (FCM registration token); every phone I register gets "
            + "the push, until I remove it or FCM says it is gone")
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
        return Me.of(caller);
    }
}
