/**
 * Messages of the publication context (公开): the public progress notice (整改进展情况的通报) composed from the
 * ledger as of a position in the event history, its approval, publication for a window (公开期限), closing,
 * withdrawal and correction by a new version, and the public's feedback (意见建议) on it.
 * <p>
 * The publication context learns about inspections, rectifications and regulations only from the events of
 * {@code io.zhenggai.api.inspection}, {@code io.zhenggai.api.rectification} and {@code io.zhenggai.api.finance};
 * other contexts learn about notices and feedback only from {@link io.zhenggai.api.publication.PublicationEvents}
 * (e.g. {@link io.zhenggai.api.publication.PublicationEvents.FeedbackEscalatedToFindingEvent}, which asks the
 * rectification of an inspection to take a public suggestion up as a new finding).
 */
@org.springframework.modulith.NamedInterface("publication")
package io.zhenggai.api.publication;
