package io.zhenggai.app.security;

import io.swagger.v3.oas.annotations.Hidden;
import io.zhenggai.api.organisation.RoleGrant;
import io.zhenggai.organisation.ScopeDirectory;
import io.zhenggai.platform.domain.RuleViolationException;
import io.zhenggai.platform.security.RoleLabels;
import io.zhenggai.platform.security.Roles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 用户与角色 (ADR 0053: the accounts are this module's, so is their page): every account with its roles and grants,
 * and a form that saves one as {@code PUT /api/admin/users/{username}} does ({@link UserAdminController#save}).
 * A refused form comes back with its message next to the field and changes nothing.
 */
@Controller
@Hidden
@RequestMapping("/workbench/admin")
@PreAuthorize("hasRole('ADMIN')")
class UserPages {

    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[a-z0-9_.-]{2,64}");

    private final UserAccounts accounts;
    private final CommandGateway commands;
    private final ScopeDirectory scopes;

    UserPages(UserAccounts accounts, CommandGateway commands, ScopeDirectory scopes) {
        this.accounts = accounts;
        this.commands = commands;
        this.scopes = scopes;
    }

    @GetMapping
    String index() {
        return "admin/index";
    }

    @GetMapping("/users")
    String users(Model model) {
        model.addAttribute("accounts", UserAdminController.accounts(accounts, scopes));
        Map<String, String> labels = new LinkedHashMap<>();
        Arrays.stream(Roles.ALL).forEach(r -> labels.put(r, RoleLabels.of(r)));
        model.addAttribute("roleLabels", labels);
        return "admin/users";
    }

    @PostMapping("/users")
    String save(@RequestParam Map<String, String> values, @RequestParam(name = "roles", required = false) List<String> roles,
                RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        String username = values.getOrDefault("username", "").strip();
        String password = values.getOrDefault("password", "");
        if (!USERNAME.matcher(username).matches()) {
            errors.put("username", "用户名应为2至64位小写字母、数字或 _ . -");
        }
        if (password.length() < 8 || password.length() > 200) {
            errors.put("password", "密码应为8至200个字符");
        }
        List<String> chosen = roles == null ? List.of() : roles.stream().filter(r -> Set.of(Roles.ALL).contains(r)).distinct().toList();
        if (roles != null && chosen.size() != roles.stream().distinct().count()) {
            errors.put("roles", "未知角色");
        }
        List<RoleGrant> grants = grants(values.getOrDefault("grants", ""), errors);
        if (errors.isEmpty() && chosen.isEmpty() && grants.isEmpty()) {
            errors.put("roles", "请至少指定一个角色或一项授权");
        }
        if (errors.isEmpty()) {
            try {
                UserAdminController.save(commands, accounts, username, password, chosen, grants);
            } catch (RuntimeException e) {
                RuleViolationException refusal = refusal(e);
                if (refusal == null) {
                    throw e;
                }
                errors.put("grants", refusal.getMessage());
            }
        }
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("message", "已保存用户 " + username);
        } else {
            redirect.addFlashAttribute("form", "user");
            redirect.addFlashAttribute("errors", errors);
            Map<String, String> typed = new LinkedHashMap<>(values);
            typed.remove("password");
            redirect.addFlashAttribute("values", typed);
        }
        return "redirect:/workbench/admin/users";
    }

    /** Lines "ROLE 组织编号" with an optional "含下级" (or "+") for the organisation's descendants. */
    static List<RoleGrant> grants(String text, Map<String, String> errors) {
        List<RoleGrant> out = new ArrayList<>();
        int line = 0;
        for (String raw : text.split("\\R")) {
            line++;
            String l = raw.strip();
            if (l.isEmpty()) {
                continue;
            }
            String[] parts = l.split("\\s+");
            if (parts.length < 2 || parts.length > 3 || !Set.of(Roles.ALL).contains(parts[0])
                    || (parts.length == 3 && !Set.of("含下级", "+").contains(parts[2]))) {
                errors.put("grants", "第" + line + "行应为“角色 组织编号 [含下级]”，如 RECTIFIER nanhai-tzb");
                return List.of();
            }
            out.add(new RoleGrant(parts[0], parts[1], parts.length == 3));
        }
        return out.stream().distinct().toList();
    }

    private static RuleViolationException refusal(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof RuleViolationException r) {
                return r;
            }
        }
        return null;
    }
}
