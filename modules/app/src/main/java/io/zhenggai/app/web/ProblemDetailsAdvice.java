package io.zhenggai.app.web;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.zhenggai.platform.domain.CommandShape;
import io.zhenggai.platform.domain.NotFoundException;
import io.zhenggai.platform.domain.RuleViolationException;
import io.zhenggai.platform.web.InvalidInputException;
import io.zhenggai.platform.web.input.RejectedInputException;
import io.zhenggai.platform.web.input.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem detail: 400 names each field at fault, 404 an unknown id,
 * 409/422 a broken domain rule (Chinese detail, English {@code code}). No stack trace reaches a client;
 * unexpected errors are logged with an id that the response quotes.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** The {@code code} of a 413 for an upload above the multipart limits. */
    static final String FILE_TOO_LARGE = "FILE_TOO_LARGE";

    /** The {@code code} of a create whose id is already taken (the aggregate's first event collides). */
    static final String ID_TAKEN = "ID_TAKEN";

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> rule(RuleViolationException e, HttpServletRequest request) {
        HttpStatus status = e.kind() == RuleViolationException.Kind.CONFLICT ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
        ProblemDetail problem = Problems.of(status, e.code(), e.getMessage(), request.getRequestURI());
        e.properties().forEach(problem::setProperty);
        return respond(problem);
    }

    @ExceptionHandler({NotFoundException.class, AggregateNotFoundException.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException e, HttpServletRequest request) {
        String detail = e instanceof NotFoundException nf ? nf.resource() + " " + nf.id() + " 不存在" : "所指定的对象不存在";
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", detail, request.getRequestURI());
        if (e instanceof NotFoundException nf) {
            problem.setProperty("resource", nf.resource());
            problem.setProperty("id", nf.id());
        }
        return respond(problem);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "VERSION_CONFLICT",
                "数据已被他人修改：您提交的版本为 " + e.getExpectedVersion() + "，当前版本为 " + e.getActualVersion() + "，请刷新后重试",
                request.getRequestURI());
        problem.setProperty("expectedVersion", e.getExpectedVersion());
        problem.setProperty("currentVersion", e.getActualVersion());
        return ResponseEntity.status(HttpStatus.CONFLICT).eTag("\"" + e.getActualVersion() + "\"").body(problem);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                "同一对象正被同时修改或已存在，请刷新后重试", request.getRequestURI()));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(RuntimeException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "当前用户的角色无权执行此操作", request.getRequestURI()));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e, HttpServletRequest request) {
        return respond(badRequest(List.of(fieldError(e.field(), e.getMessage(), null, e.code())), request.getRequestURI()));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> idTaken(AggregateStreamCreationException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.CONFLICT, ID_TAKEN, "该编号已被使用，请换一个编号或不指定编号", request.getRequestURI()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e, HttpServletRequest request) {
        List<Map<String, Object>> errors = e.getConstraintViolations().stream()
                .map(v -> fieldError(lastNode(v.getPropertyPath().toString()), v.getMessage(), v.getInvalidValue()))
                .toList();
        return respond(badRequest(errors, request.getRequestURI()));
    }

    /** A command refused for its shape (its record's constraints, ADR 0046): 400 naming each field of the command. */
    @ExceptionHandler(JSR303ViolationException.class)
    ResponseEntity<ProblemDetail> commandShape(JSR303ViolationException e, HttpServletRequest request) {
        List<Map<String, Object>> errors = CommandShape.violations(e).stream()
                .map(v -> fieldError(v.field(), v.message(), v.rejected()))
                .toList();
        return respond(badRequest(errors, request.getRequestURI()));
    }

    /** A multipart body that cannot be read (no boundary, cut short): the upload is refused naming its part. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(org.springframework.web.multipart.MultipartException e,
                                                      HttpServletRequest request) {
        return respond(badRequest(List.of(fieldError("file", "上传内容不是可读的 multipart/form-data 请求", null, "MULTIPART_INVALID")),
                request.getRequestURI()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        InvalidInputException invalid = causeOf(e, InvalidInputException.class);
        if (invalid != null) {
            return respond(badRequest(List.of(fieldError(e.getName(), invalid.getMessage(), e.getValue(), invalid.code())),
                    request.getRequestURI()));
        }
        return respond(badRequest(List.of(fieldError(e.getName(), "格式不正确", e.getValue())), request.getRequestURI()));
    }

    @ExceptionHandler({CompletionException.class, CommandExecutionException.class, QueryExecutionException.class})
    ResponseEntity<ProblemDetail> wrapped(Exception e, HttpServletRequest request) throws Exception {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof RuleViolationException r) {
                return rule(r, request);
            }
            if (cause instanceof NotFoundException nf) {
                return notFound(nf, request);
            }
            if (cause instanceof AggregateStreamCreationException taken) {
                return idTaken(taken, request);
            }
            if (cause instanceof JSR303ViolationException shape) {
                return commandShape(shape, request);
            }
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(NoHandlerForCommandException.class)
    ResponseEntity<ProblemDetail> noHandler(NoHandlerForCommandException e, HttpServletRequest request) {
        return unexpected(e, request);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "BAD_REQUEST", e.getMessage(), request.getRequestURI()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        String id = java.util.UUID.randomUUID().toString();
        log.error("Unexpected error {} on {} {}", id, request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "服务器内部错误，请联系管理员并提供错误编号 " + id, request.getRequestURI());
        problem.setProperty("errorId", id);
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.add(fieldError(f.getField(), f.getDefaultMessage(), f.getRejectedValue())));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(fieldError(g.getObjectName(), g.getDefaultMessage(), null)));
        return ResponseEntity.badRequest().body(badRequest(errors, uri(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(fieldError(
                r.getMethodParameter().getParameterName(), err.getDefaultMessage(), r.getArgument()))));
        return ResponseEntity.badRequest().body(badRequest(errors, uri(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        RejectedInputException rejected = causeOf(e, RejectedInputException.class);
        if (rejected != null) {
            ProblemDetail problem = badRequest(List.of(fieldError(rejected.field(), rejected.reason(), null, rejected.code())), uri(request));
            return ResponseEntity.badRequest().body(problem);
        }
        StreamConstraintsException constraint = causeOf(e, StreamConstraintsException.class);
        if (causeOf(e, JsonBodyLimitFilter.BodyTooLargeException.class) != null
                || constraint != null && !constraint.getOriginalMessage().contains("depth")) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE,
                    JsonBodyLimitFilter.CODE, "请求内容超过大小上限", uri(request)));
        }
        if (constraint != null) {
            return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "NESTING_TOO_DEEP",
                    "请求内容的嵌套层数超过上限", uri(request)));
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        String detail = "请求内容不是有效的 JSON";
        if (e.getCause() instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            String field = jme.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = jme instanceof InvalidFormatException ife
                    ? "格式不正确：" + ife.getValue() + (ife.getTargetType() != null && ife.getTargetType().getSimpleName().equals("LocalDate")
                    ? "（日期格式应为 yyyy-MM-dd）" : "")
                    : jme instanceof MismatchedInputException ? "类型不正确" : "无法解析";
            errors.add(fieldError(field, message, null));
            detail = "请求内容有字段格式错误";
        }
        ProblemDetail problem = badRequest(errors, uri(request));
        problem.setDetail(detail);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        String limit = e.getMaxUploadSize() > 0 ? "（" + DataSize.ofBytes(e.getMaxUploadSize()).toMegabytes() + "MB）" : "";
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE,
                FILE_TOO_LARGE, "上传的文件或请求超过大小上限" + limit, uri(request)));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND",
                "所请求的地址不存在", uri(request)));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail p && p.getProperties() == null) {
            String code = HttpStatus.valueOf(statusCode.value()).name();
            p.setProperty("code", code);
            if (p.getType() == null || "about:blank".equals(p.getType().toString())) {
                p.setType(java.net.URI.create(Problems.TYPE_BASE + code.toLowerCase().replace('_', '-')));
            }
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ProblemDetail badRequest(List<Map<String, Object>> errors, String instance) {
        String fields = errors.stream().map(m -> String.valueOf(m.get("field"))).distinct().collect(Collectors.joining("、"));
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                errors.isEmpty() ? "请求内容不正确" : "以下字段不正确：" + fields, instance);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Map<String, Object> fieldError(String field, String message, Object rejected) {
        return fieldError(field, message, rejected, null);
    }

    private static Map<String, Object> fieldError(String field, String message, Object rejected, String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        if (code != null) {
            error.put("code", code);
        }
        if (rejected != null && !(rejected instanceof Iterable<?>) && String.valueOf(rejected).length() <= 200
                && Texts.violation(String.valueOf(rejected)) == null) {
            error.put("rejectedValue", String.valueOf(rejected));
        }
        return error;
    }

    /** The first exception of the type in the chain of causes, or null. */
    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String uri(WebRequest request) {
        return request instanceof ServletWebRequest s ? s.getRequest().getRequestURI() : null;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
