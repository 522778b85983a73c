/**
 * Assembles the contexts into one application: database (embedded or external), Axon on PostgreSQL,
 * security, audit metadata and the mapping of errors to RFC 9457 problem details.
 */
package io.zhenggai.app;
