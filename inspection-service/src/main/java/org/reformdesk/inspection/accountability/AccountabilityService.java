package org.reformdesk.inspection.accountability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.reformdesk.events.AccountabilityRecorded;
import org.reformdesk.inspection.inspections.Finding;
import org.reformdesk.inspection.inspections.RectificationItem;
import org.reformdesk.inspection.orders.SupervisionOrder;
import org.reformdesk.platform.idempotency.IdempotencyKeys;
import org.reformdesk.platform.outbox.Outbox;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.time.ServiceClock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Records accountability measures where supervision ran out: a top-rung order (责令书) past its reply-by date,
 * or a finding whose rectification a re-inspection reopened. Each record is published so assessment counts it.
 */
@ApplicationScoped
class AccountabilityService {

    public record NewRecord(Measure measure, String subjectType, UUID subjectId, UUID personId, String basis) {
    }

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    ServiceClock clock;

    /** The unit a subject holds to account, refusing subjects that give no ground for accountability. */
    public UUID accountableUnit(String subjectType, UUID subjectId) {
        if ("ORDER".equals(subjectType)) {
            SupervisionOrder order = SupervisionOrder.<SupervisionOrder>findByIdOptional(subjectId)
                    .orElseThrow(() -> ProblemException.notFound("Order", subjectId));
            if (order.accountabilityDueOn == null) {
                throw ProblemException.conflict("Order not due for accountability", "Order " + subjectId + " ("
                        + order.rung + ", " + order.state + ") is not a top-rung order past its reply-by date.");
            }
            return order.targetUnitId;
        }
        Finding finding = Finding.<Finding>findByIdOptional(subjectId)
                .orElseThrow(() -> ProblemException.notFound("Finding", subjectId));
        if (RectificationItem.count("findingId = ?1 and reopened > 0", subjectId) == 0) {
            throw ProblemException.conflict("Finding not due for accountability", "No re-inspection of finding "
                    + subjectId + " has found its rectification wanting.");
        }
        return finding.unitId;
    }

    @Transactional
    public AccountabilityRecord record(NewRecord request, UUID unitId, String actor, String key) {
        UUID id = idempotencyKeys.once(key, actor + " POST /api/v1/accountability-records", request, () -> {
            AccountabilityRecord record = new AccountabilityRecord();
            record.id = UUID.randomUUID();
            record.measure = request.measure();
            record.unitId = unitId;
            record.personId = request.personId();
            record.subjectType = request.subjectType();
            record.subjectId = request.subjectId();
            record.basis = request.basis();
            record.recordedAt = clock.instant();
            record.recordedBy = actor;
            record.persist();
            outbox.record(AccountabilityRecorded.of(record.id, record.unitId, record.personId, record.subjectType,
                    record.subjectId, record.measure.label(), record.basis));
            return record.id;
        });
        return AccountabilityRecord.findById(id);
    }

    public Optional<AccountabilityRecord> find(UUID id) {
        return AccountabilityRecord.findByIdOptional(id);
    }

    public Page<AccountabilityRecord> list(UUID unit, Measure measure, UUID subject, PageRequest paging) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (unit != null) {
            where.add("unitId = :unit");
            params.put("unit", unit);
        }
        if (measure != null) {
            where.add("measure = :measure");
            params.put("measure", measure);
        }
        if (subject != null) {
            where.add("subjectId = :subject");
            params.put("subject", subject);
        }
        var found = AccountabilityRecord.<AccountabilityRecord>find(
                (where.isEmpty() ? "" : String.join(" and ", where)) + " order by recordedAt desc, id", params);
        return new Page<>(found.page(paging.page, paging.size).list(), paging.page, paging.size, found.count());
    }
}
