/**
 * What replaces a secret wherever the framework shows or stores text: log lines, error
 * messages, redacted configs and the runs table. One spelling, so a search finds every place.
 *
 * @example
 * redactSecrets("pw=hunter22", ["hunter22"]) === `pw=${redactedPlaceholder}` // true
 */
export const redactedPlaceholder = "[redacted]"
