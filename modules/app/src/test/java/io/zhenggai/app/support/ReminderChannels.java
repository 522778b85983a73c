package io.zhenggai.app.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The reminder channels' far ends for the integration tests, one per run like the application context: an in-process
 * SMTP server (GreenMail, on a free port) and a webhook receiver (the JDK's HTTP server, on a free port) that keeps
 * every request and can answer the first request of a digest with 500, to show a retry. {@link IntegrationTest}
 * points the application at both.
 */
public final class ReminderChannels {

    public static final String WEBHOOK_SECRET = "it-webhook-secret";

    /** A request the webhook receiver got, and what it answered. */
    public record WebhookRequest(Map<String, List<String>> headers, byte[] body, int answered) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    private static GreenMail smtp;
    private static HttpServer webhook;
    private static final List<WebhookRequest> REQUESTS = new CopyOnWriteArrayList<>();
    private static final Set<String> FAIL_ONCE = ConcurrentHashMap.newKeySet();

    private ReminderChannels() {
    }

    public static synchronized GreenMail smtp() {
        if (smtp == null) {
            smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            smtp.start();
        }
        return smtp;
    }

    public static int smtpPort() {
        return smtp().getSmtp().getPort();
    }

    public static synchronized String webhookUrl() {
        if (webhook == null) {
            try {
                webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            webhook.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String digest = exchange.getRequestHeaders().getFirst("X-Zhenggai-Digest-Id");
                int status = digest != null && FAIL_ONCE.remove(digest) ? 500 : 204;
                REQUESTS.add(new WebhookRequest(Map.copyOf(exchange.getRequestHeaders()), body, status));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            webhook.start();
        }
        return "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook";
    }

    /** The requests received so far, in order. */
    public static List<WebhookRequest> webhookRequests() {
        return List.copyOf(REQUESTS);
    }

    /** The first request carrying this digest id is answered 500 (the next ones 204). */
    public static void failFirstRequestOf(String digestId) {
        FAIL_ONCE.add(digestId);
    }
}
