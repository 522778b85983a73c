package io.zhenggai.benchmark.workload;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app's HTTP API as the benchmark clients see it: a small pool of {@link HttpClient}s (HTTP/1.1, keep-alive),
 * Basic credentials of the demo accounts precomputed once, JSON bodies.
 */
public final class HttpApi {

    public record Response(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final URI base;
    private final List<HttpClient> clients = new ArrayList<>();
    private final Map<String, String> authorization = new ConcurrentHashMap<>();
    private final String password;

    public HttpApi(URI base, int poolSize, String password) {
        this.base = base;
        this.password = password;
        for (int i = 0; i < poolSize; i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build());
        }
    }

    public URI base() {
        return base;
    }

    /** Sends one request as {@code user}; {@code client} picks the pooled HttpClient (e.g. the client thread's number). */
    public Response send(int client, String user, String method, String path, String jsonBody) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization.computeIfAbsent(user, this::basic));
        if (jsonBody != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = clients.get(Math.floorMod(client, clients.size())).send(b.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(r.statusCode(), r.body());
    }

    /** A GET whose body is streamed to {@code consumer} (for large exports); returns the status. */
    public int stream(String user, String path, java.util.function.Consumer<InputStream> consumer) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(30))
                .header("Authorization", authorization.computeIfAbsent(user, this::basic)).GET().build();
        HttpResponse<InputStream> r = clients.get(0).send(req, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            if (r.statusCode() / 100 == 2) {
                consumer.accept(in);
            } else {
                in.readAllBytes();
            }
        }
        return r.statusCode();
    }

    /** GET without credentials (health, OpenAPI document); status -1 when nothing answers. */
    public Response getAnonymous(String path, Duration timeout) {
        try {
            HttpResponse<String> r = clients.get(0).send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Response(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, e.toString());
        }
    }

    private String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
