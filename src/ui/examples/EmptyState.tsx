import { useState } from 'react';
import { useDesign, useDesignStore } from '../../store/index';
import { importManifest, isEmptyDesign } from '../../store/io-import';
import { useIo } from '../io/io-state';
import './examples.css';
import { EXAMPLES, fetchExample, type Example } from './catalog';

/**
 * What a blank canvas says: how to get a design in (paste, drop, open, import) and a start from
 * a curated example. Loading one is an import: it replaces the (empty) design in one step.
 */
export function EmptyState() {
  const store = useDesignStore();
  const empty = useDesign(isEmptyDesign);
  const openImport = useIo((s) => s.openImport);
  const [failure, setFailure] = useState<string | null>(null);
  if (!empty) return null;
  const handleExample = (e: Example): void => {
    setFailure(null);
    fetchExample(e.file).then(
      (text) => importManifest(store, text, { mode: 'replace', fileName: e.file }),
      (error: unknown) => setFailure(`Could not load ${e.title}: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  return (
    <div className="rd-empty-state" data-testid="empty-state">
      <div className="rd-empty-card">
        <h2>An empty design</h2>
        <p className="rd-muted">
          Paste a manifest here (<kbd>Ctrl</kbd>+<kbd>V</kbd>), drop <code>.yaml</code> files on the window, type in the YAML editor, or{' '}
          <button type="button" className="rd-link" onClick={() => openImport()} data-testid="empty-import">
            import manifests
          </button>
          .
        </p>
        <h3>Start from an example</h3>
        <ul className="rd-example-list">
          {EXAMPLES.map((e) => (
            <li key={e.file}>
              <button type="button" className="rd-example" onClick={() => handleExample(e)} data-testid={`example-${e.file.replace(/\.yaml$/, '')}`}>
                <span className="rd-example-title">
                  {e.title} <span className={`rd-example-dialect is-${e.dialect === 'Istio' ? 'istio' : 'gateway-api'}`}>{e.dialect}</span>
                </span>
                <span className="rd-example-desc">{e.description}</span>
              </button>
            </li>
          ))}
        </ul>
        {failure && (
          <p className="rd-sev-error" role="alert">
            {failure}
          </p>
        )}
      </div>
    </div>
  );
}
