package io.zhenggai.finance.query;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The finance directory runs in a subscribing processor (in the command's transaction, errors propagate and
 * roll the command back); the finance projection runs, like every projection, in a pooled streaming processor.
 */
@Configuration(proxyBeanMethods = false)
class FinanceProcessingConfig {

    @Bean
    ConfigurerModule financeDirectoryProcessor() {
        return configurer -> configurer.eventProcessing(ep -> ep
                .registerSubscribingEventProcessor(FinanceDirectory.GROUP)
                .registerListenerInvocationErrorHandler(FinanceDirectory.GROUP, c -> PropagatingErrorHandler.instance()));
    }
}
