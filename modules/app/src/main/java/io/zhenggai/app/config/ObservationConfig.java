package io.zhenggai.app.config;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No Micrometer observations while no tracing backend is on the classpath (and no metrics are exported: actuator
 * exposes health and info only). With Boot's default registry every Spring Security filter is wrapped in an
 * observation decorator and every request opens an {@code http.server.requests} observation, whose results nobody
 * reads (13 % of the app's CPU in the command window of the JFR profile, docs/benchmarks.md). With the no-op registry
 * Spring Security builds its filter chain without the decorators. Lever {@code zhenggai.perf.no-observations.enabled}
 * (ADR 0034); adding micrometer-tracing switches it off by itself.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingClass("io.micrometer.tracing.Tracer")
@ConditionalOnProperty(name = "zhenggai.perf.no-observations.enabled", havingValue = "true", matchIfMissing = true)
public class ObservationConfig {

    @Bean
    ObservationRegistry observationRegistry() {
        return ObservationRegistry.NOOP;
    }
}
