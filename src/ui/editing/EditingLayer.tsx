import { useEffect } from 'react';
import { useDesign } from '../../store/index';
import { ConfirmDialogs } from './ConfirmDialogs';
import { FindBox } from './FindBox';
import { NoticeToast } from './NoticeToast';
import { useShortcuts } from './useShortcuts';
import './editing.css';

/** The editing layer's overlays on the canvas (find, notices, confirmations) and its keyboard shortcuts. */
export function EditingLayer() {
  useShortcuts();
  // Canvas handles take drags (to connect) only while the design can be edited.
  const readOnly = useDesign((s) => s.readOnly);
  useEffect(() => {
    document.documentElement.dataset.editing = readOnly ? 'off' : 'on';
  }, [readOnly]);
  return (
    <>
      <FindBox />
      <NoticeToast />
      <ConfirmDialogs />
    </>
  );
}
