package io.zhenggai.app.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.ZhenggaiApplication;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.OwnDatabase;
import io.zhenggai.app.support.ReadModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing from the OpenAPI document: every operation the running app documents gets requests generated from its
 * schema with a FIXED seed (so a failure is reproducible) — valid bodies, and bodies with wrong types, missing
 * fields, nulls, huge strings, NUL and lone surrogates, emoji and right-to-left text, path traversal, extreme dates and
 * numbers, broken JSON; nasty path segments, query values and If-Match headers; anonymous, with a wrong password,
 * and as every role. The app runs on a database of its own, so the flood disturbs no other test.
 * <p>
 * The promises checked (docs/operations/faults.md): no request gets a 5xx (or no answer); every 4xx is
 * {@code application/problem+json}; no refused request leaves an event (its {@code X-Request-Id} is in no event's
 * metadata); afterwards every projection has processed the whole store, without an error. The counts per status
 * are printed, not asserted.
 */
class OpenApiFuzzIT {

    /** Fixed, so that a failure is reproducible; {@code -Dzhenggai.fuzz.seed=…} explores other inputs (not for CI). */
    static final long SEED = Long.getLong("zhenggai.fuzz.seed", 20261201L);
    static final int REQUESTS = Integer.getInteger("zhenggai.fuzz.requests", 5_200);
    static final int PARALLEL = 4;

    static final String INSPECTION = "fz-insp";
    static final String[] ROLES = {null, "inspector", "rectifier", "unit_leader", "finance_officer", "publisher", "auditor", "admin"};
    static final ObjectMapper JSON = new ObjectMapper();
    static final String LONE_SURROGATE = "@@LONE_SURROGATE@@";

    /** Operations left out, and why. */
    static final Set<String> SKIPPED = Set.of(
            "POST /api/admin/seeds",                       // loads the whole seed case in the background: not an input fault
            "POST /api/admin/projections/{name}/replay");  // rebuilds (ProjectionReplayIT); the fuzz checks the incremental read side

    static OwnDatabase db;
    static ConfigurableApplicationContext app;
    static int port;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() {
        db = OwnDatabase.create("fuzz");
        app = new SpringApplicationBuilder(ZhenggaiApplication.class).run(
                "--server.port=0",
                "--zhenggai.db.url=" + db.url(),
                "--zhenggai.db.user=" + db.user(),
                "--zhenggai.demo-accounts=true",
                "--zhenggai.seed.enabled=false",
                "--db-scheduler.polling-interval=500ms",
                "--spring.jmx.enabled=false");
        port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (db != null) {
            db.close();
        }
    }

    record Sent(int n, String requestId, String operation, String method, String path, String role, String requestType,
                long bodyBytes, String bodySummary, int status, String contentType, String answer) {

        /**
         * Whether a 4xx must be problem+json: always on the API; on the public pages for people ({@code /notices/…}:
         * HTML, plain text, SVG) a 4xx is a page in the page's own media type, unless JSON was posted.
         */
        boolean problemExpected() {
            return path.startsWith("/api/") || path.startsWith("/v3/") || "application/json".equals(requestType);
        }

        String describe() {
            return "#" + n + " " + method + " " + path + " as " + (role == null ? "anonymous" : role) + " body=" + bodySummary
                    + " → " + (status < 0 ? "NO ANSWER" : status) + " " + contentType + " " + answer;
        }
    }

    @Test
    void generatedRequestsGetNo5xxOnlyProblemDetailsAndRefusedOnesLeaveNoEvent() throws Exception {
        fixture();
        JsonNode doc = JSON.readTree(get("/v3/api-docs"));
        Generator gen = new Generator(doc, new Random(SEED));
        List<Generator.Op> ops = gen.operations().stream().filter(o -> !SKIPPED.contains(o.method() + " " + o.path())).toList();
        assertThat(ops).as("operations in the OpenAPI document").hasSizeGreaterThan(80);

        List<HttpRequest> requests = new ArrayList<>();
        List<Sent> plans = new ArrayList<>();
        for (int n = 0; n < REQUESTS; n++) {
            Generator.Op op = ops.get(n % ops.size());
            Generator.Request r = gen.request(op);
            String requestId = "fuzz-" + n;
            HttpRequest.Builder b;
            try {
                b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + r.pathAndQuery()));
            } catch (IllegalArgumentException notAUri) {
                throw new AssertionError("the generator made an invalid URI: " + r.pathAndQuery(), notAUri);
            }
            b.timeout(Duration.ofSeconds(60)).header("X-Request-Id", requestId)
                    .header("Accept", "application/json, application/problem+json");
            if (r.role() != null) {
                String password = r.wrongPassword() ? "not-the-password" : "demo";
                b.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((r.role() + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            r.headers().forEach(b::header);
            if (r.body() != null) {
                if (r.contentType() != null) {
                    b.header("Content-Type", r.contentType());
                }
                b.method(op.method(), HttpRequest.BodyPublishers.ofString(r.body(), StandardCharsets.UTF_8));
            } else {
                b.method(op.method(), HttpRequest.BodyPublishers.noBody());
            }
            requests.add(b.build());
            plans.add(new Sent(n, requestId, op.method() + " " + op.path(), op.method(), r.pathAndQuery(), r.role() + (r.wrongPassword() ? "(wrong password)" : ""),
                    r.body() == null ? null : r.contentType(), r.body() == null ? 0 : r.body().getBytes(StandardCharsets.UTF_8).length,
                    r.bodySummary(), 0, null, null));
        }

        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        for (int i = 0; i < requests.size(); i++) {
            HttpRequest request = requests.get(i);
            Sent plan = plans.get(i);
            pool.submit(() -> sent.add(send(request, plan)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).as("all requests answered").isTrue();
        assertThat(sent).hasSize(REQUESTS);

        Map<Integer, Long> perStatus = new TreeMap<>(sent.stream().collect(Collectors.groupingBy(Sent::status, Collectors.counting())));
        System.out.println("[OpenApiFuzzIT] " + REQUESTS + " requests over " + ops.size() + " operations, seed " + SEED
                + "; answers per status: " + perStatus);

        // A body above the limit is answered 413 before it is read, and the connection is closed (Tomcat drops the
        // connection after a 413). With the rest of the body unread, TCP may reset the connection before the client
        // has read the 413: such a lost answer to an oversized body is counted and printed, not failed — what is
        // asserted for it is that it changed nothing (below). Every other request must get an answer.
        long maxBody = org.springframework.util.unit.DataSize.parse(
                app.getEnvironment().getProperty("zhenggai.http.max-json-body", "1MB")).toBytes();
        List<Sent> lostOversized = sent.stream().filter(s -> s.status() < 0 && s.bodyBytes() > maxBody).toList();
        System.out.println("[OpenApiFuzzIT] oversized bodies (> " + maxBody + " bytes) whose 413 the connection reset lost: "
                + lostOversized.size() + " of " + sent.stream().filter(s -> s.bodyBytes() > maxBody).count());
        List<Sent> serverErrors = sent.stream().filter(s -> s.status() >= 500 || s.status() < 0 && s.bodyBytes() <= maxBody)
                .sorted(java.util.Comparator.comparingInt(Sent::n)).toList();
        List<Sent> notProblems = sent.stream().filter(s -> s.status() >= 400 && s.status() < 500 && s.problemExpected()
                && (s.contentType() == null || !s.contentType().startsWith("application/problem+json")))
                .sorted(java.util.Comparator.comparingInt(Sent::n)).toList();
        Set<String> refused = sent.stream().filter(s -> s.status() >= 400 || s.status() < 0).map(Sent::requestId).collect(Collectors.toSet());
        JdbcClient jdbc = db.jdbc();
        List<String> eventRequestIds = jdbc.sql("""
                        select distinct convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' from domain_event_entry
                        where convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' like 'fuzz-%'""")
                .query(String.class).list();
        Set<String> refusedWithEvents = new HashSet<>(eventRequestIds);
        refusedWithEvents.retainAll(refused);
        System.out.println("[OpenApiFuzzIT] requests whose events are stored: " + eventRequestIds.size()
                + "; 5xx or no answer: " + serverErrors.size() + "; 4xx that are not problem+json: " + notProblems.size());

        System.out.println("[OpenApiFuzzIT] 5xx or no answer, by operation: " + groupByOperation(serverErrors));
        System.out.println("[OpenApiFuzzIT] 4xx not problem+json, by operation: " + groupByOperation(notProblems));
        notProblems.stream().limit(5).forEach(s -> System.out.println("[OpenApiFuzzIT]   e.g. " + s.describe()));
        List<Sent> pages = sent.stream().filter(s -> s.status() >= 400 && s.status() < 500 && !s.problemExpected()).toList();
        assertThat(pages).as("4xx pages for people are text in their own media type, with a message")
                .allSatisfy(s -> assertThat(s.contentType()).matches("(application/problem\\+json|text/html|text/plain).*"))
                .allSatisfy(s -> assertThat(s.answer()).isNotBlank());

        assertThat(eventRequestIds).as("the accepted requests left events (else the check below proves nothing)").isNotEmpty();
        assertThat(serverErrors).as("requests answered 5xx or not at all (%d), by operation: %s", serverErrors.size(),
                groupByOperation(serverErrors)).extracting(Sent::describe).isEmpty();
        assertThat(notProblems).as("4xx answers that are not application/problem+json (%d), by operation: %s", notProblems.size(),
                groupByOperation(notProblems)).extracting(Sent::describe).isEmpty();
        assertThat(refusedWithEvents).as("refused requests whose X-Request-Id is in an event's metadata").isEmpty();

        new ReadModels(new ApiClient(port), jdbc).awaitQuietAtHead(Duration.ofSeconds(90));
    }

    private static Map<String, Long> groupByOperation(List<Sent> list) {
        return list.stream().collect(Collectors.groupingBy(s -> s.operation() + " " + s.status(),
                TreeMap::new, Collectors.counting()));
    }

    private static Sent send(HttpRequest request, Sent plan) {
        try {
            HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String text = new String(r.body(), StandardCharsets.UTF_8);
            return new Sent(plan.n(), plan.requestId(), plan.operation(), plan.method(), plan.path(), plan.role(), plan.requestType(), plan.bodyBytes(), plan.bodySummary(), r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(null), text.length() > 300 ? text.substring(0, 300) + "…" : text);
        } catch (IOException e) {
            return new Sent(plan.n(), plan.requestId(), plan.operation(), plan.method(), plan.path(), plan.role(), plan.requestType(), plan.bodyBytes(), plan.bodySummary(), -1, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sent(plan.n(), plan.requestId(), plan.operation(), plan.method(), plan.path(), plan.role(), plan.requestType(), plan.bodyBytes(), plan.bodySummary(), -1, null, e.toString());
        }
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** Aggregates that exist, so that generated paths and ids hit real ones too: a delivered inspection and its rectification. */
    private static void fixture() {
        ApiClient api = new ApiClient(port).header("X-Request-Id", "fuzz-fixture");
        ApiClient inspector = api.as("inspector");
        LocalDate today = LocalDate.now(app.getBean(java.time.Clock.class));
        expect(inspector.post("/api/inspection-rounds", Map.of("roundId", "fz-round", "name", "2024年第一轮巡察")), 201);
        expect(inspector.post("/api/inspections", Map.of("inspectionId", INSPECTION, "inspectingBody", "区委第四巡察组",
                "inspectedUnit", "区委统战部", "mandate", "区委统一部署", "legalBasis", List.of("《中国共产党巡视工作条例》"),
                "plannedFieldworkStart", today.minusDays(70).toString(), "plannedFieldworkEnd", today.minusDays(40).toString())), 201);
        String i = "/api/inspections/" + INSPECTION;
        expect(inspector.post(i + "/fieldwork/start", Map.of("date", today.minusDays(70).toString())), 200);
        expect(inspector.post(i + "/categories", Map.of("categoryId", "c1", "title", "关于廉政风险防控不够严实方面")), 201);
        expect(inspector.post(i + "/findings", Map.of("findingId", "f1", "categoryId", "c1", "title", "财务管理制度不健全")), 201);
        expect(inspector.post(i + "/findings", Map.of("findingId", "f2", "categoryId", "c1", "title", "公务接待不规范")), 201);
        expect(inspector.post(i + "/fieldwork/conclude", Map.of("date", today.minusDays(40).toString())), 200);
        expect(inspector.post(i + "/feedback", Map.of("date", today.minusDays(30).toString())), 200);
        String r = "/api/rectifications/" + INSPECTION;
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.as("auditor").get(r).status() == 200);
        expect(api.as("unit_leader").post(r + "/group/members", Map.of("memberId", "head", "name", "李部长", "position", "部长",
                "role", "LEADER", "date", today.minusDays(28).toString())), 201);
        expect(api.as("rectifier").post(r + "/items", Map.of("itemId", "i1", "findingIds", List.of("f1"), "title", "修订财务制度",
                "kind", "TIME_BOUND", "dueDate", today.plusDays(60).toString(), "responsibleLeaderId", "head",
                "responsibleDepartment", "财务股", "measures", List.of("修订财务管理制度"))), 201);
    }

    private static void expect(ApiClient.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
    }

    /** Requests generated from the OpenAPI document; deterministic for a given seed. */
    static final class Generator {

        record Param(String name, String in, JsonNode schema, boolean required) {
        }

        record Op(String method, String path, List<Param> params, JsonNode bodySchema, String bodyType) {
        }

        record Request(String role, boolean wrongPassword, String pathAndQuery, Map<String, String> headers, String body,
                       String contentType, String bodySummary) {
        }

        /** Ids that exist after the fixture, per parameter or field name. */
        static final Map<String, List<String>> KNOWN = Map.of(
                "inspectionId", List.of(INSPECTION), "findingId", List.of("f1", "f2"), "categoryId", List.of("c1"),
                "itemId", List.of("i1"), "memberId", List.of("head"), "roundId", List.of("fz-round"),
                "responsibleLeaderId", List.of("head"), "name", List.of("inspection-projection"));

        static final List<String> NASTY_SEGMENTS = List.of("..", "%2e%2e", "..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2fetc",
                "%00", "a%00b", "%F0%9F%98%80", "%D8%B3%D9%84%D8%A7%D9%85", "%E2%80%AEabc", ";x=1", "a;jsessionid=1",
                "a%2Fb", "a%5Cb", "%25", "%ED%A0%80", "%C0%AE%C0%AE", "x".repeat(3000), "-1", "0", "%20", "null");

        static final List<String> NASTY_QUERY = List.of("%00", "a%00b", "+999999999-12-31", "-999999999-01-01", "0001-01-01",
                "9999-12-31", "2024-02-30", "99999999999999999999", "-1", "1e308", "NaN", "abc", "%F0%9F%98%80",
                "..%2F..%2Fetc", "%ED%A0%80", "x".repeat(5000), "", "%27%20or%201%3D1--");

        static final List<String> IF_MATCH = List.of("\"0\"", "\"1\"", "\"999\"", "3", "W/\"1\"", "*", "\"abc\"", "\"-1\"",
                "\"99999999999999999999\"", "\"0\", \"1\"");

        static final List<String> RAW_BODIES = List.of("", "null", "[]", "{", "{\"a\":", "not json", "123", "\"str\"",
                "{\"x\":\"\\u0000\"}", "\uFEFF{}", "{\"a\":1,\"a\":2}", "[".repeat(3000) + "]".repeat(3000),
                "{\"a\":".repeat(2000) + "1" + "}".repeat(2000), "{\"date\":\"\\ud800\"}", "\u0000");

        static final int MAX_WRONG_PASSWORDS = 8;

        final JsonNode doc;
        final Random rnd;
        int fresh;
        int wrongPasswords;

        Generator(JsonNode doc, Random rnd) {
            this.doc = doc;
            this.rnd = rnd;
        }

        List<Op> operations() {
            List<Op> ops = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> p = paths.next();
                Iterator<Map.Entry<String, JsonNode>> methods = p.getValue().fields();
                while (methods.hasNext()) {
                    Map.Entry<String, JsonNode> m = methods.next();
                    JsonNode o = m.getValue();
                    List<Param> params = new ArrayList<>();
                    o.path("parameters").forEach(x -> params.add(new Param(x.get("name").asText(), x.get("in").asText(),
                            resolve(x.path("schema")), x.path("required").asBoolean())));
                    JsonNode body = null;
                    String bodyType = null;
                    Iterator<Map.Entry<String, JsonNode>> content = o.path("requestBody").path("content").fields();
                    if (content.hasNext()) {
                        Map.Entry<String, JsonNode> c = content.next();
                        bodyType = c.getKey();
                        body = resolve(c.getValue().path("schema"));
                    }
                    ops.add(new Op(m.getKey().toUpperCase(), p.getKey(), params, body, bodyType));
                }
            }
            ops.sort(java.util.Comparator.comparing((Op o) -> o.path()).thenComparing(Op::method)); // independent of map order
            return ops;
        }

        JsonNode resolve(JsonNode schema) {
            int guard = 0;
            while (schema != null && schema.has("$ref") && guard++ < 10) {
                String ref = schema.get("$ref").asText();
                schema = doc.at(ref.substring(1));
            }
            if (schema != null && (schema.has("oneOf") || schema.has("anyOf"))) {
                JsonNode options = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
                return resolve(options.get(rnd.nextInt(options.size())));
            }
            if (schema != null && schema.has("allOf") && schema.get("allOf").size() == 1) {
                return resolve(schema.get("allOf").get(0));
            }
            return schema;
        }

        Request request(Op op) {
            String role = rnd.nextInt(20) < 11 ? roleFor(op.path()) : ROLES[rnd.nextInt(ROLES.length)];
            // a few wrong passwords, fewer than the login throttle allows per user and per address: more would lock
            // the fuzz itself out with 429 (that throttle has tests of its own)
            boolean wrongPassword = role != null && rnd.nextInt(40) == 0 && wrongPasswords++ < MAX_WRONG_PASSWORDS;
            StringBuilder path = new StringBuilder();
            String template = op.path();
            int at = 0;
            while (true) {
                int open = template.indexOf('{', at);
                if (open < 0) {
                    path.append(template.substring(at));
                    break;
                }
                int close = template.indexOf('}', open);
                path.append(template, at, open);
                path.append(pathValue(template.substring(open + 1, close)));
                at = close + 1;
            }
            List<String> query = new ArrayList<>();
            Map<String, String> headers = new LinkedHashMap<>();
            for (Param p : op.params()) {
                if (p.in().equals("query") && (p.required() || rnd.nextInt(3) > 0)) {
                    query.add(enc(p.name()) + "=" + queryValue(p));
                } else if (p.in().equals("header") && p.name().equalsIgnoreCase("If-Match") && rnd.nextInt(3) > 0) {
                    headers.put("If-Match", IF_MATCH.get(rnd.nextInt(IF_MATCH.size())));
                }
            }
            if (rnd.nextInt(25) == 0) {
                query.add("unknown=" + nastyQuery());
            }
            String pathAndQuery = path + (query.isEmpty() ? "" : "?" + String.join("&", query));

            String body = null;
            String contentType = null;
            String summary = "-";
            boolean sendsBody = op.bodySchema() != null || (!op.method().equals("GET") && rnd.nextInt(10) == 0);
            if (sendsBody) {
                contentType = op.bodyType() == null || op.bodyType().startsWith("multipart") || rnd.nextInt(30) == 0
                        ? List.of("application/json", "text/plain", "application/xml", "application/x-www-form-urlencoded").get(rnd.nextInt(4))
                        : "application/json";
                int mode = rnd.nextInt(10);
                if (mode < 2 || op.bodySchema() == null) {
                    body = RAW_BODIES.get(rnd.nextInt(RAW_BODIES.size()));
                    summary = "raw:" + abbreviate(body);
                } else {
                    Object value = value(op.bodySchema(), "body", 0);
                    String mutation = "valid";
                    if (mode >= 5 && value instanceof Map<?, ?> map) {
                        @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) map;
                        mutation = mutate(m, op.bodySchema());
                        if (rnd.nextInt(3) == 0) {
                            mutation += "+" + mutate(m, op.bodySchema());
                        }
                    } else if (mode >= 5) {
                        value = wrongType(value);
                        mutation = "wrong type";
                    }
                    body = json(value);
                    summary = mutation + ":" + abbreviate(body);
                }
            }
            return new Request(role, wrongPassword, pathAndQuery, headers, body, contentType, summary);
        }

        /** The role that usually may call the path (so that many requests get past authorization). */
        String roleFor(String path) {
            if (path.startsWith("/api/inspection")) {
                return "inspector";
            } else if (path.startsWith("/api/rectifications")) {
                return rnd.nextBoolean() ? "rectifier" : "unit_leader";
            } else if (path.startsWith("/api/finance")) {
                return "finance_officer";
            } else if (path.startsWith("/api/notices")) {
                return rnd.nextBoolean() ? "publisher" : "unit_leader";
            } else if (path.startsWith("/api/audit")) {
                return "auditor";
            } else if (path.startsWith("/api/admin")) {
                return "admin";
            } else if (path.startsWith("/api/dashboard")) {
                return "unit_leader";
            }
            return null;
        }

        String pathValue(String name) {
            int pick = rnd.nextInt(10);
            if (pick < 5 && KNOWN.containsKey(name)) {
                List<String> ids = KNOWN.get(name);
                return ids.get(rnd.nextInt(ids.size()));
            }
            if (pick < 7) {
                return freshId(name);
            }
            if (name.equals("username")) {
                return freshId(name); // never a demo account: a fuzzed body must not lock the other requests out
            }
            return NASTY_SEGMENTS.get(rnd.nextInt(NASTY_SEGMENTS.size()));
        }

        String queryValue(Param p) {
            if (rnd.nextInt(3) == 0) {
                return nastyQuery();
            }
            Object v = value(p.schema(), p.name(), 2);
            return enc(v == null ? "" : v instanceof String s ? s : json(v));
        }

        /** A nasty query value: percent sequences as they are (NUL, overlong, lone surrogate), the rest encoded. */
        String nastyQuery() {
            String v = NASTY_QUERY.get(rnd.nextInt(NASTY_QUERY.size()));
            return v.contains("%") ? v : enc(v);
        }

        String freshId(String name) {
            return "fz-" + name.replaceAll("[^A-Za-z]", "").toLowerCase() + "-" + (fresh++);
        }

        /** A plausible value for the schema (what a well-meaning client sends). */
        Object value(JsonNode schema, String name, int depth) {
            schema = resolve(schema);
            if (schema == null || schema.isMissingNode()) {
                return "值";
            }
            if (schema.has("enum")) {
                JsonNode e = schema.get("enum");
                return JSON.convertValue(e.get(rnd.nextInt(e.size())), Object.class);
            }
            String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
            switch (type) {
                case "object" -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    if (depth > 4) {
                        return m;
                    }
                    Set<String> required = new HashSet<>();
                    schema.path("required").forEach(r -> required.add(r.asText()));
                    Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
                    while (props.hasNext()) {
                        Map.Entry<String, JsonNode> p = props.next();
                        if (required.contains(p.getKey()) || rnd.nextInt(10) < 6) {
                            m.put(p.getKey(), value(p.getValue(), p.getKey(), depth + 1));
                        }
                    }
                    if (!schema.has("properties") && schema.has("additionalProperties")) {
                        m.put("key", "值");
                    }
                    return m;
                }
                case "array" -> {
                    List<Object> list = new ArrayList<>();
                    int n = Math.max(schema.path("minItems").asInt(0), rnd.nextInt(3));
                    for (int i = 0; i < n && depth < 6; i++) {
                        list.add(value(schema.path("items"), name, depth + 1));
                    }
                    return list;
                }
                case "integer" -> {
                    long min = schema.path("minimum").asLong(0);
                    return min + rnd.nextInt(5);
                }
                case "number" -> {
                    return Math.round((1 + rnd.nextDouble() * 999) * 100) / 100.0;
                }
                case "boolean" -> {
                    return rnd.nextBoolean();
                }
                default -> {
                    String format = schema.path("format").asText("");
                    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
                    if (format.equals("date")) {
                        return today.minusDays(rnd.nextInt(400) - 30).toString();
                    }
                    if (format.equals("date-time")) {
                        return today.minusDays(rnd.nextInt(400)).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant().toString();
                    }
                    if (KNOWN.containsKey(name) && rnd.nextBoolean()) {
                        List<String> ids = KNOWN.get(name);
                        return ids.get(rnd.nextInt(ids.size()));
                    }
                    if (name.endsWith("Id") || schema.has("pattern")) {
                        return freshId(name);
                    }
                    if (name.equals("sha256") || name.equals("contentHash")) {
                        return "0".repeat(64);
                    }
                    return List.of("整改落实情况", "关于加强财务管理的规定", "区委统战部", "test", "张干事").get(rnd.nextInt(5));
                }
            }
        }

        /** Spoils one field of a valid body; answers what it did. */
        String mutate(Map<String, Object> body, JsonNode schema) {
            List<String> fields = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(fields::add);
            if (fields.isEmpty()) {
                body.put("unexpected", "值");
                return "unknown field";
            }
            String field = fields.get(rnd.nextInt(fields.size()));
            JsonNode fieldSchema = resolve(schema.path("properties").path(field));
            boolean isDate = fieldSchema != null && fieldSchema.path("format").asText("").startsWith("date");
            int kind = rnd.nextInt(isDate ? 16 : 14);
            switch (kind) {
                case 0 -> body.remove(field);
                case 1 -> body.put(field, null);
                case 2 -> body.put(field, wrongType(body.getOrDefault(field, "x")));
                case 3 -> body.put(field, hugeString());
                case 4 -> body.put(field, "整改\u0000事项");
                case 5 -> body.put(field, "整改" + LONE_SURROGATE);
                case 6 -> body.put(field, "整改😀👍🏽🇨🇳\u200D");
                case 7 -> body.put(field, "مرحبا بالعالم \u202Eabc\u202C שלום");
                case 8 -> body.put(field, List.of("../../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/shadow").get(rnd.nextInt(3)));
                case 9 -> body.put(field, List.of(Long.MAX_VALUE, Long.MIN_VALUE, -1, 1e308, 0.001, 99999999999999999999.0).get(rnd.nextInt(6)));
                case 10 -> body.put(field, List.of("", " ", "\t\n", "<script>alert(1)</script>", "' or 1=1 --").get(rnd.nextInt(5)));
                case 11 -> body.put(field, List.of(List.of(hugeStringSmall()), Map.of("a", Map.of("b", List.of())), List.of()).get(rnd.nextInt(3)));
                case 12 -> {
                    for (String f : fields) {
                        body.remove(f);
                    }
                    return "empty object";
                }
                case 13 -> body.put("unexpected" + rnd.nextInt(3), "值");
                default -> body.put(field, List.of("+999999999-12-31", "-999999999-01-01", "0001-01-03", "9999-12-31",
                        "1900-01-01", "2024-02-30", "2024-13-01", "1949-09-30", "2100-01-01", "+10000-01-01",
                        "2024-01-01T00:00:00Z", "20240101").get(rnd.nextInt(12)));
            }
            return field + ":" + kind;
        }

        Object wrongType(Object value) {
            if (value instanceof String) {
                return List.of(42, true, List.of("a"), Map.of("a", 1)).get(rnd.nextInt(4));
            }
            if (value instanceof Number || value instanceof Boolean) {
                return List.of("abc", List.of(1), Map.of()).get(rnd.nextInt(3));
            }
            if (value instanceof List<?>) {
                return List.of("abc", 7, Map.of("x", 1)).get(rnd.nextInt(3));
            }
            return List.of("abc", 7, List.of()).get(rnd.nextInt(3));
        }

        String hugeString() {
            int r = rnd.nextInt(100);
            int length = r < 60 ? 10_001 : r < 90 ? 100_000 : r < 98 ? 1_500_000 : 6_000_000;
            return "长".repeat(length);
        }

        String hugeStringSmall() {
            return "x".repeat(20_000);
        }

        static String json(Object value) {
            try {
                return JSON.writeValueAsString(value).replace(LONE_SURROGATE, "\\ud800");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }

        static String abbreviate(String s) {
            String flat = s.replace('\n', ' ');
            return flat.length() > 160 ? flat.substring(0, 160) + "…(" + flat.length() + " chars)" : flat;
        }
    }
}
