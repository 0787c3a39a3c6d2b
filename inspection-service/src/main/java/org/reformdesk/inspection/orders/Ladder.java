package org.reformdesk.inspection.orders;

import org.reformdesk.events.Rung;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The escalation ladder (Zibo 三单一书): 提示单 → 交办单 → 催办单 → 责令书, each rung with its days to reply.
 * An order is configured once, when issued, from the ladder in force then.
 */
public final class Ladder {

    private final List<Integer> replyByDays;

    public Ladder(List<Integer> replyByDays) {
        if (replyByDays.size() != Rung.values().length) {
            throw new IllegalArgumentException("The ladder needs reply-by days for each of its "
                    + Rung.values().length + " rungs, got " + replyByDays);
        }
        if (replyByDays.stream().anyMatch(days -> days < 1)) {
            throw new IllegalArgumentException("Reply-by days must be at least 1, got " + replyByDays);
        }
        this.replyByDays = List.copyOf(replyByDays);
    }

    public Rung first() {
        return Rung.values()[0];
    }

    /** The rung above, or empty at the top (责令书), which does not escalate further. */
    public Optional<Rung> above(Rung rung) {
        int next = rung.ordinal() + 1;
        return next < Rung.values().length ? Optional.of(Rung.values()[next]) : Optional.empty();
    }

    /** The date by which an order of this rung issued on {@code issuedOn} must be answered. */
    public LocalDate replyBy(Rung rung, LocalDate issuedOn) {
        return issuedOn.plusDays(replyByDays.get(rung.ordinal()));
    }
}
