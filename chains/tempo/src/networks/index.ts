// Public exports of the networks folder.
export { type PreparedTempoArguments, prepareTempoArguments, tempoStartDefaults } from "./cliArguments.js"
export { configFileStops } from "./configFileStops.js"
export {
  getTempoNetwork,
  type TempoNetwork,
  type TempoNetworkName,
  tempoNetworkNames,
  tempoNetworks,
} from "./networks.js"
