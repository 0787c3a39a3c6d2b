package org.reformdesk.notification.me;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.reformdesk.notification.delivery.DeliveryConfig;
import org.reformdesk.notification.delivery.DeliveryPreferences;
import org.reformdesk.notification.delivery.Preferences;
import org.reformdesk.notification.delivery.QuietHours;
import org.reformdesk.notification.rules.AlwaysDelivered;
import org.reformdesk.notification.rules.AlwaysDeliveredConfig;
import org.reformdesk.notification.rules.Channel;
import org.reformdesk.notification.rules.ConfiguredChannels;
import org.reformdesk.notification.rules.ReminderKind;
import org.reformdesk.notification.rules.ReminderRules;
import org.reformdesk.notification.rules.RemindersConfig;
import org.reformdesk.platform.problem.ProblemException;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A person's delivery preferences as the API shows and takes them: every kind the rules know (a kind added later
 * appears by itself) with the channels of its rule this city can send on - a switch for SMS where no SMS goes out
 * would promise what never happens. A choice for a channel configured later is still taken and kept.
 */
@ApplicationScoped
class MyPreferences {

    public record QuietHoursView(LocalTime from, LocalTime until, boolean own) {
    }

    public record ChannelView(Channel channel, boolean on, boolean changeable) {
    }

    public record KindView(ReminderKind kind, boolean alwaysDelivered, List<ChannelView> channels) {
    }

    public record View(QuietHoursView quietHours, QuietHoursView officeQuietHours, LocalTime digestAt,
            List<String> alwaysDeliveredRungs, List<KindView> kinds) {
    }

    @Inject
    Preferences preferences;

    @Inject
    DeliveryConfig delivery;

    @Inject
    RemindersConfig reminders;

    @Inject
    AlwaysDeliveredConfig alwaysDeliveredConfig;

    @Inject
    ConfiguredChannels configured;

    private ReminderRules rules;

    public View of(UUID person) {
        return view(preferences.of(person));
    }

    public View save(UUID person, PreferencesResource.PreferencesRequest request, String actor) {
        AlwaysDelivered always = alwaysDeliveredConfig.alwaysDelivered();
        Set<DeliveryPreferences.OptOut> optOuts = new HashSet<>();
        Set<ReminderKind> seen = new HashSet<>();
        List<PreferencesResource.KindChoice> kinds = request.kinds() == null ? List.of() : request.kinds();
        for (int k = 0; k < kinds.size(); k++) {
            String field = "kinds[" + k + "]";
            ReminderKind kind = parse(field + ".kind", kinds.get(k).kind(), ReminderKind.class);
            if (!seen.add(kind)) {
                throw ProblemException.invalid(field + ".kind", kind + " is named twice");
            }
            List<Channel> ruled = rules().rule(kind).channels();
            List<PreferencesResource.ChannelChoice> channels = kinds.get(k).channels();
            for (int c = 0; c < channels.size(); c++) {
                String at = field + ".channels[" + c + "]";
                Channel channel = parse(at + ".channel", channels.get(c).channel(), Channel.class);
                if (!ruled.contains(channel)) {
                    throw ProblemException.invalid(at + ".channel", kind + " goes out on " + ruled + " only");
                }
                if (channels.get(c).on()) {
                    continue;
                }
                if (channel == Channel.INBOX) {
                    throw ProblemException.invalid(at + ".on", "the inbox keeps every reminder; it cannot be off");
                }
                if (always.kinds().contains(kind)) {
                    throw ProblemException.invalid(at + ".on", kind + " always reaches you (the office's "
                            + "configuration); it cannot be off");
                }
                optOuts.add(new DeliveryPreferences.OptOut(kind, channel));
            }
        }
        Optional<QuietHours> quiet = Optional.ofNullable(request.quietHours())
                .map(q -> new QuietHours(q.from(), q.until()));
        return view(preferences.save(person, quiet, Optional.ofNullable(request.digestAt()), optOuts, actor));
    }

    private View view(DeliveryPreferences choices) {
        AlwaysDelivered always = alwaysDeliveredConfig.alwaysDelivered();
        Set<Channel> open = configured.configured();
        List<KindView> kinds = Arrays.stream(ReminderKind.values()).map(kind -> {
            boolean insisted = always.kinds().contains(kind);
            return new KindView(kind, insisted, rules().rule(kind).channels().stream().filter(open::contains)
                    .map(channel -> new ChannelView(channel, insisted || choices.wants(kind, channel),
                            !insisted && channel != Channel.INBOX))
                    .toList());
        }).toList();
        QuietHours office = delivery.quietHours();
        return new View(new QuietHoursView(choices.quietHours().start(), choices.quietHours().end(),
                choices.ownQuietHours()), new QuietHoursView(office.start(), office.end(), false),
                choices.digestAt().orElse(null), always.rungs().stream().sorted().toList(), kinds);
    }

    private ReminderRules rules() {
        if (rules == null) {
            rules = reminders.rules();
        }
        return rules;
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
