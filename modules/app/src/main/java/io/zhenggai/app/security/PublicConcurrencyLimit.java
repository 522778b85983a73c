package io.zhenggai.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.app.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perAddress} requests of one client address at a time on the public endpoints ({@code /notices/**},
 * the feedback form included), so that slow clients — sockets trickling a large declared body — hold at most that
 * many request threads per address, not all of them. It runs first, before anything reads the body; a request over
 * the limit is answered at once with 429 problem+json ({@code TOO_MANY_CONCURRENT_REQUESTS}, {@code Retry-After: 1})
 * and its connection is closed without reading the rest of its body. Many addresses at once are the reverse proxy's
 * to stop (docs/operations/security-and-limits.md). Addresses are kept only while their requests run, never logged.
 */
final class PublicConcurrencyLimit extends OncePerRequestFilter {

    private final int perAddress;
    private final ObjectMapper json;
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

    PublicConcurrencyLimit(int perAddress, ObjectMapper json) {
        this.perAddress = perAddress;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
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
            chain.doFilter(request, response);
        } finally {
            inFlight.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** Requests of {@code address} running now (for tests and diagnostics). */
    int inFlight(String address) {
        return inFlight.getOrDefault(address, 0);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_CONCURRENT_REQUESTS",
                "同一网络地址同时发出的请求过多，请稍后再试", request.getRequestURI());
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", "1");
        response.setHeader("Connection", "close"); // do not wait for the rest of a body nobody will read
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
        response.flushBuffer();
    }
}
