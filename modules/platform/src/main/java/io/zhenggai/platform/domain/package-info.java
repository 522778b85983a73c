/** How a domain rule is refused (RuleViolationException, NotFoundException) and the business-date checks. */
@org.springframework.modulith.NamedInterface("domain")
package io.zhenggai.platform.domain;
