package io.zhenggai.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.Writer;

/**
 * Tomcat's own error report — for requests it refuses before any servlet sees them (a malformed URL, {@code %00},
 * bad percent-encoding, a path that leaves the root) — as a problem detail instead of Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private final ObjectMapper json;

    public ProblemErrorReportValve() {
        this(new ObjectMapper());
    }

    ProblemErrorReportValve(ObjectMapper json) {
        this.json = json;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus resolved = HttpStatus.resolve(status);
        HttpStatus http = resolved != null ? resolved : HttpStatus.BAD_REQUEST;
        String code = switch (status) {
            case 400 -> "BAD_REQUEST";
            case 404 -> "NOT_FOUND";
            case 413 -> JsonBodyLimitFilter.CODE;
            default -> http.is5xxServerError() ? "INTERNAL_ERROR" : http.name();
        };
        String detail = status == 400 ? "请求格式不正确（如地址中含有 %00、错误的百分号编码或越出根目录的路径）"
                : http.is5xxServerError() ? "服务器内部错误" : http.getReasonPhrase();
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(Problems.of(http, code, detail, null)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot be written: nothing more to do
        }
    }
}
