package org.reformdesk.console.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTest {

    @Test
    void aServicesFieldErrorsAreKeptByFieldAndTheRestListedApart() {
        Problem problem = new Problem(400, "Invalid request", "deadline: must not be null",
                Map.of("deadline", "must not be null", "rows[7]", "牵头单位: no unit 高新区"));

        assertThat(problem.present()).isTrue();
        assertThat(problem.field("deadline")).isEqualTo("must not be null");
        assertThat(problem.field("title")).isNull();
        assertThat(problem.others("title,deadline")).containsOnlyKeys("rows[7]");
    }

    @Test
    void noProblemIsTheFormAsFirstShown() {
        assertThat(Problem.none().present()).isFalse();
        assertThat(Problem.none().fields()).isEmpty();
    }

    @Test
    void aRefusalWithoutAProblemDocumentStillSaysItsStatus() {
        Problem problem = Problem.of(new WebApplicationException(Response.status(409).build()));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.fields()).isEmpty();
        assertThat(problem.present()).isTrue();
    }
}
