package io.zhenggai.app.web;

import io.zhenggai.platform.digest.Sha256;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on the POSTs of the API (draft-ietf-httpapi-idempotency-key-header), per authenticated user,
 * stored in PostgreSQL (table {@code idempotency_key}) for {@code ttl}:
 * <ul>
 *   <li>a new key: the request runs, and its answer (status below 500, body and {@code Content-Type}, {@code Location},
 *   {@code ETag}) is kept; a 5xx or a failure forgets the key so that the client can retry;</li>
 *   <li>the same key with the same request (method, path, query and body, byte for byte): the kept answer is replayed,
 *   with {@code Idempotent-Replayed: true}, and nothing runs again;</li>
 *   <li>the same key with another request: 422 {@code IDEMPOTENCY_KEY_REUSED};</li>
 *   <li>the same key while its first request still runs: 409 {@code IDEMPOTENCY_KEY_IN_FLIGHT} (a request that has held
 *   its key for longer than {@code lock} is taken as lost — a crash — and the key is free again).</li>
 * </ul>
 * It runs after the security filter chain (a refused request never reserves a key) and before anything reads the
 * body. Only JSON bodies (or none) up to {@value #MAX_BODY} bytes take part; a key on another request is a 400.
 */
public final class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_BODY = 1_048_576;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION, HttpHeaders.ETAG);
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration ttl;
    private final Duration lock;
    private final AtomicLong lastCleanup = new AtomicLong();

    public IdempotencyFilter(JdbcClient jdbc, ObjectMapper json, Clock clock, Duration ttl, Duration lock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.ttl = ttl;
        this.lock = lock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private record Stored(String fingerprint, String state, Integer status, String headers, byte[] body) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = unquote(request.getHeader(HEADER));
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response); // the security chain answers anonymous calls of the API
            return;
        }
        if (!KEY.matcher(key).matches()) {
            problem(request, response, HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_INVALID",
                    "Idempotency-Key 须为1至255个可见ASCII字符（可加双引号）", Map.of("field", HEADER));
            return;
        }
        String type = request.getContentType();
        if (type != null && !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(type))) {
            problem(request, response, HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_NOT_SUPPORTED",
                    "Idempotency-Key 仅适用于JSON请求体", Map.of("field", HEADER));
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), MAX_BODY);
        if (body == null) {
            problem(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                    "请求体超过" + MAX_BODY + "字节", Map.of());
            return;
        }
        String user = auth.getName();
        String fingerprint = fingerprint(request, body);
        cleanupNowAndThen();

        // reserve the key; when it is taken, answer from what is kept (a row deleted in between: try once more)
        for (int attempt = 0; !reserve(user, key, fingerprint); attempt++) {
            Optional<Stored> existing = find(user, key);
            if (existing.isEmpty() && attempt == 0) {
                continue;
            }
            if (existing.isPresent() && !existing.get().fingerprint().equals(fingerprint)) {
                problem(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED",
                        "该 Idempotency-Key 已用于另一个请求，请为新的请求使用新的键", Map.of("field", HEADER));
            } else if (existing.isPresent() && "DONE".equals(existing.get().state())) {
                replay(existing.get(), response);
            } else {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                problem(request, response, HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_FLIGHT",
                        "使用该 Idempotency-Key 的第一个请求尚在处理中，请稍后再试", Map.of());
            }
            return;
        }

        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new ReplayedBody(request, body), captured);
            int status = captured.getStatus();
            if (status < 500) {
                Map<String, String> headers = new LinkedHashMap<>();
                for (String h : KEPT_HEADERS) {
                    String v = h.equals(HttpHeaders.CONTENT_TYPE) ? captured.getContentType() : captured.getHeader(h);
                    if (v != null) {
                        headers.put(h, v);
                    }
                }
                jdbc.sql("""
                                update idempotency_key set state = 'DONE', status = :status, headers = :headers, body = :body
                                where username = :u and idempotency_key = :k and fingerprint = :f""")
                        .param("status", status).param("headers", json.writeValueAsString(headers))
                        .param("body", captured.getContentAsByteArray()).param("u", user).param("k", key).param("f", fingerprint)
                        .update();
                kept = true;
            }
        } finally {
            if (!kept) {
                forget(user, key, fingerprint);
            }
            captured.copyBodyToResponse();
        }
    }

    /** Takes the key: a new row, or one that expired or whose request was lost. True when this request owns it. */
    private boolean reserve(String user, String key, String fingerprint) {
        Instant now = clock.instant();
        Timestamp lockedUntil = Timestamp.from(now.plus(lock));
        Timestamp expires = Timestamp.from(now.plus(ttl));
        int inserted = jdbc.sql("""
                        insert into idempotency_key (username, idempotency_key, fingerprint, state, locked_until, expires_at)
                        values (:u, :k, :f, 'IN_FLIGHT', :locked, :expires) on conflict do nothing""")
                .param("u", user).param("k", key).param("f", fingerprint).param("locked", lockedUntil).param("expires", expires)
                .update();
        if (inserted == 1) {
            return true;
        }
        return jdbc.sql("""
                        update idempotency_key set fingerprint = :f, state = 'IN_FLIGHT', locked_until = :locked, expires_at = :expires,
                               status = null, headers = null, body = null, created_at = now()
                        where username = :u and idempotency_key = :k
                          and (expires_at < :now or (state = 'IN_FLIGHT' and locked_until < :now))""")
                .param("u", user).param("k", key).param("f", fingerprint).param("locked", lockedUntil).param("expires", expires)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    private Optional<Stored> find(String user, String key) {
        return jdbc.sql("""
                        select fingerprint, state, status, headers, body from idempotency_key
                        where username = :u and idempotency_key = :k and expires_at >= :now""")
                .param("u", user).param("k", key).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4),
                        rs.getBytes(5)))
                .optional();
    }

    private void forget(String user, String key, String fingerprint) {
        jdbc.sql("delete from idempotency_key where username = :u and idempotency_key = :k and fingerprint = :f and state = 'IN_FLIGHT'")
                .param("u", user).param("k", key).param("f", fingerprint).update();
    }

    private void replay(Stored s, HttpServletResponse response) throws IOException {
        response.setStatus(s.status());
        Map<String, String> headers = json.readValue(s.headers(), new TypeReference<>() {
        });
        headers.forEach(response::setHeader);
        response.setHeader("Idempotent-Replayed", "true");
        byte[] body = s.body() == null ? new byte[0] : s.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void cleanupNowAndThen() {
        long now = clock.millis();
        long last = lastCleanup.get();
        if (now - last > Duration.ofMinutes(10).toMillis() && lastCleanup.compareAndSet(last, now)) {
            int deleted = jdbc.sql("delete from idempotency_key where expires_at < :now")
                    .param("now", Timestamp.from(clock.instant())).update();
            if (deleted > 0) {
                log.debug("Deleted {} expired idempotency keys", deleted);
            }
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, String detail,
                         Map<String, String> properties) throws IOException {
        ProblemDetail problem = Problems.of(status, code, detail, request.getRequestURI());
        properties.forEach(problem::setProperty);
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String unquote(String value) {
        String v = value.strip();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        MessageDigest sha = Sha256.digest();
        sha.update((request.getMethod() + ' ' + request.getRequestURI() + '?' + (request.getQueryString() == null ? ""
                : request.getQueryString()) + '\n').getBytes(StandardCharsets.UTF_8));
        sha.update(body);
        return Sha256.hex(sha);
    }

    /** The body, or null when it is longer than {@code max} bytes. */
    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        return bytes.length > max ? null : bytes;
    }

    /** The request with its body read once, served again to the rest of the chain. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
