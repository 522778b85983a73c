package io.zhenggai.platform.events;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;


/**
 * A processing group whose handlers run in the transaction of the command that stored the events (a subscribing
 * processor), so that a failure there rolls the command back. Such a group has no dead-letter queue: parking the
 * event would let the command succeed. Declare it as a bean; every other group gets a dead-letter queue.
 */
public record CommandTransactionGroup(String name) implements ConfigurerModule {

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing(ep -> ep
                .registerSubscribingEventProcessor(name)
                .registerListenerInvocationErrorHandler(name, c -> PropagatingErrorHandler.instance()));
    }
}
