package org.reformdesk.task.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.reformdesk.task.LedgerFixtures;
import org.reformdesk.testing.TestTokens;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Prints the figures the ledger promises: spreadsheet import of Kunming's 1,030 tasks and of 10,000, and the
 * latency of filtered ledger pages and the summary over 100,000 tasks. Run with
 * {@code ./mvnw -q -pl task-service -am verify -Pbenchmark}; not part of the default build.
 */
@QuarkusTest
class LedgerBenchmark {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String[] AREAS = {"经济", "社会民生", "城市规划建设管理", "民主法治", "生态文明", "党的建设", "纪律检查"};
    /** Kunming's 1,030 tasks by area, as the seed counts them (a task may have two). */
    private static final int[] AREA_WEIGHTS = {387, 394, 52, 75, 77, 88, 57};
    private static final int LEDGER_SIZE = 100_000;
    private static final int SAMPLES = 200;

    @Inject
    EntityManager entityManager;

    @Test
    void importAndLedgerFigures() throws IOException {
        List<String> units = new ArrayList<>();
        for (int i = 0; i < 81; i++) {
            UUID unit = LedgerFixtures.unit(i < 40 ? "A" : i < 60 ? "B" : "C", i < 60 ? "DEPARTMENT" : "DISTRICT");
            LedgerFixtures.person(unit, "HEAD", "一把手" + i);
            units.add(given().auth().oauth2(TestTokens.reformOffice()).get("/api/v1/units/{id}", unit)
                    .then().extract().path("code"));
        }

        RestAssured.config = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 900_000).setParam("http.connection.timeout", 60_000));
        long kunming = timeImport(sheet(1_030, units, "KM"));
        System.out.printf("bench: import 1,030 rows %,d ms%n", kunming);
        long tenThousand = timeImport(sheet(10_000, units, "BIG"));
        System.out.printf("bench: import 1,030 rows %,d ms; 10,000 rows %,d ms%n", kunming, tenThousand);

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0);
        fillLedgerTo(LEDGER_SIZE);
        String someUnit = given().auth().oauth2(TestTokens.reformOffice()).queryParam("size", 1).get("/api/v1/units")
                .then().extract().path("items[0].id");

        List<Map<String, Object>> queries = List.of(
                Map.of("size", 50),
                Map.of("status", "ASSIGNED", "area", "经济", "year", 2018, "size", 50),
                Map.of("timeliness", "OVERDUE", "size", 50),
                Map.of("timeliness", "DUE_SOON", "sort", "-deadline", "size", 50),
                Map.of("leadUnit", someUnit, "size", 50),
                Map.of("unit", someUnit, "rigid", true, "size", 50),
                Map.of("q", "营商环境", "size", 50),
                Map.of("status", "IN_PROGRESS", "page", 40, "size", 50));
        for (int i = 0; i < 20; i++) {
            get("/api/v1/tasks", queries.get(i % queries.size()));
        }
        long[] page = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            page[i] = get("/api/v1/tasks", queries.get(i % queries.size()));
        }
        for (int q = 0; q < queries.size(); q++) {
            long[] one = new long[SAMPLES / queries.size()];
            for (int i = 0; i < one.length; i++) {
                one[i] = page[q + i * queries.size()];
            }
            System.out.printf("bench:   %-70s p50 %6.1f ms%n", queries.get(q).keySet().stream().sorted().toList(),
                    percentile(one, 50));
        }
        long[] summary = new long[SAMPLES / 4];
        for (int i = 0; i < summary.length; i++) {
            summary[i] = get("/api/v1/tasks/summary", i % 2 == 0 ? Map.of() : Map.of("area", "经济"));
        }
        long total = count("SELECT count(*) FROM task");
        System.out.printf("bench: ledger of %,d tasks, filtered page (50) p50 %.1f ms, p99 %.1f ms over %d requests%n",
                total, percentile(page, 50), percentile(page, 99), SAMPLES);
        System.out.printf("bench: ledger summary p50 %.1f ms, p99 %.1f ms over %d requests%n",
                percentile(summary, 50), percentile(summary, 99), summary.length);
    }

    private long timeImport(byte[] sheet) {
        long start = System.nanoTime();
        given().auth().oauth2(TestTokens.reformOffice()).contentType(XLSX).body(sheet).queryParam("status", "ASSIGNED")
                .post("/api/v1/tasks/sheet").then().statusCode(201);
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Microseconds for one authorised GET. */
    private static long get(String path, Map<String, ?> query) {
        long start = System.nanoTime();
        given().auth().oauth2(TestTokens.reformOffice()).queryParams(query).get(path).then().statusCode(200);
        return (System.nanoTime() - start) / 1_000;
    }

    private static double percentile(long[] micros, int p) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1000.0;
    }

    /** A 分工方案 sheet of {@code rows} tasks spread over the units, areas and Kunming's plan years. */
    private static byte[] sheet(int rows, List<String> units, String prefix) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "bench", "1.0");
        Worksheet sheet = workbook.newWorksheet("分工方案");
        String[] headers = {"序号", "任务编号", "改革任务", "具体内容", "政策领域", "任务来源", "刚性任务", "牵头单位", "责任单位",
                "完成时限", "时间节点", "成果形式"};
        for (int c = 0; c < headers.length; c++) {
            sheet.value(0, c, headers[c]);
        }
        int weightTotal = Arrays.stream(AREA_WEIGHTS).sum();
        for (int r = 1; r <= rows; r++) {
            int pick = (r * 7919) % weightTotal;
            int area = 0;
            while (pick >= AREA_WEIGHTS[area]) {
                pick -= AREA_WEIGHTS[area++];
            }
            int year = 2027 + r % 7;
            sheet.value(r, 0, String.valueOf(r));
            sheet.value(r, 1, "%s-%d-%05d".formatted(prefix, year, r));
            sheet.value(r, 2, "深化" + AREAS[area] + "领域改革第" + r + "项");
            sheet.value(r, 3, "按照分工方案推进落实，形成可复制可推广经验");
            sheet.value(r, 4, r % 10 == 0 ? AREAS[area] + "、" + AREAS[(area + 1) % AREAS.length] : AREAS[area]);
            sheet.value(r, 5, r % 4 == 0 ? "中央部署" : r % 4 == 1 ? "省委部署" : "市委部署");
            sheet.value(r, 6, r % 3 == 0 ? "否" : "是");
            sheet.value(r, 7, units.get(r % units.size()));
            sheet.value(r, 8, units.get((r + 7) % units.size()));
            sheet.value(r, 9, LocalDate.of(year, 1 + r % 12, 28).toString());
            sheet.value(r, 10, "出台方案：" + LocalDate.of(year, 1 + r % 12, 1));
            sheet.value(r, 11, "制度文件");
        }
        workbook.finish();
        return out.toByteArray();
    }

    /** Tops the ledger up with generated tasks in SQL, as fast as the database writes them. */
    private void fillLedgerTo(int size) {
        QuarkusTransaction.requiringNew().timeout(600).run(() -> {
            long have = ((Number) entityManager.createNativeQuery("SELECT count(*) FROM task").getSingleResult())
                    .longValue();
            entityManager.createNativeQuery("""
                    INSERT INTO task (id, code, title, description, lead_unit_id, responsible_person_id, deadline, status,
                                      created_at, created_by, updated_at, policy_areas, origin, rigid, plan_year,
                                      participating_unit_ids, tags, assigned_on)
                    SELECT gen_random_uuid(), 'GEN-' || g, '推进' || (ARRAY['营商环境','国资国企','医药卫生','户籍制度','生态补偿'])[1 + g % 5]
                               || '改革第' || g || '项', '按期推进', u.id, gen_random_uuid(),
                           DATE '2014-01-01' + CAST(g % 4000 AS int), (ARRAY['ASSIGNED','IN_PROGRESS','CLOSE_REQUESTED','CLOSED','DRAFT','SUSPENDED','IN_PROGRESS'])[1 + g % 7],
                           now(), 'bench', now(), ARRAY[(ARRAY['经济','社会民生','城市规划建设管理','民主法治','生态文明','党的建设','纪律检查'])[1 + g % 7]],
                           'MUNICIPAL', g % 3 <> 0, 2014 + g % 7, ARRAY[u2.id], '{}', DATE '2014-01-01'
                    FROM generate_series(1, :n) g
                    JOIN LATERAL (SELECT id FROM unit ORDER BY code OFFSET (g % 81) LIMIT 1) u ON TRUE
                    JOIN LATERAL (SELECT id FROM unit ORDER BY code OFFSET ((g + 7) % 81) LIMIT 1) u2 ON TRUE""")
                    .setParameter("n", Math.max(0, size - have)).executeUpdate();
        });
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("ANALYZE task").executeUpdate());
        assertThat(count("SELECT count(*) FROM task")).isGreaterThanOrEqualTo(size);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
