package io.zhenggai.app.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** Builds RFC 9457 problem details with a stable English {@code code} beside the Chinese {@code detail}. */
public final class Problems {

    private Problems() {
    }

    public static final String TYPE_BASE = "https://zhenggai.io/problems/";

    public static ProblemDetail of(HttpStatus status, String code, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code.toLowerCase().replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        return problem;
    }
}
