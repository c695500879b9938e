/**
 * Escapes text for HTML element content and double-quoted attribute values.
 *
 * @example
 * escapeHtml('<b title="x">') // "&lt;b title=&quot;x&quot;&gt;"
 */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;")
}

/**
 * Checks that code can sit in a `<script>` element as is (nothing in it that would end or
 * confuse the element) and returns it. Throws otherwise: that would be a bug in an inlined
 * asset, not bad input.
 *
 * @example
 * `<script>${inlineScript(uplotSource)}</script>`
 */
export function inlineScript(code: string): string {
  if (/<\/?script|<!--/i.test(code)) throw new Error("an inlined script contains <script, </script or <!--")
  return code
}

/**
 * JSON for a `<script type="application/json">` block: every `<` escaped, so no data string can
 * end the element.
 *
 * @example
 * `<script type="application/json" id="report-data">${jsonForScript(report)}</script>`
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll("<", "\\u003c")
    .replaceAll("\u2028", "\\u2028")
    .replaceAll("\u2029", "\\u2029")
}
