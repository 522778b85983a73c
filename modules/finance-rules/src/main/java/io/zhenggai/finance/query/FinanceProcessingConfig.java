package io.zhenggai.finance.query;

import io.zhenggai.platform.events.CommandTransactionGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The finance directory runs in a subscribing processor (in the command's transaction, errors propagate and
 * roll the command back, no dead-letter queue); the finance projection runs, like every projection, in a pooled
 * streaming processor.
 */
@Configuration(proxyBeanMethods = false)
class FinanceProcessingConfig {

    @Bean
    CommandTransactionGroup financeDirectoryProcessor() {
        return new CommandTransactionGroup(FinanceDirectory.GROUP);
    }
}
