package io.zhenggai.app.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.app.security.UserAccounts;
import io.zhenggai.platform.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays a seed case through the HTTP API of this very instance, as the user {@code seed}, with the business
 * dates of the case: the same requests, validation, rules and events as for any user. Every step done is written
 * to {@code seed_journal}, so loading a case twice changes nothing and an interrupted load resumes.
 */
@Service
public class SeedLoader {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");
    public static final String SEED_USER = "seed";

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SeedCaseValidator validator = new SeedCaseValidator();
    private final Map<String, CaseStatus> statuses = new ConcurrentHashMap<>();

    private final SeedScopes scopes;

    SeedLoader(JdbcClient jdbc, UserAccounts accounts, ObjectMapper json, SeedScopes scopes) {
        this.scopes = scopes;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.json = json;
    }

    /** What a load did: steps sent now, steps found done already. */
    public record Result(String caseId, int sent, int skipped, long millis) {
    }

    /** A step the API refused (or failed to answer): which, where, the HTTP status and the problem detail it answered. */
    public record Refusal(String step, String method, String path, int status, JsonNode problem) {
    }

    /** Where a case stands in this instance since it started: LOADING, LOADED, INVALID, REFUSED or FAILED. */
    public record CaseStatus(String caseId, String state, int steps, int done, int sent, int skipped, String lastDoneStep,
                             Refusal refusal, List<SeedCaseValidator.CaseError> errors, String message, Instant at) {
    }

    /** Loads {@code seedCase} into the instance listening at {@code baseUrl}. Synchronized: one load at a time. */
    public synchronized Result load(JsonNode seedCase, String baseUrl) {
        String caseId = seedCase.path("caseId").asText("");
        List<SeedCaseValidator.CaseError> errors = validator.validate(seedCase);
        if (!errors.isEmpty()) {
            if (!caseId.isBlank()) {
                statuses.put(caseId, new CaseStatus(caseId, "INVALID", 0, 0, 0, 0, null, null, errors,
                        errors.size() + " error(s) in the case file: nothing sent", Instant.now()));
            }
            throw new InvalidCaseException(caseId, errors);
        }
        String password = newPassword();
        accounts.save(SEED_USER, password, List.of(Roles.INSPECTOR, Roles.RECTIFIER, Roles.UNIT_LEADER,
                Roles.FINANCE_OFFICER, Roles.PUBLISHER));
        scopes.prepare(seedCase, SEED_USER); // the case's organisations, and the seed user's grants in them
        String auth = "Basic " + Base64.getEncoder().encodeToString((SEED_USER + ":" + password).getBytes(StandardCharsets.UTF_8));

        List<SeedStep> steps = SeedPlan.of(seedCase);
        Map<String, String> variables = new HashMap<>(loadVariables(caseId));
        long start = System.nanoTime();
        int sent = 0;
        int skipped = 0;
        String lastDone = null;
        for (SeedStep step : steps) {
            if (isDone(caseId, step.key())) {
                skipped++;
                lastDone = step.key();
                continue;
            }
            report(caseId, "LOADING", steps.size(), sent, skipped, lastDone, null, "sending " + step.key());
            int status;
            try {
                status = perform(caseId, step, baseUrl, auth, variables, sent, skipped);
            } catch (SeedException e) {
                Refusal refusal = e.refusal() != null ? e.refusal() : new Refusal(step.key(), step.method(), step.path(), 0, null);
                report(caseId, e instanceof StepRefusedException ? "REFUSED" : "FAILED", steps.size(), sent, skipped, lastDone,
                        refusal, e.getMessage());
                log.warn("Seed case {}: {}", caseId, e.getMessage());
                throw e;
            }
            jdbc.sql("insert into seed_journal (case_id, step_key, status) values (:c, :k, :s)")
                    .param("c", caseId).param("k", step.key()).param("s", status).update();
            sent++;
            lastDone = step.key();
        }
        Result result = new Result(caseId, sent, skipped, (System.nanoTime() - start) / 1_000_000);
        report(caseId, "LOADED", steps.size(), sent, skipped, lastDone, null, "loaded");
        log.info("Seed case {}: {} steps sent, {} already loaded, in {} ms", caseId, sent, skipped, result.millis());
        return result;
    }

    /**
     * Sends one step (after awaiting what it waits for) and keeps what it captures; answers the HTTP status.
     * A 4xx is a refusal of the step ({@link StepRefusedException}), anything else not accepted a failure.
     */
    private int perform(String caseId, SeedStep step, String baseUrl, String auth, Map<String, String> variables,
                        int sent, int skipped) {
        if (step.awaitPath() != null) {
            await(baseUrl + substitute(step.awaitPath(), variables), auth, step.key());
        }
        HttpResponse<String> response = send(baseUrl, auth, step, variables);
        int status = response.statusCode();
        if (!step.accepted().contains(status)) {
            Refusal refusal = new Refusal(step.key(), step.method(), substitute(step.path(), variables), status,
                    problem(response.body()));
            if (status >= 400 && status < 500) {
                throw new StepRefusedException(caseId, refusal, sent, skipped);
            }
            throw new SeedException("seed case " + caseId + ": " + describe(refusal), refusal);
        }
        capture(caseId, step, response.body(), variables);
        return status;
    }

    private void report(String caseId, String state, int steps, int sent, int skipped, String lastDone, Refusal refusal,
                        String message) {
        statuses.put(caseId, new CaseStatus(caseId, state, steps, "LOADED".equals(state) ? steps : sent + skipped, sent,
                skipped, lastDone, refusal, List.of(), message, Instant.now()));
    }

    /** Where each case loaded (or tried) since this instance started, by case id. */
    public List<CaseStatus> statuses() {
        return statuses.values().stream().sorted(java.util.Comparator.comparing(CaseStatus::at)).toList();
    }

    private JsonNode problem(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(body.length() > 2000 ? body.substring(0, 2000) : body);
        }
    }

    static String describe(Refusal r) {
        String detail = r.problem() == null ? "" : r.problem().hasNonNull("detail") ? r.problem().path("detail").asText()
                : r.problem().isTextual() ? r.problem().asText() : r.problem().toString();
        String code = r.problem() != null && r.problem().hasNonNull("code") ? " " + r.problem().path("code").asText() : "";
        return "step " + r.step() + ": " + r.method() + " " + r.path() + " answered " + r.status() + code
                + (detail.isEmpty() ? "" : " " + detail);
    }

    private HttpResponse<String> send(String baseUrl, String auth, SeedStep step, Map<String, String> variables) {
        try {
            String body = step.body() == null ? null : substitute(json.writeValueAsString(step.body()), variables);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + substitute(step.path(), variables)))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", auth)
                    .header("Accept", "application/json")
                    .header("X-Request-Id", "seed-" + Math.abs(step.key().hashCode()));
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(step.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            } else {
                request.method(step.method(), HttpRequest.BodyPublishers.noBody());
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SeedException("seed step " + step.key() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedException("interrupted at seed step " + step.key(), e);
        }
    }

    private void await(String url, String auth, String stepKey) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
                Thread.sleep(100);
            } catch (IOException e) {
                throw new SeedException("seed step " + stepKey + ": cannot poll " + url, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SeedException("interrupted", e);
            }
        }
        throw new SeedException("seed step " + stepKey + ": " + url + " did not answer 200 within 60 s");
    }

    private void capture(String caseId, SeedStep step, String body, Map<String, String> variables) {
        if (step.capture().isEmpty()) {
            return;
        }
        try {
            JsonNode node = json.readTree(body);
            step.capture().forEach((field, name) -> {
                String value = node.at("/" + field.replace('.', '/')).asText();
                variables.put(name, value);
                jdbc.sql("insert into seed_journal (case_id, step_key, status) values (:c, :k, 0) on conflict do nothing")
                        .param("c", caseId).param("k", "var:" + name + "=" + value).update();
            });
        } catch (IOException e) {
            throw new SeedException("seed step " + step.key() + ": response is not JSON: " + body, e);
        }
    }

    private Map<String, String> loadVariables(String caseId) {
        Map<String, String> vars = new HashMap<>();
        jdbc.sql("select step_key from seed_journal where case_id = :c and step_key like 'var:%'").param("c", caseId)
                .query(String.class).list().forEach(k -> {
                    int eq = k.indexOf('=');
                    vars.put(k.substring(4, eq), k.substring(eq + 1));
                });
        return vars;
    }

    private boolean isDone(String caseId, String key) {
        return jdbc.sql("select count(*) from seed_journal where case_id = :c and step_key = :k")
                .param("c", caseId).param("k", key).query(Long.class).single() > 0;
    }

    static String substitute(String text, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            if (value == null) {
                throw new SeedException("seed variable ${" + m.group(1) + "} is not known yet");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * A seed step could not be done: the instance failed to answer it (5xx, I/O, a read model that did not catch up),
     * or — {@link StepRefusedException} — the API refused it. The steps before it stay loaded.
     */
    public static class SeedException extends RuntimeException {
        private final transient Refusal refusal;

        SeedException(String message) {
            this(message, (Refusal) null);
        }

        SeedException(String message, Refusal refusal) {
            super(message);
            this.refusal = refusal;
        }

        SeedException(String message, Throwable cause) {
            super(message, cause);
            this.refusal = null;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /** The API refused a step (4xx): the case file must be fixed; loading it again resumes at that step. */
    public static class StepRefusedException extends SeedException {
        private final String caseId;
        private final int sent;
        private final int skipped;

        StepRefusedException(String caseId, Refusal refusal, int sent, int skipped) {
            super("seed case " + caseId + ": " + describe(refusal), refusal);
            this.caseId = caseId;
            this.sent = sent;
            this.skipped = skipped;
        }

        public String caseId() {
            return caseId;
        }

        public int sent() {
            return sent;
        }

        public int skipped() {
            return skipped;
        }
    }

    /** The case file is not valid: nothing was sent. */
    public static class InvalidCaseException extends RuntimeException {
        private final String caseId;
        private final transient List<SeedCaseValidator.CaseError> errors;

        InvalidCaseException(String caseId, List<SeedCaseValidator.CaseError> errors) {
            super("case file " + caseId + ": " + errors.size() + " error(s), first: " + errors.get(0).field() + " "
                    + errors.get(0).message());
            this.caseId = caseId;
            this.errors = List.copyOf(errors);
        }

        public String caseId() {
            return caseId;
        }

        public List<SeedCaseValidator.CaseError> errors() {
            return errors;
        }
    }
}
