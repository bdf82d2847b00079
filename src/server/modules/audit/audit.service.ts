// What other modules use of the audit log: one function to write an entry, inside the caller's
// transaction. Every write in the app is audited through it; the SQL stays in audit.repo.ts.
export { insertAudit, type AuditEntry } from './audit.repo';
