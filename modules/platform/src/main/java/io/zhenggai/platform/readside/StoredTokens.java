package io.zhenggai.platform.readside;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The tokens of a processor as stored in {@code token_entry}, read without claiming them: how far each segment got
 * and which node holds it. What a node knows of the segments that another node processes (several nodes, ADR 0050):
 * the projection status ({@code ProjectionAdmin}) and {@link ReadYourWrites} both read them here.
 */
@Component
public class StoredTokens {

    private static final Logger log = LoggerFactory.getLogger(StoredTokens.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<org.axonframework.config.Configuration> axon;

    public StoredTokens(JdbcClient jdbc, ObjectProvider<org.axonframework.config.Configuration> axon) {
        this.jdbc = jdbc;
        this.axon = axon;
    }

    /** One segment's stored token ({@code null} when unreadable or not set yet) and its owner ({@code null}: unclaimed). */
    public record Stored(int segment, TrackingToken token, String owner) {
    }

    public List<Stored> of(String processorName) {
        org.axonframework.config.Configuration configuration = axon.getIfAvailable();
        Serializer serializer = configuration == null ? null : configuration.serializer();
        return jdbc.sql("select segment, token, token_type, owner from token_entry where processor_name = :name order by segment")
                .param("name", processorName)
                .query((rs, n) -> {
                    byte[] bytes = rs.getBytes("token");
                    String type = rs.getString("token_type");
                    TrackingToken token = null;
                    if (bytes != null && type != null && serializer != null) {
                        try {
                            token = serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
                        } catch (RuntimeException e) {
                            log.debug("Cannot read the token of {} segment {}: {}", processorName, rs.getInt("segment"), e.getMessage());
                        }
                    }
                    return new Stored(rs.getInt("segment"), token, rs.getString("owner"));
                })
                .list();
    }
}
