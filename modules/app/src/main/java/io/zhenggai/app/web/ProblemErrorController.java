package io.zhenggai.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import io.zhenggai.platform.web.input.Texts;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/**
 * The error page of the servlet container ({@code /error}, in place of Spring Boot's): whatever the container or a
 * filter answered with {@code sendError} — or an exception that escaped them — becomes the same problem detail as
 * everywhere else. Called directly, {@code /error} is a path like any other that names nothing: 404.
 */
@Controller
@Hidden
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    /** Codes for the statuses the container produces on its own; any other status uses its name. */
    private static final Map<Integer, String> CODES = Map.of(
            400, "BAD_REQUEST", 401, "UNAUTHENTICATED", 403, "FORBIDDEN", 404, "NOT_FOUND",
            405, "METHOD_NOT_ALLOWED", 413, JsonBodyLimitFilter.CODE, 500, "INTERNAL_ERROR");

    private final ObjectMapper json;

    ProblemErrorController(ObjectMapper json) {
        this.json = json;
    }

    @RequestMapping
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemResponses.write(json, response, problem(request));
    }

    private static ProblemDetail problem(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri instanceof String s && Texts.violation(s) == null ? s : null;
        if (!(code instanceof Integer value)) {
            return Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "所请求的地址不存在", request.getRequestURI());
        }
        Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof MaxUploadSizeExceededException || t instanceof MultipartException && value == 413) {
                return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, ProblemDetailsAdvice.FILE_TOO_LARGE,
                        "上传的文件或请求超过大小上限", instance);
            }
        }
        HttpStatus status = HttpStatus.resolve(value);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status.is5xxServerError()) {
            String id = UUID.randomUUID().toString();
            log.error("Error {} ({}) on {}", id, status.value(), instance, exception);
            ProblemDetail problem = Problems.of(status, CODES.getOrDefault(status.value(), status.name()),
                    "服务器内部错误，请联系管理员并提供错误编号 " + id, instance);
            problem.setProperty("errorId", id);
            return problem;
        }
        String detail = switch (status.value()) {
            case 400 -> "请求格式不正确";
            case 404 -> "所请求的地址不存在";
            case 413 -> "请求内容超过大小上限";
            default -> status.getReasonPhrase();
        };
        return Problems.of(status, CODES.getOrDefault(status.value(), status.name()), detail, instance);
    }
}
