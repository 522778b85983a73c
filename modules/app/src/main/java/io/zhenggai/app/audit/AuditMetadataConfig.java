package io.zhenggai.app.audit;

import io.zhenggai.api.audit.MetadataKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Puts who/what/why on every message. A command gets the authenticated user, its own name and the client's
 * request id when it is dispatched; everything a handler then produces (events, further commands) inherits
 * them through the correlation data provider, together with the correlation id (the first command of the
 * chain) and the causation id (the message that directly caused it).
 */
@Configuration(proxyBeanMethods = false)
public class AuditMetadataConfig {

    /** The MDC key under which {@link RequestIdFilter} keeps the client's X-Request-Id. */
    public static final String MDC_REQUEST_ID = "requestId";

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> auditCommandMetadata() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
                return (index, command) -> {
                    Map<String, Object> meta = new HashMap<>();
                    meta.put(MetadataKeys.COMMAND_NAME, command.getPayloadType().getSimpleName());
                    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                    if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
                        meta.put(MetadataKeys.USER, auth.getName());
                    } else if (!command.getMetaData().containsKey(MetadataKeys.USER)) {
                        meta.put(MetadataKeys.USER, MetadataKeys.SYSTEM_USER);
                    }
                    String requestId = MDC.get(MDC_REQUEST_ID);
                    if (requestId != null) {
                        meta.put(MetadataKeys.REQUEST_ID, requestId);
                    }
                    return command.andMetaData(meta);
                };
            }
        };
    }

    /** Replaces Axon's default MessageOriginProvider with explicit correlation and causation ids. */
    @Bean
    CorrelationDataProvider auditCorrelationData() {
        return new CorrelationDataProvider() {
            @Override
            public Map<String, ?> correlationDataFor(Message<?> message) {
                MetaData source = message.getMetaData();
                Map<String, Object> data = new HashMap<>();
                data.put(MetadataKeys.CAUSATION_ID, message.getIdentifier());
                Object correlation = source.get(MetadataKeys.CORRELATION_ID);
                data.put(MetadataKeys.CORRELATION_ID, correlation != null ? correlation : message.getIdentifier());
                for (String key : List.of(MetadataKeys.USER, MetadataKeys.COMMAND_NAME, MetadataKeys.REQUEST_ID,
                        MetadataKeys.ORGANISATION)) {
                    Object value = source.get(key);
                    if (value != null) {
                        data.put(key, value);
                    } else if (key.equals(MetadataKeys.COMMAND_NAME) && message instanceof CommandMessage<?> c) {
                        data.put(key, c.getPayloadType().getSimpleName());
                    }
                }
                return data;
            }
        };
    }
}
