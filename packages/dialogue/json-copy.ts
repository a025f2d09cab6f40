/**
 * `JSON.parse(JSON.stringify(value))` without the text in between: the same copy (keys in the same
 * order, `undefined` and functions left out of objects and `null` in arrays, non-finite numbers
 * `null`, -0 as 0), built directly. The dialogue copies its state on every engine step (a money
 * pair makes five or more), and the round trip through a string was the largest single function
 * of the money turn's dialogue in Node (cloneState, ~8% of the pair's JavaScript).
 * Anything that is not plain data (a Date, a class, a Map, a boxed primitive, a `toJSON`) is copied
 * by the round trip itself, so its JSON form is exactly what it was.
 */
export function jsonCopy<T>(value: T): T {
  return copy(value, "") as T;
}

function copy(value: unknown, key: string): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      // JSON writes -0 as 0, NaN and ±Infinity as null.
      return Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
    case "object":
      if (value === null) return null;
      if (Array.isArray(value)) return copyArray(value);
      if (isPlain(value)) return copyObject(value as Record<string, unknown>);
      return viaJson(value, key);
    case "bigint":
      // JSON.stringify throws on a BigInt; so does this (the same TypeError's kind).
      return viaJson(value, key);
    default:
      // undefined, functions and symbols: left out of an object, null in an array (callers below).
      return undefined;
  }
}

function copyArray(array: readonly unknown[]): unknown[] {
  if (hasToJson(array)) return viaJson(array, "") as unknown[];
  const out = new Array<unknown>(array.length);
  for (let i = 0; i < array.length; i++) {
    const item = copy(array[i], String(i));
    out[i] = item === undefined ? null : item;
  }
  return out;
}

function copyObject(object: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    const item = copy(object[key], key);
    if (item === undefined) continue;
    // JSON.parse makes "__proto__" an own property; assigning it would set the prototype instead.
    if (key === "__proto__") Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out;
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && !hasToJson(value);
}

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === "function";
}

/** The round trip itself, as the value would be written under `key` (a toJSON sees its key). */
function viaJson(value: unknown, key: string): unknown {
  const text = JSON.stringify({ [key]: value });
  return (JSON.parse(text) as Record<string, unknown>)[key];
}
