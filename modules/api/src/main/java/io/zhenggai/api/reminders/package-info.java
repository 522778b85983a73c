/**
 * Messages of the reminders context (提醒): the daily digest (每日提醒) of each responsible leader and department — items
 * due soon, overdue, and close-offs returned — its deliveries through each channel (in-app inbox, webhook, e-mail),
 * the recipient directory that maps a leader's or department's name to accounts and addresses, and the inbox reads.
 * Kept as events, so an auditor sees who was reminded of what, and when (ADR 0043).
 */
@org.springframework.modulith.NamedInterface("reminders")
package io.zhenggai.api.reminders;
