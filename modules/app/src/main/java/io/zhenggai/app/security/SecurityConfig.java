package io.zhenggai.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.app.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Duration;

/**
 * HTTP Basic over users stored in PostgreSQL (BCrypt). A verified credential is cached for a few minutes
 * (keyed by a SHA-256 of the password, never the password) so that a request costs a hash lookup, not a BCrypt
 * round. Authorisation has two fences: URL and method rules in the filter chain ({@link AuthorizationRules}), before
 * any body is read, and {@code @PreAuthorize} next to each controller method.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }

    @Bean
    JdbcUserDetailsManager userDetailsManager(DataSource dataSource) {
        JdbcUserDetailsManager manager = new JdbcUserDetailsManager(dataSource);
        manager.setUsersByUsernameQuery("select username, password_hash, enabled from app_user where username = ?");
        manager.setAuthoritiesByUsernameQuery("select username, 'ROLE_' || role from app_user_role where username = ?");
        manager.setEnableGroups(false);
        return manager;
    }

    @Bean
    CachingAuthenticationProvider credentialCache(JdbcUserDetailsManager users, PasswordEncoder encoder) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new CachingAuthenticationProvider(dao, Duration.ofMinutes(5), 10_000);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, CachingAuthenticationProvider credentials) throws Exception {
        AuthenticationManager manager = new ProviderManager(credentials);
        http
                .authenticationManager(manager)
                .csrf(csrf -> csrf.disable()) // stateless API with Basic credentials on every call: no session to forge
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(AuthorizationRules::apply)
                .httpBasic(basic -> basic.realmName("zhenggai").authenticationEntryPoint(entryPoint(json)))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint(json)).accessDeniedHandler(denied(json)));
        return http.build();
    }

    private static AuthenticationEntryPoint entryPoint(ObjectMapper json) {
        return (request, response, e) -> {
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
