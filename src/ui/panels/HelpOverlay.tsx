// The `?` overlay: every keyboard shortcut, read from the same command objects the buttons and
// the key handler use, and the mouse gestures of the timeline.

import { useEffect, useRef } from 'react';
import { useAppStore } from '../../state/appStore';
import { COMMANDS } from '../../state/commands/registry';
import { keyLabel, type CommandGroup } from '../../state/commands/types';
import { selectHelpOpen, selectSetHelpOpen } from '../../state/selectors';

const GROUPS: CommandGroup[] = ['Playback', 'View', 'Selection', 'Page'];
const MOUSE: [string, string][] = [
  ['Wheel', 'Zoom about the pointer'],
  ['Shift + wheel', 'Pan'],
  ['Drag the lanes', 'Pan'],
  ['Drag the time axis', 'Move the cursor'],
  ['Click', 'Move the cursor and select the event under the pointer'],
  ['Drag an injected event', 'Move it (rewrites its at:)'],
];

export function HelpOverlay() {
  const open = useAppStore(selectHelpOpen);
  const setOpen = useAppStore(selectSetHelpOpen);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const before = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => before?.focus?.();
  }, [open]);

  if (!open) return null;
  return (
    <div className="overlay-backdrop" onClick={() => setOpen(false)}>
      <div className="help-overlay" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help-overlay"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setOpen(false); } }}>
        <div className="help-head">
          <h2 id="help-title">Keyboard shortcuts</h2>
          <button ref={closeRef} type="button" className="tool-button" onClick={() => setOpen(false)} aria-label="Close the shortcuts">✕</button>
        </div>
        <div className="help-columns">
          {GROUPS.map((g) => (
            <section key={g} aria-label={g}>
              <h3>{g}</h3>
              <dl>
                {COMMANDS.filter((c) => c.group === g && c.keys.length > 0).map((c) => (
                  <div key={c.id} className="help-row">
                    <dt>{c.keys.map((k) => <kbd key={k}>{keyLabel(k)}</kbd>)}</dt>
                    <dd>{c.label}{c.timelineOnly ? ' (timeline focused)' : ''}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <section aria-label="Mouse">
            <h3>Mouse</h3>
            <dl>
              {MOUSE.map(([k, v]) => <div key={k} className="help-row"><dt><kbd>{k}</kbd></dt><dd>{v}</dd></div>)}
            </dl>
          </section>
        </div>
      </div>
    </div>
  );
}
