import { useState } from 'react';
import { useDesignStore, type RouteTestRow } from '../../store/index';
import { RenameField } from './RenameField';
import { requestLine, witnessExtras } from './test-words';

interface Props {
  readonly row: RouteTestRow;
  readonly editable: boolean;
  readonly taken: ReadonlySet<string>;
  onRename(name: string): boolean;
  onDelete(): void;
  onAccept(): void;
}

/** A case: ✓ or ✗, its name and request; a failing case opens on what differed (expected, got). */
export function TestRowView({ row, editable, taken, onRename, onDelete, onAccept }: Props) {
  const store = useDesignStore();
  const [open, setOpen] = useState<boolean | null>(null);
  const [renaming, setRenaming] = useState(false);
  const expanded = open ?? !row.passed;
  const extras = witnessExtras(row.witness);
  return (
    <li className={`rd-test${row.passed ? ' is-ok' : ' is-fail'}`} data-testid="test-row" data-name={row.name} data-passed={row.passed}>
      <div className="rd-test-head">
        <span className="rd-test-mark" role="img" aria-label={row.passed ? 'holds' : 'fails'}>
          {row.passed ? '✓' : '✗'}
        </span>
        {renaming ? (
          <RenameField
            name={row.name}
            taken={taken}
            onDone={(name) => {
              if (name === null || name === row.name || onRename(name)) setRenaming(false);
            }}
          />
        ) : (
          <button type="button" className="rd-test-name" aria-expanded={expanded} onClick={() => setOpen(!expanded)} data-testid="test-name" title={`Line ${row.line} of the tests' YAML`}>
            {row.name}
          </button>
        )}
      </div>
      <div className="rd-test-request" data-testid="test-request">
        <code>{requestLine(row.witness)}</code>
        {extras.map((e) => (
          <span key={e} className="rd-test-chip">
            {e}
          </span>
        ))}
      </div>
      {expanded && (
        <div className="rd-test-body">
          {row.failures.length > 0 && (
            <ul className="rd-test-failures" data-testid="test-failures">
              {row.failures.map((f, i) => (
                <li key={i}>
                  <span className="rd-test-field">{f.field}</span>
                  <span className="rd-test-expected">
                    expected <code>{f.expected}</code>
                  </span>
                  <span className="rd-test-got">
                    got <code>{f.actual}</code>
                  </span>
                </li>
              ))}
            </ul>
          )}
          <div className="rd-test-actions">
            <button type="button" className="rd-button rd-sim-small" onClick={() => store.getState().simulateWitness(row.witness)} data-testid="test-simulate" title="Fill the simulator with this request and show its answer">
              Simulate
            </button>
            {!row.passed && (
              <button
                type="button"
                className="rd-button rd-sim-small"
                disabled={!editable}
                onClick={onAccept}
                data-testid="test-accept"
                title="The change is intended: each expectation that did not hold takes the value the design gives now (the rest stays as written)"
              >
                Accept answer
              </button>
            )}
            <button type="button" className="rd-button rd-sim-small" disabled={!editable} onClick={() => setRenaming(true)} data-testid="test-rename">
              Rename
            </button>
            <button type="button" className="rd-button rd-sim-small rd-test-delete" disabled={!editable} onClick={onDelete} data-testid="test-delete">
              Delete
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
