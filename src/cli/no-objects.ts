import { escapeControls } from './escape.js';

/** DESIGN.md: "No Kubernetes object in the input: exit 2 with one line saying so (a mistyped path never passes)." */
export function noObjects(command: string, files: readonly string[]): string {
  const names = files.map((f) => (f === '-' ? '<stdin>' : f)).join(', ');
  return `route-designer ${command}: no Kubernetes objects in ${escapeControls(names)}\n`;
}
