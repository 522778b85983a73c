package io.zhenggai.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.app.support.IntegrationTest;
import io.zhenggai.platform.security.Roles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the OpenAPI document × anonymous and every role, against the committed table
 * {@code authorization-matrix.tsv}. Each request carries a body that is not even JSON: an allowed caller gets past
 * authorization (anything but 401/403, typically 400), a refused one must get 401 (anonymous) or 403 as
 * problem+json, which proves that authorization comes before the body is read. An operation without a row, or a
 * row without an operation, fails the test.
 */
class AuthorizationMatrixIT extends IntegrationTest {

    private static final String ANONYMOUS = "ANONYMOUS";
    private static final String MALFORMED_BODY = "{\"matrix\": ";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Operation(String method, String path) implements Comparable<Operation> {
        @Override
        public int compareTo(Operation o) {
            return (path + ' ' + method).compareTo(o.path + ' ' + o.method);
        }

        @Override
        public String toString() {
            return method + ' ' + path;
        }
    }

    /** The operations of the document with the first media type of their request body ("" without one). */
    private Map<Operation, String> documentedOperations() {
        JsonNode doc = api.anonymous().get("/v3/api-docs").json();
        Map<Operation, String> ops = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                Iterator<String> media = method.getValue().path("requestBody").path("content").fieldNames();
                ops.put(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey()), media.hasNext() ? media.next() : "");
            }
        }
        return ops;
    }

    private static Map<Operation, Map<String, Boolean>> expectedTable() throws IOException {
        try (InputStream in = AuthorizationMatrixIT.class.getResourceAsStream("/authorization-matrix.tsv")) {
            assertThat(in).as("authorization-matrix.tsv on the test classpath").isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            List<String> header = List.of(lines.get(0).split("\t"));
            List<String> callers = new ArrayList<>(List.of(ANONYMOUS));
            callers.addAll(Arrays.asList(Roles.ALL));
            assertThat(header.subList(2, header.size())).as("columns: anonymous and every role of Roles.ALL").containsExactlyElementsOf(callers);
            Map<Operation, Map<String, Boolean>> table = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split("\t");
                assertThat(cells).as("cells of row " + line).hasSize(header.size());
                Map<String, Boolean> row = new LinkedHashMap<>();
                for (int i = 2; i < cells.length; i++) {
                    assertThat(cells[i]).as("cell of " + header.get(i) + " in row " + line).isIn("allow", "deny");
                    row.put(header.get(i), cells[i].equals("allow"));
                }
                assertThat(table.put(new Operation(cells[0], cells[1]), row)).as("duplicate row " + line).isNull();
            }
            return table;
        }
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheCommittedTableSays() throws Exception {
        Map<Operation, String> documented = documentedOperations();
        Map<Operation, Map<String, Boolean>> table = expectedTable();

        assertThat(new TreeSet<>(documented.keySet())).as("operations of /v3/api-docs that have no row in authorization-matrix.tsv")
                .containsAll(table.keySet());
        assertThat(new TreeSet<>(table.keySet())).as("rows of authorization-matrix.tsv: one per operation of /v3/api-docs")
                .containsAll(documented.keySet());

        List<String> wrong = new ArrayList<>();
        int requests = 0;
        for (Map.Entry<Operation, Map<String, Boolean>> row : table.entrySet()) {
            Operation op = row.getKey();
            for (Map.Entry<String, Boolean> cell : row.getValue().entrySet()) {
                String caller = cell.getKey();
                HttpResponse<String> r = call(op, documented.get(op), caller);
                requests++;
                int status = r.statusCode();
                if (cell.getValue()) {
                    if (status == 401 || status == 403) {
                        wrong.add(op + " as " + caller + ": expected allowed, got " + status);
                    }
                } else {
                    int expected = caller.equals(ANONYMOUS) ? 401 : 403;
                    String type = r.headers().firstValue("Content-Type").orElse("");
                    if (status != expected || !type.startsWith("application/problem+json")) {
                        wrong.add(op + " as " + caller + ": expected " + expected + " problem+json, got " + status + " " + type
                                + " " + r.body().substring(0, Math.min(200, r.body().length())));
                    }
                }
            }
        }
        assertThat(requests).isEqualTo(table.size() * (Roles.ALL.length + 1));
        assertThat(wrong).as("answers that differ from authorization-matrix.tsv").isEmpty();
    }

    private HttpResponse<String> call(Operation op, String mediaType, String caller) throws IOException, InterruptedException {
        String path = op.path().replaceAll("\\{[^}]+}", "matrix-" + caller.toLowerCase(Locale.ROOT));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json, application/problem+json")
                .header("X-Request-Id", requestId);
        if (!caller.equals(ANONYMOUS)) {
            String user = caller.toLowerCase(Locale.ROOT);
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (op.method().equals("GET")) {
            b.GET();
        } else {
            b.header("Content-Type", mediaType.isEmpty() ? "application/json" : mediaType);
            b.method(op.method(), HttpRequest.BodyPublishers.ofString(MALFORMED_BODY));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
