package org.reformdesk.inspection.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The record that the office replaced a year of the working calendar: who, when, and with which days. */
@Entity
@Table(name = "calendar_year_replacement")
class CalendarYearReplacement extends PanacheEntityBase {

    @Id
    public UUID id;

    public int year;

    @Column(name = "replaced_at")
    public Instant replacedAt;

    @Column(name = "replaced_by")
    public String replacedBy;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<LocalDate> holidays;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "working_days")
    public List<LocalDate> workingDays;
}
