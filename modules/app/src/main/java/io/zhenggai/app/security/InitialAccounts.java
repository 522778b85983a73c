package io.zhenggai.app.security;

import io.zhenggai.app.config.DatabaseConfig;
import io.zhenggai.api.organisation.OrganisationCommands.SetAccessGrantsCommand;
import io.zhenggai.platform.security.Roles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.util.List;
import java.util.Locale;

/**
 * Creates the first accounts. With the embedded database (or {@code zhenggai.demo-accounts=true}) one demo
 * account per role: user name = role in lower case, password {@code ZHENGGAI_DEMO_PASSWORD} or {@code demo}; each keeps
 * its role bare (objects of no organisation) and is granted it in the seed case's unit, group or district, and
 * {@code rectifier_b} is the rectifier of a second unit only ({@link DemoOrganisations}).
 * With {@code ZHENGGAI_ADMIN_PASSWORD} set, the account {@code admin} gets that password.
 * Existing demo accounts are left alone, so a changed password survives restarts.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InitialAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAccounts.class);

    private final UserAccounts accounts;
    private final Environment env;

    private final CommandGateway commands;

    InitialAccounts(UserAccounts accounts, Environment env, CommandGateway commands) {
        this.accounts = accounts;
        this.commands = commands;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        String demo = env.getProperty("zhenggai.demo-accounts", "auto");
        boolean demoAccounts = "auto".equalsIgnoreCase(demo) ? DatabaseConfig.embedded(env) : Boolean.parseBoolean(demo);
        if (demoAccounts) {
            String password = env.getProperty("zhenggai.demo-password", "demo");
            int created = 0;
            DemoOrganisations.ORGANISATIONS.forEach(commands::sendAndWait); // as they are: no new event on a restart
            for (String role : Roles.ALL) {
                String username = role.toLowerCase(Locale.ROOT);
                if (!accounts.exists(username)) {
                    commands.sendAndWait(new SetAccessGrantsCommand(username, DemoOrganisations.GRANTS.getOrDefault(username, List.of())));
                    accounts.save(username, password, List.of(role));
                    created++;
                }
            }
            String second = DemoOrganisations.SECOND_RECTIFIER;
            if (!accounts.exists(second)) { // only a grant, no bare role: it reaches its own unit and nothing else
                commands.sendAndWait(new SetAccessGrantsCommand(second, DemoOrganisations.GRANTS.get(second)));
                accounts.save(second, password, List.of());
                created++;
            }
            if (created > 0) {
                log.info("Created {} demo accounts (user name = role in lower case)", created);
            }
        }
        String adminPassword = env.getProperty("zhenggai.admin-password");
        if (StringUtils.hasText(adminPassword)) {
            accounts.save("admin", adminPassword, List.of(Roles.ADMIN));
            log.info("Account 'admin' set from ZHENGGAI_ADMIN_PASSWORD");
        }
    }
}
