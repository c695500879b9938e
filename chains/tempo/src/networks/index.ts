// Public exports of the networks folder.
export {
  getTempoNetwork,
  type TempoNetwork,
  type TempoNetworkName,
  tempoChainNetworks,
  tempoNetworkNames,
  tempoNetworks,
  tempoStartDefaultsByTarget,
} from "./networks.js"
