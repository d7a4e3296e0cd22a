export { type AuditInput, type AuditRow, PLATFORM_CHAIN, scrubMetadata } from "./chain";
export { AuditQueue } from "./queue";
export { recordAudit } from "./record";
export { type ChainProblem, verifyAuditChains } from "./verify";
