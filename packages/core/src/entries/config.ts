/**
 * @testnet/core/config — loading and validating configuration (TOML, environment, flags) and
 * redacting secrets from anything printed or stored.
 */
export * from "../config/index.js"
export * from "../redaction/index.js"
