/** Roles, grants and the scope visibility a query applies (ADR 0031). */
@org.springframework.modulith.NamedInterface("security")
package io.zhenggai.platform.security;
