// Public exports of the logging folder (named exports only).
export { type CorrelationFields, withCorrelation } from "./correlation.js"
export {
  createLogger,
  type LogDestination,
  type Logger,
  type LoggerParameters,
  type LogLevel,
} from "./createLogger.js"
export { getRedactionPaths, redactionDepth } from "./redaction.js"
