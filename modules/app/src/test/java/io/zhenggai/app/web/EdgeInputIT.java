package io.zhenggai.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the edge refuses, through HTTP on the running app (docs/operations/README.md, "Input limits"): text that
 * cannot be stored, oversized or too deep bodies, dates out of bounds, malformed URLs and headers, duplicate ids.
 * Every refusal is problem+json with a {@code code}, and a refused request leaves no event.
 */
class EdgeInputIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Clock clock;

    private Map<String, Object> inspection(String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("inspectionId", id);
        body.put("inspectingBody", "区委第四巡察组");
        body.put("inspectedUnit", "区委统战部");
        body.put("legalBasis", List.of("《中国共产党巡视工作条例》"));
        body.put("plannedFieldworkStart", "2023-06-08");
        body.put("plannedFieldworkEnd", "2023-07-28");
        return body;
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 400 problem detail whose errors name exactly this field with this code. */
    private static JsonNode assertRefusedField(Response r, String field, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asText()).as(r.toString()).isEqualTo(field);
        assertThat(error.get("code").asText()).as(r.toString()).isEqualTo(code);
        assertThat(r.text()).doesNotContain("\\u0000").doesNotContain("Exception");
        return error;
    }

    private static void assertProblem(Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).as(r.toString()).isEqualTo(code);
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
    }

    // --- 1. text that cannot poison -------------------------------------------------------------------------------

    @Test
    void aNulOrALoneSurrogateInAnyJsonTextIsA400NamingTheFieldAndLeavesNoEvent() {
        ApiClient inspector = api.as("inspector");
        String nul = json(inspection(uniqueId("insp"))).replace("区委第四巡察组", "区委\\u0000第四巡察组");
        assertRefusedField(inspector.post("/api/inspections", nul), "inspectingBody", "TEXT_INVALID");

        String inList = json(inspection(uniqueId("insp"))).replace("《中国共产党巡视工作条例》", "\\ud800");
        JsonNode error = assertRefusedField(inspector.post("/api/inspections", inList), "legalBasis[0]", "TEXT_INVALID");
        assertThat(error.get("message").asText()).contains("D800");

        String inName = "{\"inspectionId\\u0000\":\"x\"}";
        assertRefusedField(inspector.post("/api/inspections", inName), "inspectionId\uFFFD", "TEXT_INVALID");

        String id = uniqueId("insp");
        assertThat(inspector.post("/api/inspections", inspection(id)).status()).isEqualTo(201);
        long before = eventCount();
        Response finding = inspector.post("/api/inspections/" + id + "/findings",
                "{\"findingId\":\"f1\",\"categoryId\":\"c1\",\"title\":\"ok\",\"manifestations\":[\"a\",\"b\\u0000\"]}");
        assertRefusedField(finding, "manifestations[1]", "TEXT_INVALID");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void aNulInARequestParameterOrFormFieldIsA400NamingIt() {
        assertRefusedField(api.as("auditor").get("/api/inspections?roundId=%00"), "roundId", "TEXT_INVALID");
        assertRefusedField(api.as("unit_leader").get("/api/dashboard/inspections?roundId=a%00"), "roundId", "TEXT_INVALID");

        long before = eventCount();
        Response form = send("POST", "/notices/" + uniqueId("notice") + "/feedback", null,
                "application/x-www-form-urlencoded", "text=%E6%84%8F%E8%A7%81%00&name=x");
        assertRefusedField(form, "text", "TEXT_INVALID");
        assertThat(eventCount()).isEqualTo(before);
    }

    // --- 2. bounded bodies --------------------------------------------------------------------------------------

    @Test
    void aBodyAboveTheLimitIs413BeforeItIsReadWithOrWithoutAContentLength() {
        String huge = json(Map.of("inspectionId", uniqueId("insp"), "inspectingBody", "字".repeat(700_000)));
        long before = eventCount();
        // with a Content-Length: refused before reading, even for a role that may not write there
        assertProblem(api.as("auditor").post("/api/inspections", huge), 413, "BODY_TOO_LARGE");
        // chunked, without a Content-Length: refused once the count passes the limit
        Response chunked = send("POST", "/api/inspections", "inspector", "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))));
        assertProblem(chunked, 413, "BODY_TOO_LARGE");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anUnreadableMultipartUploadIsA400NamingTheFilePartNotA500() {
        long before = eventCount();
        Response noBoundary = send("POST", "/api/rectifications/" + uniqueId("insp") + "/evidence-files", "rectifier",
                "multipart/form-data", "x");
        assertRefusedField(noBoundary, "file", "MULTIPART_INVALID");
        Response cut = send("POST", "/api/rectifications/" + uniqueId("insp") + "/evidence-files", "rectifier",
                "multipart/form-data; boundary=zz", "--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc");
        assertRefusedField(cut, "file", "MULTIPART_INVALID");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aBodyNestedTooDeeplyIsA400() {
        String deep = "{\"unknown\":" + "[".repeat(200) + "]".repeat(200) + "}";
        assertProblem(api.as("inspector").post("/api/inspections", deep), 400, "NESTING_TOO_DEEP");
    }

    // --- 3. bounded dates -----------------------------------------------------------------------------------------

    @Test
    void aDateBeforeTheFoundingOrFiftyYearsAheadIsA400NamingTheFieldAndLeavesNoEvent() {
        ApiClient inspector = api.as("inspector");
        long before = eventCount();
        Map<String, Object> ancient = inspection(uniqueId("insp"));
        ancient.put("plannedFieldworkStart", "0001-01-03");
        JsonNode error = assertRefusedField(inspector.post("/api/inspections", ancient), "plannedFieldworkStart", "DATE_OUT_OF_RANGE");
        assertThat(error.get("message").asText()).contains("1949-10-01").contains(LocalDate.now(clock).plusYears(50).toString());

        Map<String, Object> far = inspection(uniqueId("insp"));
        far.put("plannedFieldworkEnd", "+999999999-12-31");
        assertRefusedField(inspector.post("/api/inspections", far), "plannedFieldworkEnd", "DATE_OUT_OF_RANGE");

        String id = uniqueId("insp");
        assertThat(inspector.post("/api/inspections", inspection(id)).status()).isEqualTo(201);
        long afterCreate = eventCount();
        assertRefusedField(inspector.post("/api/inspections/" + id + "/fieldwork/start", Map.of("date", "-999999999-01-01")),
                "date", "DATE_OUT_OF_RANGE");
        assertRefusedField(inspector.post("/api/inspections/" + id + "/fieldwork/start", Map.of("date", "1949-09-30")),
                "date", "DATE_OUT_OF_RANGE");
        assertThat(eventCount()).isEqualTo(afterCreate).isEqualTo(before + 1);
        assertThat(inspector.post("/api/inspections/" + id + "/fieldwork/start", Map.of("date", "2023-06-08")).status())
                .isEqualTo(200);
    }

    @Test
    void todayAsOfAndDateParametersOutOfBoundsAreA400NamingTheParameter() {
        String id = uniqueId("insp");
        assertThat(api.as("inspector").post("/api/inspections", inspection(id)).status()).isEqualTo(201);
        ApiClient leader = api.as("unit_leader");
        assertRefusedField(leader.get("/api/dashboard/inspections/" + id + "?today=%2B999999999-12-31"), "today", "DATE_OUT_OF_RANGE");
        assertRefusedField(leader.get("/api/dashboard/inspections?today=0001-01-03"), "today", "DATE_OUT_OF_RANGE");
        assertRefusedField(api.as("finance_officer").get("/api/finance/regulations/in-force?date=1900-01-01"), "date", "DATE_OUT_OF_RANGE");
        assertRefusedField(api.as("auditor").get("/api/audit/aggregates/" + id + "?asOf=%2B999999999-12-31T00:00:00Z"), "asOf", "DATE_OUT_OF_RANGE");
        // within the bounds they are read as before
        assertThat(api.as("auditor").get("/api/audit/aggregates/" + id + "?asOf=" + LocalDate.now(clock)).status()).isEqualTo(200);
    }

    // --- 4. every error is problem+json ---------------------------------------------------------------------------

    @Test
    void urlsThatTomcatOrTheFirewallRefuseAnswerProblemJson() {
        for (String target : List.of("/api/inspections/a%00b", "/api/inspections/%zz", "/../etc/passwd",
                "/api/inspections;jsessionid=1", "/api/inspections/%2e%2e/x", "/api/inspections//x", "/api/a%2Fb")) {
            RawResponse r = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(r.status()).as(target + " → " + r).isEqualTo(400);
            assertThat(r.contentType()).as(target + " → " + r).startsWith("application/problem+json");
            assertThat(r.json().get("code").asText()).as(target).isIn("BAD_REQUEST", "REQUEST_REJECTED");
        }
    }

    @Test
    void theErrorPathAndUnknownPathsAreProblemJson() {
        assertProblem(api.anonymous().get("/error"), 404, "NOT_FOUND");
        assertProblem(api.as("auditor").get("/error"), 404, "NOT_FOUND");
        assertProblem(api.as("auditor").get("/no-such-page"), 404, "NOT_FOUND");
        // under /api, a path without an authorization rule is denied by default (ADR 0015), still as problem+json
        assertProblem(api.as("auditor").get("/api/no-such-thing"), 403, "FORBIDDEN");
    }

    // --- 5. If-Match ------------------------------------------------------------------------------------------------

    @Test
    void anIfMatchWithoutQuotesIsA400NotAConflict() {
        String id = uniqueId("insp");
        assertThat(api.as("inspector").post("/api/inspections", inspection(id)).status()).isEqualTo(201);
        long before = eventCount();
        for (String ifMatch : List.of("0", "1", "\"abc\"", "\"1\", \"2\"")) {
            Response r = api.as("inspector").header("If-Match", ifMatch)
                    .post("/api/inspections/" + id + "/fieldwork/start", Map.of("date", "2023-06-08"));
            assertRefusedField(r, "If-Match", "IF_MATCH_INVALID");
        }
        assertThat(eventCount()).isEqualTo(before);
        assertThat(api.as("inspector").header("If-Match", "W/\"0\"")
                .post("/api/inspections/" + id + "/fieldwork/start", Map.of("date", "2023-06-08")).status()).isEqualTo(200);
    }

    // --- 6. duplicate ids ---------------------------------------------------------------------------------------------

    @Test
    void aDuplicateIdOnAnyCreateIs409IdTakenAndLeavesNoEvent() {
        String round = uniqueId("round");
        Map<String, Object> roundBody = Map.of("roundId", round, "name", "十三届区委第三轮巡察", "organizer", "区委巡察工作领导小组",
                "periodStart", "2023-06-01", "periodEnd", "2023-09-30");
        assertThat(api.as("inspector").post("/api/inspection-rounds", roundBody).status()).isEqualTo(201);

        String inspectionId = uniqueId("insp");
        assertThat(api.as("inspector").post("/api/inspections", inspection(inspectionId)).status()).isEqualTo(201);

        String regulation = uniqueId("reg");
        Map<String, Object> regulationBody = Map.of("regulationId", regulation, "unit", "区财政局（" + regulation + "）",
                "title", "《财务管理制度》", "area", "FINANCE", "effectiveFrom", LocalDate.now(clock).toString(), "rules", List.of());
        Response enacted = api.as("finance_officer").post("/api/finance/regulations", regulationBody);
        assertThat(enacted.status()).as(enacted.toString()).isEqualTo(201);

        String duplicateRequest = "it-dup-" + java.util.UUID.randomUUID();
        ApiClient again = api.header("X-Request-Id", duplicateRequest);
        assertProblem(again.as("inspector").post("/api/inspection-rounds", roundBody), 409, "ID_TAKEN");
        assertProblem(again.as("inspector").post("/api/inspections", inspection(inspectionId)), 409, "ID_TAKEN");
        assertProblem(again.as("finance_officer").post("/api/finance/regulations", regulationBody), 409, "ID_TAKEN");
        assertThat(eventCount(round)).isEqualTo(1);
        assertThat(eventCount(inspectionId)).isEqualTo(1);
        assertThat(eventCountWithMetadata("requestId", duplicateRequest)).isZero();
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    private Response send(String method, String path, String user, String contentType, String body) {
        return send(method, path, user, contentType, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private Response send(String method, String path, String user, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Request-Id", requestId).header("Content-Type", contentType)
                .header("Accept", "application/json, application/problem+json")
                .timeout(Duration.ofSeconds(30)).method(method, body);
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record RawResponse(int status, String head, String body) {
        String contentType() {
            return head.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(13).trim()).findFirst().orElse("");
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }
    }

    /** Sends bytes as they are (no client normalises the URL) and reads the answer up to the end of the connection. */
    private RawResponse raw(String request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            return new RawResponse(status, head, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        while (i < bytes.length) {
            int eol = indexOf(bytes, i);
            int size = Integer.parseInt(new String(bytes, i, eol - i, StandardCharsets.US_ASCII).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(new String(bytes, eol + 2, size, StandardCharsets.UTF_8));
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }
}
