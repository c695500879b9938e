/** Shared helpers for integration tests (real anvil, real proxies, real databases on loopback). */
export {}
