package org.reformdesk.assessment.live;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.assessment.Attachment;
import org.reformdesk.assessment.directory.AssessedUnit;
import org.reformdesk.assessment.exemption.Exemption;
import org.reformdesk.assessment.manual.ManualScore;
import org.reformdesk.assessment.manual.ManualScoreResource;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Rankings by category and month — a closed month frozen as published, the current month live — and each unit's
 * score card: its score and rank, every point of the month with the fact behind it, and its trend month by month.
 */
@Path("/api/v1")
@Tag(name = "Assessment")
public class RankingResource {

    public static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

    /** A page of a ranking, with the month it is for and whether it is frozen. */
    public record RankingPage(AssessmentCategory category, String month, boolean frozen, List<Standings.Place> items,
            int page, int size, long total) {
    }

    /** A fact behind the score; an exempted one (容错) is shown with the office's reason and does not count. */
    public record PointView(Indicator indicator, BigDecimal points, String reason, Instant occurredAt, UUID eventId,
            UUID subjectId, boolean exempted, String exemptionReason) {
    }

    public record MonthPoint(String month, BigDecimal score, Integer rank, boolean frozen) {
    }

    public record ScoreCard(UUID unitId, String code, String name, AssessmentCategory category, String month,
            BigDecimal score, Integer rank, int unitsRanked, boolean frozen, Boolean diagnosis,
            List<MonthlyScore.Part> indicators, List<PointView> points,
            List<ManualScoreResource.ManualScoreView> manualScores, List<MonthPoint> trend) {
    }

    @Inject
    Standings standings;

    @Inject
    LiveScores scores;

    @Inject
    ScoreRebuild rebuild;

    @Inject
    RankingSheet sheet;

    @Inject
    EntityManager entityManager;

    @Inject
    Caller caller;

    @GET
    @Path("rankings")
    @Operation(summary = "A category's ranking for a month (default: this month, live), best first")
    public RankingPage ranking(@NotNull @QueryParam("category") AssessmentCategory category,
            @QueryParam("month") @Pattern(regexp = MONTH, message = "must be YYYY-MM") String month,
            @Valid @BeanParam PageRequest paging) {
        Standings.Table table = standings.ranking(category, month == null ? scores.currentMonth().toString() : month);
        List<Standings.Place> page = table.places().stream().skip((long) paging.page * paging.size)
                .limit(paging.size).toList();
        return new RankingPage(category, table.month(), table.frozen(), page, paging.page, paging.size,
                table.places().size());
    }

    @GET
    @Path("rankings/units/{unitId}")
    @Operation(summary = "A unit's score and rank for a month (default: this month), explained point by point, "
            + "with its trend over the months")
    public ScoreCard scoreCard(@PathParam("unitId") UUID unitId,
            @QueryParam("month") @Pattern(regexp = MONTH, message = "must be YYYY-MM") String month) {
        caller.requireRead(unitId);
        String wanted = month == null ? scores.currentMonth().toString() : month;
        AssessedUnit unit = AssessedUnit.findById(unitId);
        if (unit == null || unit.category == null) {
            throw ProblemException.notFound("Unit score", unitId);
        }
        Standings.Table table = standings.ranking(unit.category, wanted);
        Standings.Place place = table.places().stream().filter(p -> p.unitId().equals(unitId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Unit score", unitId));
        List<ScoreEntry> entries = ScoreEntry.<ScoreEntry>find(
                "unitId = ?1 and month = ?2 order by occurredAt desc", unitId, wanted).page(0, PageRequest.MAX_SIZE).list();
        Map<UUID, String> exemptions = Exemption.<Exemption>stream("unitId", unitId)
                .collect(Collectors.toMap(e -> e.id, e -> e.reason));
        List<PointView> points = entries.stream().map(e -> new PointView(e.indicator, e.points, e.reason,
                e.occurredAt, e.eventId, e.subjectId, e.exemptedBy != null, exemptions.get(e.exemptedBy))).toList();
        List<ManualScoreResource.ManualScoreView> manual = ManualScore.<ManualScore>list(
                        "unitId = ?1 and period in (?2, ?3) order by period desc, kind", unitId, wanted,
                        wanted.substring(0, 4)).stream().map(ManualScoreResource.ManualScoreView::of).toList();
        return new ScoreCard(unitId, unit.code, unit.name, unit.category, wanted, place.score(), place.rank(),
                table.places().size(), table.frozen(), place.diagnosis(),
                scores.explain(unitId, wanted, unit.category).parts(), points, manual, trend(unit));
    }

    @GET
    @Path("rankings/{month}.xlsx")
    @Produces(RankingSheet.MEDIA_TYPE)
    @Operation(summary = "A month's rankings as an Excel workbook, one sheet per category (名次, 单位, 得分, 名次变化, "
            + "一月一会诊); frozen once the month is closed, live before")
    public Response sheet(@PathParam("month") @Pattern(regexp = MONTH, message = "must be YYYY-MM") String month) {
        RankingSheet.Download download = sheet.write(month);
        return Response.ok(download.workbook(), RankingSheet.MEDIA_TYPE)
                .header("Content-Disposition", Attachment.disposition("rankings-" + month + ".xlsx",
                        download.fileName()))
                .build();
    }

    @POST
    @Path("score-rebuilds")
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Recompute every monthly score from the stored facts and re-rank (frozen months stay)")
    public ScoreRebuild.Result rebuild() {
        return rebuild.rebuild();
    }

    /** The last twelve months in which the unit was scored or ranked, oldest first. */
    private List<MonthPoint> trend(AssessedUnit unit) {
        @SuppressWarnings("unchecked")
        List<String> months = entityManager.createNativeQuery("""
                        SELECT month FROM unit_standing WHERE unit_id = :unit
                        UNION SELECT month FROM month_ranking WHERE unit_id = :unit""")
                .setParameter("unit", unit.id).getResultList();
        TreeSet<String> ordered = new TreeSet<>(months);
        ordered.add(scores.currentMonth().toString());
        return ordered.descendingSet().stream().limit(12).sorted().map(m -> {
            Standings.Table table = standings.ranking(unit.category, m);
            return table.places().stream().filter(p -> p.unitId().equals(unit.id)).findFirst()
                    .map(p -> new MonthPoint(m, p.score(), p.rank(), table.frozen()))
                    .orElse(new MonthPoint(m, ScoringRules.FULL_MARKS, null, table.frozen()));
        }).toList();
    }
}
