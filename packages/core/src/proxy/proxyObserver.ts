import type { Dispatcher } from "undici"

/**
 * Callbacks of {@link observeDispatcher}.
 *
 * @example
 * const observer: DispatcherObserver = { onResponse: () => successes++, onError: (error) => console.warn(error.message) }
 */
export type DispatcherObserver = {
  /** A response arrived through the dispatcher (the proxy hop works, whatever the status). */
  onResponse(): void
  /** The request failed before or while receiving a response. */
  onError(error: Error): void
}

/**
 * Wraps a dispatcher so that every request made through it reports success or failure,
 * whoever makes it (the RPC client, a health check, fetch). This is how real traffic feeds
 * the proxy bans without the RPC layer knowing about proxies.
 *
 * @example
 * const observed = observeDispatcher(agent, { onResponse: () => health.success(), onError: (error) => health.failure(error) })
 */
export function observeDispatcher(dispatcher: Dispatcher, observer: DispatcherObserver): Dispatcher {
  return dispatcher.compose(
    (dispatch) => (options, handler) =>
      dispatch(options, {
        onRequestStart: (controller, context) => handler.onRequestStart?.(controller, context),
        onRequestUpgrade: (controller, statusCode, headers, socket) =>
          handler.onRequestUpgrade?.(controller, statusCode, headers, socket),
        onResponseStart: (controller, statusCode, headers, statusMessage) => {
          observer.onResponse()
          return handler.onResponseStart?.(controller, statusCode, headers, statusMessage)
        },
        onResponseData: (controller, chunk) => handler.onResponseData?.(controller, chunk),
        onResponseEnd: (controller, trailers) => handler.onResponseEnd?.(controller, trailers),
        onResponseError: (controller, error) => {
          observer.onError(error)
          return handler.onResponseError?.(controller, error)
        },
      }),
  )
}
