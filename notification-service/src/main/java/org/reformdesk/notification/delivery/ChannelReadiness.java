package org.reformdesk.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.Comparator;

/**
 * Says at /q/health/ready which reminder channels can send and why the others cannot. Always UP: a city uses the
 * channels it configured, and reminders are only written for those, so an unconfigured one is no reason to keep the
 * service out of rotation.
 */
@Readiness
@ApplicationScoped
class ChannelReadiness implements HealthCheck {

    @Inject
    Instance<ReminderChannel> channels;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Reminder channels").up()
                .withData("INBOX", "ready");
        channels.stream().sorted(Comparator.comparing(ReminderChannel::channel)).forEach(channel ->
                response.withData(channel.channel().name(), channel.unavailable().orElse("ready")));
        return response.build();
    }
}
