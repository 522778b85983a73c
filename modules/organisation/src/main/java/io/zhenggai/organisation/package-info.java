/**
 * The organisation context: organisations (units, inspection groups, overseeing bodies, regions) and the role grants
 * of each account, as events; and the scope directory, read in the command's own transaction, that tells which
 * organisation an inspection, its rectification and its notices belong to and whom a grant reaches.
 */
package io.zhenggai.organisation;
