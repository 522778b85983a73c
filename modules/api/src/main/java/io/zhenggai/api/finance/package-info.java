/**
 * Messages of the finance-rules context (制度 / 财务): regulations with dated versions, machine-checkable
 * expense rules, expenses judged under the rules in force on their date, violations (and their escalation to
 * rectification) and money recovered. Other contexts learn about them only from these events.
 */
@org.springframework.modulith.NamedInterface("finance")
package io.zhenggai.api.finance;
