package io.zhenggai.publication.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Absolute links printed on public pages (the feedback link and its QR code). They start with the configured
 * {@code zhenggai.public-base-url} (e.g. {@code https://zhenggai.example.gov.cn}); the request's {@code Host} and
 * forwarding headers are never used, so a forged header cannot put another site's address on a notice. Without a
 * configured base URL the link points at this server on {@code localhost} (fine on one's own machine, wrong for the
 * public: a warning says so at start-up).
 */
@Component
class PublicLinks {

    private static final Logger log = LoggerFactory.getLogger(PublicLinks.class);

    private final String baseUrl;

    PublicLinks(@Value("${zhenggai.public-base-url:}") String baseUrl) {
        this.baseUrl = trim(baseUrl);
        if (this.baseUrl.isEmpty()) {
            log.warn("zhenggai.public-base-url (ZHENGGAI_PUBLIC_BASE_URL) is not set: feedback links and QR codes on notices "
                    + "point at localhost");
        }
    }

    /** The absolute URL of {@code path} (starting with {@code /}) as the public reaches it. */
    String absolute(String path, HttpServletRequest request) {
        return (baseUrl.isEmpty() ? "http://localhost:" + request.getLocalPort() : baseUrl) + path;
    }

    static String trim(String url) {
        String u = url == null ? "" : url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
