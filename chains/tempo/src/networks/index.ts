// Public exports of the networks folder.
export {
  getTempoNetwork,
  type TempoNetwork,
  type TempoNetworkName,
  tempoNetworkNames,
  tempoNetworks,
} from "./networks.js"
