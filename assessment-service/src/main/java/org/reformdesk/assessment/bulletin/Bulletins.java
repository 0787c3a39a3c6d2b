package org.reformdesk.assessment.bulletin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.time.ServiceClock;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * The monthly bulletins (一月一通报): issued when a month is closed, issued again (replacing the last) each time it is
 * closed again, and kept by month as the .docx the office sends out.
 */
@ApplicationScoped
public class Bulletins {

    /** An issued bulletin, without its document. */
    public record BulletinView(String month, String title, Instant issuedAt, String issuedBy, int bytes) {
    }

    /** A bulletin's document and the title its download is named by. */
    public record Download(String month, String title, byte[] document) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    BulletinFacts facts;

    @Inject
    ServiceClock clock;

    /** Writes the closed month's bulletin as it stands now and keeps it, replacing any earlier one. */
    public void issue(YearMonth month, String actor) {
        QuarkusTransaction.requiringNew().run(() -> {
            byte[] document = BulletinDocument.write(facts.gather(month.toString(), clock.today()));
            entityManager.createNativeQuery("""
                            INSERT INTO month_bulletin (month, document, issued_at, issued_by)
                            VALUES (:month, :document, :now, :actor)
                            ON CONFLICT (month) DO UPDATE SET document = excluded.document,
                                issued_at = excluded.issued_at, issued_by = excluded.issued_by""")
                    .setParameter("month", month.toString()).setParameter("document", document)
                    .setParameter("now", clock.instant()).setParameter("actor", actor).executeUpdate();
        });
    }

    /** The months with a bulletin, latest first. */
    public Page<BulletinView> list(PageRequest paging) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT month, issued_at, issued_by, octet_length(document) AS bytes FROM month_bulletin
                        ORDER BY month DESC""").unwrap(NativeQuery.class)
                .addScalar("month", String.class).addScalar("issued_at", Instant.class)
                .addScalar("issued_by", String.class).addScalar("bytes", Integer.class)
                .setFirstResult(paging.page * paging.size).setMaxResults(paging.size).getResultList();
        long total = ((Number) entityManager.createNativeQuery("SELECT count(*) FROM month_bulletin")
                .getSingleResult()).longValue();
        return new Page<>(rows.stream().map(r -> new BulletinView((String) r[0], BulletinDocument.title((String) r[0]),
                (Instant) r[1], (String) r[2], (Integer) r[3])).toList(), paging.page, paging.size, total);
    }

    /** The month's bulletin; 404 until the month is closed. */
    public Download download(String month) {
        @SuppressWarnings("unchecked")
        List<byte[]> documents = entityManager.createNativeQuery(
                        "SELECT document FROM month_bulletin WHERE month = :month")
                .setParameter("month", month).getResultList();
        if (documents.isEmpty()) {
            throw new ProblemException(404, "Bulletin not found", "There is no bulletin for " + month
                    + ": a month's bulletin is issued when the month is closed.");
        }
        return new Download(month, BulletinDocument.title(month), documents.get(0));
    }
}
