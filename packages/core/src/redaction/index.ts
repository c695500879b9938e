// Public exports of the redaction folder (named exports only): the one place that hides
// secrets in text, URLs and outputs.
export { maskUrl } from "./maskUrl.js"
export { redactedPlaceholder } from "./placeholder.js"
export { redactSecrets } from "./redactSecrets.js"
export { redactSecretText } from "./redactSecretText.js"
export { isSecretFieldName, secretFieldNames } from "./secretNames.js"
