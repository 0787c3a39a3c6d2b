package org.reformdesk.inspection.calendar;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reformdesk.platform.paging.Page;
import org.reformdesk.platform.paging.PageRequest;
import org.reformdesk.platform.problem.ProblemException;
import org.reformdesk.platform.security.Caller;
import org.reformdesk.platform.security.Roles;
import org.reformdesk.platform.sheets.SheetTable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The working calendar over REST: the office enters each year's public holidays and make-up working days
 * (调休) as China's official schedule publishes them; reply-by dates counted in working days follow it.
 */
@Path("/api/v1/working-calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Working calendar")
class CalendarResource {

    public record DayView(LocalDate day, boolean working, String note, boolean exception, Instant changedAt,
            String changedBy) {

        static DayView of(CalendarDay entry) {
            return new DayView(entry.day, entry.working, entry.note, true, entry.changedAt, entry.changedBy);
        }
    }

    public record DaySetting(@NotNull Boolean working, @NotBlank @Size(max = 200) String note) {
    }

    /** A year's whole schedule: every public holiday and every make-up working day (调休上班), each list complete. */
    public record YearSetting(
            @NotNull @Size(max = YearSchedule.MAX_HOLIDAYS) List<@NotNull LocalDate> holidays,
            @NotNull @Size(max = YearSchedule.MAX_WORKING_DAYS) List<@NotNull LocalDate> workingDays) {
    }

    /** The year as it now stands; {@code changed} is false when the schedule was already in place. */
    public record YearView(int year, List<LocalDate> holidays, List<LocalDate> workingDays, boolean changed,
            Instant replacedAt, String replacedBy) {

        static YearView of(CalendarService.Replaced replaced) {
            return new YearView(replaced.schedule().year(), replaced.schedule().holidays(),
                    replaced.schedule().workingDays(), replaced.changed(),
                    replaced.latest().map(r -> r.replacedAt).orElse(null),
                    replaced.latest().map(r -> r.replacedBy).orElse(null));
        }
    }

    public record ReplacementView(int year, Instant replacedAt, String replacedBy, List<LocalDate> holidays,
            List<LocalDate> workingDays) {

        static ReplacementView of(CalendarYearReplacement replacement) {
            return new ReplacementView(replacement.year, replacement.replacedAt, replacement.replacedBy,
                    List.copyOf(replacement.holidays), List.copyOf(replacement.workingDays));
        }
    }

    @Inject
    CalendarService calendar;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "A year's holidays and make-up working days, by date")
    public Page<DayView> list(@QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @Valid @BeanParam PageRequest paging) {
        return calendar.exceptions(year, paging).map(DayView::of);
    }

    @GET
    @Path("{day}")
    @Operation(summary = "Whether a day is a working day, and why")
    public DayView get(@PathParam("day") LocalDate day) {
        return calendar.exception(day).map(DayView::of).orElseGet(() ->
                new DayView(day, WorkingCalendar.WEEKDAYS.isWorkingDay(day), null, false, null, null));
    }

    @PUT
    @Path("{day}")
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Make a day a holiday (working=false) or a make-up working day (working=true)")
    public DayView set(@PathParam("day") LocalDate day, @NotNull @Valid DaySetting setting) {
        return DayView.of(calendar.set(day, setting.working(), setting.note(), caller.name()));
    }

    @PUT
    @Path("years/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Replace a year's holidays and make-up working days with the official schedule, all at "
            + "once, as JSON or as the office's sheet (.xlsx: 日期, 类型 节假日 or 调休上班, 名称 optional; every bad row "
            + "named); orders already issued keep their reply-by dates; repeating it changes nothing")
    public YearView replaceYear(@PathParam("year") @Min(2000) @Max(2100) int year,
            @NotNull @Valid YearSetting setting) {
        return replace(YearSchedule.of(year, setting.holidays(), setting.workingDays()));
    }

    @PUT
    @Path("years/{year}")
    @Consumes(SheetTable.MEDIA_TYPE)
    @RolesAllowed(Roles.REFORM_OFFICE)
    public YearView replaceYearFromSheet(@PathParam("year") @Min(2000) @Max(2100) int year, byte[] workbook) {
        if (workbook == null || workbook.length == 0) {
            throw ProblemException.invalid("body", "is empty; send the .xlsx file as the request body");
        }
        return replace(CalendarSheet.read(year, workbook));
    }

    private YearView replace(YearSchedule schedule) {
        return YearView.of(calendar.replaceYear(schedule, caller.name()));
    }

    @GET
    @Path("years/{year}/sheet")
    @Produces(SheetTable.MEDIA_TYPE)
    @Operation(summary = "The year's holidays and make-up working days as the office's sheet (日期, 星期, 类型, 名称), "
            + "which PUT years/{year} takes back once edited")
    public Response sheet(@PathParam("year") @Min(2000) @Max(2100) int year) {
        return SheetTable.download(year + "年放假安排.xlsx", year + "年放假安排", CalendarSheet.HEADERS,
                CalendarSheet.rows(calendar.year(year)));
    }

    @GET
    @Path("years/{year}/replacements")
    @Operation(summary = "Who replaced the year's schedule, when, and with which days; newest first")
    public List<ReplacementView> replacements(@PathParam("year") @Min(2000) @Max(2100) int year) {
        return calendar.replacements(year).stream().map(ReplacementView::of).toList();
    }

    @DELETE
    @Path("{day}")
    @RolesAllowed(Roles.REFORM_OFFICE)
    @Operation(summary = "Return a day to the Monday-to-Friday rule")
    public Response remove(@PathParam("day") LocalDate day) {
        if (!calendar.remove(day)) {
            throw ProblemException.notFound("Calendar exception", day);
        }
        return Response.noContent().build();
    }
}
