import { describe, expect, it } from 'vitest';
import { analyze } from './analysis';
import { AnalysisAssembler, analysisReplies } from './analyzer-protocol';

const TEXT = ['Gateway', 'HTTPRoute', 'Service'].map((kind, i) => `apiVersion: ${kind === 'Service' ? 'v1' : 'gateway.networking.k8s.io/v1'}\nkind: ${kind}\nmetadata:\n  name: x${i}\n  namespace: ns\n`).join('---\n');

describe('an analysis in pieces', () => {
  it.each([1, 2, 1000])('comes back whole from chunks of %d items', (chunk) => {
    const analysis = analyze({ seq: 7, files: [{ name: 'a.yaml', text: TEXT }] });
    expect(analysis.resources.length).toBe(3);
    const replies = analysisReplies(analysis, chunk);
    const chunks = replies.filter((r) => r.type === 'analysis-chunk');
    expect(chunks.every((r) => r.type === 'analysis-chunk' && r.items.length <= chunk)).toBe(true);
    // The closing message is last and carries no big list.
    const last = replies[replies.length - 1];
    expect(last?.type === 'analysis' && last.analysis.resources.length === 0 && last.analysis.graph.nodes.length === 0).toBe(true);
    const assembler = new AnalysisAssembler();
    const results = replies.map((r) => assembler.add(r));
    expect(results.slice(0, -1).every((r) => r === null)).toBe(true);
    expect(results[results.length - 1]).toEqual(analysis);
  });

  it('keeps two analyses in flight apart', () => {
    const a = analyze({ seq: 1, files: [{ name: 'a.yaml', text: TEXT }] });
    const b = analyze({ seq: 2, files: [{ name: 'a.yaml', text: TEXT.split('---\n')[0] ?? '' }] });
    const assembler = new AnalysisAssembler();
    const ra = analysisReplies(a, 1);
    const rb = analysisReplies(b, 1);
    const mixed = [...ra.slice(0, -1), ...rb.slice(0, -1), ra[ra.length - 1], rb[rb.length - 1]];
    const out = mixed.map((r) => (r ? assembler.add(r) : null)).filter((x) => x !== null);
    expect(out).toEqual([a, b]);
  });
});
