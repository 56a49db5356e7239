import { describe, expect, it } from 'vitest';
import { createSyncAnalyzer } from './analysis';
import { createDesignStore } from './design-store';
import { createHistory } from './history';

function setup() {
  const design = createDesignStore({ analyzer: createSyncAnalyzer(), fileName: 'd.yaml', simulatorDelayMs: 0 });
  let now = 0;
  const history = createHistory(design, () => now);
  const tick = (ms: number) => (now += ms);
  const past = () => history.doc.temporal.getState().pastStates.map((p) => p.text);
  return { design, history, tick, past };
}

describe('history: what one undo step is', () => {
  it.each([
    ['typing in quick succession is one step', [['type', 'a', 100], ['type', 'ab', 300], ['type', 'abc', 500]], ['']],
    ['a typing pause starts a new step', [['type', 'a', 0], ['type', 'ab', 2000]], ['', 'a']],
    ['a load is one step, and typing after it another', [['load', 'x', 0], ['type', 'xy', 10]], ['', 'x']],
    ['an edit after typing is its own step', [['type', 'a', 0], ['edit', 'ab', 10]], ['', 'a']],
    ['repeated edits of one field are one step', [['edit:w', 'a', 0], ['edit:w', 'ab', 300], ['edit:w', 'abc', 300]], ['']],
    ['edits of different fields are separate steps', [['edit:w', 'a', 0], ['edit:v', 'ab', 10]], ['', 'a']],
  ] as const)('%s', (_name, changes, expected) => {
    const { design, history, tick, past } = setup();
    for (const [cause, text, ms] of changes) {
      tick(ms);
      if (cause === 'type') design.getState().editText(text);
      else if (cause === 'load') design.getState().loadText(text);
      else {
        history.expect('Edit', cause.slice(5) || undefined);
        design.getState().replaceText(text, 'edit');
      }
    }
    expect(past()).toEqual(expected);
  });

  it('view state is never recorded; undo and redo restore the text only', () => {
    const { design, history, past } = setup();
    design.getState().loadText('a: 1\n');
    design.getState().select('x');
    design.getState().moveNode('x', { x: 1, y: 2 });
    design.getState().setTheme('dark');
    expect(past()).toEqual(['']);
    expect(history.undo()).toBe(true);
    expect(design.getState().text).toBe('');
    expect(design.getState().positions.x).toEqual({ x: 1, y: 2 });
    expect(history.redo()).toBe(true);
    expect(design.getState().text).toBe('a: 1\n');
    expect(history.redo()).toBe(false);
  });

  it('Secret redaction joins the step it follows: undo never brings secret values back', () => {
    const { design, history, past } = setup();
    design.getState().loadText('secret-with-key');
    design.setState({ text: 'secret-redacted', textSeq: design.getState().textSeq + 1, textCause: 'redact' });
    expect(past()).toEqual(['']);
    history.undo();
    history.redo();
    expect(design.getState().text).toBe('secret-redacted');
  });

  it('names each step for the undo button', () => {
    const { design, history } = setup();
    history.expect('Add Gateway');
    design.getState().replaceText('kind: Gateway', 'edit');
    expect(history.doc.getState().label).toBe('Add Gateway');
    design.getState().editText('kind: Gateway\n');
    expect(history.doc.getState().label).toBe('Edit YAML');
  });
});
