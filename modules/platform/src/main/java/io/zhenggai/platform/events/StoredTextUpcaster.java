package io.zhenggai.platform.events;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a stored event whose payload holds a NUL or a lone surrogate in a text field with the character replaced
 * by U+FFFD ({@link StoredText}), for every event type and revision; the type stays the same and the stored record
 * is not touched (ADR 0013). Events without such an escape pass unchanged after one scan of their bytes. String
 * values of the metadata of a repaired event are repaired too.
 */
public class StoredTextUpcaster extends SingleEventUpcaster {

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.canConvertDataTo(byte[].class)
                && StoredText.mayNeedRepair(representation.getData(byte[].class).getData());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcast(representation.getType(), byte[].class, StoredText::repairJson,
                StoredTextUpcaster::repair);
    }

    private static MetaData repair(MetaData meta) {
        Map<String, Object> repaired = new LinkedHashMap<>();
        meta.forEach((key, value) -> repaired.put(StoredText.repair(key),
                value instanceof String s ? StoredText.repair(s) : value));
        return MetaData.from(repaired);
    }
}
