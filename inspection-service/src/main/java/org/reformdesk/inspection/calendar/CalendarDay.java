package org.reformdesk.inspection.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** A day that differs from the Monday-to-Friday rule: a public holiday, or a make-up working day (调休). */
@Entity
@Table(name = "calendar_day")
class CalendarDay extends PanacheEntityBase {

    @Id
    public LocalDate day;

    public boolean working;

    /** What the day is, e.g. 国庆节 or 国庆节调休上班. */
    public String note;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Column(name = "changed_by")
    public String changedBy;
}
