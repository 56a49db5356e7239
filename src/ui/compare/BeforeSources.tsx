import { useEffect, useRef, useState } from 'react';
import { salvageText, type KeptSave } from '../../store/index';
import { joinManifests } from '../../store/io-files';
import { isRouteTestsText } from '../../store/route-tests-yaml';
import { formatTime, useAutosave } from '../autosave/useAutosave';
import { readManifestFiles } from '../io/read-files';

/* The compare dialog's sources of a before version that need more than a line: files, kept saves. */

/** Files chosen (their names), their text joined as one version, and what was left out. */
export interface ChosenFiles {
  readonly names: string[];
  readonly text: string;
  readonly skipped: string[];
}

export function lineCount(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** Files chosen, pasted or in a folder → one before version (as the import joins them). */
export async function readBeforeFiles(list: FileList | null): Promise<ChosenFiles> {
  const { files: all, skipped } = await readManifestFiles(list);
  // A folder may hold the design's route tests beside its manifests: they are not part of the version.
  const read = all.filter((f) => !isRouteTestsText(f.text));
  const tests = all.filter((f) => isRouteTestsText(f.text)).map((f) => `${f.name} (route tests)`);
  return { names: read.map((f) => f.name), text: joinManifests(read), skipped: [...skipped, ...tests] };
}

export function FilePicker({ files, onFiles }: { files: ChosenFiles | null; onFiles: (f: ChosenFiles) => void }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  useEffect(() => folderInput.current?.setAttribute('webkitdirectory', ''), []);
  const handleFiles = async (list: FileList | null): Promise<void> => onFiles(await readBeforeFiles(list));
  return (
    <div className="rd-compare-files">
      <p className="rd-compare-note">
        Choose the <code>.yaml</code>, <code>.yml</code> or <code>.json</code> files of the earlier version, or its folder: several files become one version, as the import makes them.
      </p>
      <div className="rd-import-files">
        <button type="button" className="rd-button" onClick={() => fileInput.current?.click()} data-autofocus>
          Choose files…
        </button>
        <button type="button" className="rd-button" onClick={() => folderInput.current?.click()}>
          Choose a folder…
        </button>
        <input ref={fileInput} type="file" multiple accept=".yaml,.yml,.json" hidden onChange={(e) => void handleFiles(e.target.files)} data-testid="compare-files" />
        <input ref={folderInput} type="file" multiple hidden onChange={(e) => void handleFiles(e.target.files)} data-testid="compare-folder" />
        <span className="rd-muted" data-testid="compare-file-names">
          {files && files.names.length > 0 ? files.names.join(', ') : 'no file chosen'}
        </span>
        {files && files.skipped.length > 0 && <span className="rd-sev-warning">left out (not manifests): {files.skipped.join(', ')}</span>}
      </div>
    </div>
  );
}

/** The kept autosave's text (its YAML read out, when it was kept for being unreadable). */
export function useKeptText(kept: readonly KeptSave[], key: string | null): string | null {
  const autosave = useAutosave();
  const [read, setRead] = useState<{ key: string; text: string } | null>(null);
  useEffect(() => {
    if (!autosave || key === null) return;
    let live = true;
    const kind = kept.find((k) => k.key === key)?.kind;
    autosave.readKept(key).then(
      // A save kept for being unreadable: its YAML where it can be read out of it (as KeptDialog loads it).
      (raw) => live && setRead({ key, text: (kind === 'corrupt' ? salvageText(raw) : null) ?? raw }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [autosave, kept, key]);
  return read && read.key === key ? read.text : null;
}

export function KeptPicker({ kept, keptKey, onPick }: { kept: readonly KeptSave[]; keptKey: string | null; onPick: (key: string) => void }) {
  if (kept.length === 0) {
    return (
      <p className="rd-compare-note" data-testid="compare-no-kept">
        No autosave is kept aside in this browser.
      </p>
    );
  }
  return (
    <ul className="rd-compare-kept" aria-label="Kept saves">
      {kept.map((k) => (
        <li key={k.key}>
          <label className="rd-check">
            <input type="radio" name="compare-kept" checked={keptKey === k.key} onChange={() => onPick(k.key)} data-testid="compare-kept" />
            <span>
              Kept {formatTime(k.at)} · {k.size.toLocaleString('en')} characters — <span className="rd-muted">{k.reason}</span>
            </span>
          </label>
        </li>
      ))}
    </ul>
  );
}
