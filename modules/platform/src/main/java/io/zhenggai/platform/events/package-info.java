/** Event-side helpers every context shares: stored-text upcasting, processing groups run in the command's transaction. */
@org.springframework.modulith.NamedInterface("events")
package io.zhenggai.platform.events;
