/**
 * The publication context (公开): composes the public progress notice (整改进展情况的通报) from the ledger as of a
 * position in the event history, has it approved, publishes it for a window, closes it at the window's end,
 * and takes the public's feedback. Knows the other contexts only through their events in {@code io.zhenggai.api}.
 * <ul>
 *   <li>{@code notice} — pure rendering: the notice's sections and paragraphs, text and placeholders, diff, hash;</li>
 *   <li>{@code compose} — folds the events of an inspection up to a position into {@code NoticeFacts};</li>
 *   <li>{@code command} — the {@code Notice} aggregate (workflow, immutability, feedback, closing deadline);</li>
 *   <li>{@code query} — read model of notices and feedback;</li>
 *   <li>{@code web} — staff API ({@code /api/notices}) and public pages ({@code /notices}).</li>
 * </ul>
 */
package io.zhenggai.publication;
