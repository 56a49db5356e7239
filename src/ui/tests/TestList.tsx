import { useState } from 'react';
import { useDesignStore, type RouteTestRow } from '../../store/index';
import { TestRowView } from './TestRow';

/**
 * One row per case, in the file's order. A row is renamed or deleted in the YAML by its index,
 * so both wait while the rows are of an older text (`editable` false).
 */
export function TestList({ rows, editable, onDeleted }: { rows: readonly RouteTestRow[]; editable: boolean; onDeleted: (name: string, before: string, after: string) => void }) {
  const store = useDesignStore();
  const [error, setError] = useState<string | null>(null);
  const handleDelete = (index: number, name: string): void => {
    const before = store.getState().routeTests.text;
    const edit = store.getState().deleteRouteTest(index);
    setError(edit.ok ? null : edit.error);
    if (edit.ok) onDeleted(name, before, edit.text);
  };
  const handleRename = (index: number, name: string): boolean => {
    const edit = store.getState().renameRouteTest(index, name);
    setError(edit.ok ? null : edit.error);
    return edit.ok;
  };
  const handleAccept = (index: number): void => {
    const edit = store.getState().acceptRouteTest(index);
    setError(edit.ok ? null : edit.error);
  };
  const taken = new Set(rows.map((r) => r.name));
  return (
    <>
      {error && <p className="rd-callout rd-callout-error">{error}</p>}
      <ul className="rd-tests-list" aria-label="Route tests">
        {rows.map((row, i) => (
          <TestRowView key={`${i}:${row.name}`} row={row} editable={editable} taken={taken} onRename={(name) => handleRename(i, name)} onDelete={() => handleDelete(i, row.name)} onAccept={() => handleAccept(i)} />
        ))}
      </ul>
    </>
  );
}
