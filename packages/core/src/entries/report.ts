/**
 * @testnet/core/report — building, rendering and writing a run's report (JSON and HTML).
 */
export * from "../report/index.js"
