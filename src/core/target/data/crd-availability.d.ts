// Generated data's type, written by hand for src/tools/gen-crd-availability.ts. Do not edit the .js.
/**
 * Which Gateway API kinds, served apiVersions, field paths and enum values each release and
 * channel's CRDs have. Values are presence intervals over `releases`
 * (src/core/target/availability-format.ts).
 */
declare const data: {
  readonly source: { readonly repo: string; readonly files: string; readonly tags: { readonly [tag: string]: string } };
  /** Release tags, oldest first; the intervals index this list. */
  readonly releases: readonly string[];
  /** kind → full apiVersion → entry (`@served`, `@storage`, a field path, or `path=value`) → intervals. */
  readonly kinds: { readonly [kind: string]: { readonly [apiVersion: string]: { readonly [entry: string]: string } } };
};
export default data;
