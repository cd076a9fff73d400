/**
 * The one way to key a map or set by an object named by schema and name (a table, a view, an
 * enum type). The pair is serialised whole, so no two pairs share a key: joining with a dot
 * would make `"a.b"."c"` and `"a"."b.c"` the same.
 *
 * @example qualifiedKey("blog", "posts") // => '["blog","posts"]'
 */
export const qualifiedKey = (schema: string, name: string): string =>
  JSON.stringify([schema, name]);

/** `qualifiedKey` of a reference such as a `TableRef`, a `View` or an `EnumType`. */
export const refKey = (ref: { readonly schema: string; readonly name: string }): string =>
  qualifiedKey(ref.schema, ref.name);
