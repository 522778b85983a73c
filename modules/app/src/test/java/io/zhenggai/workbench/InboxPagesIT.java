package io.zhenggai.workbench;

import io.zhenggai.api.reminders.DigestEntry;
import io.zhenggai.api.reminders.Recipient;
import io.zhenggai.api.reminders.RecipientKind;
import io.zhenggai.api.reminders.ReminderCommands.IssueDigestCommand;
import io.zhenggai.api.reminders.ReminderIds;
import io.zhenggai.api.reminders.ReminderReason;
import io.zhenggai.app.support.IntegrationTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 我的提醒 on the pages: the user's digests (unread first) with the unread count in the nav, one digest's items linking
 * to the item pages, mark read (the inbox's command; again: nothing new), and another user's digest is 404 — its page
 * and its mark-read, which records nothing. Anonymous users go to the login page; a form without CSRF token is refused.
 */
class InboxPagesIT extends IntegrationTest {

    @Autowired
    CommandGateway commands;

    private static final Pattern NAV_BADGE = Pattern.compile("href=\"/workbench/inbox\"[^>]*>我的提醒<span\\s+class=\"nav-badge\"[^>]*>(\\d+)</span>");

    /** Issues a digest (as the daily job does, as the system) into {@code account}'s inbox; answers its id. */
    private String issue(String account, String unit, String name, LocalDate date, String itemId) {
        String digestId = ReminderIds.digest(date, unit, RecipientKind.LEADER, name);
        DigestEntry entry = new DigestEntry(ReminderReason.OVERDUE, "rect-" + itemId, "insp-" + itemId, unit, "巡察整改",
                itemId, 1, "整改事项 " + itemId, date.minusDays(2), -2L, null);
        commands.sendAndWait(new IssueDigestCommand(digestId, date, new Recipient(RecipientKind.LEADER, name, unit), null,
                List.of(entry), List.of(account), List.of()));
        return digestId;
    }

    private static String path(String digestId) {
        return "/workbench/inbox/" + URLEncoder.encode(digestId, StandardCharsets.UTF_8).replace("%3A", ":");
    }

    private static Long badge(String page) {
        Matcher m = NAV_BADGE.matcher(page);
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }

    /** The reads recorded on a digest (deliveries go on meanwhile: the IT's webhook and mail receivers). */
    private long reads(String digestId) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id and payload_type like :type")
                .param("id", digestId).param("type", "%ReminderReadEvent").query(Long.class).single();
    }

    @Test
    void theInboxListsTheUsersDigestsUnreadFirstAndMarkReadWorks() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(clock);
        String older = issue("rectifier", "统战部" + s, "王副部长" + s, today.minusDays(1), "i-old-" + s);
        String newer = issue("rectifier", "统战部" + s, "王副部长" + s, today, "i-new-" + s);
        PageSession rectifier = new PageSession(port).loggedInAs("rectifier");

        String inbox = await().atMost(Duration.ofSeconds(30)).until(() -> rectifier.get("/workbench/inbox").body(),
                body -> body.contains(newer) && body.contains(older));
        assertThat(inbox).contains("<h1>我的提醒</h1>");
        assertThat(inbox.indexOf(newer)).as("both unread, the newest first").isLessThan(inbox.indexOf(older));
        Long before = badge(inbox);
        assertThat(before).as("the nav shows the unread count").isNotNull().isGreaterThanOrEqualTo(2);

        PageSession.Page digest = rectifier.get(path(older));
        assertThat(digest.status()).isEqualTo(200);
        assertThat(digest.body()).contains("已逾期", "整改事项 i-old-" + s, "逾期 2 天", "id=\"mark-read\"",
                "href=\"/workbench/ledgers/insp-i-old-" + s + "/items/i-old-" + s + "\"");

        long eventsBefore = reads(older);
        assertThat(eventsBefore).isZero();
        PageSession.Page read = rectifier.post(path(older) + "/read", Map.of());
        assertThat(read.status()).isEqualTo(302);
        assertThat(read.location()).endsWith(path(older));
        assertThat(reads(older)).as("the read is recorded").isEqualTo(eventsBefore + 1);
        String after = rectifier.get(path(older)).body();
        assertThat(after).contains("已标为已读", "id=\"read-at\"").doesNotContain("id=\"mark-read\"");
        inbox = rectifier.get("/workbench/inbox").body();
        assertThat(inbox.indexOf(newer)).as("unread before read").isLessThan(inbox.indexOf(older));
        assertThat(inbox.substring(inbox.indexOf("<h2>已读</h2>"))).contains(older).doesNotContain(newer);
        assertThat(badge(inbox)).as("one fewer unread").isEqualTo(before - 1);

        rectifier.get(path(older));
        assertThat(rectifier.post(path(older) + "/read", Map.of()).status()).isEqualTo(302);
        assertThat(reads(older)).as("reading again records nothing").isEqualTo(eventsBefore + 1);
    }

    @Test
    void anotherUsersDigestIsNotFoundAndItsMarkReadRecordsNothing() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String theirs = issue("unit_leader", "统战部" + s, "李部长" + s, LocalDate.now(clock), "i-" + s);
        PageSession leader = new PageSession(port).loggedInAs("unit_leader");
        await().atMost(Duration.ofSeconds(30)).until(() -> leader.get(path(theirs)).status() == 200);

        PageSession rectifier = new PageSession(port).loggedInAs("rectifier");
        assertThat(rectifier.get("/workbench/inbox").body()).doesNotContain(theirs);
        PageSession.Page page = rectifier.get(path(theirs));
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("未找到");
        long before = reads(theirs);
        PageSession.Page read = rectifier.post(path(theirs) + "/read", Map.of());
        assertThat(read.status()).isEqualTo(404);
        assertThat(rectifier.get("/workbench/inbox/not-a-digest").status()).isEqualTo(404);
        assertThat(reads(theirs)).isEqualTo(before);

        leader.get(path(theirs));
        assertThat(leader.post(path(theirs) + "/read", Map.of(), false).status()).as("no CSRF token").isEqualTo(403);
        assertThat(reads(theirs)).isEqualTo(before);
    }

    @Test
    void everyRoleHasTheInboxAndAnonymousUsersGoToTheLoginPage() {
        for (String user : List.of("inspector", "rectifier", "unit_leader", "finance_officer", "publisher", "auditor", "admin")) {
            PageSession session = new PageSession(port).loggedInAs(user);
            PageSession.Page inbox = session.get("/workbench/inbox");
            assertThat(inbox.status()).as(user).isEqualTo(200);
            assertThat(session.get("/").body()).as(user + "'s nav").contains("href=\"/workbench/inbox\"");
        }
        PageSession.Page anonymous = new PageSession(port).get("/workbench/inbox");
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.location()).endsWith("/login");
    }
}
