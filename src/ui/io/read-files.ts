import { isRouteTestsText, type DesignStore } from '../../store/index';
import { isManifestName, type TextFile } from '../../store/io-files';

export interface ReadFiles {
  readonly files: TextFile[];
  /** Names left out: not .yaml, .yml or .json. */
  readonly skipped: string[];
  /** RouteTests files among them: not manifests, they became the design's tests. */
  readonly tests: string[];
}

/**
 * Reads the manifest files among those chosen or dropped, in the order given. A RouteTests file
 * (`kind: RouteTests`) is not a manifest: with `store`, it becomes the design's tests — kept
 * through the load of the manifests opened with it — and the Tests tab shows them.
 */
export async function readManifestFiles(list: FileList | readonly File[] | null, store?: DesignStore): Promise<ReadFiles> {
  const all = list ? Array.from(list) : [];
  const chosen = all.filter((f) => isManifestName(f.name));
  const read = await Promise.all(chosen.map(async (f) => ({ name: f.name, text: await f.text() })));
  const tests = store ? read.filter((f) => isRouteTestsText(f.text)) : [];
  const files = read.filter((f) => !tests.includes(f));
  const last = tests[tests.length - 1];
  if (store && last) {
    store.getState().openRouteTests(last.text, { withDesign: files.length > 0 });
    store.getState().setPanelTab('tests');
  }
  return { files, skipped: all.filter((f) => !isManifestName(f.name)).map((f) => f.name), tests: tests.map((f) => f.name) };
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
