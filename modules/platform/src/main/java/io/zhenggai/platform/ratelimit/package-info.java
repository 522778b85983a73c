/**
 * Rate limits whose buckets live in PostgreSQL, shared by every node (ADR 0049).
 */
@org.springframework.modulith.NamedInterface("ratelimit")
package io.zhenggai.platform.ratelimit;
