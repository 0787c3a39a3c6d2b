package org.reformdesk.console.assessment;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.reformdesk.console.api.AssessmentApi;
import org.reformdesk.console.web.Charts;
import org.reformdesk.console.web.Messages;
import org.reformdesk.console.web.Problem;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 考核: a category's ranking for a month (live, or frozen once closed), each unit's score explained point by point
 * with its trend; the reform office closes a month and computes and publishes the year end.
 */
@Path("/assessment")
class AssessmentResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ranking(Map<String, Object> ranking, String category, String month,
                boolean closable, int year, Map<String, Object> yearEnd, Problem problem, String done);

        static native TemplateInstance unit(Map<String, Object> card, Map<Object, Object> labels, Charts.Chart trend);
    }

    @Inject
    @RestClient
    AssessmentApi assessment;

    @Inject
    Charts charts;

    @Inject
    Messages msg;

    @GET
    public TemplateInstance ranking(@QueryParam("category") String category, @QueryParam("month") String month) {
        return page(category, month, Problem.none(), null);
    }

    @GET
    @Path("units/{unit}")
    @SuppressWarnings("unchecked")
    public TemplateInstance unit(@PathParam("unit") UUID unit, @QueryParam("month") String month) {
        Map<String, Object> card = assessment.scoreCard(unit, blankToNull(month));
        List<String> months = new ArrayList<>();
        List<Number> scores = new ArrayList<>();
        for (Map<String, Object> point : (List<Map<String, Object>>) card.getOrDefault("trend", List.of())) {
            months.add(String.valueOf(point.get("month")));
            scores.add((Number) point.get("score"));
        }
        // each point names its indicator by code; the scheme's label is in the month's indicators
        Map<Object, Object> labels = new java.util.HashMap<>();
        for (Map<String, Object> part : (List<Map<String, Object>>) card.getOrDefault("indicators", List.of())) {
            labels.put(part.get("indicator"), part.get("label"));
        }
        return Templates.unit(card, labels, charts.line(months, msg.score(), scores));
    }

    /** A closed month's bulletin (一月一通报) as assessment-service issued it, under its own file name. */
    @GET
    @Path("bulletins/{month}")
    public Response bulletin(@PathParam("month") String month) {
        return passedOn(assessment.bulletin(month));
    }

    /** A month's rankings as assessment-service's workbook, one sheet per category. */
    @GET
    @Path("rankings/{month}/sheet")
    public Response rankingSheet(@PathParam("month") String month) {
        return passedOn(assessment.rankingSheet(month));
    }

    private static Response passedOn(Response file) {
        return Response.ok(file.readEntity(byte[].class), file.getMediaType())
                .header("Content-Disposition", file.getHeaderString("Content-Disposition")).build();
    }

    /** Closes an ended month now (一月一通报): its ranking is frozen and published. */
    @POST
    @Path("month-closes")
    public TemplateInstance closeMonth(@RestForm String month, @RestForm String category) {
        try {
            assessment.closeMonth(Map.of("month", month == null ? "" : month));
            return page(category, month, Problem.none(), msg.month_closed(month));
        } catch (WebApplicationException refused) {
            if (refused.getResponse().getStatus() == 403) {
                throw refused;
            }
            return page(category, null, Problem.of(refused), null);
        }
    }

    private TemplateInstance page(String category, String month, Problem problem, String done) {
        String chosen = category == null || category.isBlank() ? "A" : category;
        Map<String, Object> ranking = assessment.ranking(chosen, blankToNull(month), 200);
        String shown = String.valueOf(ranking.get("month"));
        YearMonth current = YearMonth.from(LocalDate.parse(String.valueOf(assessment.clock().get("today"))));
        boolean closable = !Boolean.TRUE.equals(ranking.get("frozen")) && YearMonth.parse(shown).isBefore(current);
        int year = YearMonth.parse(shown).getYear();
        return Templates.ranking(ranking, chosen, shown, closable, year, yearEnd(year, chosen), problem, done);
    }

    /** Computes (or recomputes) a year's composites, ranks and grades: the reform office's, until published. */
    @POST
    @Path("year-ends/{year}/computation")
    public TemplateInstance computeYear(@PathParam("year") int year, @RestForm String category) {
        return yearEndStep(year, category, () -> assessment.computeYear(year));
    }

    /** Publishes and freezes a computed year. */
    @POST
    @Path("year-ends/{year}/publication")
    public TemplateInstance publishYear(@PathParam("year") int year, @RestForm String category) {
        return yearEndStep(year, category, () -> assessment.publishYear(year));
    }

    private TemplateInstance yearEndStep(int year, String category, Runnable step) {
        try {
            step.run();
            return page(category, null, Problem.none(), msg.year_end() + " " + year);
        } catch (WebApplicationException refused) {
            if (refused.getResponse().getStatus() == 403) {
                throw refused;
            }
            return page(category, null, Problem.of(refused), null);
        }
    }

    /** A category's year-end results, or none while the year has not been computed (the service's 404). */
    private Map<String, Object> yearEnd(int year, String category) {
        try {
            return assessment.yearEnd(year, category, 200);
        } catch (WebApplicationException notYet) {
            if (notYet.getResponse().getStatus() == 404) {
                return Map.of();
            }
            throw notYet;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
