import { useMemo, useState } from 'react';
import { describeTarget, parseTarget } from '../../core/index';
import { selectGraph, useDesign, useDesignStore } from '../../store/index';
import { exportFileName, type ExportDialect, type LineRange, type ReportEntry } from '../../store/io-export';
import { CodeView, type ScrollRequest } from './CodeView';
import { DiagramButtons } from './DiagramButtons';
import { copyText, downloadText } from './download';
import { useIo } from './io-state';
import { LossReport } from './LossReport';
import { Modal } from './Modal';
import { useConversion } from './useConversion';

const DIALECTS: readonly { readonly id: ExportDialect; readonly label: string; readonly hint: string }[] = [
  { id: 'as-is', label: 'As is', hint: 'the YAML in the editor, byte for byte' },
  { id: 'gateway-api', label: 'Gateway API', hint: 'Istio objects converted to the Gateway API' },
  { id: 'istio', label: 'Istio', hint: 'Gateway API objects converted to Istio' },
];

/**
 * Export: choose the dialect, read the loss report beside the source and the converted YAML,
 * then download one .yaml file or copy it. Also the diagram as PNG or SVG. Lazy-loaded.
 * With a design target (the toolbar's, `--target` text), every dialect is written for it — as is
 * too: apiVersions it serves, what it cannot express refused in the loss report.
 */
export default function ExportDialog() {
  const store = useDesignStore();
  const close = useIo((s) => s.close);
  // The text at the moment the dialog opened: what is previewed is what is exported.
  const [source] = useState(() => store.getState().text);
  const [target] = useState(() => store.getState().target);
  // "Gateway API v1.4.1 standard · cilium v1.20.0"; a text that cannot be read fails the conversion, which says why.
  const targetName = useMemo(() => {
    const t = parseTarget(target);
    return t.ok ? describeTarget(t.target) : target;
  }, [target]);
  const fileName = useDesign((s) => s.fileName);
  const [dialect, setDialect] = useState<ExportDialect>('as-is');
  const [subsets, setSubsets] = useState(false);
  const [name, setName] = useState(() => exportFileName(fileName, 'as-is'));
  const [active, setActive] = useState<number | null>(null);
  const [scroll, setScroll] = useState<{ source: ScrollRequest | null; target: ScrollRequest | null }>({ source: null, target: null });
  const [message, setMessage] = useState<string | null>(null);
  // As is with no target: the editor's text, nothing to convert.
  const plain = dialect === 'as-is' && target === '';
  const conversion = useConversion(source, fileName, plain ? null : dialect, subsets, target);
  const result = conversion.state === 'done' ? conversion.result : null;
  const output = plain ? source : (result?.yaml ?? null);

  const handleDialect = (d: ExportDialect): void => {
    setDialect(d);
    setName(exportFileName(fileName, d));
    setActive(null);
    setMessage(null);
  };
  const handleSelect = (i: number): void => {
    const e = result?.entries[i];
    if (!e || !result) return;
    setActive(i);
    const first = e.targets[0];
    setScroll({
      source: e.source ? { line: Math.max(e.source.start, e.line - 12), seq: Date.now() } : null,
      target: first !== undefined ? { line: result.objects[first]?.lines.start ?? 1, seq: Date.now() } : null,
    });
  };
  const handleReveal = (e: ReportEntry): void => {
    close();
    const s = store.getState();
    const r = s.analysis?.resources.find((x) => x.kind === e.resource.kind && x.namespace === e.resource.namespace && x.name === e.resource.name);
    const nodeId = r ? selectGraph(s).nodeByResource[r.id] : undefined;
    if (nodeId) s.select(nodeId, { focus: true });
    s.revealLine(e.line, e.column);
  };
  const handleCopy = (): void => {
    if (output === null) return;
    copyText(output).then(
      () => setMessage('Copied to the clipboard'),
      (e: unknown) => setMessage(`Could not copy: ${e instanceof Error ? e.message : String(e)}`),
    );
  };
  const handleDownload = (): void => {
    if (output === null) return;
    downloadText(name.trim() || exportFileName(fileName, dialect), output);
    setMessage(`Saved ${name}`);
  };

  const entry = active !== null ? result?.entries[active] : undefined;
  const targetLines = useMemo<LineRange[]>(() => (entry && result ? entry.targets.flatMap((t) => result.objects[t]?.lines ?? []) : []), [entry, result]);
  const marked = useMemo<LineRange[]>(() => (result ? [...new Set(result.entries.flatMap((e) => e.targets))].flatMap((t) => result.objects[t]?.lines ?? []) : []), [result]);
  const sourceMarks = useMemo<LineRange[]>(() => (result ? result.entries.flatMap((e) => (e.source ? [e.source] : [])) : []), [result]);

  return (
    <Modal
      title="Export"
      onClose={close}
      wide
      testId="export-dialog"
      header={
        <div className="rd-segmented" role="radiogroup" aria-label="Output dialect">
          {DIALECTS.map((d) => (
            <button key={d.id} type="button" role="radio" aria-checked={dialect === d.id} className={dialect === d.id ? 'is-on' : ''} onClick={() => handleDialect(d.id)} title={d.hint} data-testid={`export-dialect-${d.id}`}>
              {d.label}
            </button>
          ))}
        </div>
      }
      footer={
        <>
          <DiagramButtons onMessage={setMessage} />
          <span className="rd-spacer" />
          {message && (
            <span className="rd-muted" role="status" data-testid="export-message">
              {message}
            </span>
          )}
          <input className="rd-export-name" value={name} onChange={(e) => setName(e.target.value)} aria-label="File name" data-testid="export-file-name" />
          <button type="button" className="rd-button" onClick={handleCopy} disabled={output === null} data-testid="export-copy">
            Copy
          </button>
          <button type="button" className="rd-button rd-button-primary" onClick={handleDownload} disabled={output === null} data-testid="export-download">
            Download .yaml
          </button>
        </>
      }
    >
      <p className="rd-hint">
        <span>
          {dialect === 'as-is' && target !== '' ? 'the YAML in the editor, byte for byte where the target serves every object as written' : DIALECTS.find((d) => d.id === dialect)?.hint}
          {target !== '' && (
            <>
              {' — '}
              <span data-testid="export-target">for {targetName}</span>
            </>
          )}
          .
        </span>
        {dialect === 'gateway-api' && (
          <label className="rd-check">
            <input type="checkbox" checked={subsets} onChange={(e) => setSubsets(e.target.checked)} data-testid="export-subsets" /> DestinationRule subsets as Services
          </label>
        )}
      </p>
      {plain ? (
        <CodeView text={source} label="The YAML to export" testId="export-preview" />
      ) : conversion.state === 'failed' ? (
        <div className="rd-callout rd-callout-error" role="alert" data-testid="export-failed">
          {conversion.message}
        </div>
      ) : !result ? (
        <div className="rd-export-wait" role="status" data-testid="export-converting">
          <span className="rd-spinner" /> Converting…
        </div>
      ) : dialect === 'as-is' && result.entries.length === 0 ? (
        <CodeView text={result.yaml} label="The YAML to export" testId="export-preview" />
      ) : (
        <>
          {result.errors > 0 && (
            <div className="rd-callout rd-callout-error" role="alert" data-testid="export-errors">
              The design has {result.errors} error{result.errors === 1 ? '' : 's'}: the conversion may be incomplete (the command line refuses to convert it).
            </div>
          )}
          <div className="rd-export-grid">
            <LossReport entries={result.entries} active={active} onSelect={handleSelect} onReveal={handleReveal} onSubsetsAsServices={subsets ? undefined : () => setSubsets(true)} />
            <div className="rd-export-pane">
              <div className="rd-export-pane-title">Source · {fileName}</div>
              <CodeView text={source} label="Source YAML" testId="export-source" highlights={entry?.source ? [entry.source] : []} marks={sourceMarks} current={entry?.line ?? null} scrollTo={scroll.source} />
            </div>
            <div className="rd-export-pane">
              <div className="rd-export-pane-title">
                {DIALECTS.find((d) => d.id === dialect)?.label} · {result.objects.length} objects
              </div>
              <CodeView text={result.yaml} label="Converted YAML" testId="export-converted" highlights={targetLines} marks={marked} scrollTo={scroll.target} />
            </div>
          </div>
        </>
      )}
    </Modal>
  );
}
