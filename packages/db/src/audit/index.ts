export { type AuditInput, type AuditRow, PLATFORM_CHAIN, scrubMetadata } from "./chain";
export { recordAudit } from "./record";
export { type ChainProblem, verifyAuditChains } from "./verify";
