export { loadDotEnv, ROOT_ENV_FILE } from "./dotenv";
export { ConfigError, envField, parseEnv } from "./env";
export { isStartupError, runMain, ServiceUnavailableError } from "./errors";
export { redactText, redactValue } from "./redact";
