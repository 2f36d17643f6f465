import { typeOf } from "../contract/validate.js";

/**
 * A fresh null-prototype copy of value's own enumerable string-keyed properties, each read once (a getter is called
 * once): what the client validates is then exactly what it sends, whatever prototype, toJSON or Proxy the caller
 * passed. Anything that is not an object is returned as is, for the validator to refuse. May throw (a throwing getter
 * or Proxy trap); the caller turns that into an InputError.
 */
export function ownData(value: unknown): unknown {
  if (typeOf(value) != "object") return value;
  const copy: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value as object)) copy[key] = (value as Record<string, unknown>)[key];
  return copy;
}
