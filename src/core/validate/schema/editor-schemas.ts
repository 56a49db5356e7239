import schema from './generated/editor-schema.js';

/** A schema association as monaco-yaml's `configureMonacoYaml({ schemas })` takes it. */
export interface EditorSchema {
  readonly uri: string;
  readonly fileMatch: string[];
  readonly schema: object;
}

/** Never fetched: the schema is given inline; the URI only names it (hover links, caching). */
export const EDITOR_SCHEMA_URI = 'https://route-designer.dev/schemas/resources.json';

/**
 * The YAML editor's schemas: ONE JSON Schema for every kind Route Designer models (generated
 * from the same model declarations as the validator's field index, see src/tools/gen-schemas.ts),
 * applied to every document. Each YAML document is matched on its own: an `if`/`then` per
 * apiVersion + kind selects the kind's schema, so a multi-document file mixing Gateways,
 * HTTPRoutes and Services gets completion and hover docs for each. Other kinds get none.
 *
 * Heavy (a few hundred KiB with the documentation): import this module lazily, with the editor.
 */
export function editorSchemas(): EditorSchema[] {
  return [{ uri: EDITOR_SCHEMA_URI, fileMatch: ['*'], schema }];
}
