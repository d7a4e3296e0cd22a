export { ConfigError, envField, parseEnv } from "./env";
export { isStartupError, ServiceUnavailableError } from "./errors";
export { redactText, redactValue } from "./redact";
