import { useEffect, useState } from 'react';
import { useDesign } from '../store/index';
import { AutoCollapseHint } from './canvas/AutoCollapseHint';
import Canvas from './canvas/Canvas';
import { EditingLayer } from './editing/EditingLayer';
import { EditorPane } from './EditorPane';
import { EmptyState } from './examples/EmptyState';
import { IoLayer } from './io/IoLayer';
import { Palette } from './palette/Palette';
import { SaveBanners } from './autosave/SaveBanners';
import { SidePanel } from './panel/SidePanel';
import { StaleBanner } from './StaleBanner';
import { Toolbar } from './Toolbar';
import { CompareBar } from './compare/CompareBar';
import { ComparedAnswers } from './compare/ComparedAnswers';
import { CompareLayer } from './compare/CompareLayer';

/** One screen, three panes: YAML editor | canvas | inspector and problems. */
export function App() {
  const theme = useDesign((s) => s.theme);
  const editorOpen = useDesign((s) => s.editorOpen);
  const readOnly = useDesign((s) => s.readOnly);
  // The palette starts as a narrow rail: the canvas gets the width.
  const [paletteOpen, setPaletteOpen] = useState(false);
  // Which panes beside the canvas are open: when they change, the canvas refits to its new width.
  const panes = `${editorOpen ? 'yaml' : ''}|${readOnly ? '' : paletteOpen ? 'palette' : 'rail'}`;
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return (
    <div className={`rd-app${editorOpen ? '' : ' is-editor-closed'}`}>
      <Toolbar />
      <SaveBanners />
      <CompareBar />
      <main className="rd-main">
        <div className="rd-editor-slot" hidden={!editorOpen}>
          <EditorPane />
        </div>
        <section className="rd-canvas-pane" aria-label="Canvas">
          <StaleBanner />
          <Canvas panes={panes} />
          <AutoCollapseHint />
          <EmptyState />
          <Palette open={paletteOpen} onToggle={() => setPaletteOpen((open) => !open)} />
          <EditingLayer />
          <ComparedAnswers />
        </section>
        <aside className="rd-side" aria-label="Inspector and problems">
          <SidePanel />
        </aside>
      </main>
      <IoLayer />
      <CompareLayer />
    </div>
  );
}
