package io.zhenggai.platform.domain;

/** Something the request names does not exist (HTTP 404). */
public class NotFoundException extends RuntimeException {
    private final String resource;
    private final String id;

    public NotFoundException(String resource, String id) {
        super(resource + " " + id + " 不存在");
        this.resource = resource;
        this.id = id;
    }

    public String resource() {
        return resource;
    }

    public String id() {
        return id;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
