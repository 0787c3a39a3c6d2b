package org.reformdesk.inspection.inspections;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.reformdesk.platform.evidence.EvidenceFile;
import org.reformdesk.platform.evidence.EvidenceStore;
import org.reformdesk.platform.evidence.StoredEvidence;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.time.ServiceClock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Records inspections, their findings and rectification lists, and follows each item to verification. */
@ApplicationScoped
class InspectionService {

    /** Ids per IN list: a statement takes at most 65535 parameters, and a sheet may ask about 100,000 items. */
    private static final int IN_LIST = 5_000;

    public record NewInspection(String title, InspectionType type, InspectionMethod method, String scope,
            LocalDate startsOn, LocalDate endsOn, List<String> inspectors) {
    }

    public record NewFinding(String description, Severity severity, UUID unitId) {
    }

    public record NewItem(String description, LocalDate dueOn, UUID responsiblePersonId) {
    }

    public record NewReport(String content, String evidence) {
    }

    public record NewReInspection(ReInspectionOutcome outcome, String note, LocalDate newDueOn) {
    }

    /** What a rectification list can filter on; null fields do not filter. */
    public record ItemFilter(UUID unit, UUID finding, RectificationState state, Boolean overdue) {
    }

    @Inject
    EvidenceStore evidence;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    ServiceClock clock;

    @Transactional
    public Inspection create(NewInspection request, String actor, String key) {
        if (request.endsOn().isBefore(request.startsOn())) {
            throw ProblemException.invalid("endsOn", "must not be before startsOn");
        }
        return Inspection.findById(once(key, actor + " POST /api/v1/inspections", request, () -> {
            Inspection inspection = new Inspection();
            inspection.id = UUID.randomUUID();
            inspection.title = request.title();
            inspection.type = request.type();
            inspection.method = request.method();
            inspection.scope = request.scope();
            inspection.startsOn = request.startsOn();
            inspection.endsOn = request.endsOn();
            inspection.inspectors = List.copyOf(request.inspectors());
            inspection.createdAt = clock.instant();
            inspection.createdBy = actor;
            inspection.persist();
            return inspection.id;
        }));
    }

    @Transactional
    public Finding record(UUID inspectionId, NewFinding request, String actor, String key) {
        Inspection inspection = Inspection.<Inspection>findByIdOptional(inspectionId)
                .orElseThrow(() -> ProblemException.notFound("Inspection", inspectionId));
        return Finding.findById(once(key, actor + " POST /api/v1/inspections/" + inspectionId + "/findings", request,
                () -> {
                    Finding finding = new Finding();
                    finding.id = UUID.randomUUID();
                    finding.inspectionId = inspection.id;
                    finding.description = request.description();
                    finding.severity = request.severity();
                    finding.unitId = request.unitId();
                    finding.recordedAt = clock.instant();
                    finding.recordedBy = actor;
                    finding.persist();
                    return finding.id;
                }));
    }

    @Transactional
    public RectificationItem list(UUID findingId, NewItem request, String actor, String key) {
        Finding finding = finding(findingId).orElseThrow(() -> ProblemException.notFound("Finding", findingId));
        return RectificationItem.findById(once(key, actor + " POST /api/v1/findings/" + findingId
                + "/rectification-items", request, () -> {
                    RectificationItem item = new RectificationItem();
                    item.id = UUID.randomUUID();
                    item.findingId = finding.id;
                    item.unitId = finding.unitId;
                    item.description = request.description();
                    item.dueOn = request.dueOn();
                    item.responsiblePersonId = request.responsiblePersonId();
                    item.state = RectificationState.RECTIFYING;
                    item.createdAt = clock.instant();
                    item.createdBy = actor;
                    item.persist();
                    return item.id;
                }));
    }

    @Transactional
    public RectificationItem report(UUID itemId, NewReport request, String actor, String key) {
        once(key, actor + " POST /api/v1/rectification-items/" + itemId + "/reports", request, () -> {
            RectificationItem item = locked(itemId);
            item.state = transition(() -> item.state.afterReport());
            RectificationReport report = new RectificationReport();
            report.id = UUID.randomUUID();
            report.itemId = item.id;
            report.content = request.content();
            report.evidence = request.evidence();
            report.reportedAt = clock.instant();
            report.reportedBy = actor;
            report.persist();
            return report.id;
        });
        return RectificationItem.findById(itemId);
    }

    @Transactional
    public RectificationItem reInspect(UUID itemId, NewReInspection request, String actor, String key) {
        if (request.outcome() == ReInspectionOutcome.REOPENED && request.newDueOn() == null) {
            throw ProblemException.invalid("newDueOn", "a reopened rectification needs a new deadline");
        }
        if (request.outcome() == ReInspectionOutcome.REOPENED && !request.newDueOn().isAfter(clock.today())) {
            throw ProblemException.invalid("newDueOn", "must be after today");
        }
        once(key, actor + " POST /api/v1/rectification-items/" + itemId + "/re-inspections", request, () -> {
            RectificationItem item = locked(itemId);
            item.state = transition(() -> item.state.afterReInspection(request.outcome()));
            if (request.outcome() == ReInspectionOutcome.REOPENED) {
                item.reopened++;
                item.dueOn = request.newDueOn();
            }
            ReInspection check = new ReInspection();
            check.id = UUID.randomUUID();
            check.itemId = item.id;
            check.outcome = request.outcome();
            check.note = request.note();
            check.newDueOn = request.outcome() == ReInspectionOutcome.REOPENED ? request.newDueOn() : null;
            check.inspectedAt = clock.instant();
            check.inspectedBy = actor;
            check.persist();
            return check.id;
        });
        return RectificationItem.findById(itemId);
    }

    public Optional<Inspection> inspection(UUID id) {
        return Inspection.findByIdOptional(id);
    }

    public Optional<Finding> finding(UUID id) {
        return Finding.findByIdOptional(id);
    }

    public Optional<RectificationItem> item(UUID id) {
        return RectificationItem.findByIdOptional(id);
    }

    public List<RectificationReport> reports(UUID itemId) {
        return RectificationReport.list("itemId = ?1 order by reportedAt", itemId);
    }

    /** Attaches an evidence file to one of the item's reports, in the report's database and transaction. */
    @Transactional
    public StoredEvidence attach(UUID itemId, UUID reportId, EvidenceFile file, String actor) {
        return evidence.put(report(itemId, reportId).id, file, actor);
    }

    public List<StoredEvidence> evidence(UUID itemId, UUID reportId) {
        return evidence.list(report(itemId, reportId).id);
    }

    public Optional<EvidenceStore.Content> evidence(UUID itemId, UUID reportId, UUID evidenceId) {
        return evidence.get(report(itemId, reportId).id, evidenceId);
    }

    private RectificationReport report(UUID itemId, UUID reportId) {
        return RectificationReport.<RectificationReport>find("id = ?1 and itemId = ?2", reportId, itemId)
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("Rectification report", reportId));
    }

    public List<ReInspection> reInspections(UUID itemId) {
        return ReInspection.list("itemId = ?1 order by inspectedAt", itemId);
    }

    public Page<Inspection> inspections(InspectionType type, LocalDate from, LocalDate to, PageRequest paging) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (type != null) {
            where.add("type = :type");
            params.put("type", type);
        }
        if (from != null) {
            where.add("endsOn >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.add("startsOn <= :to");
            params.put("to", to);
        }
        var found = Inspection.<Inspection>find(query(where, "startsOn desc, id"), params);
        return new Page<>(found.page(paging.page, paging.size).list(), paging.page, paging.size, found.count());
    }

    public Page<Finding> findings(UUID inspection, UUID unit, Severity severity, PageRequest paging) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (inspection != null) {
            where.add("inspectionId = :inspection");
            params.put("inspection", inspection);
        }
        if (unit != null) {
            where.add("unitId = :unit");
            params.put("unit", unit);
        }
        if (severity != null) {
            where.add("severity = :severity");
            params.put("severity", severity);
        }
        var found = Finding.<Finding>find(query(where, "recordedAt desc, id"), params);
        return new Page<>(found.page(paging.page, paging.size).list(), paging.page, paging.size, found.count());
    }

    public Page<RectificationItem> items(ItemFilter filter, PageRequest paging) {
        PanacheQuery<RectificationItem> found = find(filter);
        return new Page<>(found.page(paging.page, paging.size).list(), paging.page, paging.size, found.count());
    }

    /** Every item the filter selects, by deadline, at most {@code limit}: a sheet's rows. */
    public List<RectificationItem> allItems(ItemFilter filter, int limit) {
        return find(filter).range(0, limit - 1).list();
    }

    /** The findings with these ids, by id, a few thousand per query (a statement takes at most 65535 parameters). */
    public Map<UUID, Finding> findings(List<UUID> ids) {
        Map<UUID, Finding> findings = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            Finding.<Finding>list("id in ?1", ids.subList(from, Math.min(ids.size(), from + IN_LIST)))
                    .forEach(f -> findings.put(f.id, f));
        }
        return findings;
    }

    /** The latest report of each item among {@code itemIds} that has one, a few thousand items per query. */
    @SuppressWarnings("unchecked")
    public Map<UUID, RectificationReport> latestReports(List<UUID> itemIds) {
        Map<UUID, RectificationReport> latest = new HashMap<>();
        for (int from = 0; from < itemIds.size(); from += IN_LIST) {
            List<RectificationReport> reports = RectificationReport.getEntityManager().createNativeQuery(
                            "SELECT DISTINCT ON (item_id) * FROM rectification_report WHERE item_id IN (:items) "
                                    + "ORDER BY item_id, reported_at DESC", RectificationReport.class)
                    .setParameter("items", itemIds.subList(from, Math.min(itemIds.size(), from + IN_LIST)))
                    .getResultList();
            reports.forEach(r -> latest.put(r.itemId, r));
        }
        return latest;
    }

    private PanacheQuery<RectificationItem> find(ItemFilter filter) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.unit() != null) {
            where.add("unitId = :unit");
            params.put("unit", filter.unit());
        }
        if (filter.finding() != null) {
            where.add("findingId = :finding");
            params.put("finding", filter.finding());
        }
        if (filter.state() != null) {
            where.add("state = :state");
            params.put("state", filter.state());
        }
        if (filter.overdue() != null) {
            where.add(filter.overdue() ? "(state <> :verified and dueOn < :today)"
                    : "(state = :verified or dueOn >= :today)");
            params.put("verified", RectificationState.VERIFIED);
            params.put("today", clock.today());
        }
        return RectificationItem.find(query(where, "dueOn, id"), params);
    }

    private static String query(List<String> where, String order) {
        return (where.isEmpty() ? "" : String.join(" and ", where)) + " order by " + order;
    }

    private RectificationItem locked(UUID itemId) {
        return RectificationItem.<RectificationItem>findByIdOptional(itemId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Rectification item", itemId));
    }

    private static RectificationState transition(Supplier<RectificationState> step) {
        try {
            return step.get();
        } catch (IllegalStateException e) {
            throw ProblemException.conflict("Rectification item cannot take this step", e.getMessage());
        }
    }

    private UUID once(String key, String scope, Object request, Supplier<UUID> create) {
        return idempotencyKeys.once(key, scope, request, create);
    }
}
