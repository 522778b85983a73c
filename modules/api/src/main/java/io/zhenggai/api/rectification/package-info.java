/**
 * Messages of the rectification context (整改): the inspected unit's ledger (整改台账) that turns each delivered
 * finding into tracked work — leadership group, plan, items and measures, progress with evidence, deadlines,
 * close-off (销号), meetings of record and accountability (问责).
 * <p>
 * A rectification is opened by the rectification context itself when it learns that feedback was delivered
 * ({@code io.zhenggai.api.inspection.InspectionEvents.FeedbackDeliveredEvent}); its id is derived from the
 * inspection id with {@link io.zhenggai.api.rectification.RectificationIds#forInspection(String)}. Other contexts
 * (publication, reporting) learn about rectifications only from {@link io.zhenggai.api.rectification.RectificationEvents}.
 */
package io.zhenggai.api.rectification;
