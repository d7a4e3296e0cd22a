export { type AuditInput, type AuditRow, PLATFORM_CHAIN, scrubMetadata, wellFormed } from "./chain";
export { AuditQueue } from "./queue";
export { recordAudit, recordAuditIn, recordAuditOnce } from "./record";
export { purgeAuditEvents } from "./retention";
export { AuditSpool, type SpooledEvent, SpoolLocked } from "./spool";
export { type ChainProblem, verifyAuditChains } from "./verify";
