// Public exports of the cli folder (named exports only).
export {
  type CliErrorType,
  CliInvalidFlagError,
  type CliInvalidFlagErrorType,
  CliNotImplementedError,
  type CliNotImplementedErrorType,
  CliUsageError,
  type CliUsageErrorType,
} from "../errors/cli.js"
export { type ReportCommandOptions, runReportCommand } from "./commands/runReportCommand.js"
export { flagsToConfigInput, type RunFlagOptions } from "./configFlags.js"
export type { CliContext, CommandResult } from "./context.js"
export type { LoadRequest } from "./executeLoad.js"
export { type ExitCode, exitCodeFor, exitCodes, isBadInputError } from "./exitCodes.js"
export {
  collect,
  inShard,
  parseList,
  parseNonNegativeInteger,
  parsePort,
  parsePositiveInteger,
  parsePositiveNumber,
  parseShard,
  parseWeights,
  type Shard,
} from "./flagParsers.js"
export {
  addFundingOptions,
  type FundingFlags,
  getFundingHook,
  parseAmount,
  resolveFundingAmounts,
} from "./fundingFlags.js"
export { formatAmount, fundingReportJson, renderFundingReport } from "./fundingOutput.js"
export { examplesText } from "./helpText.js"
export type { CliIo, CliOutput } from "./io.js"
export {
  createProgressRenderer,
  eraseLines,
  type ProgressRenderer,
  progressJsonLine,
  renderProgressLines,
} from "./progress.js"
export { type RenderErrorOptions, renderError } from "./renderError.js"
export { type RunCliOptions, runCli } from "./runCli.js"
export { renderRunSummary, runSummaryJson } from "./summary.js"
export { formatDuration, formatPercent, renderTable, type TableColumn } from "./table.js"
export { renderTaskCatalog, taskCatalogJson } from "./taskCatalog.js"
