package org.reformdesk.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.reformdesk.assessment.scheme.SchemeDefinition;
import org.reformdesk.assessment.scheme.Schemes;
import org.reformdesk.testing.HostileInputContract;

import java.util.Map;

@QuarkusTest
class HostileInputTest extends HostileInputContract {

    /** A scheme must weigh every category's indicators to 100, which no schema says. */
    @Override
    protected Map<String, String> validBodies() {
        SchemeDefinition definition = Schemes.definition("-2");
        try {
            return Map.of("POST /api/v1/schemes", new ObjectMapper().writeValueAsString(Map.of("year", 2041,
                    "name", "2041年度全面深化改革工作考核方案", "categories", definition.categories(),
                    "yearEnd", definition.yearEnd())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
