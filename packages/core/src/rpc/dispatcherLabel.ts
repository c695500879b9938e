import type { Dispatcher } from "undici"

const proxies = new WeakMap<Dispatcher, string>()

/**
 * Remembers which proxy URL a dispatcher goes through, so the RPC layer can attribute a
 * connection failure to the proxy rather than the endpoint.
 *
 * @example
 * const dispatcher = labelDispatcher(new ProxyAgent(url), url)
 * getDispatcherProxy(dispatcher) // url
 */
export function labelDispatcher<T extends Dispatcher>(dispatcher: T, proxyUrl: string): T {
  proxies.set(dispatcher, proxyUrl)
  return dispatcher
}

/**
 * The proxy URL a dispatcher was labelled with by {@link labelDispatcher}, if any.
 *
 * @example
 * getDispatcherProxy(dispatcher) // "socks5://user:pw@127.0.0.1:1080" or undefined
 */
export function getDispatcherProxy(dispatcher: Dispatcher | undefined): string | undefined {
  return dispatcher === undefined ? undefined : proxies.get(dispatcher)
}
