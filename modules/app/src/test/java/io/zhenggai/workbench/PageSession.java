package io.zhenggai.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's session on the pages, without a browser: a cookie jar, redirects not followed (the tests look at
 * them), and the CSRF token of the last page read, sent with the next form like a browser sends the hidden field.
 */
final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient http;
    private String csrf;

    PageSession(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    record Page(int status, String location, String body) {
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** Posts the form with the CSRF token of the last page read (when {@code withToken}). */
    Page post(String path, Map<String, String> fields, boolean withToken) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (withToken && csrf != null) {
            all.put("_csrf", csrf);
        }
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Page post(String path, Map<String, String> fields) {
        return post(path, fields, true);
    }

    /** Logs in through the login form; answers the redirect after it. */
    Page login(String user, String password) {
        get("/login");
        return post("/login", Map.of("username", user, "password", password));
    }

    PageSession loggedInAs(String user) {
        Page answer = login(user, "demo");
        if (answer.status() != 302 || answer.location() == null || answer.location().contains("error")) {
            throw new IllegalStateException("login as " + user + " failed: " + answer);
        }
        return this;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher m = CSRF.matcher(response.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
