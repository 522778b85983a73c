package io.zhenggai.app.security;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;

import java.util.List;
import java.util.Map;

/**
 * Account administration for {@code ADMIN}: create an account or replace its password and roles. A saved account has
 * a new password hash, so cached credentials of the old one stop matching at once ({@link CachingAuthenticationProvider}).
 */
@RestController
@RequestMapping("/api/admin/users")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "用户 Accounts")
class UserAdminController {

    private final UserAccounts accounts;
    UserAdminController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    record AccountRequest(
            @NotBlank @Size(min = 8, max = 200) String password,
            @NotEmpty List<@Pattern(regexp = "INSPECTOR|RECTIFIER|UNIT_LEADER|FINANCE_OFFICER|PUBLISHER|AUDITOR|ADMIN",
                    message = "未知角色") String> roles) {
    }

    @GetMapping
    List<UserAccounts.Account> list() {
        return accounts.list();
    }

    @PutMapping("/{username}")
    ResponseEntity<Map<String, Object>> save(
            @PathVariable @Pattern(regexp = "[a-z0-9_.-]{2,64}") String username, @Valid @RequestBody AccountRequest req) {
        accounts.save(username, req.password(), req.roles());
        return ResponseEntity.ok(Map.of("username", username, "roles", req.roles()));
    }
}
