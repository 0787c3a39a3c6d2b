package org.reformdesk.assessment.live;

import org.reformdesk.assessment.scheme.Indicator;

import java.util.List;
import java.util.UUID;

/**
 * A fact that counts for or against a unit: the unit, what it is about (the task, pilot, order subject or item an
 * exemption names), the indicator it counts under, what kind of fact it was ({@code detail}: the rung of an order,
 * {@code ON_TIME} or {@code LATE} for a close; null where there is only one kind) and why, in the users' words.
 * {@code occasion}, where set, is what the fact is once per (a task's report for a period): a second event about
 * the same occasion costs nothing more. {@code policyAreas} are the task's policy areas (政策领域) where its event
 * named them, for the bulletin's figures by area; empty otherwise.
 */
record ScoredFact(UUID unitId, UUID subjectId, Indicator indicator, String detail, String reason,
        String occasion, List<String> policyAreas) {

    public ScoredFact {
        policyAreas = policyAreas == null ? List.of() : List.copyOf(policyAreas);
    }

    public ScoredFact(UUID unitId, UUID subjectId, Indicator indicator, String detail, String reason,
            String occasion) {
        this(unitId, subjectId, indicator, detail, reason, occasion, List.of());
    }

    public ScoredFact(UUID unitId, UUID subjectId, Indicator indicator, String detail, String reason) {
        this(unitId, subjectId, indicator, detail, reason, null);
    }

    /** The detail of a task closed by its deadline. */
    public static final String ON_TIME = "ON_TIME";
    /** The detail of a task closed after its deadline. */
    public static final String LATE = "LATE";
}
