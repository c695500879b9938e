// Public exports of the metrics folder (named exports only).
export { instrumentRpc } from "./instrumentRpc.js"
export { codeLabel, createTaskLabeler, methodLabel, metricErrorCodes } from "./labels.js"
export { createMetricsServer, type MetricsServer } from "./metricsServer.js"
export {
  allTasksLabel,
  createMetricsEvents,
  observeRpcRequest,
  observeRunner,
  type RunnerMetricsSources,
  type RunnerObserver,
} from "./observeRunner.js"
export { createRunMetrics, type RunMetrics } from "./runMetrics.js"
export { type RunMetricsService, serveRunMetrics } from "./serveRunMetrics.js"
export { labelShard, shardLabels } from "./shardLabels.js"
