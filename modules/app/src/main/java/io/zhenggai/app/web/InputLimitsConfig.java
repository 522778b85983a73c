package io.zhenggai.app.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.platform.web.input.BoundedDateConverter;
import io.zhenggai.platform.web.input.BusinessDateModule;
import io.zhenggai.platform.web.input.InputGuardJsonFactory;
import io.zhenggai.platform.web.input.TextParameterGuard;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;

/**
 * What the edge accepts (see docs/operations/README.md, "Input limits"): request bodies up to
 * {@code zhenggai.http.max-json-body}, read by a JSON mapper of their own that refuses bad text and out-of-bounds
 * dates and reads within Jackson's stream constraints; request parameters and path variables checked by the same
 * rules; and Tomcat's own error pages as problem details. The event store keeps its own mapper, untouched.
 */
@Configuration(proxyBeanMethods = false)
class InputLimitsConfig implements WebMvcConfigurer {

    private final Clock clock;

    InputLimitsConfig(Clock clock) {
        this.clock = clock;
    }

    /** The converter for request and response bodies: Spring Boot's mapper settings on the guarding JSON factory. */
    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(Jackson2ObjectMapperBuilder builder,
            @Value("${zhenggai.http.max-json-body}") DataSize maxBody,
            @Value("${zhenggai.http.max-json-depth}") int maxDepth) {
        int max = (int) Math.min(Integer.MAX_VALUE, maxBody.toBytes());
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxDocumentLength(max)
                .maxStringLength(max)
                .maxNestingDepth(maxDepth)
                .build();
        ObjectMapper mapper = builder.factory(new InputGuardJsonFactory(constraints))
                .postConfigurer(m -> m.registerModule(new BusinessDateModule(clock)))
                .build();
        return new MappingJackson2HttpMessageConverter(mapper);
    }

    @Bean
    FilterRegistrationBean<JsonBodyLimitFilter> jsonBodyLimitFilter(@Value("${zhenggai.http.max-json-body}") DataSize maxBody,
                                                                    ObjectMapper json) {
        FilterRegistrationBean<JsonBodyLimitFilter> registration = new FilterRegistrationBean<>(new JsonBodyLimitFilter(maxBody, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10); // right after the request id, before security reads anything
        return registration;
    }

    /** Tomcat's host-level error report (for requests refused before any servlet runs) writes problem details. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(ObjectMapper json) {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                host.getPipeline().addValve(new ProblemErrorReportValve(json));
            }
        });
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new TextParameterGuard());
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(new BoundedDateConverter(clock));
    }
}
