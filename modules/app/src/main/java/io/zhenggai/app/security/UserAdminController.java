package io.zhenggai.app.security;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenggai.api.organisation.OrganisationCommands.SetAccessGrantsCommand;
import io.zhenggai.api.organisation.RoleGrant;
import io.zhenggai.organisation.ScopeDirectory;
import io.zhenggai.platform.web.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;

import java.util.List;
import java.util.Map;

/**
 * Account administration for {@code ADMIN}: create an account or replace its password, its bare roles and its role
 * grants. A bare role ({@code roles}) is held without an organisation: {@code ADMIN} so reaches everything, any other
 * role only the objects that belong to no organisation. A grant ({@code grants}) is a role within one organisation, or
 * with {@code includeDescendants} within it and everything under it; grants are events of the organisation context
 * (who was given which access when), and a grant left out is revoked at once (ADR 0031). A saved account has a new
 * password hash, so cached credentials of the old one stop matching at once ({@link CachingAuthenticationProvider}).
 */
@RestController
@RequestMapping("/api/admin/users")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "用户 Accounts")
class UserAdminController {

    static final String ROLE = "INSPECTOR|RECTIFIER|UNIT_LEADER|FINANCE_OFFICER|PUBLISHER|AUDITOR|ADMIN";

    private final UserAccounts accounts;
    private final CommandGateway commands;
    private final ScopeDirectory scopes;

    UserAdminController(UserAccounts accounts, CommandGateway commands, ScopeDirectory scopes) {
        this.accounts = accounts;
        this.commands = commands;
        this.scopes = scopes;
    }

    record GrantRequest(
            @NotNull @Pattern(regexp = ROLE, message = "未知角色") String role,
            @NotBlank @Size(max = 64) String organisationId,
            boolean includeDescendants) {
    }

    record AccountRequest(
            @NotBlank @Size(min = 8, max = 200) String password,
            @Size(max = 7) List<@NotNull @Pattern(regexp = ROLE, message = "未知角色") String> roles,
            @Size(max = 200) List<@NotNull @Valid GrantRequest> grants) {

        List<String> rolesOrNone() {
            return roles == null ? List.of() : roles;
        }

        List<RoleGrant> grantsOrNone() {
            return grants == null ? List.of()
                    : grants.stream().map(g -> new RoleGrant(g.role(), g.organisationId(), g.includeDescendants())).distinct().toList();
        }
    }

    /**
     * Saves an account: the grants first, so a refused grant (unknown organisation, ADMIN scoped) leaves the account
     * as it was. The API and the admin page both save through here.
     */
    static void save(CommandGateway commands, UserAccounts accounts, String username, String password, List<String> roles,
                     List<RoleGrant> grants) {
        commands.sendAndWait(new SetAccessGrantsCommand(username, grants));
        accounts.save(username, password, roles);
    }

    /** Every account with its bare roles and its grants. */
    static List<AccountView> accounts(UserAccounts accounts, ScopeDirectory scopes) {
        return accounts.list().stream()
                .map(a -> new AccountView(a.username(), a.enabled(), a.roles(), scopes.grantsOf(a.username()))).toList();
    }

    record AccountView(String username, boolean enabled, List<String> roles, List<RoleGrant> grants) {
    }

    @GetMapping
    List<AccountView> list() {
        return accounts(accounts, scopes);
    }

    @PutMapping("/{username}")
    ResponseEntity<Map<String, Object>> save(
            @PathVariable @Pattern(regexp = "[a-z0-9_.-]{2,64}") String username, @Valid @RequestBody AccountRequest req) {
        if (req.rolesOrNone().isEmpty() && req.grantsOrNone().isEmpty()) {
            throw new InvalidInputException("roles", "ROLES_OR_GRANTS_REQUIRED", "请至少指定一个角色（roles）或一项授权（grants）");
        }
        save(commands, accounts, username, req.password(), req.rolesOrNone(), req.grantsOrNone());
        return ResponseEntity.ok(Map.of("username", username, "roles", req.rolesOrNone(), "grants", req.grantsOrNone()));
    }
}
