export { ConfigError, envField, parseEnv } from "./env";
export { isStartupError, ServiceUnavailableError } from "./errors";
export { fromRoot, repoRoot, searchableTempDir } from "./paths";
export { redactText, redactValue } from "./redact";
