package org.reformdesk.pilot.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.reformdesk.events.PilotRegistered;
import org.reformdesk.events.PilotStatusChanged;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.time.ServiceClock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Keeps the pilot ledger: registration, the pilot's life, adjustments and the responsibility letter. */
@ApplicationScoped
class PilotService {

    /** What a ledger query can filter on; null fields do not filter. */
    public record LedgerFilter(PilotLevel level, PilotStatus status, UUID leadUnit, UUID leader,
            Boolean overdueSummaries) {
    }

    /** Pilots per level and status (Chengdu's 373 = 142 + 93 + 138 kind of table). */
    public record Counts(Map<PilotLevel, Map<PilotStatus, Long>> byLevelAndStatus, Map<PilotLevel, Long> byLevel,
            Map<PilotStatus, Long> byStatus, long total) {
    }

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    ServiceClock clock;

    @Inject
    EntityManager entityManager;

    @Transactional
    public Pilot register(PilotRequests.NewPilot request, String actor, String idempotencyKey) {
        UUID id = idempotencyKeys.once(idempotencyKey, actor + " POST /api/v1/pilots", request, () -> {
            requireOrderedRun(request.startsOn(), request.plannedEndOn());
            Pilot pilot = new Pilot();
            pilot.id = UUID.randomUUID();
            pilot.name = request.name();
            pilot.level = request.level();
            pilot.grantedBy = request.grantedBy();
            pilot.policyArea = request.policyArea();
            pilot.leadUnitId = request.leadUnitId();
            pilot.leadLeaderId = request.leadLeaderId();
            pilot.leadLeaderName = request.leadLeaderName();
            pilot.planReference = request.planReference();
            pilot.planApprovedOn = request.planApprovedOn();
            pilot.workingTeam = request.workingTeam() == null ? new ArrayList<>() : new ArrayList<>(request.workingTeam());
            pilot.startsOn = request.startsOn();
            pilot.plannedEndOn = request.plannedEndOn();
            pilot.linkedTaskIds = request.linkedTaskIds() == null ? new ArrayList<>()
                    : new ArrayList<>(request.linkedTaskIds());
            pilot.status = PilotStatus.CANDIDATE;
            pilot.createdAt = clock.instant();
            pilot.createdBy = actor;
            pilot.updatedAt = pilot.createdAt;
            pilot.persist();
            PilotHistory.record(pilot.id, pilot.createdAt, actor, "REGISTERED", null, PilotStatus.CANDIDATE, null);
            outbox.record(PilotRegistered.of(pilot.id, pilot.name, pilot.level.name(), pilot.leadUnitId));
            return pilot.id;
        });
        return Pilot.findById(id);
    }

    /** Moves a pilot in its life; an illegal move is a 409 naming the current status. */
    @Transactional
    public Pilot move(UUID id, PilotRequests.Move move, String actor) {
        Pilot pilot = lockedPilot(id);
        PilotStatus from = pilot.status;
        if (!from.canMoveTo(move.status())) {
            throw ProblemException.conflict("Illegal pilot move", "The pilot is " + from + "; it can move to "
                    + (from.next().isEmpty() ? "nothing (it has ended)" : from.next().toString()) + ", not to "
                    + move.status() + ".");
        }
        boolean backFromAcceptance = from == PilotStatus.ACCEPTANCE && move.status() == PilotStatus.IN_PROGRESS;
        if ((move.status() == PilotStatus.EXITED || backFromAcceptance) && isBlank(move.reason())) {
            throw ProblemException.invalid("reason", "is required to " + (backFromAcceptance
                    ? "send a pilot back from acceptance" : "exit a pilot"));
        }
        if (move.status() == PilotStatus.IN_PROGRESS && (pilot.startsOn == null || pilot.plannedEndOn == null)) {
            throw ProblemException.conflict("Pilot has no calendar", "Set the pilot's start and planned end "
                    + "(an adjustment) before it gets under way: its summaries fall due by them.");
        }
        pilot.status = move.status();
        if (move.status() == PilotStatus.EXITED) {
            pilot.exitReason = move.reason();
        }
        pilot.updatedAt = clock.instant();
        PilotHistory.record(pilot.id, pilot.updatedAt, actor, "MOVED", from, pilot.status, move.reason());
        outbox.record(PilotStatusChanged.of(pilot.id, pilot.name, pilot.leadUnitId, pilot.leadLeaderId, from.name(),
                pilot.status.name(), move.reason()));
        return pilot;
    }

    /** 动态调整: changes what the request names and writes each change, old and new, into the history. */
    @Transactional
    public Pilot adjust(UUID id, PilotRequests.Adjustment request, String actor) {
        Pilot pilot = lockedPilot(id);
        if (pilot.status == PilotStatus.COMPLETED || pilot.status == PilotStatus.EXITED) {
            throw ProblemException.conflict("Pilot has ended", "The pilot is " + pilot.status
                    + "; an ended pilot is not adjusted.");
        }
        List<String> changes = new ArrayList<>();
        change(changes, "name", pilot.name, request.name(), v -> pilot.name = v);
        change(changes, "grantedBy", pilot.grantedBy, request.grantedBy(), v -> pilot.grantedBy = v);
        change(changes, "policyArea", pilot.policyArea, request.policyArea(), v -> pilot.policyArea = v);
        change(changes, "leadLeaderId", pilot.leadLeaderId, request.leadLeaderId(), v -> pilot.leadLeaderId = v);
        change(changes, "leadLeaderName", pilot.leadLeaderName, request.leadLeaderName(), v -> pilot.leadLeaderName = v);
        change(changes, "planReference", pilot.planReference, request.planReference(), v -> pilot.planReference = v);
        change(changes, "planApprovedOn", pilot.planApprovedOn, request.planApprovedOn(), v -> pilot.planApprovedOn = v);
        change(changes, "workingTeam", pilot.workingTeam, request.workingTeam(),
                v -> pilot.workingTeam = new ArrayList<>(v));
        change(changes, "startsOn", pilot.startsOn, request.startsOn(), v -> pilot.startsOn = v);
        change(changes, "plannedEndOn", pilot.plannedEndOn, request.plannedEndOn(), v -> pilot.plannedEndOn = v);
        change(changes, "linkedTaskIds", pilot.linkedTaskIds, request.linkedTaskIds(),
                v -> pilot.linkedTaskIds = new ArrayList<>(v));
        requireOrderedRun(pilot.startsOn, pilot.plannedEndOn);
        if (changes.isEmpty()) {
            throw ProblemException.invalid("body", "names nothing to change");
        }
        pilot.updatedAt = clock.instant();
        PilotHistory.record(pilot.id, pilot.updatedAt, actor, "ADJUSTED", null, null,
                request.reason() + " — " + String.join("; ", changes));
        return pilot;
    }

    @Transactional
    public Pilot signLetter(UUID id, PilotRequests.Letter letter, String actor) {
        Pilot pilot = lockedPilot(id);
        pilot.letterSignedBy = letter.signedBy();
        pilot.letterSignedOn = letter.signedOn();
        pilot.letterDocument = letter.document();
        pilot.updatedAt = clock.instant();
        PilotHistory.record(pilot.id, pilot.updatedAt, actor, "LETTER_SIGNED", null, null,
                letter.signedBy() + " signed on " + letter.signedOn() + ": " + letter.document());
        return pilot;
    }

    public Optional<Pilot> find(UUID id) {
        return Pilot.findByIdOptional(id);
    }

    public List<PilotHistory> history(UUID id) {
        return PilotHistory.list("pilotId = ?1 order by at, id", id);
    }

    public Page<Pilot> list(LedgerFilter filter, PageRequest paging) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.level() != null) {
            where.add("p.level = :level");
            params.put("level", filter.level().name());
        }
        if (filter.status() != null) {
            where.add("p.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.leadUnit() != null) {
            where.add("p.lead_unit_id = :unit");
            params.put("unit", filter.leadUnit());
        }
        if (filter.leader() != null) {
            where.add("p.lead_leader_id = :leader");
            params.put("leader", filter.leader());
        }
        if (filter.overdueSummaries() != null) {
            where.add((filter.overdueSummaries() ? "" : "NOT ") + """
                    EXISTS (SELECT 1 FROM summary_signal s WHERE s.pilot_id = p.id AND NOT EXISTS (
                        SELECT 1 FROM pilot_summary m WHERE m.pilot_id = s.pilot_id AND m.kind = s.kind
                        AND m.period = s.period))""");
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        var query = entityManager.createNativeQuery("SELECT p.* FROM pilot p" + condition
                + " ORDER BY p.created_at DESC, p.id", Pilot.class);
        var count = entityManager.createNativeQuery("SELECT count(*) FROM pilot p" + condition);
        params.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        @SuppressWarnings("unchecked")
        List<Pilot> items = query.setFirstResult(paging.page * paging.size).setMaxResults(paging.size).getResultList();
        return new Page<>(items, paging.page, paging.size, ((Number) count.getSingleResult()).longValue());
    }

    public Counts counts(UUID leadUnit) {
        // a parameter the statement does not name is an error, so the whole city's counts bind none
        jakarta.persistence.Query query = entityManager.createNativeQuery("SELECT level, status, count(*) FROM pilot"
                + (leadUnit == null ? "" : " WHERE lead_unit_id = :unit") + " GROUP BY level, status");
        if (leadUnit != null) {
            query.setParameter("unit", leadUnit);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<PilotLevel, Map<PilotStatus, Long>> matrix = new EnumMap<>(PilotLevel.class);
        Map<PilotLevel, Long> byLevel = new EnumMap<>(PilotLevel.class);
        Map<PilotStatus, Long> byStatus = new EnumMap<>(PilotStatus.class);
        long total = 0;
        for (PilotLevel level : PilotLevel.values()) {
            byLevel.put(level, 0L);
            matrix.put(level, new EnumMap<>(PilotStatus.class));
        }
        for (PilotStatus status : PilotStatus.values()) {
            byStatus.put(status, 0L);
        }
        for (Object[] row : rows) {
            PilotLevel level = PilotLevel.valueOf((String) row[0]);
            PilotStatus status = PilotStatus.valueOf((String) row[1]);
            long n = ((Number) row[2]).longValue();
            matrix.get(level).put(status, n);
            byLevel.merge(level, n, Long::sum);
            byStatus.merge(status, n, Long::sum);
            total += n;
        }
        return new Counts(matrix, byLevel, byStatus, total);
    }

    private Pilot lockedPilot(UUID id) {
        Pilot pilot = Pilot.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (pilot == null) {
            throw ProblemException.notFound("Pilot", id);
        }
        return pilot;
    }

    private static <T> void change(List<String> changes, String field, T current, T requested, Consumer<T> apply) {
        if (requested != null && !Objects.equals(current, requested)) {
            changes.add(field + ": " + current + " → " + requested);
            apply.accept(requested);
        }
    }

    private static void requireOrderedRun(LocalDate startsOn, LocalDate plannedEndOn) {
        if (startsOn != null && plannedEndOn != null && plannedEndOn.isBefore(startsOn)) {
            throw ProblemException.invalid("plannedEndOn", "must not be before startsOn");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
