/**
 * The ledger arithmetic (台账口径), in one place for every reader: the rectification ledger, the progress dashboard,
 * the notice composer and the round totals fold their own events into {@link io.zhenggai.ledger.LedgerItem}s and
 * {@link io.zhenggai.ledger.LedgerFinding}s and ask {@link io.zhenggai.ledger.Ledger} what is done, what status a
 * finding has, how late an item is, the totals and the rates. {@link io.zhenggai.ledger.WanYuan} writes money in
 * 万元. Pure functions over the api types: no Spring, no database, no context — a library like {@code api}.
 */
package io.zhenggai.ledger;
