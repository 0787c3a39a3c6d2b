package org.reformdesk.notification.me;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.platform.security.Caller;

import java.time.LocalTime;
import java.util.List;

/** How my reminders reach me: channels per kind, my quiet hours, a daily digest. */
@Path("/api/v1/me/preferences")
@Tag(name = "My reminders")
class PreferencesResource {

    private static final String ALWAYS = " Reminders the office insists on (reform.preferences.always-delivered-kinds, "
            + "by default TASK_OVERDUE, and orders on the rungs in reform.preferences.always-delivered-rungs, by "
            + "default the top rung RECTIFICATION_ORDER 责令书) reach me on every channel of their rule whatever I "
            + "choose: never turned off, never held for the digest, quiet only in the office's quiet hours.";

    /** Quiet hours, city time: what would wake a phone (SMS, push, WeCom, DingTalk) waits until {@code until}. */
    public record QuietHoursChoice(@NotNull LocalTime from, @NotNull LocalTime until) {
    }

    public record ChannelChoice(@NotBlank @Size(max = 32) String channel, @NotNull Boolean on) {
    }

    public record KindChoice(@NotBlank @Size(max = 64) String kind,
            @NotNull @Size(max = 16) List<@NotNull @Valid ChannelChoice> channels) {
    }

    /**
     * My choices: {@code quietHours} null for the office's, equal ends for none; {@code digestAt} the time of my
     * daily digest, null for none; {@code kinds} the channels I turn on or off per kind (a kind or channel left out
     * stays on). The shape GET answers, so a client may send back what it read with some switches flipped.
     */
    public record PreferencesRequest(@Valid QuietHoursChoice quietHours, LocalTime digestAt,
            @Size(max = 64) List<@NotNull @Valid KindChoice> kinds) {
    }

    @Inject
    MyPreferences preferences;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "My delivery preferences: for each kind of reminder its channels (on or off, and whether I "
            + "may change it), my quiet hours (the office's 22:00-08:00 unless I set my own) and my daily digest."
            + ALWAYS)
    public MyPreferences.View get() {
        return preferences.of(Me.of(caller));
    }

    @PUT
    @Operation(summary = "Replace my delivery preferences. A channel turned off for a kind is SKIPPED for it; with a "
            + "digest time, what is not urgent waits and goes out once a day as one message per channel. The inbox "
            + "cannot be turned off." + ALWAYS + " Turning one of those off is refused (400).")
    public MyPreferences.View put(@NotNull @Valid PreferencesRequest request) {
        return preferences.save(Me.of(caller), request, caller.name());
    }
}
