/**
 * Reporting (审计与报告): views across all contexts, read from the event store, which is the record.
 * <ul>
 *   <li>{@code audit} &mdash; the audit history: every event in global order with who/when/why, filters, keyset
 *       paging, streaming NDJSON/CSV export, point-in-time state of any aggregate rebuilt from its events
 *       ({@link io.zhenggai.reporting.audit.HistoricalReplay}, reusable for any "as of" view), and causal chains.</li>
 *   <li>{@code chain} &mdash; tamper evidence: a SHA-256 hash chain over every position of the event store,
 *       written by a single ordered writer, verifiable in both directions, with signed checkpoints for offline
 *       verification (docs/operations/audit-verification.md).</li>
 *   <li>{@code replay} &mdash; the processors' status (positions, stalls, dead letters), rebuilding a projection from
 *       the event store by resetting its streaming processor, and the administrator's decisions on dead letters
 *       (events a handler could not apply, parked per aggregate; retry or evict, each recorded as an event).</li>
 * </ul>
 *
 * <h2>Replay rules for every context</h2>
 * A projection is a {@code @ProcessingGroup} of its own with a {@code @ResetHandler} that clears its tables and
 * idempotent handlers. A handler with side effects (a policy that sends commands, a notifier, anything that talks to
 * the outside) is annotated {@code @DisallowReplay} (on the class) and lives in its own processing group: its
 * processor then reports {@code supportsReset() == false} and a replay of it is refused with 409, so a rebuild
 * never repeats a side effect. During a replay the API keeps answering from the projection's tables, which the
 * reset emptied and the replay refills in global order: readers see the state as of the replay's position
 * (fewer or older rows) until it has caught up; {@code GET /api/admin/projections} shows {@code replaying: true}
 * and the position reached against the head of the event store.
 *
 * <p>This module reads only the event store's tables and the messages of {@code io.zhenggai.api}; it never imports
 * another context.
 */
package io.zhenggai.reporting;
