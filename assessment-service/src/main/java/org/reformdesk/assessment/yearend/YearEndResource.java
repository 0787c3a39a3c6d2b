package org.reformdesk.assessment.yearend;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.assessment.directory.AssessedUnit;
import org.reformdesk.assessment.scheme.Indicator;
import org.reformdesk.events.AssessmentCategory;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The year end (年终综合考核): computed and published by the reform office, read by everyone. */
@Path("/api/v1/year-ends")
@Tag(name = "Assessment")
class YearEndResource {

    public record YearEndView(int year, YearEnd.Status status, UUID schemeId, String computedBy, Instant computedAt,
            String publishedBy, Instant publishedAt) {

        static YearEndView of(YearEnd y) {
            return new YearEndView(y.year, y.status, y.schemeId, y.computedBy, y.computedAt, y.publishedBy,
                    y.publishedAt);
        }
    }

    public record ResultView(int year, UUID unitId, String code, String name, AssessmentCategory category,
            BigDecimal monthlyAverage, int months, BigDecimal assessment, BigDecimal composite, int rank, Grade grade,
            List<Indicator> missing) {
    }

    /** A page of a category's year-end results, best first, with whether the year is published. */
    public record ResultPage(int year, AssessmentCategory category, YearEnd.Status status, List<ResultView> items,
            int page, int size, long total) {
    }

    @Inject
    YearEndService yearEnds;

    @Inject
    Caller caller;

    @POST
    @Path("{year}/computation")
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Compute (or recompute) every unit's year-end composite, rank and grade; refused once the "
            + "year is published")
    public YearEndView compute(@PathParam("year") @Min(2000) @Max(2100) int year) {
        return YearEndView.of(yearEnds.compute(year, caller.name()));
    }

    @POST
    @Path("{year}/publication")
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Publish and freeze a computed year; publishing it again changes nothing")
    public YearEndView publish(@PathParam("year") @Min(2000) @Max(2100) int year) {
        return YearEndView.of(yearEnds.publish(year, caller.name()));
    }

    @GET
    @Path("{year}")
    @Operation(summary = "A category's year-end results, best first")
    public ResultPage results(@PathParam("year") @Min(2000) @Max(2100) int year,
            @NotNull @QueryParam("category") AssessmentCategory category, @Valid @BeanParam PageRequest paging) {
        YearEnd yearEnd = yearEnds.find(year).orElseThrow(() -> ProblemException.notFound("Year end", year));
        var page = yearEnds.results(year, category, paging).map(this::view);
        return new ResultPage(year, category, yearEnd.status, page.items(), page.page(), page.size(), page.total());
    }

    @GET
    @Path("{year}/units/{unitId}")
    @Operation(summary = "One unit's year-end composite, rank and grade, with what made them")
    public ResultView result(@PathParam("year") @Min(2000) @Max(2100) int year, @PathParam("unitId") UUID unitId) {
        caller.requireRead(unitId);
        return yearEnds.result(year, unitId).map(this::view)
                .orElseThrow(() -> ProblemException.notFound("Year-end result", unitId));
    }

    private ResultView view(YearEndResult r) {
        AssessedUnit unit = AssessedUnit.findById(r.unitId);
        return new ResultView(r.year, r.unitId, unit == null ? null : unit.code, unit == null ? null : unit.name,
                r.category, r.monthlyAverage, r.months, r.assessment, r.composite, r.rank, r.grade,
                r.missing.isEmpty() ? List.of() : Arrays.stream(r.missing.split(",")).map(Indicator::valueOf).toList());
    }
}
