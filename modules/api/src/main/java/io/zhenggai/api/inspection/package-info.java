/**
 * Messages of the inspection context (巡察): rounds, inspections, finding categories, findings, feedback.
 * Other contexts learn about inspections only from these events, never by calling the inspection module.
 */
@org.springframework.modulith.NamedInterface("inspection")
package io.zhenggai.api.inspection;
