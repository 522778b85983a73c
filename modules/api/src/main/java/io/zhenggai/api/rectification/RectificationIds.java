package io.zhenggai.api.rectification;

/**
 * The rectification of an inspection has an id derived from the inspection id. It cannot be the inspection id
 * itself: both are aggregates in one event store, whose streams are keyed by aggregate id alone.
 */
public final class RectificationIds {
    private RectificationIds() {
    }

    public static final String PREFIX = "rect-";

    /** The id of the rectification that answers the inspection {@code inspectionId}. */
    public static String forInspection(String inspectionId) {
        if (inspectionId == null || inspectionId.isBlank()) {
            throw new IllegalArgumentException("inspectionId is required");
        }
        return PREFIX + inspectionId;
    }

    /** The inspection id a rectification id was derived from. */
    public static String inspectionOf(String rectificationId) {
        if (rectificationId == null || !rectificationId.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a rectification id: " + rectificationId);
        }
        return rectificationId.substring(PREFIX.length());
    }
}
