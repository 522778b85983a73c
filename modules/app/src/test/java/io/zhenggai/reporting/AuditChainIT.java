package io.zhenggai.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tamper evidence on the real event store: the chain covers every position, an altered or deleted event is named by
 * the verification, and a signed checkpoint lets an auditor verify an NDJSON export offline. Tampering happens in a
 * transaction that disables the append-only trigger only for itself (as a superuser would), and the original row is
 * restored in a finally block: the other tests share this database.
 */
class AuditChainIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    PlatformTransactionManager transactions;

    private ApiClient auditor() {
        return api.as("auditor");
    }

    private long maxPosition() {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
    }

    /** Verification once every stored event is chained (the writer may wait a moment on an uncommitted position). */
    private JsonNode verifiedUpTo(long position) {
        var holder = new Object() {
            JsonNode report;
        };
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            ApiClient.Response r = auditor().get("/api/audit/verify");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            holder.report = r.json();
            return holder.report.get("head").get("position").asLong() >= position
                    && holder.report.get("unchainedEvents").asLong() == 0;
        });
        return holder.report;
    }

    private record Row(long position, String eventId, byte[] payload) {
    }

    private Row findingRecorded(String inspectionId) {
        return jdbc.sql("""
                        select global_index, event_identifier, payload from domain_event_entry
                        where aggregate_identifier = :id and payload_type like '%FindingRecordedEvent'""")
                .param("id", inspectionId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getBytes(3))).single();
    }

    /** Runs SQL with the append-only trigger disabled inside one transaction (other sessions never see it disabled). */
    private void asSuperuser(String sql, Map<String, Object> params) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("alter table domain_event_entry disable trigger domain_event_entry_append_only").update();
            var statement = jdbc.sql(sql);
            for (var p : params.entrySet()) {
                statement = statement.param(p.getKey(), p.getValue());
            }
            statement.update();
            jdbc.sql("alter table domain_event_entry enable trigger domain_event_entry_append_only").update();
        });
    }

    @Test
    void theEventTableRefusesUpdatesAndDeletes() {
        InspectionHistory h = InspectionHistory.write(api, "inspector");
        Row row = findingRecorded(h.inspectionId);
        verifiedUpTo(maxPosition());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("delete from domain_event_entry where global_index = :p")
                .param("p", row.position()).update()).rootCause().hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("update audit_chain set hash = prev_hash where position = (select min(position) from audit_chain)")
                .update()).rootCause().hasMessageContaining("append-only");
    }

    @Test
    void verifiesAnUntouchedHistoryInBothDirections() {
        InspectionHistory.write(api, "inspector");
        long head = maxPosition();

        JsonNode report = verifiedUpTo(head);

        assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("firstBroken").isNull()).isTrue();
        long links = jdbc.sql("select count(*) from audit_chain where kind = 'EVENT' and position <= :head")
                .param("head", report.get("head").get("position").asLong()).query(Long.class).single();
        assertThat(report.get("eventsChecked").asLong()).isEqualTo(links).isGreaterThanOrEqualTo(InspectionHistory.EVENTS);
        assertThat(report.get("head").get("hash").asText()).hasSize(64);
        assertThat(api.as("inspector").get("/api/audit/verify").status()).isEqualTo(403);
    }

    @Test
    void chainsAPositionWhoseTransactionRolledBackAsAGap() {
        long[] drawn = new long[1];
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            drawn[0] = jdbc.sql("""
                            insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                payload_type, payload) values (:id, :id, 0, 'Synthetic', :ts, 'test.RolledBack', convert_to('{}', 'UTF8'))
                            returning global_index""")
                    .param("id", UUID.randomUUID().toString()).param("ts", Instant.now().toString())
                    .query(Long.class).single();
            status.setRollbackOnly();
        });
        InspectionHistory.write(api, "inspector");

        JsonNode report = verifiedUpTo(maxPosition());

        assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
        assertThat(jdbc.sql("select kind from audit_chain where position = :p").param("p", drawn[0]).query(String.class).single())
                .isEqualTo("GAP");
        assertThat(report.get("gapsChecked").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void namesAnEventAlteredInTheDatabase() {
        InspectionHistory h = InspectionHistory.write(api, "inspector");
        Row row = findingRecorded(h.inspectionId);
        verifiedUpTo(maxPosition());

        byte[] forged = new String(row.payload(), StandardCharsets.UTF_8).replace("审计整改跟踪不到位", "无问题")
                .getBytes(StandardCharsets.UTF_8);
        try {
            asSuperuser("update domain_event_entry set payload = :b where global_index = :p", Map.of("b", forged, "p", row.position()));

            JsonNode report = auditor().get("/api/audit/verify").json();

            assertThat(report.get("ok").asBoolean()).isFalse();
            JsonNode broken = report.get("firstBroken");
            assertThat(broken.get("position").asLong()).isEqualTo(row.position());
            assertThat(broken.get("eventId").asText()).isEqualTo(row.eventId());
            assertThat(broken.get("reason").asText()).isEqualTo("ALTERED");
            assertThat(broken.get("expected").asText()).isNotEqualTo(broken.get("found").asText()).hasSize(64);
            assertThat(report.get("problemCount").asLong()).as("one altered event, one problem").isEqualTo(1);
        } finally {
            asSuperuser("update domain_event_entry set payload = :b where global_index = :p", Map.of("b", row.payload(), "p", row.position()));
        }
        assertThat(auditor().get("/api/audit/verify").json().get("ok").asBoolean()).isTrue();
    }

    @Test
    void namesAnEventDeletedFromTheDatabase() {
        InspectionHistory h = InspectionHistory.write(api, "inspector");
        Row row = findingRecorded(h.inspectionId);
        verifiedUpTo(maxPosition());
        Map<String, Object> original = jdbc.sql("select * from domain_event_entry where global_index = :p")
                .param("p", row.position()).query().singleRow();

        try {
            asSuperuser("delete from domain_event_entry where global_index = :p", Map.of("p", row.position()));

            JsonNode report = auditor().get("/api/audit/verify").json();

            assertThat(report.get("ok").asBoolean()).isFalse();
            JsonNode broken = report.get("firstBroken");
            assertThat(broken.get("position").asLong()).isEqualTo(row.position());
            assertThat(broken.get("eventId").asText()).isEqualTo(row.eventId());
            assertThat(broken.get("reason").asText()).isEqualTo("MISSING_EVENT");
        } finally {
            jdbc.sql("""
                            insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type,
                                time_stamp, payload_type, payload_revision, payload, meta_data)
                            select :global_index, :event_identifier, :aggregate_identifier, :sequence_number, :type, :time_stamp,
                                :payload_type, :payload_revision, :payload, :meta_data
                            where not exists (select 1 from domain_event_entry where global_index = :global_index)""")
                    .params(original).update();
        }
        assertThat(auditor().get("/api/audit/verify").json().get("ok").asBoolean()).isTrue();
    }

    @Test
    void aSignedCheckpointVerifiesAnExportOffline() throws Exception {
        InspectionHistory.write(api, "inspector");
        verifiedUpTo(maxPosition());

        JsonNode checkpoint = auditor().get("/api/audit/checkpoint").json();
        long position = checkpoint.get("position").asLong();
        String hash = checkpoint.get("hash").asText();
        assertThat(checkpoint.get("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(checkpoint.get("signedText").asText())
                .isEqualTo("zhenggai-audit-checkpoint:v1:" + position + ":" + hash + ":" + checkpoint.get("time").asText());

        // the signature verifies with the published public key
        String pem = auditor().get("/api/audit/public-key").json().get("publicKeyPem").asText();
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").trim())));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(checkpoint.get("signedText").asText().getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(checkpoint.get("signature").asText()))).isTrue();
        assertThat(api.as("inspector").get("/api/audit/public-key.pem").text()).isEqualTo(pem);

        // an independent re-implementation of the documented chain, fed only by the NDJSON export
        String export = auditor().get("/api/audit/events.ndjson").text();
        assertThat(recompute(export, position)).isEqualTo(hash);

        // the verification also checks a checkpoint the auditor kept
        assertThat(auditor().get("/api/audit/verify?position=" + position + "&hash=" + hash).json().get("ok").asBoolean()).isTrue();
        JsonNode wrong = auditor().get("/api/audit/verify?position=" + position + "&hash=" + "ab".repeat(32)).json();
        assertThat(wrong.get("ok").asBoolean()).isFalse();
        assertThat(wrong.get("firstBroken").get("reason").asText()).isEqualTo("CHECKPOINT_MISMATCH");
        assertThat(wrong.get("firstBroken").get("position").asLong()).isEqualTo(position);
    }

    /** SHA-256 chain over positions 1..upTo as docs/operations/audit-verification.md specifies it. */
    private static String recompute(String ndjson, long upTo) throws Exception {
        byte[] prev = new byte[32];
        long expected = 1;
        for (String line : ndjson.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode e = JSON.readTree(line);
            long p = e.get("position").asLong();
            if (p > upTo) {
                break;
            }
            for (; expected < p; expected++) {
                prev = sha256(prev, concat(new byte[]{'G'}, u64(expected)));
            }
            ByteArrayOutputStream c = new ByteArrayOutputStream();
            c.write('E');
            c.write(u64(p));
            c.write(text(e, "eventId"));
            c.write(text(e, "aggregateType"));
            c.write(text(e, "aggregateId"));
            c.write(u64(e.get("sequenceNumber").asLong()));
            c.write(text(e, "payloadType"));
            c.write(text(e, "payloadRevision"));
            c.write(text(e, "timeStamp"));
            c.write(bytes(e, "payloadBase64"));
            c.write(bytes(e, "metaDataBase64"));
            prev = sha256(prev, c.toByteArray());
            expected = p + 1;
        }
        for (; expected <= upTo; expected++) {
            prev = sha256(prev, concat(new byte[]{'G'}, u64(expected)));
        }
        return HexFormat.of().formatHex(prev);
    }

    private static byte[] text(JsonNode e, String field) {
        JsonNode v = e.get(field);
        return v == null || v.isNull() ? lengthPrefixed(null) : lengthPrefixed(v.asText().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(JsonNode e, String field) {
        JsonNode v = e.get(field);
        return v == null || v.isNull() ? lengthPrefixed(null) : lengthPrefixed(Base64.getDecoder().decode(v.asText()));
    }

    private static byte[] lengthPrefixed(byte[] b) {
        return b == null ? new byte[]{-1, -1, -1, -1} : concat(ByteBuffer.allocate(4).putInt(b.length).array(), b);
    }

    private static byte[] u64(long n) {
        return ByteBuffer.allocate(8).putLong(n).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static byte[] sha256(byte[] prev, byte[] canonical) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(prev);
        sha.update(canonical);
        return sha.digest();
    }
}
