/**
 * Getting manifests in: files and pasted text → one multi-document YAML text. Pure: the UI reads
 * the files (File.text()) and hands their names and texts here.
 */

/** What Open, drop and the import dialog accept (YAML is a superset of JSON: a .json file is one document). */
export const MANIFEST_EXTENSIONS: readonly string[] = ['.yaml', '.yml', '.json'];

export interface TextFile {
  readonly name: string;
  readonly text: string;
}

export type ImportMode = 'replace' | 'append';

export function isManifestName(name: string): boolean {
  const lower = name.toLowerCase();
  return MANIFEST_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function withNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * Several files as one stream of documents, in the order given. One file is kept byte for byte;
 * with several, each starts with a `# Source: NAME` comment so a reviewer sees where it came from.
 */
export function joinManifests(files: readonly TextFile[]): string {
  if (files.length === 1) return files[0]?.text ?? '';
  return files.map((f) => `# Source: ${f.name}\n${withNewline(f.text)}`).join('---\n');
}

/** The document's text with more documents after it (a `---` between, the old text untouched). */
export function appendManifest(current: string, added: string): string {
  if (isBlankManifest(current)) return added;
  return `${withNewline(current)}---\n${added}`;
}

/** The result of an import: the new text of the document, and its file name. */
export function importedText(current: string, added: string, mode: ImportMode): string {
  return mode === 'append' ? appendManifest(current, added) : added;
}

/** The design's file name after opening these files: the one file's name, else a neutral one. */
export function importedFileName(files: readonly TextFile[], fallback = 'imported.yaml'): string {
  const only = files.length === 1 ? files[0] : undefined;
  if (!only) return fallback;
  return only.name.toLowerCase().endsWith('.json') ? only.name.replace(/\.json$/i, '.yaml') : only.name;
}

/**
 * Nothing but blank lines, comments and document markers: nothing to draw. Stops at the first
 * line with content, so it stays cheap on a 10 MB document (the empty state asks on every change).
 */
export function isBlankManifest(text: string): boolean {
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end).trim();
    if (!(line === '' || line.startsWith('#') || line === '---' || line === '...')) return false;
    if (end < 0) break;
    start = end + 1;
  }
  return true;
}
