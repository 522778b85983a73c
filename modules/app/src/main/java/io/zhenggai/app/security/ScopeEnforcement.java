package io.zhenggai.app.security;

import io.zhenggai.api.reminders.ReminderCommands.MarkReminderReadCommand;
import io.zhenggai.api.audit.MetadataKeys;
import io.zhenggai.api.inspection.InspectionCommands.CreateRoundCommand;
import io.zhenggai.api.inspection.InspectionCommands.AssignInspectionOrganisationsCommand;
import io.zhenggai.api.inspection.InspectionCommands.ScheduleInspectionCommand;
import io.zhenggai.api.organisation.OrganisationIds;
import io.zhenggai.api.publication.PublicationCommands.CreateNoticeDraftCommand;
import io.zhenggai.organisation.ScopeDirectory;
import io.zhenggai.organisation.ScopeDirectory.ObjectScope;
import io.zhenggai.platform.domain.NotFoundException;
import io.zhenggai.platform.domain.RuleViolationException;
import io.zhenggai.platform.security.Roles;
import io.zhenggai.platform.security.ScopeVisibility;
import io.zhenggai.platform.security.Visibility;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that decides whether a person may touch an object of an organisation (ADR 0031). Every command a
 * person sends passes {@link #authorizeCommand} (a dispatch interceptor of the command gateway), every query
 * {@link #authorizeRead}; the lists ask {@link #current}. A command is allowed when the caller holds one of
 * the roles that may send it ({@link CommandRoles}) in a grant that covers the object's organisation: the inspecting
 * group for {@code INSPECTOR}, the inspected unit for every other role. {@code ADMIN} reaches everything; an object that
 * belongs to no organisation (an inspection never assigned) is reached by bare roles only (the roles of an account held
 * without an organisation). Grants are read from the scope directory on every check, so a revocation holds from its
 * commit on. A refusal is logged and throws before the command is sent: it leaves no event. It is 403 when the caller
 * may read the object, 404 when they may not know it exists.
 */
@Component
public class ScopeEnforcement implements ScopeVisibility {

    private static final Logger log = LoggerFactory.getLogger(ScopeEnforcement.class);
    private static final Set<String> EVERY_ROLE = Set.of(Roles.ALL);

    private final ScopeDirectory directory;
    private final UserAccounts accounts;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    ScopeEnforcement(ScopeDirectory directory, UserAccounts accounts) {
        this.directory = directory;
        this.accounts = accounts;
    }

    /** The person behind the current request, or empty for the system's own work and anonymous public requests. */
    static Optional<Authentication> person() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(auth);
    }

    static boolean isAdmin(Authentication auth) {
        return auth.getAuthorities().stream().anyMatch(a -> ("ROLE_" + Roles.ADMIN).equals(a.getAuthority()));
    }

    /** Checks a command before it is sent; answers it with the organisation the caller acted for in its metadata. */
    CommandMessage<?> authorizeCommand(CommandMessage<?> command) {
        requireKnownOrganisations(command.getPayload());
        Optional<Authentication> person = person();
        if (person.isEmpty()) {
            return command;
        }
        String user = person.get().getName();
        Object payload = command.getPayload();
        String target = targets.resolveTarget(command).getIdentifier();
        Optional<ObjectScope> scope = scopeOfCommand(payload, target);
        if (isAdmin(person.get())) {
            return withOrganisation(command, scope.map(s -> s.unitId() != null ? s.unitId() : s.groupId()).orElse(null));
        }
        if (payload instanceof MarkReminderReadCommand read) {
            // one's own inbox: the controller names the caller, the digest refuses anyone it was not addressed to
            if (read.username().equals(user)) {
                return command;
            }
            throw new AccessDeniedException("not the caller's inbox");
        }
        Set<String> roles = OrganisationIds.isOwn(target) ? Set.of() : CommandRoles.of(payload.getClass());
        Decision decision = decide(user, roles, scope);
        if (!decision.allowed()) {
            boolean mayKnow = creates(payload) || mayRead(user, scope);
            log.warn("Refused {} on {} for user '{}': no grant of {} covers {} ({})", command.getPayloadType().getSimpleName(),
                    target, user, roles, scope.map(Object::toString).orElse("no organisation"), mayKnow ? "403" : "404");
            if (mayKnow) {
                throw new AccessDeniedException("no grant covers " + target);
            }
            throw new NotFoundException(kindOf(target), target);
        }
        return withOrganisation(command, decision.organisationId());
    }

    /** Whether a command is allowed, and for which organisation (null for an object of no organisation). */
    private record Decision(boolean allowed, String organisationId) {
        static final Decision REFUSED = new Decision(false, null);
    }

    /** A command that creates its object names nothing the caller could learn of by a refusal: 403, never 404. */
    private static boolean creates(Object payload) {
        return payload instanceof ScheduleInspectionCommand || payload instanceof CreateRoundCommand;
    }

    /** Checks a read of one object (404 when the caller may not see it). */
    void authorizeRead(String aggregateId) {
        Optional<Authentication> person = person();
        if (person.isEmpty() || isAdmin(person.get()) || aggregateId == null) {
            return;
        }
        String user = person.get().getName();
        if (!mayRead(user, directory.scopeOf(aggregateId))) {
            log.info("Read of {} by user '{}' answered 404: no grant covers it", aggregateId, user);
            throw new NotFoundException(kindOf(aggregateId), aggregateId);
        }
    }

    /**
     * Checks a request on the evidence files of a rectification, which are stored without a command (by content):
     * a read as any read of the rectification, an upload as a command only {@code RECTIFIER} sends.
     */
    void authorizeEvidenceFiles(String inspectionId, boolean upload) {
        String rectification = io.zhenggai.api.rectification.RectificationIds.forInspection(inspectionId);
        Optional<Authentication> person = person();
        if (!upload || person.isEmpty() || isAdmin(person.get())) {
            authorizeRead(rectification);
            return;
        }
        String user = person.get().getName();
        Optional<ObjectScope> scope = directory.scopeOf(rectification);
        if (!decide(user, Set.of(Roles.RECTIFIER), scope).allowed()) {
            boolean mayKnow = mayRead(user, scope);
            log.warn("Refused an evidence file upload to {} for user '{}' ({})", rectification, user, mayKnow ? "403" : "404");
            if (mayKnow) {
                throw new AccessDeniedException("no grant covers " + rectification);
            }
            throw new NotFoundException("rectification", inspectionId);
        }
    }

    /**
     * What the current caller may see in a list: everything for ADMIN and the system; else the objects of the
     * inspections whose unit or group a grant of any role reaches, and with a bare role the objects of no organisation.
     * Read afresh on every call, so a revoked grant hides its objects from the next list on.
     */
    @Override
    public Visibility current() {
        Optional<Authentication> person = person();
        if (person.isEmpty() || isAdmin(person.get())) {
            return Visibility.EVERYTHING;
        }
        String user = person.get().getName();
        List<String> reachable = directory.reachable(user, EVERY_ROLE);
        Set<String> objects = new HashSet<>(directory.objectsOf(directory.inspectionsOf(reachable)));
        objects.addAll(directory.ruleBooksOf(reachable));
        boolean bare = !accounts.bareRoles(user).isEmpty();
        Set<String> assigned = new HashSet<>();
        if (bare) {
            assigned.addAll(directory.objectsOf(directory.assignedInspections()));
            assigned.addAll(directory.assignedRuleBooks());
        }
        return new Visibility(false, objects, bare, assigned);
    }

    private Optional<ObjectScope> scopeOfCommand(Object payload, String target) {
        if (payload instanceof ScheduleInspectionCommand s && (s.inspectedUnitId() != null || s.inspectingGroupId() != null)) {
            return Optional.of(new ObjectScope(s.inspectionId(), s.inspectedUnitId(), s.inspectingGroupId()));
        }
        if (payload instanceof CreateNoticeDraftCommand c && c.inspectionId() != null) {
            return directory.scopeOf(c.inspectionId());
        }
        return directory.scopeOf(target);
    }

    /**
     * A command that links an inspection to organisations names registered ones, whoever sends it (ADMIN and the
     * system too): refused with 422 naming the field, before anything is recorded.
     */
    private void requireKnownOrganisations(Object payload) {
        if (payload instanceof ScheduleInspectionCommand s) {
            requireKnown(s.inspectedUnitId(), "inspectedUnitId");
            requireKnown(s.inspectingGroupId(), "inspectingGroupId");
        } else if (payload instanceof AssignInspectionOrganisationsCommand a) {
            requireKnown(a.inspectedUnitId(), "inspectedUnitId");
            requireKnown(a.inspectingGroupId(), "inspectingGroupId");
        }
    }

    private void requireKnown(String organisationId, String field) {
        if (organisationId != null && !directory.exists(organisationId)) {
            throw RuleViolationException.invalid("ORGANISATION_UNKNOWN", field + "：组织" + organisationId + "未登记");
        }
    }

    private Decision decide(String user, Set<String> roles, Optional<ObjectScope> scope) {
        if (roles.isEmpty()) {
            return Decision.REFUSED;
        }
        if (scope.isEmpty() || (scope.get().unitId() == null && scope.get().groupId() == null)) {
            Set<String> bare = new HashSet<>(accounts.bareRoles(user));
            bare.retainAll(roles);
            return bare.isEmpty() ? Decision.REFUSED : new Decision(true, null);
        }
        ObjectScope s = scope.get();
        if (roles.contains(Roles.INSPECTOR)) {
            String org = s.groupId() != null ? s.groupId() : s.unitId();
            if (directory.covers(user, Set.of(Roles.INSPECTOR), org)) {
                return new Decision(true, org);
            }
        }
        Set<String> unitRoles = new HashSet<>(roles);
        unitRoles.remove(Roles.INSPECTOR);
        String org = s.unitId() != null ? s.unitId() : s.groupId();
        if (!unitRoles.isEmpty() && directory.covers(user, unitRoles, org)) {
            return new Decision(true, org);
        }
        return Decision.REFUSED;
    }

    private boolean mayRead(String user, Optional<ObjectScope> scope) {
        if (scope.isEmpty() || (scope.get().unitId() == null && scope.get().groupId() == null)) {
            return !accounts.bareRoles(user).isEmpty();
        }
        return directory.covers(user, EVERY_ROLE, scope.get().unitId()) || directory.covers(user, EVERY_ROLE, scope.get().groupId());
    }

    private static CommandMessage<?> withOrganisation(CommandMessage<?> command, String organisationId) {
        return organisationId == null ? command : command.andMetaData(java.util.Map.of(MetadataKeys.ORGANISATION, organisationId));
    }

    private static String kindOf(String aggregateId) {
        return aggregateId.startsWith("rect-") ? "rectification" : "object";
    }
}
