import { useState } from 'react';

/** The name in an input: Enter keeps it (unless another case has it), Escape or leaving gives up. */
export function RenameField({ name, taken, onDone }: { name: string; taken: ReadonlySet<string>; onDone: (name: string | null) => void }) {
  const [draft, setDraft] = useState(name);
  const clash = draft.trim() !== name && taken.has(draft.trim());
  const empty = draft.trim() === '';
  return (
    <span className="rd-test-rename">
      <input
        className="rd-input"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !clash && !empty) onDone(draft.trim());
          if (e.key === 'Escape') onDone(null);
        }}
        onBlur={() => onDone(null)}
        aria-label="The test's name"
        aria-invalid={clash || empty}
        data-testid="test-rename-input"
        autoFocus
      />
      {(clash || empty) && <span className="rd-test-rename-error">{empty ? 'a test needs a name' : 'another test has this name'}</span>}
    </span>
  );
}
