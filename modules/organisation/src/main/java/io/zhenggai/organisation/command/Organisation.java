package io.zhenggai.organisation.command;

import io.zhenggai.api.organisation.OrganisationCommands.RegisterOrganisationCommand;
import io.zhenggai.api.organisation.OrganisationEvents.OrganisationRegisteredEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;

import static io.zhenggai.platform.domain.RuleViolationException.require;
import static io.zhenggai.platform.domain.RuleViolationException.requireState;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An organisation: id, name, kind and parent. Registered once; registering the same organisation again (same name,
 * kind and parent) changes nothing, registering it differently is refused.
 */
@Aggregate
class Organisation {

    @AggregateIdentifier
    private String aggregateId;
    private String name;
    private io.zhenggai.api.organisation.OrganisationKind kind;
    private String parentId;

    protected Organisation() {
        // required by Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterOrganisationCommand cmd, OrganisationDirectory directory) {
        if (aggregateId != null) {
            requireState(Objects.equals(name, cmd.name()) && kind == cmd.kind() && Objects.equals(parentId, cmd.parentId()),
                    "ORGANISATION_EXISTS", "组织" + cmd.organisationId() + "已登记为其他名称、类别或上级");
            return;
        }
        require(cmd.parentId() == null || !cmd.parentId().equals(cmd.organisationId()), "PARENT_IS_SELF", "组织不能是自己的上级");
        require(cmd.parentId() == null || directory.exists(cmd.parentId()), "PARENT_UNKNOWN",
                "上级组织" + cmd.parentId() + "未登记");
        apply(new OrganisationRegisteredEvent(cmd.organisationId(), cmd.name(), cmd.kind(), cmd.parentId()));
    }

    @EventSourcingHandler
    void on(OrganisationRegisteredEvent e) {
        aggregateId = io.zhenggai.api.organisation.OrganisationIds.organisation(e.organisationId());
        name = e.name();
        kind = e.kind();
        parentId = e.parentId();
    }
}
