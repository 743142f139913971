/**
 * The audit trail: a tamper-evident, append-only record of who did what to which ISMS record
 * (ISO/IEC 27001 evidence). Entries are hash-chained in MongoDB ({@code audit_trail}, {@code
 * audit_chain_head}) so that an auditor can detect edited and deleted entries with {@link
 * io.ismsflow.audit.AuditTrail#verify()}. Public API: {@link io.ismsflow.audit.AuditTrail},
 * {@link io.ismsflow.audit.AuditEvent}, {@link io.ismsflow.audit.AuditEntry}, {@link
 * io.ismsflow.audit.ChainVerification}. The web adapter ({@code web}) serves verification and
 * exports (JSON, CSV).
 */
package io.ismsflow.audit;
