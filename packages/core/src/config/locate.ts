/**
 * Finds the line (1-based) where a key path is written in a TOML source, so validation errors
 * can point at the file like syntax errors do. The parser gives objects without positions, so
 * this scans the text: table headers (`[gas]`, `[[wallets.sources]]` counted per array),
 * dotted keys (`gas.base_fee_multiplier = 2`) and quoted keys. When the exact path is not
 * written on a line of its own (an element of an inline array, a key of an inline table, a
 * missing field), the line of the closest written ancestor is returned.
 *
 * @example
 * findKeyLine('target_tps = 5\n[gas]\nbase_fee_multiplier = 0', ["gas", "base_fee_multiplier"]) // 3
 * findKeyLine('[[wallets.sources]]\nkind = "keystore"', ["wallets", "sources", 0, "path"]) // 1
 */
export function findKeyLine(source: string, path: readonly (string | number)[]): number | undefined {
  const lines = indexKeyLines(source)
  for (let length = path.length; length > 0; length--) {
    const line = lines.get(JSON.stringify(path.slice(0, length)))
    if (line !== undefined) return line
  }
  return undefined
}

function indexKeyLines(source: string): Map<string, number> {
  const found = new Map<string, number>()
  const arrayLengths = new Map<string, number>()
  let table: (string | number)[] = []
  let skipUntilBalanced = 0
  let inMultilineString: string | undefined

  const remember = (path: (string | number)[], line: number) => {
    const key = JSON.stringify(path)
    if (!found.has(key)) found.set(key, line)
  }
  // Header segments → a concrete path: a segment that names an array of tables refers to its
  // latest element, as in TOML itself.
  const concrete = (segments: string[], isArrayHeader: boolean) => {
    const path: (string | number)[] = []
    segments.forEach((segment, index) => {
      path.push(segment)
      const length = arrayLengths.get(JSON.stringify(path))
      const isLast = index === segments.length - 1
      if (isLast && isArrayHeader) {
        const next = (length ?? 0) + 1
        arrayLengths.set(JSON.stringify(path), next)
        path.push(next - 1)
      } else if (length !== undefined) path.push(length - 1)
    })
    return path
  }

  source.split(/\r?\n/).forEach((rawLine, index) => {
    const lineNumber = index + 1
    const line = rawLine.trim()
    if (inMultilineString !== undefined) {
      if (line.includes(inMultilineString)) inMultilineString = undefined
      return
    }
    if (skipUntilBalanced > 0) {
      skipUntilBalanced += bracketBalance(line)
      return
    }
    if (line === "" || line.startsWith("#")) return
    const header = /^(\[\[?)(.+?)\]\]?\s*(#.*)?$/.exec(line)
    if (header !== null) {
      const segments = parseDottedKey(header[2] ?? "")
      if (segments === undefined) return
      table = concrete(segments, header[1] === "[[")
      remember(table, lineNumber)
      return
    }
    const equals = findUnquoted(line, "=")
    if (equals === -1) return
    const segments = parseDottedKey(line.slice(0, equals))
    if (segments === undefined) return
    // `gas.base_fee_multiplier = 2` also writes the table `gas` on this line.
    for (let length = 1; length <= segments.length; length++) {
      remember([...table, ...segments.slice(0, length)], lineNumber)
    }
    const value = line.slice(equals + 1).trim()
    const opener = ['"""', "'''"].find((quote) => value.startsWith(quote))
    if (opener !== undefined && !value.slice(3).includes(opener)) inMultilineString = opener
    else if (value.startsWith("[") || value.startsWith("{"))
      skipUntilBalanced = Math.max(0, bracketBalance(value))
  })
  return found
}

/** `a."b.c".d` → ["a", "b.c", "d"]; undefined when the text is not a TOML key. */
function parseDottedKey(text: string): string[] | undefined {
  const segments: string[] = []
  const pattern = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(\.|$)/y
  let position = 0
  while (position < text.length) {
    pattern.lastIndex = position
    const match = pattern.exec(text)
    if (match === null) return undefined
    const [whole, basic, literal, bare, separator] = match
    segments.push(basic !== undefined ? unescapeBasic(basic) : (literal ?? bare ?? ""))
    position += whole.length
    if (separator === "" && position < text.length) return undefined
  }
  return segments.length === 0 ? undefined : segments
}

function unescapeBasic(text: string): string {
  try {
    return JSON.parse(`"${text}"`) as string
  } catch {
    return text
  }
}

/** Index of `character` outside quoted strings, or -1. */
function findUnquoted(line: string, character: string): number {
  let quote: string | undefined
  for (let index = 0; index < line.length; index++) {
    const current = line[index]
    if (quote !== undefined) {
      if (current === "\\" && quote === '"') index++
      else if (current === quote) quote = undefined
    } else if (current === '"' || current === "'") quote = current
    else if (current === "#") return -1
    else if (current === character) return index
  }
  return -1
}

/** Opening minus closing brackets and braces outside strings and comments. */
function bracketBalance(text: string): number {
  let balance = 0
  let quote: string | undefined
  for (let index = 0; index < text.length; index++) {
    const current = text[index]
    if (quote !== undefined) {
      if (current === "\\" && quote === '"') index++
      else if (current === quote) quote = undefined
    } else if (current === '"' || current === "'") quote = current
    else if (current === "#") break
    else if (current === "[" || current === "{") balance++
    else if (current === "]" || current === "}") balance--
  }
  return balance
}
