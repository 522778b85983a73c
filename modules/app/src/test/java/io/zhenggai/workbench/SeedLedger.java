package io.zhenggai.workbench;

import io.zhenggai.app.support.ApiClient;
import io.zhenggai.publication.testing.SeedCase;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * The seed case (南海区委统战部, 2023) loaded through the seed loader, as on a first start; idempotent, so every test
 * that needs it may load it. Waits for its published notice, so that nothing a test then does to the ledger can
 * reach the notice (published notices are immutable).
 */
final class SeedLedger {

    static final String INSPECTION_ID = "nanhai-2023-tzb";
    /** An ongoing item (长期坚持): never closed off, so progress can be recorded on it. */
    static final String ONGOING_ITEM = "c1-i1";
    /** A time-bound item the seed closes off. */
    static final String CLOSED_ITEM = "c1-i2";

    private SeedLedger() {
    }

    static synchronized void load(ApiClient api) {
        ApiClient.Response loaded = api.as("admin").post("/api/admin/seeds", SeedCase.load().json());
        if (loaded.status() != 200) {
            throw new IllegalStateException("seed case not loaded: " + loaded);
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                api.anonymous().get("/notices/" + INSPECTION_ID + "-notice.txt").status() == 200);
    }
}
