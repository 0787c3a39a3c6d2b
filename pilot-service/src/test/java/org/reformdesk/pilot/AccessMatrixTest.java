package org.reformdesk.pilot;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.reformdesk.platform.time.ServiceClock;
import org.reformdesk.testing.AccessMatrixContract;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static java.util.Map.entry;

/** Who may write what in the pilot service (DOMAIN.md "Who uses it"). */
@QuarkusTest
class AccessMatrixTest extends AccessMatrixContract {

    @Inject
    ServiceClock clock;

    @Override
    protected Map<String, Set<String>> allowed() {
        Set<String> office = Set.of(REFORM_OFFICE);
        Set<String> leadUnit = Set.of(REFORM_OFFICE, UNIT_OFFICER);
        return Map.ofEntries(
                entry("POST /api/v1/pilots", office),
                entry("POST /api/v1/pilots/{id}/status", office),
                entry("PATCH /api/v1/pilots/{id}", office),
                entry("PUT /api/v1/pilots/{id}/responsibility-letter", office),
                entry("POST /api/v1/pilots/{id}/outcomes", leadUnit),
                entry("POST /api/v1/pilots/{id}/sites", leadUnit),
                entry("POST /api/v1/pilots/{id}/summaries", leadUnit),
                entry("POST /api/v1/summary-sweeps", office));
    }

    @Override
    protected List<Call> unitWrites(UUID unit) {
        String pilot = pilot(unit);
        return List.of(
                new Call("POST", "/api/v1/pilots/" + pilot + "/outcomes",
                        Map.of("kind", "INSTITUTIONAL_RESULT", "title", "农村产权交易管理办法"),
                        "/api/v1/pilots/" + pilot + "/outcomes"),
                new Call("POST", "/api/v1/pilots/" + pilot + "/sites", Map.of("name", "示范村"),
                        "/api/v1/pilots/" + pilot + "/sites"),
                new Call("POST", "/api/v1/pilots/" + pilot + "/summaries", Map.of("kind", "MONTHLY_SUMMARY",
                        "period", YearMonth.from(clock.today()).toString(), "content", "完成确权登记 60%"),
                        "/api/v1/pilots/" + pilot + "/summaries"));
    }

    @Override
    protected List<Read> unitReads(UUID unit) {
        String pilot = pilot(unit);
        return List.of(new Read("/api/v1/pilots/" + pilot, "/api/v1/pilots"),
                new Read("/api/v1/pilots/" + pilot + "/outcomes", "/api/v1/pilots?status=IN_PROGRESS"));
    }

    private String pilot(UUID unit) {
        return PilotFixtures.running(unit, clock.today().minusMonths(2), clock.today().plusMonths(10));
    }
}
