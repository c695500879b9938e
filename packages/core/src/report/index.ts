// Public exports of the report folder (named exports only).
export {
  MetricsPortInUseError,
  type MetricsPortInUseErrorType,
  ReportCampaignNotFoundError,
  type ReportCampaignNotFoundErrorType,
  type ReportErrorType,
  ReportNoRunsError,
  type ReportNoRunsErrorType,
  ReportOutputNotWritableError,
  type ReportOutputNotWritableErrorType,
  ReportRunNotFoundError,
  type ReportRunNotFoundErrorType,
} from "../errors/report.js"
export { type BuildCampaignReportErrorType, buildCampaignReport } from "./buildCampaignReport.js"
export { type BuildRunReportErrorType, type BuildRunReportOptions, buildRunReport } from "./buildRunReport.js"
export { fetchChainBlocks, type ReportRpc } from "./chainBlocks.js"
export { renderHtmlReport } from "./html/renderHtmlReport.js"
export type { ReportDatabase } from "./loadRunRows.js"
export { type RunSelector, resolveRun } from "./resolveRun.js"
export { type RunReporting, startRunReporting } from "./runReporting.js"
export {
  type FeeAmount,
  REPORT_SCHEMA_VERSION,
  type ReportCampaign,
  type ReportErrors,
  type ReportGasPerBlock,
  type ReportLatency,
  type ReportRunInfo,
  type ReportTaskRow,
  type ReportThroughput,
  type ReportTotals,
  type ReportWalletRow,
  type RunReport,
  type RunReportData,
} from "./types.js"
export {
  defaultReportPath,
  serializeReport,
  type WriteReportErrorType,
  type WriteReportOptions,
  writeReport,
  writeRunReport,
} from "./writeReport.js"
