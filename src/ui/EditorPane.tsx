import { lazy, Suspense } from 'react';
import { useDesign, useDesignStore } from '../store/index';
import { IconChevron } from './common/icons';

/** Monaco (~1 MB gzip with its workers) is fetched only when the editor first shows. */
const YamlEditor = lazy(() => import('./editor/YamlEditor'));

export function EditorPane() {
  const store = useDesignStore();
  const fileName = useDesign((s) => s.fileName);
  return (
    <section className="rd-editor-pane" aria-label="YAML editor">
      <div className="rd-pane-header">
        <span className="rd-file-name">{fileName}</span>
        <span className="rd-spacer" />
        <button type="button" className="rd-button rd-icon-button" onClick={() => store.getState().toggleEditor()} aria-label="Hide the YAML editor" title="Hide the YAML editor">
          <IconChevron direction="left" />
        </button>
      </div>
      <Suspense fallback={<div className="rd-editor-loading">Loading editor…</div>}>
        <YamlEditor />
      </Suspense>
    </section>
  );
}
