package io.zhenggai.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller parameter ({@code @IfMatch Long expectedVersion}) that receives the version named by the request's
 * {@code If-Match} header, read by {@link Versions#expected}: null when the header is absent or {@code *}, a 400
 * naming {@code If-Match} when it is not a quoted version. Resolved by {@link IfMatchArgumentResolver}; the OpenAPI
 * document shows it as the optional header it is ({@link IfMatchWebConfig}).
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface IfMatch {
}
