package io.zhenggai.organisation.query;

import io.zhenggai.organisation.ScopeDirectory;
import io.zhenggai.platform.events.CommandTransactionGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The scope directory runs in the command's transaction (a subscribing processor): grants hold from their commit on. */
@Configuration(proxyBeanMethods = false)
class ScopeProcessingConfig {

    @Bean
    CommandTransactionGroup scopeDirectoryProcessor() {
        return new CommandTransactionGroup(ScopeDirectory.GROUP);
    }
}
