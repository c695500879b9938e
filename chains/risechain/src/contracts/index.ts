export { riseAddresses } from "./addresses.js"
export { multicall3Interface } from "./multicall3.js"
