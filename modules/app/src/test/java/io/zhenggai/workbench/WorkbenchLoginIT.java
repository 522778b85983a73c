package io.zhenggai.workbench;

import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Form login for people beside the API's HTTP Basic (ADR 0040): anonymous users are sent to the zh-CN login page,
 * a wrong password comes back with a message, a login without the CSRF token is refused, the layout shows the
 * user's name, roles and only the nav entries of their roles, logout ends the session.
 */
class WorkbenchLoginIT extends IntegrationTest {

    @Test
    void anonymousUsersAreSentToTheLoginPage() {
        PageSession anonymous = new PageSession(port);
        PageSession.Page home = anonymous.get("/");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.location()).endsWith("/login");
        PageSession.Page ledgers = anonymous.get("/workbench/ledgers");
        assertThat(ledgers.status()).isEqualTo(302);
        assertThat(ledgers.location()).endsWith("/login");

        PageSession.Page login = anonymous.get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("lang=\"zh-CN\"", "登录整改工作台", "用户名", "密码", "name=\"_csrf\"")
                .doesNotContain("退出登录");
    }

    @Test
    void theRectifierLogsInAndSeesTheirNameRoleAndOnlyTheirEntries() {
        PageSession rectifier = new PageSession(port);
        PageSession.Page answer = rectifier.login("rectifier", "demo");
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).doesNotContain("error");

        PageSession.Page home = rectifier.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("整改工作台", "rectifier", "整改专员", "退出登录", "整改台账", "进度看板")
                .doesNotContain("待我审批");

        PageSession leader = new PageSession(port).loggedInAs("unit_leader");
        assertThat(leader.get("/").body()).contains("unit_leader", "单位领导", "待我审批", "整改台账");

        PageSession publisher = new PageSession(port).loggedInAs("publisher");
        assertThat(publisher.get("/").body()).contains("信息公开专员").doesNotContain("整改台账", "待我审批");
    }

    @Test
    void aWrongPasswordComesBackToTheLoginPageWithAMessage() {
        PageSession session = new PageSession(port);
        PageSession.Page answer = session.login("auditor", "wrong");
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).endsWith("/login?error");
        assertThat(session.get("/login?error").body()).contains("用户名或密码不正确");
        assertThat(session.get("/").status()).as("not logged in").isEqualTo(302);
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        PageSession session = new PageSession(port);
        session.get("/login");
        PageSession.Page answer = session.post("/login", Map.of("username", "rectifier", "password", "demo"), false);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(session.get("/").status()).as("not logged in").isEqualTo(302);

        PageSession rectifier = new PageSession(port).loggedInAs("rectifier");
        PageSession.Page logout = rectifier.post("/logout", Map.of(), false);
        assertThat(logout.status()).isEqualTo(403);
        assertThat(rectifier.get("/").status()).as("still logged in").isEqualTo(200);
    }

    @Test
    void logoutEndsTheSession() {
        PageSession rectifier = new PageSession(port).loggedInAs("rectifier");
        rectifier.get("/");
        PageSession.Page logout = rectifier.post("/logout", Map.of());
        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.location()).endsWith("/login?logout");
        assertThat(rectifier.get("/").status()).isEqualTo(302);
    }

    @Test
    void theApiStaysHttpBasicAndStateless() {
        assertThat(api.anonymous().get("/api/rectifications").status()).isEqualTo(401);
        assertThat(api.as("rectifier").get("/api/rectifications").status()).isEqualTo(200);
        assertThat(api.as("rectifier").get("/api/rectifications").header("Set-Cookie")).isNull();
    }

    @Test
    void theSessionOfThePagesReadsThroughTheApiButNeverWrites() {
        PageSession rectifier = new PageSession(port).loggedInAs("rectifier");
        assertThat(rectifier.get("/api/rectifications").status()).as("a read with the session").isEqualTo(200);
        PageSession.Page dashboard = rectifier.get("/dashboard");
        assertThat(dashboard.status()).as("the dashboard with the session").isEqualTo(200);
        assertThat(dashboard.body()).contains("整改进度看板", "shell-user-name", "rectifier").doesNotContain("退出登录");
        long before = eventCount();
        PageSession.Page write = rectifier.post("/api/rectifications/no-such/meetings", Map.of("title", "x"));
        assertThat(write.status()).as("a write needs HTTP Basic").isEqualTo(401);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(new PageSession(port).get("/api/rectifications").status()).as("no session, no credentials").isEqualTo(401);
    }
}
