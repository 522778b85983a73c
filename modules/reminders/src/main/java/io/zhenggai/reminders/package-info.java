/**
 * The reminders context (提醒, ADR 0043): a daily digest per responsible leader and department of the items due soon,
 * overdue, or whose close-off was returned — read from the rectification context's ledger through its queries — issued
 * as events once per recipient and day by a recurring task that one node runs; delivered to the inbox of the accounts
 * the recipient directory names, to a signed webhook and by e-mail, each delivery recorded as an event.
 */
package io.zhenggai.reminders;
