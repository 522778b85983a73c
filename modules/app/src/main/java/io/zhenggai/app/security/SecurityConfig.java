package io.zhenggai.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.app.web.IdempotencyFilter;
import io.zhenggai.app.web.Problems;
import io.zhenggai.platform.ratelimit.SharedBuckets;
import io.zhenggai.platform.web.KeyedRateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * HTTP Basic over users stored in PostgreSQL (BCrypt). A verified credential is cached for a few minutes
 * (keyed by a SHA-256 of the password, never the password, and the stored hash) so that a request costs a lookup,
 * not a BCrypt round; wrong passwords are throttled per user and per address ({@link LoginThrottle}, 429). Authorisation has two fences: URL and method rules in the filter chain ({@link AuthorizationRules}), before
 * any body is read, and {@code @PreAuthorize} next to each controller method.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfig {

    /**
     * On every response: scripts only from this origin (the dashboard's own script and ECharts from the webjar; no
     * inline script, no eval), no plug-ins, no framing, forms post only here. Inline styles stay allowed: the notice
     * pages carry their print stylesheet inline and ECharts styles its tooltips inline; a style cannot run code.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }

    @Bean
    JdbcUserDetailsManager userDetailsManager(DataSource dataSource) {
        JdbcUserDetailsManager manager = new JdbcUserDetailsManager(dataSource);
        manager.setUsersByUsernameQuery("select username, password_hash, enabled from app_user where username = ?");
        // the roles held without an organisation and those held by a grant (the URL fence checks the role; which
        // objects a grant reaches is decided by ScopeEnforcement)
        manager.setAuthoritiesByUsernameQuery("""
                select distinct r.username, 'ROLE_' || r.role from (
                    select username, role from app_user_role union all select username, role from organisation_grant) r
                where r.username = ?""");
        manager.setEnableGroups(false);
        return manager;
    }

    /**
     * What a cached credential is checked against on every request, in one query: the stored password hash, the
     * account's roles and its grants. A password, role or grant change — on any node — changes it, so an entry
     * verified before the change never matches again (ADR 0006, 0049). No row: disabled or deleted.
     */
    static final String CREDENTIAL_VERSION = """
            select u.password_hash
                || '|' || coalesce((select string_agg(r.role, ',' order by r.role) from app_user_role r
                                    where r.username = u.username), '')
                || '|' || coalesce((select string_agg(g.role || '@' || g.organisation_id || case when g.include_descendants then '+' else '' end,
                                        ',' order by g.role, g.organisation_id, g.include_descendants)
                                    from organisation_grant g where g.username = u.username), '')
            from app_user u where u.username = :u and u.enabled""";

    /** The credential check: throttled wrong passwords, then the cache, then BCrypt against the stored hash. */
    @Bean
    LoginThrottle credentials(JdbcUserDetailsManager users, PasswordEncoder encoder, JdbcClient jdbc, SharedBuckets shared,
                              @Value("${zhenggai.cluster.enabled:false}") boolean cluster,
                              @Value("${zhenggai.security.login-throttle.per-user.capacity:10}") long perUser,
                              @Value("${zhenggai.security.login-throttle.per-user.period:PT10M}") Duration perUserPeriod,
                              @Value("${zhenggai.security.login-throttle.per-address.capacity:30}") long perAddress,
                              @Value("${zhenggai.security.login-throttle.per-address.period:PT10M}") Duration perAddressPeriod) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        CachingAuthenticationProvider cache = new CachingAuthenticationProvider(dao, username -> jdbc
                .sql(CREDENTIAL_VERSION).param("u", username).query(String.class).optional(), Duration.ofMinutes(5), 10_000);
        // on several nodes the failures are counted in PostgreSQL, so the limit holds across nodes (ADR 0049); one
        // node keeps them in memory and saves the two lookups per request
        KeyedRateLimiter.Refill refill = KeyedRateLimiter.Refill.INTERVALLY;
        return cluster
                ? new LoginThrottle(cache, new KeyedRateLimiter("login-user", shared, perUser, perUserPeriod, refill),
                        new KeyedRateLimiter("login-address", shared, perAddress, perAddressPeriod, refill))
                : new LoginThrottle(cache, new KeyedRateLimiter(perUser, perUserPeriod, refill, 100_000),
                        new KeyedRateLimiter(perAddress, perAddressPeriod, refill, 100_000));
    }

    @Bean
    PublicConcurrencyLimit publicConcurrencyLimit(ObjectMapper json,
            @Value("${zhenggai.security.public-concurrency-per-address:8}") int perAddress) {
        return new PublicConcurrencyLimit(perAddress, json);
    }

    /** Slow clients: a bounded number of concurrent public requests per client address, before any filter runs. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> publicConcurrencyValve(PublicConcurrencyLimit limit) {
        return factory -> factory.addContextValves(limit);
    }

    /** Idempotency-Key on the API's POSTs: after the security chain (refused requests reserve nothing). */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotency(JdbcClient jdbc, ObjectMapper json, Clock clock,
            @Value("${zhenggai.idempotency.ttl:PT24H}") Duration ttl, @Value("${zhenggai.idempotency.lock:PT2M}") Duration lock) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(jdbc, json, clock, ttl, lock));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(0); // Spring Security's chain runs at -100
        return registration;
    }

    /**
     * The pages for people (ADR 0040): form login with a session, CSRF tokens on every form, logout, the same
     * credential check (and so the same {@link LoginThrottle}) as the API. Ordered before the API's chain, which
     * takes every other request.
     */
    @Bean
    @Order(1)
    SecurityFilterChain pages(HttpSecurity http, LoginThrottle credentials) throws Exception {
        http
                .securityMatcher(PageRules.PATHS)
                .authenticationManager(new ProviderManager(credentials))
                .authorizeHttpRequests(PageRules::apply)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(PageRules::loginFailed).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(ex -> ex.accessDeniedPage(PageRules.DENIED_PAGE));
        return http.build();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, LoginThrottle credentials) throws Exception {
        AuthenticationManager manager = new ProviderManager(credentials);
        http
                .authenticationManager(manager)
                .csrf(csrf -> csrf.disable()) // stateless API with Basic credentials on every call: no session to forge
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // a person logged in on the pages may read through the API too (GET only: no CSRF here), ADR 0040
                .securityContext(c -> c.securityContextRepository(PageSessionReads.repository()))
                .authorizeHttpRequests(AuthorizationRules::apply)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .httpBasic(basic -> basic.realmName("zhenggai").authenticationEntryPoint(entryPoint(json)))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint(json)).accessDeniedHandler(denied(json)));
        return http.build();
    }

    private static AuthenticationEntryPoint entryPoint(ObjectMapper json) {
        return (request, response, e) -> {
            if (e instanceof LoginThrottle.ThrottledException throttled) {
                response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds));
                ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_FAILED_LOGINS",
                        "密码错误次数过多，请" + throttled.retryAfterSeconds + "秒后再试", request.getRequestURI());
                problem.setProperty("retryAfterSeconds", throttled.retryAfterSeconds);
                write(json, response, problem);
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"zhenggai\", charset=\"UTF-8\"");
            write(json, response, Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "需要登录：请提供有效的用户名和密码", request.getRequestURI()));
        };
    }

    private static AccessDeniedHandler denied(ObjectMapper json) {
        return (request, response, e) -> write(json, response,
                Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "当前用户的角色无权执行此操作", request.getRequestURI()));
    }

    private static void write(ObjectMapper json, jakarta.servlet.http.HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
