package io.zhenggai.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Answers a request that Spring Security's firewall refuses (an encoded slash, {@code ..}, {@code ;}, a control
 * character in the URL or a header) with a 400 problem detail instead of an HTML page. Spring Security uses this bean
 * in place of its default handler.
 */
@Component
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemRequestRejectedHandler.class);

    private final ObjectMapper json;

    ProblemRequestRejectedHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        log.debug("Request rejected by the firewall: {}", e.getMessage());
        ProblemResponses.write(json, response, Problems.of(HttpStatus.BAD_REQUEST, "REQUEST_REJECTED",
                "请求地址或请求头含有不允许的字符或路径（如 %00、..、;、编码的斜杠）", null));
    }
}
