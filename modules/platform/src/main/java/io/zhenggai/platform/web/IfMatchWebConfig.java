package io.zhenggai.platform.web;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Arrays;
import java.util.List;

/**
 * Registers {@link IfMatchArgumentResolver} and documents each {@link IfMatch} parameter in OpenAPI as the optional
 * string header {@code If-Match} (not as the query parameter springdoc would otherwise guess).
 */
@Configuration(proxyBeanMethods = false)
public class IfMatchWebConfig implements WebMvcConfigurer {

    static {
        SpringDocUtils.getConfig().addAnnotationsToIgnore(IfMatch.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new IfMatchArgumentResolver());
    }

    @Bean
    OperationCustomizer ifMatchHeaderInOpenApi() {
        return (operation, handler) -> {
            boolean takesIfMatch = Arrays.stream(handler.getMethodParameters())
                    .anyMatch((MethodParameter p) -> p.hasParameterAnnotation(IfMatch.class));
            if (takesIfMatch) {
                operation.addParametersItem(new HeaderParameter().name(HttpHeaders.IF_MATCH).required(false)
                        .schema(new StringSchema()));
            }
            return operation;
        };
    }
}
