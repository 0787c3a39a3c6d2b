package org.reformdesk.console.api;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.client.SseEvent;
import org.jboss.resteasy.reactive.client.SseEventFilter;

import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** notification-service: the signed-in person's own inbox, its live stream, and Web Push subscriptions. */
@RegisterRestClient(configKey = "notification")
@RegisterClientHeaders
@AccessToken
@Path("/api/v1/me")
public interface NotificationApi {

    @GET
    @Path("notifications")
    Page inbox(@RestQuery boolean unread, @RestQuery int page, @RestQuery int size);

    @GET
    @Path("notifications/unread-count")
    Map<String, Object> unreadCount();

    @POST
    @Path("notifications/{id}/read")
    Map<String, Object> markRead(@PathParam("id") UUID id);

    @POST
    @Path("notifications/read")
    Map<String, Object> markAllRead();

    @GET
    @Path("notifications/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @SseEventFilter(RemindersOnly.class)
    Multi<Map<String, Object>> stream();

    /**
     * The stream's keep-alive comments carry no data: read as a reminder, each failed on the event loop (RESTEasy's
     * client hands empty events on since Quarkus 3.4), so only events with data are read.
     */
    class RemindersOnly implements Predicate<SseEvent<String>> {
        @Override
        public boolean test(SseEvent<String> event) {
            return event.data() != null && !event.data().isBlank();
        }
    }

    /** issue 21 (notification-service) adds these three; until then they answer 404. */
    @GET
    @Path("push-subscriptions/vapid-key")
    Map<String, Object> vapidKey();

    @POST
    @Path("push-subscriptions")
    Map<String, Object> subscribe(Map<String, Object> subscription);

    @DELETE
    @Path("push-subscriptions")
    void unsubscribe(@RestQuery String endpoint);
}
