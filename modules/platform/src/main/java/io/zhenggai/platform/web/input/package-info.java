/** Guards on input at the edge: bounded dates, guarded JSON parsing, text limits (ADR 0011). */
@org.springframework.modulith.NamedInterface("web-input")
package io.zhenggai.platform.web.input;
