package io.zhenggai.rectification.evidence;

import io.zhenggai.platform.digest.Sha256;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Evidence files stored by content in PostgreSQL: the bytes once per SHA-256 ({@code rectification_evidence_file}),
 * and which rectification each was uploaded for, by whom, under which name ({@code rectification_evidence_upload}).
 * Events carry only the SHA-256. A file is served back only within a rectification it was uploaded for.
 */
@Service
public class EvidenceFiles {

    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");
    public static final String DEFAULT_TYPE = "application/octet-stream";

    /** How much of a file a download reads from PostgreSQL at a time. */
    static final int SLICE = 256 * 1024;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final DataSize maxFileSize;

    EvidenceFiles(JdbcClient jdbc, TransactionTemplate tx, @Value("${zhenggai.evidence.max-file-size}") DataSize maxFileSize) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.maxFileSize = maxFileSize;
    }

    /** What is known about a stored file within a rectification. */
    public record StoredFile(String sha256, String fileName, String contentType, long size) {
    }

    public DataSize maxFileSize() {
        return maxFileSize;
    }

    /**
     * Stores the content (once per content) and records the upload for the rectification; the same file twice is one
     * file. The content is read twice as a stream — once for its SHA-256, once into PostgreSQL — so an upload never
     * holds the whole file in memory.
     */
    public StoredFile store(String rectificationId, String fileName, String contentType, InputStreamSource content,
                            long size, String user) throws IOException {
        if (size > maxFileSize.toBytes()) {
            throw new IllegalStateException("file larger than " + maxFileSize);
        }
        String sha256 = sha256(content);
        String type = mediaType(contentType);
        String name = fileName(fileName);
        try (InputStream in = content.getInputStream()) {
            SqlTypeValue stream = (ps, index, sqlType, typeName) -> ps.setBinaryStream(index, in, size);
            tx.executeWithoutResult(status -> {
                jdbc.sql("""
                                insert into rectification_evidence_file (sha256, content, size, content_type)
                                values (:sha, :content, :size, :type) on conflict (sha256) do nothing""")
                        .param("sha", sha256).param("content", stream).param("size", size).param("type", type)
                        .update();
                jdbc.sql("""
                                insert into rectification_evidence_upload (rectification_id, sha256, file_name, uploaded_by)
                                values (:rect, :sha, :name, :user) on conflict (rectification_id, sha256) do nothing""")
                        .param("rect", rectificationId).param("sha", sha256).param("name", name).param("user", user)
                        .update();
            });
        }
        return find(rectificationId, sha256).orElseThrow();
    }

    /** Stores bytes already in memory (see {@link #store(String, String, String, InputStreamSource, long, String)}). */
    public StoredFile store(String rectificationId, String fileName, String contentType, byte[] bytes, String user) {
        try {
            return store(rectificationId, fileName, contentType, new ByteArrayResource(bytes), bytes.length, user);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file with this SHA-256 as uploaded for the rectification, if it was. */
    public Optional<StoredFile> find(String rectificationId, String sha256) {
        return jdbc.sql("""
                        select u.sha256, u.file_name, f.content_type, f.size
                        from rectification_evidence_upload u join rectification_evidence_file f on f.sha256 = u.sha256
                        where u.rectification_id = :rect and u.sha256 = :sha""")
                .param("rect", rectificationId).param("sha", sha256)
                .query((rs, n) -> new StoredFile(rs.getString("sha256"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size")))
                .optional();
    }

    /**
     * Writes the content of a stored file to {@code out} slice by slice ({@link #SLICE} bytes per query), so that a
     * download never holds the whole file in memory, however many run at once.
     */
    public void writeContent(StoredFile file, OutputStream out) throws IOException {
        for (long offset = 0; offset < file.size(); offset += SLICE) {
            byte[] slice = jdbc.sql("""
                            select substring(content from :from for :length) from rectification_evidence_file
                            where sha256 = :sha""")
                    .param("from", (int) offset + 1).param("length", SLICE).param("sha", file.sha256())
                    .query((rs, n) -> rs.getBytes(1)).single();
            out.write(slice);
        }
    }

    /** Whether the rectification exists (its ledger has been built). */
    public boolean rectificationExists(String rectificationId) {
        return jdbc.sql("select count(*) from rectification_ledger where rectification_id = :id")
                .param("id", rectificationId).query(Long.class).single() > 0;
    }

    /** The SHA-256 of a content, read as a stream. */
    static String sha256(InputStreamSource content) throws IOException {
        try (InputStream in = content.getInputStream()) {
            return Sha256.hex(in);
        }
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return DEFAULT_TYPE;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return MEDIA_TYPE.matcher(type).matches() ? type : DEFAULT_TYPE;
    }

    static String fileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "evidence";
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").trim();
        if (name.isEmpty()) {
            return "evidence";
        }
        return name.length() > 300 ? name.substring(name.length() - 300) : name;
    }
}
