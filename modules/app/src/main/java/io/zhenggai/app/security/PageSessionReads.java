package io.zhenggai.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The API chain's security context (ADR 0040): the request's own (stateless, HTTP Basic) and, for a GET or HEAD
 * without credentials of its own, the login of the pages' session, so the dashboard's script and the evidence
 * download links work for a person logged in on the pages. Only reads: a write through the API needs HTTP Basic,
 * since the API has no CSRF tokens. Nothing is ever saved into a session here.
 */
final class PageSessionReads implements SecurityContextRepository {

    private final HttpSessionSecurityContextRepository session = new HttpSessionSecurityContextRepository();

    private PageSessionReads() {
        session.setAllowSessionCreation(false);
    }

    static SecurityContextRepository repository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(), new PageSessionReads());
    }

    private static boolean applies(HttpServletRequest request) {
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        if (applies(request)) {
            return session.loadDeferredContext(request);
        }
        return new Empty();
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return applies(holder.getRequest()) ? session.loadContext(holder) : SecurityContextHolder.createEmptyContext();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // never: the API does not log anyone into a session
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return applies(request) && session.containsContext(request);
    }

    private static final class Empty implements DeferredSecurityContext {
        @Override
        public SecurityContext get() {
            return SecurityContextHolder.createEmptyContext();
        }

        @Override
        public boolean isGenerated() {
            return true;
        }
    }
}
