import { useRef } from 'react';
import { selectRouteTests, testsFileName, useDesign, useDesignStore } from '../../store/index';
import { downloadText } from '../io/download';

/** Title, and the tests' file: Edit as YAML, Download tests, Open tests… */
export function TestsToolbar({ yamlOpen, onToggleYaml }: { yamlOpen: boolean; onToggleYaml: () => void }) {
  const store = useDesignStore();
  const tests = useDesign(selectRouteTests);
  const fileName = useDesign((s) => s.fileName);
  const fileInput = useRef<HTMLInputElement>(null);
  const blank = tests.text.trim() === '';
  const handleOpen = async (list: FileList | null): Promise<void> => {
    const file = list?.[0];
    if (fileInput.current) fileInput.current.value = '';
    if (file) store.getState().openRouteTests(await file.text());
  };
  return (
    <div className="rd-tests-toolbar">
      <h2 className="rd-tests-title">
        Route tests{tests.running && <span className="rd-spinner" aria-label="Running the tests" />}
      </h2>
      <button type="button" className="rd-button rd-sim-small" aria-pressed={yamlOpen} onClick={onToggleYaml} data-testid="tests-edit-yaml" title="Edit the tests as RouteTests YAML">
        Edit as YAML
      </button>
      <button
        type="button"
        className="rd-button rd-sim-small"
        disabled={blank}
        onClick={() => downloadText(testsFileName(fileName), tests.text)}
        data-testid="tests-download"
        title={`Download the tests as ${testsFileName(fileName)}: run them in CI with route-designer test`}
      >
        Download
      </button>
      <button type="button" className="rd-button rd-sim-small" onClick={() => fileInput.current?.click()} data-testid="tests-open" title="Open a RouteTests YAML file as this design's tests (it replaces them)">
        Open…
      </button>
      <input ref={fileInput} type="file" accept=".yaml,.yml" hidden onChange={(e) => void handleOpen(e.target.files)} data-testid="tests-open-input" />
    </div>
  );
}
