package io.zhenggai.app.config.reads;

import io.zhenggai.app.config.DatabaseConfig;
import io.zhenggai.platform.readside.ReplicaCatchUp;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.config.Configuration;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.lang.NonNull;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Reads from a streaming replica (ADR 0051) and the read-your-writes promise across it (ADR 0052):
 * <ul>
 *     <li>every query handler runs in a read-only transaction (the query bus's transaction manager), which
 *     {@link RoutedDataSource} serves from the replica when {@code ZHENGGAI_DB_READ_URL} is set; a query inside a
 *     command's or processor's transaction joins that one, on the primary;</li>
 *     <li>a command's answer waits until the replica has replayed its reads ({@link ReplicaCatchUp}) and names the
 *     primary's position in {@code X-Min-Lsn};</li>
 *     <li>a read that sends {@code X-Min-Lsn} back is served by the replica only once it has replayed that far.</li>
 * </ul>
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class ReadsConfig {

    private static final Logger log = LoggerFactory.getLogger(ReadsConfig.class);

    static class ReplicaCondition implements org.springframework.context.annotation.Condition {
        @Override
        public boolean matches(ConditionContext context, @NonNull AnnotatedTypeMetadata metadata) {
            return DatabaseConfig.readReplica(context.getEnvironment());
        }
    }

    /**
     * Axon's query bus as its auto-configuration builds it, with read-only transactions: the one place where "a
     * query is a read" is said (no query class needs a second {@code JdbcTemplate}).
     */
    @Bean
    QueryBus queryBus(Configuration axon, PlatformTransactionManager transactions) {
        DefaultTransactionDefinition readOnly = new DefaultTransactionDefinition();
        readOnly.setReadOnly(true);
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .transactionManager(new SpringTransactionManager(transactions, readOnly))
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    /** {@code X-Min-Lsn} on a request is checked at the edge (400 naming the header) and kept for the routing. */
    @Bean
    WebMvcConfigurer minLsnHeader() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(@NonNull InterceptorRegistry registry) {
                registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                             @NonNull Object handler) {
                        String lsn = MinLsn.parse(request.getHeader(MinLsn.HEADER));
                        if (lsn != null) {
                            request.setAttribute(MinLsn.ATTRIBUTE, lsn);
                        }
                        return true;
                    }
                });
            }
        };
    }

    @Bean
    @Conditional(ReplicaCondition.class)
    ReplicaCatchUp replicaCatchUp(DataSource dataSource,
                                  @org.springframework.beans.factory.annotation.Value("${zhenggai.db.read.catch-up-timeout:1s}") Duration timeout) {
        ReadReplica replica = ((RoutedDataSource) dataSource).replica();
        return () -> {
            long start = System.nanoTime();
            String lsn = replica.primaryPosition();
            boolean replayed = replica.replayed(lsn, timeout);
            if (log.isDebugEnabled()) {
                log.debug("replica {} {} after {} µs", replayed ? "replayed" : "has not replayed", lsn, (System.nanoTime() - start) / 1000);
            }
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                    && attributes.getResponse() != null && !attributes.getResponse().isCommitted()) {
                attributes.getResponse().setHeader(MinLsn.HEADER, lsn);
            }
        };
    }
}
