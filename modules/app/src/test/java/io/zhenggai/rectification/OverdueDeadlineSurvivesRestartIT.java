package io.zhenggai.rectification;

import io.zhenggai.ZhenggaiApplication;
import io.zhenggai.app.support.ApiClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.zhenggai.rectification.RectificationItSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A deadline outlives the application that scheduled it. Application A schedules an item's overdue deadline (a row in
 * {@code scheduled_tasks}) and stops; while no application runs, the due instant passes (the row's execution time is
 * moved to the past, as a midnight passing would); application B starts on the same database and records the item
 * overdue — from the row alone, as the system. Runs on a database of its own, so no other node can fire the row.
 */
class OverdueDeadlineSurvivesRestartIT {

    private static String url;
    private static String database;
    private static EmbeddedPostgres embedded;
    private static JdbcClient jdbc;

    @BeforeAll
    static void ownDatabase() throws Exception {
        if (serverAnswers()) {
            String name = "zhenggai_it_restart_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
                c.createStatement().execute("create database " + name);
            }
            url = "jdbc:postgresql://127.0.0.1:5432/" + name;
            database = name;
        } else {
            embedded = EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory("zhenggai-restart-pg"))
                    .setCleanDataDirectory(true).start();
            url = embedded.getJdbcUrl("postgres", "postgres");
        }
        jdbc = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
    }

    @AfterAll
    static void close() throws Exception {
        if (embedded != null) {
            embedded.close();
        }
        if (database != null) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
                c.createStatement().execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    @Test
    void anOverdueDeadlineScheduledBeforeARestartFiresAfterIt() {
        LocalDate today;
        Delivered d;
        String itemId = "item-restart";

        try (ConfigurableApplicationContext a = start()) {
            today = LocalDate.now(a.getBean(java.time.Clock.class)); // the app's date, not the test JVM's idea of it
            ApiClient api = new ApiClient(port(a));
            d = deliverInspection(api, today);
            awaitLedger(api, d, l -> true);
            expect(api.as("unit_leader").post(d.path() + "/group/members", body("memberId", "deputy", "name", "王副部长",
                    "position", "副部长", "role", "DEPUTY", "date", today)), 201);
            expect(api.as("rectifier").post(d.path() + "/items", body("itemId", itemId, "findingIds", List.of("f1", "f2", "f3"),
                    "title", "建立健全财务管理制度", "kind", "TIME_BOUND", "dueDate", today, "responsibleLeaderId", "deputy",
                    "responsibleDepartment", "财务股", "measures", List.of("修订财务管理制度"))), 201);
            assertThat(deadlineRows(d, itemId)).as("the deadline is a row in PostgreSQL").isEqualTo(1);
        }

        // the application is down; the item's due date passes
        jdbc.sql("update scheduled_tasks set execution_time = now() - interval '1 minute' where position(cast(:scope as bytea) in task_data) > 0")
                .param("scope", d.rectificationId().getBytes(StandardCharsets.UTF_8)).update();
        assertThat(overdueEvents(d)).isZero();

        try (ConfigurableApplicationContext b = start()) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> overdueEvents(d) == 1);
            String meta = jdbc.sql("""
                            select convert_from(meta_data, 'UTF8') from domain_event_entry
                            where aggregate_identifier = :id and payload_type like '%ItemBecameOverdueEvent'""")
                    .param("id", d.rectificationId()).query(String.class).single();
            assertThat(read(meta).get("userId").asText()).isEqualTo("system");
            assertThat(deadlineRows(d, itemId)).as("a fired deadline leaves no row").isZero();

            ApiClient api = new ApiClient(port(b));
            var item = RectificationLifecycleIT.item(awaitLedger(api, d,
                    l -> !RectificationLifecycleIT.item(l, itemId).get("overdueSince").isNull()), itemId);
            assertThat(item.get("overdueSince").asText()).isEqualTo(today.plusDays(1).toString());
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ZhenggaiApplication.class).run(
                "--server.port=0",
                "--zhenggai.db.url=" + url,
                "--zhenggai.db.user=postgres",
                "--zhenggai.demo-accounts=true",
                "--zhenggai.seed.enabled=false",
                "--db-scheduler.polling-interval=500ms");
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static long deadlineRows(Delivered d, String itemId) {
        return jdbc.sql("""
                        select count(*) from scheduled_tasks
                        where position(cast(:name as bytea) in task_data) > 0 and position(cast(:scope as bytea) in task_data) > 0""")
                .param("name", ("rectification-item-overdue:" + itemId).getBytes(StandardCharsets.UTF_8))
                .param("scope", d.rectificationId().getBytes(StandardCharsets.UTF_8))
                .query(Long.class).single();
    }

    private static long overdueEvents(Delivered d) {
        return jdbc.sql("""
                        select count(*) from domain_event_entry
                        where aggregate_identifier = :id and payload_type like '%ItemBecameOverdueEvent'""")
                .param("id", d.rectificationId()).query(Long.class).single();
    }

    private static boolean serverAnswers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
