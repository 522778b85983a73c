package io.zhenggai.app.security;

import io.zhenggai.workbench.WorkbenchRoles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.AuthenticationException;

import java.io.IOException;

import static org.springframework.http.HttpMethod.GET;

/**
 * The URL fence of the pages' chain ({@link SecurityConfig#pages}): which paths it takes, who may open which page.
 * The page controllers' {@code @PreAuthorize} is the second fence, as for the API (ADR 0015). Anonymous users are
 * sent to the login page; a role that may not use a page gets the 403 page.
 */
final class PageRules {

    private PageRules() {
    }

    /** The paths of the pages' chain; everything else is the API's chain. */
    static final String[] PATHS = {"/", "/login", "/logout", "/workbench", "/workbench/**"};

    static final String DENIED_PAGE = "/workbench/denied";

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth
                .requestMatchers("/login", DENIED_PAGE, "/workbench/assets/**").permitAll()
                .requestMatchers("/workbench/approvals", "/workbench/approvals/**").hasAnyRole(WorkbenchRoles.LEAD)
                .requestMatchers(GET, "/workbench/ledgers", "/workbench/ledgers/**").hasAnyRole(WorkbenchRoles.LEDGER_READ)
                // the actions on a ledger: each page controller method names its roles (@PreAuthorize)
                .requestMatchers("/workbench/ledgers/**").hasAnyRole(WorkbenchRoles.LEDGER_READ)
                .requestMatchers("/workbench/inspections", "/workbench/inspections/**").hasAnyRole(WorkbenchRoles.INSPECTION_READ)
                .requestMatchers("/workbench/finance", "/workbench/finance/**").hasAnyRole(WorkbenchRoles.FINANCE_READ)
                .requestMatchers("/workbench/audit", "/workbench/audit/**").hasAnyRole(WorkbenchRoles.AUDIT)
                .requestMatchers("/workbench/admin", "/workbench/admin/**").hasAnyRole(WorkbenchRoles.ADMIN)
                .requestMatchers(GET, "/workbench/notices/*/feedback").hasAnyRole(WorkbenchRoles.FEEDBACK_READ)
                .requestMatchers("/workbench/notices", "/workbench/notices/**").hasAnyRole(WorkbenchRoles.NOTICE_READ)
                .anyRequest().authenticated();
    }

    /** A failed login goes back to the login page, with the wait when the throttle refused it. */
    static void loginFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String target = e instanceof LoginThrottle.ThrottledException throttled
                ? "/login?error&retryAfter=" + throttled.retryAfterSeconds : "/login?error";
        response.sendRedirect(request.getContextPath() + target);
    }
}
