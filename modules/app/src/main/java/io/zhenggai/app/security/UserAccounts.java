package io.zhenggai.app.security;

import io.zhenggai.platform.security.Roles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;

/** The user accounts (table {@code app_user} and {@code app_user_role}). */
@Service
public class UserAccounts {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    UserAccounts(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = :u").param("u", username).query(Long.class).single() > 0;
    }

    /** Creates or replaces an account with the given password and roles. */
    @Transactional
    public void save(String username, String password, Collection<String> roles) {
        for (String role : roles) {
            if (!List.of(Roles.ALL).contains(role)) {
                throw new IllegalArgumentException("unknown role " + role);
            }
        }
        jdbc.sql("""
                        insert into app_user (username, password_hash, enabled) values (:u, :p, true)
                        on conflict (username) do update set password_hash = excluded.password_hash, enabled = true""")
                .param("u", username).param("p", encoder.encode(password)).update();
        jdbc.sql("delete from app_user_role where username = :u").param("u", username).update();
        for (String role : roles) {
            jdbc.sql("insert into app_user_role (username, role) values (:u, :r)").param("u", username).param("r", role).update();
        }
    }

    /** The roles an account holds without an organisation (ADMIN's reach everything, the others only unassigned objects). */
    public List<String> bareRoles(String username) {
        return jdbc.sql("select role from app_user_role where username = :u order by role").param("u", username)
                .query(String.class).list();
    }

    public record Account(String username, boolean enabled, List<String> roles) {
    }

    public List<Account> list() {
        return jdbc.sql("""
                        select u.username, u.enabled, coalesce(string_agg(r.role, ',' order by r.role), '') as roles
                        from app_user u left join app_user_role r on r.username = u.username
                        group by u.username, u.enabled order by u.username""")
                .query((rs, n) -> new Account(rs.getString(1), rs.getBoolean(2),
                        rs.getString(3).isEmpty() ? List.of() : List.of(rs.getString(3).split(","))))
                .list();
    }
}
