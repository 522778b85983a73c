package io.zhenggai.app.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

import static io.zhenggai.platform.security.Roles.*;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * The first fence: who may call which URL with which method, decided in the security filter chain before a
 * controller reads or validates the body, so that a forbidden role gets 403 (anonymous 401) and never a field list.
 * The {@code @PreAuthorize} annotations on the controllers stay as the second fence. Rules are tried in order; the
 * first that matches decides. Everything under {@code /api/} that no rule names is refused (deny by default), so a
 * new endpoint needs a rule here and a row in the authorization matrix ({@code authorization-matrix.tsv}).
 * See docs/adr/0015-authorization-in-two-fences.md.
 */
final class AuthorizationRules {

    private AuthorizationRules() {
    }

    private static final String[] INSPECTION_READ = {INSPECTOR, ADMIN, AUDITOR, UNIT_LEADER, RECTIFIER};
    private static final String[] INSPECTION_WRITE = {INSPECTOR, ADMIN};
    private static final String[] RECTIFICATION_READ = {RECTIFIER, UNIT_LEADER, INSPECTOR, AUDITOR, ADMIN};
    private static final String[] RECTIFICATION_RECORD = {RECTIFIER, ADMIN};
    private static final String[] RECTIFICATION_LEAD = {UNIT_LEADER, ADMIN};
    private static final String[] RECTIFICATION_ASSIGN = {RECTIFIER, UNIT_LEADER, ADMIN};
    private static final String[] FINANCE_READ = {FINANCE_OFFICER, UNIT_LEADER, ADMIN, AUDITOR, INSPECTOR, RECTIFIER};
    private static final String[] REGULATION_WRITE = {FINANCE_OFFICER, UNIT_LEADER, ADMIN};
    private static final String[] FINANCE_WRITE = {FINANCE_OFFICER};
    private static final String[] NOTICE_READ = {PUBLISHER, UNIT_LEADER, AUDITOR, ADMIN};
    private static final String[] NOTICE_PERSONAL = {PUBLISHER, AUDITOR, ADMIN};
    private static final String[] NOTICE_APPROVE = {UNIT_LEADER, ADMIN};
    private static final String[] NOTICE_WRITE = {PUBLISHER, ADMIN};
    private static final String[] DASHBOARD = {UNIT_LEADER, AUDITOR, INSPECTOR, RECTIFIER, ADMIN};
    private static final String[] AUDIT = {AUDITOR, ADMIN};

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth
                // public
                .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                .requestMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                .requestMatchers("/notices", "/notices/**", "/error", "/favicon.ico", "/webjars/**", "/layout/**").permitAll()

                // administration: the whole tree
                .requestMatchers("/api/admin/**").hasRole(ADMIN)

                // inspection
                .requestMatchers(GET, "/api/inspection-rounds", "/api/inspection-rounds/**",
                        "/api/inspections", "/api/inspections/**").hasAnyRole(INSPECTION_READ)
                .requestMatchers("/api/inspection-rounds", "/api/inspection-rounds/**",
                        "/api/inspections", "/api/inspections/**").hasAnyRole(INSPECTION_WRITE)

                // rectification
                .requestMatchers(GET, "/api/rectifications", "/api/rectifications/**").hasAnyRole(RECTIFICATION_READ)
                .requestMatchers(PUT, "/api/rectifications/*/office").hasAnyRole(RECTIFICATION_LEAD)
                .requestMatchers(POST, "/api/rectifications/*/group/members", "/api/rectifications/*/group/members/*/relief",
                        "/api/rectifications/*/plan/adoption", "/api/rectifications/*/items/*/close-off/approval",
                        "/api/rectifications/*/items/*/close-off/return", "/api/rectifications/*/items/*/reopening",
                        "/api/rectifications/*/items/*/extensions").hasAnyRole(RECTIFICATION_LEAD)
                .requestMatchers(PUT, "/api/rectifications/*/items/*/responsibility", "/api/rectifications/*/as-of").hasAnyRole(RECTIFICATION_ASSIGN)
                .requestMatchers("/api/rectifications/**").hasAnyRole(RECTIFICATION_RECORD)

                // finance
                .requestMatchers(GET, "/api/finance/**").hasAnyRole(FINANCE_READ)
                .requestMatchers("/api/finance/regulations", "/api/finance/regulations/**").hasAnyRole(REGULATION_WRITE)
                .requestMatchers("/api/finance/**").hasAnyRole(FINANCE_WRITE)

                // publication (staff side)
                .requestMatchers(GET, "/api/notices/*/feedback").hasAnyRole(NOTICE_PERSONAL)
                // the list of notices, whatever it is filtered by (?inspectionId=, ?roundId= — the notices of a round —, ?status=)
                .requestMatchers(GET, "/api/notices", "/api/notices/**").hasAnyRole(NOTICE_READ)
                .requestMatchers(POST, "/api/notices/*/approval").hasAnyRole(NOTICE_APPROVE)
                .requestMatchers("/api/notices", "/api/notices/**").hasAnyRole(NOTICE_WRITE)

                // reporting
                .requestMatchers(GET, "/api/dashboard/**", "/dashboard", "/dashboard/").hasAnyRole(DASHBOARD)
                .requestMatchers(GET, "/api/audit/public-key", "/api/audit/public-key.pem").authenticated()
                .requestMatchers(GET, "/api/audit/**").hasAnyRole(AUDIT)

                // reminders: every account reads its own inbox (the user name is the caller's, never a parameter)
                .requestMatchers("/api/inbox", "/api/inbox/**").authenticated()

                // deny by default: an endpoint without a rule is nobody's
                .requestMatchers("/api/**").denyAll()
                .anyRequest().authenticated();
    }
}
