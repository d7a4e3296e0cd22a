export { type AuditInput, type AuditRow, PLATFORM_CHAIN, scrubMetadata, wellFormed } from "./chain";
export { AuditQueue } from "./queue";
export { recordAudit, recordAuditIn, recordAuditOnce } from "./record";
export { AuditSpool, type SpooledEvent } from "./spool";
export { purgeAuditEvents } from "./retention";
export { type ChainProblem, verifyAuditChains } from "./verify";
