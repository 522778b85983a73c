/**
 * Messages of the organisation context: the organisations of a deployment (units, inspection groups, overseeing
 * bodies and the regions above them) and each account's role grants, each a role within one organisation or an
 * organisation and everything under it. Kept as events, so the audit history shows who was given which access when.
 */
@org.springframework.modulith.NamedInterface("organisation")
package io.zhenggai.api.organisation;
