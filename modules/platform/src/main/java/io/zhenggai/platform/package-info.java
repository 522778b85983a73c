/**
 * The shared kernel every context builds on: how a domain rule is refused, the roles, and the HTTP
 * conventions for versions (ETag / If-Match). It holds no domain knowledge of any context.
 */
package io.zhenggai.platform;
