package org.reformdesk.assessment.live;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Ranks the units of one category by score, highest first; equal scores share a rank (1, 2, 2, 4). */
public final class Ranking {

    /** A unit's score, as ranking needs it. */
    public record Scored(UUID unitId, BigDecimal score) {
    }

    private Ranking() {
    }

    public static Map<UUID, Integer> rank(List<Scored> units) {
        List<Scored> ordered = units.stream().sorted(Comparator.comparing(Scored::score).reversed()).toList();
        Map<UUID, Integer> ranks = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            Scored unit = ordered.get(i);
            boolean tied = i > 0 && ordered.get(i - 1).score().compareTo(unit.score()) == 0;
            ranks.put(unit.unitId(), tied ? ranks.get(ordered.get(i - 1).unitId()) : i + 1);
        }
        return ranks;
    }
}
