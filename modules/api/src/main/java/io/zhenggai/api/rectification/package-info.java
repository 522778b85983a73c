/**
 * Messages of the rectification context (整改): the inspected unit's ledger (整改台账) that turns each delivered
 * finding into tracked work — leadership group, plan, items and measures, progress with evidence, deadlines,
 * close-off (销号), meetings of record and accountability (问责).
 * <p>
 * A rectification is opened by the rectification context itself when it learns that feedback was delivered
 * ({@code io.zhenggai.api.inspection.InspectionEvents.FeedbackDeliveredEvent}); its id is derived from the
 * inspection id with {@link io.zhenggai.api.rectification.RectificationIds#forInspection(String)}. Problems handed
 * over later — a finance violation escalated ({@code io.zhenggai.api.finance.FinanceEvents.ViolationEscalatedEvent}),
 * public feedback turned into a finding ({@code io.zhenggai.api.publication.PublicationEvents.FeedbackEscalatedToFindingEvent})
 * — reach the ledger by the rectification context's own policy, as items and supplementary findings
 * ({@link io.zhenggai.api.rectification.FindingSource}). Other contexts
 * (publication, reporting) learn about rectifications only from {@link io.zhenggai.api.rectification.RectificationEvents}.
 */
@org.springframework.modulith.NamedInterface("rectification")
package io.zhenggai.api.rectification;
