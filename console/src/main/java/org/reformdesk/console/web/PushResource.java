package org.reformdesk.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.reformdesk.console.api.NotificationApi;

import java.util.Map;

/**
 * 开启通知: subscribes this browser with the Push API (push.js) and registers the subscription with
 * notification-service under the person's own token. A deployment without Web Push keys answers the VAPID key with
 * 404, and the page says push is not configured here.
 */
@Path("/push")
class PushResource {

    @CheckedTemplate(basePath = "push")
    static class Templates {
        static native TemplateInstance push(boolean available);
    }

    @Inject
    @RestClient
    NotificationApi notifications;

    @Inject
    Viewer viewer;

    @GET
    public TemplateInstance page() {
        return Templates.push(viewer.hasInbox() && vapidKey() != null);
    }

    /** The sending side's public VAPID key, for PushManager.subscribe; 404 while there is none. */
    @GET
    @Path("vapid-key")
    @Produces(MediaType.APPLICATION_JSON)
    public Response key() {
        String key = vapidKey();
        return key == null ? Response.status(404).build() : Response.ok(Map.of("publicKey", key)).build();
    }

    @POST
    @Path("subscription")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response subscribe(Map<String, Object> subscription) {
        return Response.ok(notifications.subscribe(subscription)).build();
    }

    @DELETE
    @Path("subscription")
    public Response unsubscribe(@QueryParam("endpoint") String endpoint) {
        notifications.unsubscribe(endpoint);
        return Response.noContent().build();
    }

    private String vapidKey() {
        if (!viewer.hasInbox()) {
            return null;
        }
        try {
            Object key = notifications.vapidKey().get("publicKey");
            return key == null ? null : key.toString();
        } catch (WebApplicationException absent) {
            if (absent.getResponse().getStatus() == 404) {
                return null;
            }
            throw absent;
        }
    }
}
