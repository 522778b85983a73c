package io.zhenggai.organisation.command;

import io.zhenggai.api.organisation.OrganisationCommands.SetAccessGrantsCommand;
import io.zhenggai.api.organisation.OrganisationEvents.AccessGrantedEvent;
import io.zhenggai.api.organisation.OrganisationEvents.AccessRevokedEvent;
import io.zhenggai.api.organisation.OrganisationIds;
import io.zhenggai.api.organisation.RoleGrant;
import io.zhenggai.platform.security.Roles;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.zhenggai.platform.domain.RuleViolationException.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The role grants of one account. Setting them records each grant that is new and each revocation of a grant left
 * out; setting the same grants again records nothing. {@code ADMIN} is never scoped: it is held everywhere (a bare
 * role of the account) or not at all.
 */
@Aggregate
class AccessGrants {

    @AggregateIdentifier
    private String aggregateId;
    private String username;
    private final Set<RoleGrant> held = new LinkedHashSet<>();

    protected AccessGrants() {
        // required by Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetAccessGrantsCommand cmd, OrganisationDirectory directory) {
        Set<RoleGrant> wanted = new LinkedHashSet<>(cmd.grants());
        for (RoleGrant g : wanted) {
            require(g.role() != null && List.of(Roles.ALL).contains(g.role()), "ROLE_UNKNOWN", "未知角色" + g.role());
            require(!Roles.ADMIN.equals(g.role()), "ADMIN_NOT_SCOPED", "系统管理员角色不按组织授予");
            require(g.organisationId() != null && directory.exists(g.organisationId()), "ORGANISATION_UNKNOWN",
                    "组织" + g.organisationId() + "未登记");
        }
        if (aggregateId == null) {
            aggregateId = OrganisationIds.grants(cmd.username()); // an account without grants so far
            username = cmd.username();
        }
        for (RoleGrant g : List.copyOf(held)) {
            if (!wanted.contains(g)) {
                apply(new AccessRevokedEvent(cmd.username(), g));
            }
        }
        for (RoleGrant g : wanted) {
            if (!held.contains(g)) {
                apply(new AccessGrantedEvent(cmd.username(), g));
            }
        }
    }

    @EventSourcingHandler
    void on(AccessGrantedEvent e) {
        aggregateId = OrganisationIds.grants(e.username());
        username = e.username();
        held.add(e.grant());
    }

    @EventSourcingHandler
    void on(AccessRevokedEvent e) {
        held.remove(e.grant());
    }
}
