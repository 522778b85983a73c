package io.zhenggai.reminders.delivery;

import io.zhenggai.api.reminders.ReminderChannel;
import io.zhenggai.api.reminders.ReminderCommands.RecordDeliveryCommand;
import io.zhenggai.api.reminders.ReminderEvents.DigestIssuedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Reacts to an issued digest: records its delivery to each addressed account's inbox (the inbox read model shows the
 * digest itself) and schedules the deliveries through the other channels as persistent tasks — a database insert, so
 * this processor never waits on a webhook or an SMTP server, and a failed delivery is recorded by the task, never
 * thrown in here. Not replayed: a replay would send the reminders again.
 */
@Component
@ProcessingGroup(DeliveryPolicy.GROUP)
@DisallowReplay
class DeliveryPolicy {

    static final String GROUP = "reminders-delivery";

    private final Deliveries deliveries;
    private final CommandGateway commands;

    DeliveryPolicy(Deliveries deliveries, CommandGateway commands) {
        this.deliveries = deliveries;
        this.commands = commands;
    }

    @EventHandler
    void on(DigestIssuedEvent e) {
        for (String account : e.accounts()) {
            commands.sendAndWait(new RecordDeliveryCommand(e.digestId(), ReminderChannel.INBOX, account, 1, true, null, false));
        }
        deliveries.schedule(e);
    }
}
