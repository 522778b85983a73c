package io.zhenggai.app.security;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Puts {@link ScopeEnforcement} in front of the command gateway and the query gateway, so that no controller needs a
 * check of its own: every command a person sends, and every query of one object (a query whose record names an
 * {@code inspectionId}, {@code rectificationId} or {@code noticeId}) made while serving an {@code /api/} request or a
 * workbench page ({@code /workbench/}, which reads through the same queries). The public pages ({@code /notices}) stay
 * public.
 */
@Configuration(proxyBeanMethods = false)
class ScopeInterceptorsConfig {

    /** Record components that name the one object a query reads. */
    static final Set<String> OBJECT_FIELDS = Set.of("inspectionId", "rectificationId", "noticeId");

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> scopedCommands(ScopeEnforcement scopes) {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
                return (index, command) -> scopes.authorizeCommand(command);
            }
        };
    }

    @Bean
    MessageDispatchInterceptor<QueryMessage<?, ?>> scopedQueries(ScopeEnforcement scopes) {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, QueryMessage<?, ?>, QueryMessage<?, ?>> handle(List<? extends QueryMessage<?, ?>> messages) {
                return (index, query) -> {
                    if (servingApi()) {
                        scopes.authorizeRead(objectOf(query.getPayload()));
                    }
                    return query;
                };
            }
        };
    }

    private static boolean servingApi() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && (attributes.getRequest().getRequestURI().startsWith("/api/")
                || attributes.getRequest().getRequestURI().startsWith("/workbench/"));
    }

    /** The aggregate a query reads, when its record names one. */
    static String objectOf(Object query) {
        if (query == null || !query.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent c : query.getClass().getRecordComponents()) {
            if (OBJECT_FIELDS.contains(c.getName()) && c.getType() == String.class) {
                try {
                    return (String) c.getAccessor().invoke(query);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + query.getClass(), e);
                }
            }
        }
        return null;
    }
}
