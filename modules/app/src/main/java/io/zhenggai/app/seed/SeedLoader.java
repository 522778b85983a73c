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

    SeedLoader(JdbcClient jdbc, UserAccounts accounts, ObjectMapper json) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.json = json;
    }

    /** What a load did: steps sent now, steps found done already. */
    public record Result(String caseId, int sent, int skipped, long millis) {
    }

    /** Loads {@code seedCase} into the instance listening at {@code baseUrl}. Synchronized: one load at a time. */
    public synchronized Result load(JsonNode seedCase, String baseUrl) {
        String caseId = seedCase.path("caseId").asText();
        if (caseId.isBlank()) {
            throw new IllegalArgumentException("seed case without caseId");
        }
        String password = newPassword();
        accounts.save(SEED_USER, password, List.of(Roles.INSPECTOR, Roles.RECTIFIER, Roles.UNIT_LEADER,
                Roles.FINANCE_OFFICER, Roles.PUBLISHER));
        String auth = "Basic " + Base64.getEncoder().encodeToString((SEED_USER + ":" + password).getBytes(StandardCharsets.UTF_8));

        List<SeedStep> steps = SeedPlan.of(seedCase);
        Map<String, String> variables = new HashMap<>(loadVariables(caseId));
        long start = System.nanoTime();
        int sent = 0;
        int skipped = 0;
        for (SeedStep step : steps) {
            if (isDone(caseId, step.key())) {
                skipped++;
                continue;
            }
            if (step.awaitPath() != null) {
                await(baseUrl + substitute(step.awaitPath(), variables), auth, step.key());
            }
            HttpResponse<String> response = send(baseUrl, auth, step, variables);
            if (!step.accepted().contains(response.statusCode())) {
                throw new SeedException("seed case " + caseId + ", step " + step.key() + ": " + step.method() + " "
                        + step.path() + " answered " + response.statusCode() + " " + response.body());
            }
            capture(caseId, step, response.body(), variables);
            jdbc.sql("insert into seed_journal (case_id, step_key, status) values (:c, :k, :s)")
                    .param("c", caseId).param("k", step.key()).param("s", response.statusCode()).update();
            sent++;
        }
        Result result = new Result(caseId, sent, skipped, (System.nanoTime() - start) / 1_000_000);
        log.info("Seed case {}: {} steps sent, {} already loaded, in {} ms", caseId, sent, skipped, result.millis());
        return result;
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

    /** A seed step was refused or could not be sent; the steps before it stay loaded. */
    public static class SeedException extends RuntimeException {
        SeedException(String message) {
            super(message);
        }

        SeedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
