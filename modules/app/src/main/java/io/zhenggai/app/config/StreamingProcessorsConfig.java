package io.zhenggai.app.config;

import io.zhenggai.platform.readside.ProcessorWakeups;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The pooled streaming processors of every projection and policy (each processing group has its own processor and
 * token, so it can be replayed alone, and several nodes share its segments), and the levers of their speed, each
 * behind a property ({@code zhenggai.perf.*}, ADR 0035 and 0036):
 * <ul>
 *   <li>{@code processor.batch-size}: events per transaction of a processor (was 100);</li>
 *   <li>{@code shared-pools.*}: every processor schedules its coordinator and its work packages on two pools shared
 *       by all of them, instead of a coordinator thread and a worker pool per processor;</li>
 *   <li>{@code segments.<group>}: the segments a processing group starts with when its tokens are created (only
 *       where the projection's rows are keyed by the aggregate whose events it applies: Axon's default sequencing
 *       policy keeps the order per aggregate, not across aggregates);</li>
 *   <li>{@code synchronous-commit-off.groups}: the projections whose transactions commit with
 *       {@code synchronous_commit = off} (ADR 0035).</li>
 * </ul>
 * Several nodes ({@code zhenggai.cluster.*}, ADR 0050): each node claims at most
 * {@link ClusterProperties#maxClaimedSegments} segments of a processor, so the segments spread over the nodes and
 * the nodes left after one dies still cover all of them; a node extends its claims after
 * {@code claim-extension-threshold} without a batch, and a dead node's claims are taken over once they are older than
 * Axon's token claim timeout ({@code axon.eventhandling.tokenstore.claim-timeout}).
 * An idle processor looks again after the token-claim interval (500 ms); {@link ProcessorWakeups} wakes them when a
 * command waits for its read model (ADR 0018).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({StreamingProcessorsConfig.PerfProperties.class, StreamingProcessorsConfig.ClusterProperties.class})
public class StreamingProcessorsConfig {

    @Bean
    ConfigurerModule streamingProcessors(ProcessorWakeups wakeups, PerfProperties perf, ClusterProperties cluster,
                                         SharedProcessorPools pools,
                                         TransactionManager transactions, JdbcTemplate jdbc) {
        return configurer -> configurer.eventProcessing(ep -> {
            ep.usingPooledStreamingEventProcessors((config, builder) -> {
                builder.batchSize(perf.getProcessor().getBatchSize()).initialSegmentCount(1)
                        .maxClaimedSegments(cluster.maxClaimedSegments(1))
                        .claimExtensionThreshold(cluster.getClaimExtensionThreshold().toMillis())
                        // streams that can be woken (ReadYourWrites does, while a command waits for its read model);
                        // an idle processor still looks again after 500 ms, as with Axon's polling before
                        .messageSource(wakeups.wrap(config.eventStore()))
                        .tokenClaimInterval(perf.getProcessor().getTokenClaimInterval());
                if (pools.enabled()) {
                    builder.coordinatorExecutor(pools.coordinators()).workerExecutor(pools.workers());
                }
                return builder;
            });
            for (String group : groups(perf)) {
                int segments = perf.getSegments().getOrDefault(group, 1);
                boolean asyncCommit = perf.getSynchronousCommitOff().isEnabled()
                        && perf.getSynchronousCommitOff().getGroups().contains(group);
                ep.registerPooledStreamingEventProcessorConfiguration(group, (config, builder) -> {
                    builder.initialSegmentCount(segments)
                            .maxClaimedSegments(cluster.maxClaimedSegments(segments))
                            .claimExtensionThreshold(cluster.getClaimExtensionThreshold().toMillis());
                    if (asyncCommit) {
                        builder.transactionManager(new AsynchronousCommitTransactionManager(transactions, jdbc));
                    }
                    return builder;
                });
            }
        });
    }

    private static Set<String> groups(PerfProperties perf) {
        Set<String> groups = new LinkedHashSet<>(perf.getSegments().keySet());
        groups.addAll(perf.getSynchronousCommitOff().getGroups());
        return groups;
    }

    /** The pools all processors share (when {@code zhenggai.perf.shared-pools.enabled}); shut down with the context. */
    @Bean(destroyMethod = "shutdown")
    SharedProcessorPools sharedProcessorPools(PerfProperties perf) {
        return new SharedProcessorPools(perf.getSharedPools());
    }

    /** Wakes the streaming processors when a caller knows new events are there (see {@link ProcessorWakeups}). */
    @Bean
    ProcessorWakeups processorWakeups() {
        return new ProcessorWakeups();
    }

    /** Two scheduled pools for every pooled processor: one for the coordinators, one for the work packages. */
    public static final class SharedProcessorPools {
        private final boolean enabled;
        private final ScheduledExecutorService coordinators;
        private final ScheduledExecutorService workers;

        SharedProcessorPools(PerfProperties.SharedPools settings) {
            this.enabled = settings.isEnabled();
            this.coordinators = enabled ? Executors.newScheduledThreadPool(settings.getCoordinatorThreads(),
                    new AxonThreadFactory("ProcessorCoordinators")) : null;
            this.workers = enabled ? Executors.newScheduledThreadPool(settings.getWorkerThreads(),
                    new AxonThreadFactory("ProcessorWorkers")) : null;
        }

        boolean enabled() {
            return enabled;
        }

        ScheduledExecutorService coordinators() {
            return coordinators;
        }

        ScheduledExecutorService workers() {
            return workers;
        }

        void shutdown() {
            if (enabled) {
                coordinators.shutdown();
                workers.shutdown();
            }
        }
    }

    @ConfigurationProperties("zhenggai.perf")
    public static class PerfProperties {
        private final Processor processor = new Processor();
        private final SharedPools sharedPools = new SharedPools();
        private final SynchronousCommitOff synchronousCommitOff = new SynchronousCommitOff();
        /**
         * Initial segments per processing group (the others start with one). Two where every row a handler writes,
         * or reads to write, belongs to the aggregate of the event (Axon's default sequencing policy keeps the order per
         * aggregate only, ADR 0050). Not {@code progress-projection}: a rectification's events update rows that its
         * inspection's events insert (a finding's correction taken over), so the two streams must stay in order.
         * Policies stay at one: they are light, and their commands are idempotent anyway.
         */
        private Map<String, Integer> segments = new LinkedHashMap<>(Map.of(
                "inspection-projection", 2,
                "rectification-projection", 2,
                "finance-projection", 2,
                "publication-projection", 2));

        public Processor getProcessor() {
            return processor;
        }

        public SharedPools getSharedPools() {
            return sharedPools;
        }

        public SynchronousCommitOff getSynchronousCommitOff() {
            return synchronousCommitOff;
        }

        public Map<String, Integer> getSegments() {
            return segments;
        }

        public void setSegments(Map<String, Integer> segments) {
            this.segments = segments;
        }

        public static class Processor {
            private int batchSize = 500;
            private long tokenClaimInterval = 500;

            public int getBatchSize() {
                return batchSize;
            }

            public void setBatchSize(int batchSize) {
                this.batchSize = batchSize;
            }

            public long getTokenClaimInterval() {
                return tokenClaimInterval;
            }

            public void setTokenClaimInterval(long tokenClaimInterval) {
                this.tokenClaimInterval = tokenClaimInterval;
            }
        }

        public static class SharedPools {
            private boolean enabled = true;
            private int coordinatorThreads = 2;
            private int workerThreads = 4;

            public boolean isEnabled() {
                return enabled;
            }

            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }

            public int getCoordinatorThreads() {
                return coordinatorThreads;
            }

            public void setCoordinatorThreads(int coordinatorThreads) {
                this.coordinatorThreads = coordinatorThreads;
            }

            public int getWorkerThreads() {
                return workerThreads;
            }

            public void setWorkerThreads(int workerThreads) {
                this.workerThreads = workerThreads;
            }
        }

        public static class SynchronousCommitOff {
            private boolean enabled = true;
            private List<String> groups = List.of("inspection-projection", "rectification-projection",
                    "progress-projection", "finance-projection", "publication-projection");

            public boolean isEnabled() {
                return enabled;
            }

            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }

            public List<String> getGroups() {
                return groups;
            }

            public void setGroups(List<String> groups) {
                this.groups = groups;
            }
        }
    }

    /**
     * Several nodes on one database (ADR 0050). {@code nodes} is how many nodes normally run; each claims at most
     * {@code ceil(segments / (nodes - 1))} segments of a processor, so the work spreads and the nodes left after one
     * failure can still hold every segment. One node (the default) claims every segment.
     */
    @ConfigurationProperties("zhenggai.cluster")
    public static class ClusterProperties {
        private boolean enabled = false;
        private int nodes = 1;
        private java.time.Duration claimExtensionThreshold = java.time.Duration.ofSeconds(2);

        public int maxClaimedSegments(int segments) {
            if (!enabled || nodes <= 1) {
                return Short.MAX_VALUE; // Axon's default: everything this node can claim
            }
            int survivors = Math.max(1, nodes - 1);
            return Math.max(1, (segments + survivors - 1) / survivors);
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getNodes() {
            return nodes;
        }

        public void setNodes(int nodes) {
            this.nodes = nodes;
        }

        public java.time.Duration getClaimExtensionThreshold() {
            return claimExtensionThreshold;
        }

        public void setClaimExtensionThreshold(java.time.Duration claimExtensionThreshold) {
            this.claimExtensionThreshold = claimExtensionThreshold;
        }
    }
}
