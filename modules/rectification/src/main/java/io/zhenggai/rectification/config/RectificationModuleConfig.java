package io.zhenggai.rectification.config;

import io.zhenggai.rectification.policy.EscalationSaga;
import io.zhenggai.rectification.policy.HistoricalNoticePolicy;
import io.zhenggai.rectification.policy.OpenRectificationPolicy;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * Wiring of the rectification context. Its defaults ({@code rectification-defaults.properties}: warning days,
 * evidence file size limit and the multipart limits that follow it) have the lowest precedence, so
 * {@code application.yml}, environment variables and tests override them.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource(value = "classpath:rectification-defaults.properties", encoding = "UTF-8")
public class RectificationModuleConfig {

    /**
     * A failure of the opening policy (e.g. the database is briefly unavailable) must not lose the opening of a
     * rectification: the processor retries the event instead of logging and moving on. The same holds for the
     * escalation saga (finance violations and public feedback handed over to a ledger) and the policy that dates a
     * case by its historical notice.
     */
    @Bean
    ConfigurerModule rectificationPolicyErrorHandling() {
        return configurer -> configurer.eventProcessing(ep -> ep
                .registerListenerInvocationErrorHandler(OpenRectificationPolicy.GROUP, c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(EscalationSaga.GROUP, c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(HistoricalNoticePolicy.GROUP, c -> PropagatingErrorHandler.instance()));
    }
}
