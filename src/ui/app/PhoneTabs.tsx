// On a phone (760 px or narrower) the page shows one pane at a time: the timeline with its
// kubectl row (the default, so a shared link opens on the picture), or the editor with its
// problems. Wider screens show both panes and hide these tabs (phoneTabs.css).

import { useState, type KeyboardEvent } from 'react';
import { useAppStore } from '../../state/appStore';
import { selectProblems } from '../../state/selectors';
import './phoneTabs.css';

export type PhoneTab = 'timeline' | 'editor';

/** The phone layout (narrow.css, phoneTabs.css): one column, one pane at a time, these tabs. */
export const PHONE = '(max-width: 760px)';

export const PANE_IDS: Record<PhoneTab, string> = { timeline: 'pane-timeline', editor: 'pane-editor' };

export function usePhoneTab(): [PhoneTab, (tab: PhoneTab) => void] {
  return useState<PhoneTab>('timeline');
}

const LABELS: Record<PhoneTab, string> = { timeline: 'Timeline', editor: 'Editor' };

export function PhoneTabs({ tab, onTab }: { tab: PhoneTab; onTab: (tab: PhoneTab) => void }) {
  const errors = useAppStore(selectProblems).filter((p) => p.severity === 'error').length;
  const tabs: PhoneTab[] = ['timeline', 'editor'];
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    e.stopPropagation();
    const next = tab === 'timeline' ? 'editor' : 'timeline';
    onTab(next);
    document.getElementById(`phone-tab-${next}`)?.focus();
  };
  return (
    <div className="phone-tabs" role="tablist" aria-label="Show" onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t}
          id={`phone-tab-${t}`}
          type="button"
          role="tab"
          className="phone-tab"
          data-testid={`tab-${t}`}
          aria-selected={tab === t}
          aria-controls={PANE_IDS[t]}
          tabIndex={tab === t ? 0 : -1}
          onClick={() => onTab(t)}
        >
          {LABELS[t]}
          {t === 'editor' && errors > 0 && <span className="phone-tab-count" aria-label={`, ${errors} ${errors === 1 ? 'error' : 'errors'}`}>{errors}</span>}
        </button>
      ))}
    </div>
  );
}
