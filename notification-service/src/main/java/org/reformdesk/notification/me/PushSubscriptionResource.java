package org.reformdesk.notification.me;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.notification.delivery.WebPushSubscription;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;

import java.time.Instant;
import java.util.List;

/** The browsers where I installed the console, for Web Push: subscribe, unsubscribe, and the key to subscribe with. */
@Path("/api/v1/me/push-subscriptions")
@Tag(name = "My reminders")
class PushSubscriptionResource {

    private static final String BASE64URL = "[A-Za-z0-9_-]+=*";

    /** The browser's keys, as PushSubscription.toJSON() gives them. */
    public record Keys(
            @NotBlank @Size(max = 128) @Pattern(regexp = BASE64URL, message = "base64url") String p256dh,
            @NotBlank @Size(max = 64) @Pattern(regexp = BASE64URL, message = "base64url") String auth) {
    }

    /** A browser's subscription, as PushSubscription.toJSON() gives it (expirationTime is ignored). */
    public record Subscription(@NotBlank @Size(max = 2048) String endpoint, @NotNull @Valid Keys keys) {
    }

    /** Which subscription to end: its endpoint (the rest of PushSubscription.toJSON() may come along). */
    public record Unsubscription(@NotBlank @Size(max = 2048) String endpoint) {
    }

    public record SubscriptionView(String endpoint, Instant subscribedAt, String subscribedBy) {

        static SubscriptionView of(WebPushSubscription subscription) {
            return new SubscriptionView(subscription.endpoint, subscription.subscribedAt, subscription.subscribedBy);
        }
    }

    /** The applicationServerKey a browser subscribes with. */
    public record VapidKey(String publicKey) {
    }

    @Inject
    MyPushSubscriptions subscriptions;

    @Inject
    Caller caller;

    @GET
    @Path("/vapid-key")
    @Operation(summary = "The VAPID public key (base64url) for the console's service worker: "
            + "pushManager.subscribe({userVisibleOnly: true, applicationServerKey: publicKey}); 404 while Web Push "
            + "is not configured")
    public VapidKey vapidKey() {
        Me.of(caller);
        return subscriptions.publicKey().map(VapidKey::new)
                .orElseThrow(() -> new ProblemException(404, "Not Found", "Web Push is not configured here."));
    }

    @GET
    @Operation(summary = "The browsers I subscribed")
    public List<SubscriptionView> list() {
        return subscriptions.of(Me.of(caller)).stream().map(SubscriptionView::of).toList();
    }

    @POST
    @Operation(summary = "Subscribe this browser to my reminders (the PushSubscription's JSON); I may subscribe many "
            + "browsers, each gets every reminder on the WEB_PUSH channel until I unsubscribe it or its push service "
            + "says it is gone. The endpoint must be a known push service's; subscribing again updates the keys.")
    public Response subscribe(@NotNull @Valid Subscription subscription) {
        WebPushSubscription saved = subscriptions.subscribe(Me.of(caller), subscription.endpoint(),
                subscription.keys().p256dh(), subscription.keys().auth(), caller.name());
        return Response.status(201).entity(SubscriptionView.of(saved)).build();
    }

    @DELETE
    @Operation(summary = "Unsubscribe one of my browsers, named by its endpoint")
    public Response unsubscribe(@NotNull @Valid Unsubscription unsubscription) {
        if (!subscriptions.unsubscribe(Me.of(caller), unsubscription.endpoint())) {
            throw ProblemException.notFound("Push subscription", unsubscription.endpoint());
        }
        return Response.noContent().build();
    }
}
