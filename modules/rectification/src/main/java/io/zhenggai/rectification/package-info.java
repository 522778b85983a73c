/**
 * The rectification context (整改): the inspected unit's ledger (整改台账) that turns each delivered finding into
 * tracked work — leadership group and responsibility, plan, items and measures, progress with evidence, deadlines
 * (persistent, via Axon's DeadlineManager), close-off review (销号), meetings of record and accountability.
 * <p>
 * It learns about inspections only from {@code io.zhenggai.api.inspection} events ({@code policy}), and speaks to
 * other contexts only through the messages in {@code io.zhenggai.api.rectification}.
 */
package io.zhenggai.rectification;
