package org.reformdesk.console.inbox;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.reformdesk.console.api.NotificationApi;
import org.reformdesk.console.api.Page;
import org.reformdesk.console.web.Viewer;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * 我的提醒: the signed-in person's inbox, and its live stream relayed from notification-service as server-sent
 * events of rendered rows, which htmx's SSE extension puts at the top of the list; on every page console.js turns
 * each into a "reminder-arrived" event, which refreshes the header's unread count and this page's total, and into a
 * system notification.
 */
@Path("/inbox")
class InboxResource {

    /** Proxies and browsers drop a quiet connection: a comment line this often keeps it open. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(25);
    private static final int WAITING = 256;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(Page page);

        static native TemplateInstance inbox$item(Map<String, Object> reminder);

        static native TemplateInstance inbox$total(Page page);

        static native TemplateInstance noPerson();
    }

    @Inject
    @RestClient
    NotificationApi notifications;

    @Inject
    Viewer viewer;

    @GET
    public TemplateInstance inbox(@QueryParam("page") Integer page) {
        if (!viewer.hasInbox()) {
            return Templates.noPerson();
        }
        return Templates.inbox(notifications.inbox(false, page == null ? 0 : page, 20));
    }

    @GET
    @Path("unread-count")
    @Produces(MediaType.TEXT_PLAIN)
    public String unreadCount() {
        if (!viewer.hasInbox()) {
            return "";
        }
        long unread = ((Number) notifications.unreadCount().get("unread")).longValue();
        return unread == 0 ? "" : Long.toString(unread);
    }

    /** The inbox's "共 N 项", which follows the live stream's arrivals. */
    @GET
    @Path("total")
    public TemplateInstance total() {
        return Templates.inbox$total(notifications.inbox(false, 0, 1));
    }

    @POST
    @Path("{id}/read")
    @ResponseHeader(name = "HX-Trigger", value = "reminders-read")
    public TemplateInstance markRead(@PathParam("id") UUID id) {
        return Templates.inbox$item(notifications.markRead(id));
    }

    @POST
    @Path("read")
    public Response markAllRead() {
        notifications.markAllRead();
        // the list reloads and the header's count follows (HX-Trigger fires reminders-read on the body)
        return Response.ok().header("HX-Refresh", "true").header("HX-Trigger", "reminders-read").build();
    }

    /**
     * The person's reminders as they land, each as an event named {@code reminder} carrying its rendered row. Blocking:
     * finding whose inbox this is may ask task-service (a login without a {@code person} claim), which an event-loop
     * thread may not wait for.
     */
    @GET
    @Blocking
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(Sse sse) {
        if (!viewer.hasInbox()) {
            return Multi.createFrom().empty();
        }
        // a commit may announce several reminders at once: they wait here while the browser takes them
        Multi<OutboundSseEvent> reminders = notifications.stream().onOverflow().buffer(WAITING)
                .map(reminder -> sse.newEventBuilder().name("reminder").mediaType(MediaType.TEXT_HTML_TYPE)
                        .data(String.class, Templates.inbox$item(reminder).render().replace("\n", " ")).build());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(KEEP_ALIVE)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(reminders, keepAlive);
    }
}
