/**
 * What every stored event carries for the audit history, and the conventions the audit reads.
 *
 * <h2>Who, when, why: metadata</h2>
 * Every event's metadata holds the keys of {@link io.zhenggai.api.audit.MetadataKeys}: the user, the correlation
 * id (the first command of the chain), the causation id (the message that directly caused it), the command name
 * and the client's request id. They are added automatically; no event record repeats them.
 *
 * <h2>Recording time and business date</h2>
 * The <em>recording time</em> of an event is the instant the system stored it (the event store's timestamp); it
 * is never part of the payload. The <em>business date</em> is the date on which the fact happened in the world
 * (fieldwork started on, feedback delivered on, rectification completed on); it can lie before the recording
 * time but never after it. The audit history shows both. An event has a business date when its payload has a
 * top-level field holding an ISO date ({@code yyyy-MM-dd}) named, in this order of precedence:
 * <ol>
 *   <li>{@code businessDate} or {@code occurredOn} &mdash; preferred names for new events;</li>
 *   <li>{@code date} &mdash; the short form used by events whose whole content is "it happened on";</li>
 *   <li>one of the established names listed in {@link io.zhenggai.api.audit.BusinessDateFields#NAMED},
 *       such as {@code feedbackDate} and {@code adoptedDate};</li>
 *   <li>otherwise any top-level field whose name ends in {@code On} ({@code completedOn},
 *       {@code publishedOn}), the first one in the payload's field order.</li>
 * </ol>
 * Dates that are plans or limits rather than facts ({@code plannedFieldworkStart}, {@code deadline},
 * {@code periodStart}) must not use these names. An event without such a field has no business date.
 */
@org.springframework.modulith.NamedInterface("audit")
package io.zhenggai.api.audit;
