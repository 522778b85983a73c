/** The HTTP conventions: If-Match / ETag, created / ok responses, find-or-404. */
@org.springframework.modulith.NamedInterface("web")
package io.zhenggai.platform.web;
