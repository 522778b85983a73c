package io.zhenggai.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.app.web.Problems;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perAddress} requests of one client address at a time on the public endpoints ({@code /notices/**},
 * the feedback form included), so that slow clients — sockets trickling a large declared body — hold at most that
 * many request threads per address, not all of them. It is a Tomcat valve, so it runs before any filter or servlet
 * reads the body. A request over the limit is answered at once with 429 problem+json
 * ({@code TOO_MANY_CONCURRENT_REQUESTS}, {@code Retry-After: 1}) and its connection is closed <em>without reading
 * the rest of its body</em> (Tomcat would otherwise swallow it, at the client's pace, in a request thread). Many
 * addresses at once are the reverse proxy's to stop (docs/operations/security-and-limits.md). Addresses are kept only
 * while their requests run, never logged.
 */
final class PublicConcurrencyLimit extends ValveBase {

    private final int perAddress;
    private final ObjectMapper json;
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

    PublicConcurrencyLimit(int perAddress, ObjectMapper json) {
        super(true);
        this.perAddress = perAddress;
        this.json = json;
    }

    static boolean isPublic(String path) {
        return path != null && (path.equals("/notices") || path.startsWith("/notices/") || path.startsWith("/notices."));
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (!isPublic(request.getDecodedRequestURI())) {
            getNext().invoke(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        boolean[] admitted = {false};
        inFlight.compute(address, (a, n) -> {
            int now = n == null ? 0 : n;
            admitted[0] = now < perAddress;
            return admitted[0] ? now + 1 : now == 0 ? null : now;
        });
        if (!admitted[0]) {
            refuse(request, response);
            return;
        }
        try {
            getNext().invoke(request, response);
        } finally {
            inFlight.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** Requests of {@code address} running now (for tests and diagnostics). */
    int inFlight(String address) {
        return inFlight.getOrDefault(address, 0);
    }

    private void refuse(Request request, Response response) throws IOException {
        // no point reading the rest of the body: Tomcat closes the connection after this answer
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_CONCURRENT_REQUESTS",
                "同一网络地址同时发出的请求过多，请稍后再试", request.getDecodedRequestURI());
        byte[] body = json.writeValueAsBytes(problem);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", "1");
        response.setHeader("Connection", "close");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.finishResponse();
    }
}
