package io.zhenggai.platform.domain;

/** Find-or-404: what a query or a lookup answered, or {@link NotFoundException} when it answered nothing. */
public final class Found {

    private Found() {
    }

    /** {@code value} when there is one; otherwise a 404 naming the resource ("inspection", …) and its id. */
    public static <T> T orNotFound(T value, String resource, String id) {
        if (value == null) {
            throw new NotFoundException(resource, id);
        }
        return value;
    }
}
