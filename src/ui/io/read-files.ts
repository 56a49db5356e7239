import { isManifestName, type TextFile } from '../../store/io-files';

export interface ReadFiles {
  readonly files: TextFile[];
  /** Names left out: not .yaml, .yml or .json. */
  readonly skipped: string[];
}

/** Reads the manifest files among those chosen or dropped, in the order given. */
export async function readManifestFiles(list: FileList | readonly File[] | null): Promise<ReadFiles> {
  const all = list ? Array.from(list) : [];
  const chosen = all.filter((f) => isManifestName(f.name));
  const files = await Promise.all(chosen.map(async (f) => ({ name: f.name, text: await f.text() })));
  return { files, skipped: all.filter((f) => !isManifestName(f.name)).map((f) => f.name) };
}

/** True when a drag carries files (not text or a link). */
export function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/** A paste or key press aimed at a text field or the YAML editor belongs to it, not to the canvas. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .monaco-editor') !== null;
}
