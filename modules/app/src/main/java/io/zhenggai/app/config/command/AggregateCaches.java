package io.zhenggai.app.config.command;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;
import org.axonframework.spring.config.SpringAggregateConfigurer;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import java.net.URI;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Gives every event-sourced aggregate type a bounded cache of its own (ADR 0033): Axon's {@link JCacheAdapter} over a
 * Caffeine JCache of at most {@code maxEntries} aggregates, holding them by reference. It hooks into the registrar
 * that Axon's Spring support makes for each {@code @Aggregate} ({@link SpringAggregateConfigurer}), so a new
 * aggregate is cached without anyone remembering to. One cache per type, because Axon's cache is keyed by the
 * aggregate identifier alone.
 * <p>
 * A cached aggregate that another node changed in the meantime is stale: its next append collides with the stored
 * sequence number, the unit of work rolls back (which evicts the entry) and {@link ConcurrencyRetryScheduler} runs
 * the command again on fresh state.
 */
public final class AggregateCaches implements BeanPostProcessor, BeanFactoryAware, DisposableBean {

    static final String REGISTRAR_SUFFIX = "$$Registrar";
    static final String CACHE_SUFFIX = "$$AggregateCache";

    private final long maxEntries;
    private final CacheManager manager;
    private ConfigurableListableBeanFactory beanFactory;

    public AggregateCaches(long maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
        CachingProvider provider = Caching.getCachingProvider(CaffeineCachingProvider.class.getName());
        // a manager of its own per application context: contexts in one JVM (tests) must not share cache names
        this.manager = provider.getCacheManager(URI.create("zhenggai-aggregates-" + UUID.randomUUID()),
                AggregateCaches.class.getClassLoader());
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof SpringAggregateConfigurer<?> registrar && beanName.endsWith(REGISTRAR_SUFFIX)) {
            String cacheName = beanName.substring(0, beanName.length() - REGISTRAR_SUFFIX.length()) + CACHE_SUFFIX;
            if (!beanFactory.containsBean(cacheName)) {
                beanFactory.registerSingleton(cacheName, create(cacheName));
            }
            registrar.setCache(cacheName);
        }
        return bean;
    }

    /** A bounded cache that holds the aggregates themselves (store by reference: no copies, no serialisation). */
    Cache create(String name) {
        CaffeineConfiguration<Object, Object> config = new CaffeineConfiguration<>();
        config.setMaximumSize(OptionalLong.of(maxEntries));
        config.setStoreByValue(false);
        config.setStatisticsEnabled(false);
        config.setManagementEnabled(false);
        return new JCacheAdapter(manager.createCache(name, config));
    }

    @Override
    public void destroy() {
        manager.close();
    }
}
