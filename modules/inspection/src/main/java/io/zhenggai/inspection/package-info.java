/**
 * The inspection context (巡视 and 巡察): rounds, inspections, their fieldwork, findings and the delivery of feedback.
 * It speaks to other contexts only through the messages in {@code io.zhenggai.api.inspection}.
 */
package io.zhenggai.inspection;
