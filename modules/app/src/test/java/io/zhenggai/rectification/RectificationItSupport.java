package io.zhenggai.rectification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.IntegrationTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the rectification ITs share: an inspection driven through the inspection API up to delivered feedback (so
 * that the rectification opens by itself), and small helpers for the rectification API.
 */
abstract class RectificationItSupport extends IntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** An inspection whose feedback was delivered 30 days ago: categories c1 (findings f1, f2) and c2 (f3). */
    record Delivered(String inspectionId, String rectificationId, LocalDate feedbackDate) {
        String path() {
            return "/api/rectifications/" + inspectionId;
        }
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Delivered deliverInspection() {
        return deliverInspection(api, today());
    }

    static Delivered deliverInspection(ApiClient api, LocalDate today) {
        return deliverInspection(api, today, uniqueId("insp"));
    }

    /** As {@link #deliverInspection(ApiClient, LocalDate)}, for the inspection id {@code id}. */
    static Delivered deliverInspection(ApiClient api, LocalDate today, String id) {
        ApiClient inspector = api.as("inspector");
        expect(inspector.post("/api/inspections", body("inspectionId", id, "inspectingBody", "区委第四巡察组",
                "inspectedUnit", "区委统战部", "mandate", "区委统一部署", "legalBasis", List.of("《中国共产党巡视工作条例》"),
                "plannedFieldworkStart", today.minusDays(70), "plannedFieldworkEnd", today.minusDays(40))), 201);
        expect(inspector.post("/api/inspections/" + id + "/fieldwork/start", body("date", today.minusDays(70))), 200);
        expect(inspector.post("/api/inspections/" + id + "/categories",
                body("categoryId", "c1", "title", "关于贯彻新时代统一战线工作部署还有差距方面")), 201);
        expect(inspector.post("/api/inspections/" + id + "/categories",
                body("categoryId", "c2", "title", "关于廉政风险防控不够严实方面")), 201);
        expect(inspector.post("/api/inspections/" + id + "/findings", body("findingId", "f1", "categoryId", "c1",
                "title", "“第一议题”制度落实不到位", "manifestations", List.of("学习研讨流于形式"))), 201);
        expect(inspector.post("/api/inspections/" + id + "/findings", body("findingId", "f2", "categoryId", "c1",
                "title", "大统战工作格局不够有力")), 201);
        expect(inspector.post("/api/inspections/" + id + "/findings", body("findingId", "f3", "categoryId", "c2",
                "title", "财务管理制度不健全")), 201);
        expect(inspector.post("/api/inspections/" + id + "/fieldwork/conclude", body("date", today.minusDays(40))), 200);
        expect(inspector.post("/api/inspections/" + id + "/feedback", body("date", today.minusDays(30))), 200);
        return new Delivered(id, "rect-" + id, today.minusDays(30));
    }

    /** Waits for the rectification to open by itself and answers its ledger. */
    JsonNode awaitLedger(Delivered d) {
        return awaitLedger(api, d, ledger -> true);
    }

    static JsonNode awaitLedger(ApiClient api, Delivered d, Predicate<JsonNode> until) {
        JsonNode[] last = new JsonNode[1];
        // untilAsserted: an AssertionError of the condition means "not yet" while waiting, and is the reported
        // cause when the wait times out (so a ledger that never gets there fails with what was wrong about it)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Response r = api.as("auditor").get(d.path());
            assertThat(r.status()).as("the ledger of %s: %s", d.rectificationId(), r).isEqualTo(200);
            last[0] = r.json();
            assertThat(until.test(last[0])).as("the ledger of %s has caught up: %s", d.rectificationId(), last[0]).isTrue();
        });
        return last[0];
    }

    /** The ledger once it has caught up with {@code version}. */
    JsonNode ledgerAt(Delivered d, long version) {
        return awaitLedger(api, d, l -> l.get("version").asLong() >= version);
    }

    /** A leader (组长) and an executive deputy (常务副组长) appointed, the office named. */
    void setUpGroup(Delivered d) {
        ApiClient leader = api.as("unit_leader");
        expect(leader.put(d.path() + "/office", body("name", "巡察整改工作领导小组办公室", "hostDepartment", "部机关办公室")), 200);
        expect(leader.post(d.path() + "/group/members", body("memberId", "head", "name", "李部长", "position", "部长",
                "role", "LEADER", "date", d.feedbackDate().plusDays(2))), 201);
        expect(leader.post(d.path() + "/group/members", body("memberId", "deputy", "name", "王副部长",
                "position", "常务副部长", "role", "EXECUTIVE_DEPUTY", "date", d.feedbackDate().plusDays(2))), 201);
    }

    long addItem(Delivered d, String itemId, List<String> findings, String kind, LocalDate due, String department,
                 String... measures) {
        Map<String, Object> body = new java.util.HashMap<>(body("itemId", itemId, "findingIds", findings,
                "title", "整改事项 " + itemId, "kind", kind, "responsibleLeaderId", "deputy",
                "responsibleDepartment", department, "handler", "张干事", "measures", List.of(measures)));
        if (due != null) {
            body.put("dueDate", due.toString());
        }
        return version(expect(api.as("rectifier").post(d.path() + "/items", body), 201));
    }

    long adopt(Delivered d) {
        return version(expect(api.as("unit_leader").post(d.path() + "/plan/adoption", body(
                "title", "关于落实区委第四巡察组巡察反馈意见的整改方案", "documentNumber", "南统〔2023〕20号",
                "date", d.feedbackDate().plusDays(10))), 200));
    }

    /** A draft with items i1 (f1, f2; time-bound, due in 60 days) and i2 (f3; ongoing), adopted. */
    long adoptedPlan(Delivered d) {
        setUpGroup(d);
        addItem(d, "i1", List.of("f1", "f2"), "TIME_BOUND", today().plusDays(60), "办公室", "每月召开学习研讨会", "指导各民主党派开展主题教育");
        addItem(d, "i2", List.of("f3"), "ONGOING", null, "财务股", "修订财务管理制度");
        return adopt(d);
    }

    /** A JSON body from key/value pairs; dates are sent as ISO strings, nulls are left out. */
    static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            if (value != null) {
                map.put((String) keyValues[i], value instanceof LocalDate date ? date.toString() : value);
            }
        }
        return map;
    }

    static Response expect(Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r;
    }

    static long version(Response r) {
        return r.json().get("version").asLong();
    }

    /** Uploads a file as multipart/form-data (part {@code file}) as the given user. */
    Response upload(String user, String path, String fileName, String contentType, byte[] bytes) {
        return upload(user, "demo", path, fileName, contentType, bytes);
    }

    /** As {@link #upload(String, String, String, String, byte[])}, for an account with its own password. */
    Response upload(String user, String password, String path, String fileName, String contentType, byte[] bytes) {
        String boundary = "zhenggai-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A stored event of the rectification: its type (simple name), payload and metadata. */
    record StoredEvent(long sequence, String type, JsonNode payload, JsonNode metaData) {
    }

    List<StoredEvent> events(String aggregateId) {
        return jdbc.sql("""
                        select sequence_number, payload_type, convert_from(payload, 'UTF8') as payload,
                               convert_from(meta_data, 'UTF8') as meta
                        from domain_event_entry where aggregate_identifier = :id order by sequence_number""")
                .param("id", aggregateId)
                .query((rs, n) -> new StoredEvent(rs.getLong("sequence_number"),
                        rs.getString("payload_type").substring(rs.getString("payload_type").lastIndexOf('$') + 1),
                        read(rs.getString("payload")), read(rs.getString("meta"))))
                .list();
    }

    static JsonNode read(String json) {
        try {
            return json == null ? JSON.nullNode() : JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
