// JSON whitespace (RFC 8259): what may stand between a member name and its colon.
const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);

/**
 * Member names that appear more than once in one object of a JSON text that JSON.parse accepted. RFC 8259 says names
 * SHOULD be unique because parsers then disagree: JSON.parse keeps the last value, others keep the first or refuse.
 * One linear pass with an explicit stack, so a deeply nested body cannot overflow the call stack.
 */
export function duplicateNames(json: string): string[] {
  const objects: Array<Set<string> | undefined> = []; // undefined: an array
  const found = new Set<string>();
  for (let i = 0; i < json.length; ) {
    const c = json[i];
    if (c !== '"') {
      if (c === "{") objects.push(new Set());
      else if (c === "[") objects.push(undefined);
      else if (c === "}" || c === "]") objects.pop();
      i++;
      continue;
    }
    let end = i + 1;
    while (json[end] !== '"') end += json[end] === "\\" ? 2 : 1;
    const raw = json.slice(i, end + 1);
    for (i = end + 1; WHITESPACE.has(json[i]!); ) i++;
    // In valid JSON, a string followed by a colon is a member name of the innermost object.
    if (json[i] !== ":") continue;
    const name = JSON.parse(raw) as string;
    const names = objects.at(-1)!;
    if (names.has(name)) found.add(name);
    else names.add(name);
  }
  return [...found];
}
