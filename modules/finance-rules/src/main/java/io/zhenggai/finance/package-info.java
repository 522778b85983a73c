/**
 * The finance-rules context (制度 / 财务): each unit's rule book holds its regulations with dated versions
 * carrying machine-checkable rules, judges the unit's expenses under the versions in force on their dates,
 * and keeps the violations found and the money recovered. It speaks to other contexts only through the
 * messages in {@code io.zhenggai.api.finance}; it reads the inspection context's published events only to
 * attribute findings to inspections in its own read model.
 */
package io.zhenggai.finance;
