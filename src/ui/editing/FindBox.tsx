import { useMemo, useState, type KeyboardEvent } from 'react';
import type { GraphNode, GraphRow } from '../../core/index';
import { selectGraph, useDesign, useDesignStore } from '../../store/index';
import { KindLabel } from '../common/KindLabel';
import { useEditing } from './useEditing';

const MAX_RESULTS = 8;

/** A match: a node, or one backend row of a "Not in this design" card (found by the backend's name). */
export interface FindResult {
  readonly id: string;
  readonly node: GraphNode;
  readonly row?: GraphRow;
  readonly name: string;
}

/** Nodes (and missing backends) whose name (or `kind namespace/name`) contains the query; names that start with it first. */
export function findNodes(nodes: readonly GraphNode[], query: string): FindResult[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const candidates: FindResult[] = nodes.flatMap((node) => [
    { id: node.id, node, name: node.name },
    ...node.rows.filter((row) => row.kind === 'backend').map((row) => ({ id: row.id, node, row, name: row.key })),
  ]);
  const scored = candidates.flatMap((c) => {
    const name = c.name.toLowerCase();
    const full = `${c.node.kind} ${c.node.namespace}/${c.name}`.toLowerCase();
    const score = name === q ? 0 : name.startsWith(q) ? 1 : name.includes(q) ? 2 : full.includes(q) ? 3 : -1;
    return score < 0 ? [] : [{ c, score }];
  });
  return scored
    .sort((a, b) => a.score - b.score || a.c.name.localeCompare(b.c.name))
    .slice(0, MAX_RESULTS)
    .map((x) => x.c);
}

/** Ctrl/Cmd+F: find a resource by name; Enter selects it, centres it and shows its YAML. */
export function FindBox() {
  const open = useEditing((s) => s.findOpen);
  return open ? <FindPanel /> : null;
}

function FindPanel() {
  const design = useDesignStore();
  const setFindOpen = useEditing((s) => s.setFindOpen);
  const graph = useDesign(selectGraph);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const results = useMemo(() => findNodes(graph.nodes, query), [graph, query]);
  const choose = (found: FindResult | undefined): void => {
    if (!found) return;
    // A missing backend lands on its card, its row picked out.
    if (found.row) design.getState().selectRow(found.node.id, found.row.id);
    else design.getState().select(found.node.id, { focus: true, reveal: true });
    setFindOpen(false);
  };
  const handleKey = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, results.length - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter') choose(results[active]);
    else if (event.key === 'Escape') setFindOpen(false);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <div className="rd-find" role="search" data-testid="find-box">
      <input
        autoFocus
        className="rd-find-input"
        placeholder="Find a resource by name…"
        aria-label="Find a resource by name"
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls="rd-find-list"
        aria-autocomplete="list"
        aria-activedescendant={results.length > 0 ? `rd-find-${active}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={handleKey}
        onBlur={() => setTimeout(() => setFindOpen(false), 150)}
        data-testid="find-input"
      />
      {query.trim() !== '' && results.length === 0 && <p className="rd-find-results rd-find-none">No resource named like “{query.trim()}”</p>}
      {results.length > 0 && (
        // A combobox's list (WAI-ARIA APG): the input keeps the focus, arrows move the active option.
        <ul className="rd-find-results" role="listbox" id="rd-find-list" aria-label="Matching resources">
          {results.map((r, i) => (
            <li key={r.id} id={`rd-find-${i}`} role="option" aria-selected={i === active} className={i === active ? 'is-active' : undefined} onMouseDown={(e) => e.preventDefault()} onClick={() => choose(r)} data-testid="find-result">
              <KindLabel kind={r.node.kind} family={r.node.family} withFamily={false} />
              <span className="rd-find-name">{r.name}</span>
              {r.node.namespace && <span className="rd-muted">{r.node.namespace}</span>}
              {r.row && <span className="rd-muted">not in this design</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
