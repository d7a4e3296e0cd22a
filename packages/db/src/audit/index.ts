export { type AuditInput, type AuditRow, PLATFORM_CHAIN, scrubMetadata, wellFormed } from "./chain";
export { AuditQueue } from "./queue";
export { recordAudit, recordAuditIn } from "./record";
export { purgeAuditEvents } from "./retention";
export { type ChainProblem, verifyAuditChains } from "./verify";
