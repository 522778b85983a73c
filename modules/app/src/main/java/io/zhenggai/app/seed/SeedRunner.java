package io.zhenggai.app.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.app.config.DatabaseConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Loads the seed case on first start: with the embedded database (or {@code zhenggai.seed.enabled=true}) and an
 * empty event store, the case file {@code zhenggai.seed.file} (default: the Nanhai 2023 case shipped in the jar)
 * is replayed through the API in the background once the app is ready (organisations and grants alone do not
 * make the store non-empty). {@code ZHENGGAI_SEED=false} turns it off.
 */
@Component
class SeedRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedRunner.class);

    private final SeedLoader loader;
    private final JdbcClient jdbc;
    private final Environment env;
    private final ObjectMapper json;
    final AtomicReference<String> status = new AtomicReference<>("idle");

    SeedRunner(SeedLoader loader, JdbcClient jdbc, Environment env, ObjectMapper json) {
        this.loader = loader;
        this.jdbc = jdbc;
        this.env = env;
        this.json = json;
    }

    @EventListener
    void onReady(ApplicationReadyEvent ready) {
        String setting = env.getProperty("zhenggai.seed.enabled", "auto");
        boolean enabled = "auto".equalsIgnoreCase(setting) ? DatabaseConfig.embedded(env) : Boolean.parseBoolean(setting);
        if (!enabled) {
            return;
        }
        // The demo accounts' organisations and grants are events too, recorded at start before this runs: only a
        // record of the other contexts means the store already holds a case (or an operator's data).
        long events = jdbc.sql("select count(*) from domain_event_entry where type not in ('Organisation', 'AccessGrants')")
                .query(Long.class).single();
        if (events > 0) {
            log.info("Event store holds records ({} events): the seed case is not loaded again", events);
            return;
        }
        int port = ((WebServerApplicationContext) ready.getApplicationContext()).getWebServer().getPort();
        String file = env.getProperty("zhenggai.seed.file", "classpath:seeds/nanhai-2023-tzb.json");
        Thread thread = new Thread(() -> {
            status.set("loading " + file);
            try {
                JsonNode seedCase = read(file);
                SeedLoader.Result result = loader.load(seedCase, "http://127.0.0.1:" + port);
                status.set("loaded " + result.caseId());
            } catch (RuntimeException | IOException e) {
                status.set("failed: " + e.getMessage());
                log.error("Loading the seed case {} failed", file, e);
            }
        }, "seed-loader");
        thread.setDaemon(true);
        thread.start();
    }

    private JsonNode read(String location) throws IOException {
        Resource resource = new DefaultResourceLoader().getResource(location);
        try (InputStream in = resource.getInputStream()) {
            return json.readTree(in);
        }
    }
}
