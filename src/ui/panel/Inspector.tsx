import type { GraphEdge, GraphGroup, GraphNode, RouteGraph } from '../../core/index';
import { diagnosticsOfSelection, selectGraph, selectGroup, selectNode, selectResource, useDesign, useDesignStore, type DesignState } from '../../store/index';
import { Badge, Chip } from '../common/Badge';
import { FAMILY_LABEL } from '../common/family';
import { KindLabel } from '../common/KindLabel';
import { ProblemRow } from './ProblemsList';
import { NodeEditor } from '../inspector/NodeEditor';
import { NodeName } from '../inspector/NodeName';
import { NodeNamespace } from '../inspector/NodeNamespace';
import { ObjectStatusView } from '../status/ObjectStatusView';

const ROW_TITLES: Readonly<Record<string, string>> = { listener: 'Listeners', server: 'Servers', rule: 'Rules', port: 'Ports', subset: 'Subsets', backend: 'Backends' };

/** Read-only details of the selected node or namespace. */
export function Inspector() {
  const selection = useDesign((s) => s.selection);
  const node = useDesign((s) => (s.selection ? selectNode(s, s.selection) : undefined));
  const group = useDesign((s) => (s.selection ? selectGroup(s, s.selection) : undefined));
  // A collapsed namespace is inspected as its namespace (with the button that opens it).
  const folded = useDesign((s) => (node?.collapsed ? selectGroup(s, node.collapsed.group) : undefined));
  if (!selection || (!node && !group)) return <Overview />;
  if (folded) return <GroupDetails group={folded} />;
  return node ? <NodeDetails node={node} /> : group ? <GroupDetails group={group} /> : null;
}

/** What the design holds: every object by kind (Secrets and Namespaces too), so the list adds up to the count. */
function Overview() {
  const graph = useDesign(selectGraph);
  const all = useDesign((s) => s.shown?.resources);
  const resources = all?.length ?? 0;
  const counts = new Map<string, number>();
  for (const r of all ?? []) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  return (
    <div className="rd-inspector rd-overview">
      <p className="rd-hint">Select a node on the canvas to inspect it.</p>
      <h3 className="rd-section-title">This design</h3>
      <p className="rd-muted">
        <span data-testid="design-count">{resources}</span> object{resources === 1 ? '' : 's'} in {graph.groups.length} namespace{graph.groups.length === 1 ? '' : 's'}
      </p>
      <ul className="rd-kv" data-testid="design-kinds">
        {[...counts].map(([kind, n]) => (
          <li key={kind}>
            <span>{kind}</span>
            <span>{n}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function NodeDetails({ node }: { node: GraphNode }) {
  const store = useDesignStore();
  const graph = useDesign(selectGraph);
  const resource = useDesign((s) => (node.resourceId ? selectResource(s, node.resourceId) : undefined));
  const problems = useDesign((s) => problemsOf(s, node.id));
  const rowKinds = [...new Set(node.rows.map((r) => r.kind))];
  return (
    <div className="rd-inspector" data-testid="inspector">
      <div className="rd-inspector-head">
        <KindLabel kind={node.kind} family={node.family} withFamily={false} />
        <span className="rd-muted">{FAMILY_LABEL[node.family]}</span>
      </div>
      <NodeName node={node} />
      <dl className="rd-facts">
        {node.namespace && (
          <>
            <dt>Namespace</dt>
            <dd>
              <NodeNamespace node={node} />
            </dd>
          </>
        )}
        {node.apiVersion && (
          <>
            <dt>apiVersion</dt>
            <dd>{node.apiVersion}</dd>
          </>
        )}
        {node.subtitle && (
          <>
            <dt>{node.role === 'route' ? 'Hosts' : 'Details'}</dt>
            <dd>{node.subtitle}</dd>
          </>
        )}
        {resource && (
          <>
            <dt>Source</dt>
            <dd>
              <button type="button" className="rd-link" onClick={() => store.getState().select(node.id, { reveal: true })}>
                {resource.source.file}:{resource.source.line}–{resource.source.endLine}
              </button>
            </dd>
          </>
        )}
      </dl>
      {node.missing && <p className="rd-callout rd-callout-error">{node.missing}</p>}
      {node.badges.length > 0 && (
        <div className="rd-badge-list">
          {node.badges.map((b) => (
            <span key={b.text} className="rd-badge-detail">
              <Badge badge={b} /> {b.detail}
            </span>
          ))}
        </div>
      )}
      <NodeEditor node={node} />
      {rowKinds.map((kind) => (
        <section key={kind}>
          <h3 className="rd-section-title">{ROW_TITLES[kind] ?? kind}</h3>
          <ul className="rd-detail-rows">
            {node.rows
              .filter((r) => r.kind === kind)
              .map((r) => (
                <li key={r.id} className={r.severity ? `rd-row-${r.severity}` : undefined}>
                  {r.name && <span className="rd-row-name">{r.name}</span>}
                  <span className="rd-detail-label">{r.label}</span>
                  {(r.badges.length > 0 || r.chips.length > 0) && (
                    <span className="rd-detail-tags">
                      {r.badges.map((b) => (
                        <span key={b.text} title={b.detail}>
                          <Badge badge={b} />
                          {b.detail && <span className="rd-muted"> {b.detail}</span>}
                        </span>
                      ))}
                      {r.chips.map((c) => (
                        <Chip key={c} text={c} />
                      ))}
                    </span>
                  )}
                </li>
              ))}
          </ul>
        </section>
      ))}
      <Connections graph={graph} node={node} />
      {node.resourceId && <ObjectStatusView resourceId={node.resourceId} />}
      <section>
        <h3 className="rd-section-title">Problems ({problems.length})</h3>
        {problems.length === 0 ? (
          <p className="rd-muted">None.</p>
        ) : (
          <ul className="rd-problems">
            {problems.map(({ index, diagnostic }) => (
              <ProblemRow key={index} index={index} diagnostic={diagnostic} compact />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

const problemCache = new WeakMap<object, Map<string, { index: number; diagnostic: NonNullable<DesignState['analysis']>['diagnostics'][number] }[]>>();

/** The node's diagnostics, memoised per analysis so the selector returns a stable array. */
function problemsOf(s: DesignState, id: string) {
  const a = s.analysis;
  if (!a) return [];
  let m = problemCache.get(a);
  if (!m) {
    m = new Map();
    problemCache.set(a, m);
  }
  let list = m.get(id);
  if (!list) {
    list = diagnosticsOfSelection(s, id).flatMap((index) => {
      const diagnostic = a.diagnostics[index];
      return diagnostic ? [{ index, diagnostic }] : [];
    });
    m.set(id, list);
  }
  return list;
}

function Connections({ graph, node }: { graph: RouteGraph; node: GraphNode }) {
  const store = useDesignStore();
  const incoming = graph.edges.filter((e) => e.target === node.id);
  const outgoing = graph.edges.filter((e) => e.source === node.id);
  if (incoming.length === 0 && outgoing.length === 0) return null;
  // A backend on a "Not in this design" card is named by its row, and the link picks that row out.
  const backendRow = (id: string, rowId: string | undefined) =>
    rowId === undefined ? undefined : graph.nodes.find((x) => x.id === id)?.rows.find((r) => r.id === rowId && r.kind === 'backend');
  const nameOf = (id: string, rowId?: string): string => {
    const n = graph.nodes.find((x) => x.id === id);
    return n ? `${n.kind} ${n.namespace ? `${n.namespace}/` : ''}${backendRow(id, rowId)?.key ?? n.name}` : id;
  };
  const item = (e: GraphEdge, other: string, arrow: string) => {
    const row = other === e.target ? backendRow(other, e.targetRow) : undefined;
    const go = (): void => (row ? store.getState().selectRow(other, row.id) : store.getState().select(other, { reveal: true, focus: true }));
    return (
      <li key={e.id} className={e.broken ? 'rd-row-error' : undefined}>
        <button type="button" className="rd-link" onClick={go}>
          {arrow} {nameOf(other, row?.id)}
        </button>
        {e.label && <span className="rd-muted"> · {e.label}</span>}
        {e.broken && <span className="rd-broken"> — {e.broken}</span>}
        {e.detached && (
          <span className="rd-broken">
            {' '}
            — not accepted: {e.detached.reason}: {e.detached.message}
          </span>
        )}
      </li>
    );
  };
  return (
    <section>
      <h3 className="rd-section-title">Connections</h3>
      <ul className="rd-detail-rows">
        {incoming.map((e) => item(e, e.source, '←'))}
        {outgoing.map((e) => item(e, e.target, '→'))}
      </ul>
    </section>
  );
}

function GroupDetails({ group }: { group: GraphGroup }) {
  const store = useDesignStore();
  // Whether the namespace is drawn collapsed, from the view state itself: the namespace may be
  // selected as a group and then collapsed from the canvas, and the button must offer Expand.
  const collapsed = useDesign((s) => s.collapsed[group.id] === true);
  const problems = useDesign((s) => problemsOf(s, group.id));
  const members = useDesign((s) => selectGraph(s).nodes.filter((n) => n.group === group.id).length);
  return (
    <div className="rd-inspector" data-testid="inspector">
      <div className="rd-inspector-head">
        <KindLabel kind="Namespace" family="core" withFamily={false} />
      </div>
      <h2 className="rd-inspector-name">{group.namespace}</h2>
      <dl className="rd-facts">
        <dt>Objects</dt>
        <dd>
          {members}
          {collapsed ? ', collapsed into one node' : ''}{' '}
          <button type="button" className="rd-link" onClick={() => store.getState().toggleNamespace(group.id)} data-testid="inspector-toggle-namespace">
            {collapsed ? 'Expand' : 'Collapse'}
          </button>
        </dd>
        <dt>Declared</dt>
        <dd>{group.resourceId ? 'yes (a Namespace object)' : 'no — only referenced'}</dd>
        {Object.entries(group.labels).map(([k, v]) => (
          <div key={k} className="rd-fact-pair">
            <dt>label</dt>
            <dd>
              {k}={v}
            </dd>
          </div>
        ))}
      </dl>
      <h3 className="rd-section-title">Problems ({problems.length})</h3>
      <ul className="rd-problems">
        {problems.map(({ index, diagnostic }) => (
          <ProblemRow key={index} index={index} diagnostic={diagnostic} compact />
        ))}
      </ul>
    </div>
  );
}
