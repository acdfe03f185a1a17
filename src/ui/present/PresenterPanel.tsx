// Presenter mode's narration: the step in large type (what happened, the rule that made it
// happen, what caused it), the teacher's title and caption, the step buttons, and the "what
// happens next?" question when predictions are on.

import { useEffect } from 'react';
import { appStore, useAppStore } from '../../state/appStore';
import { presentChoose, presentNext, presentPrev, presentResync, selectPresentView, stopPresenting } from '../../state/present/controller';
import type { AppState } from '../../state/store';
import { usePresenterKeys } from './usePresenterKeys';
import { WhyText } from './WhyText';
import './present.css';

const selectPresenting = (s: AppState) => s.presenting;
const selectTitle = (s: AppState) => s.presentTitle;
const selectCaption = (s: AppState) => s.presentCaption;
const selectGranularity = (s: AppState) => s.presentGranularity;
const selectPredict = (s: AppState) => s.presentPredict;

function Options() {
  const granularity = useAppStore(selectGranularity);
  const predict = useAppStore(selectPredict);
  const set = appStore.getState().setPresent;
  return (
    <div className="present-options">
      <label>
        <input type="checkbox" checked={granularity === 'events'} onChange={(e) => {
          set({ presentGranularity: e.target.checked ? 'events' : 'moments' });
          presentResync(appStore);
        }} /> every event
      </label>
      <label>
        <input type="checkbox" checked={predict} onChange={(e) => set({ presentPredict: e.target.checked })} /> ask “what happens next?”
      </label>
    </div>
  );
}

/**
 * While the class answers "what happens next?", the kubectl row, the timeline and its toolbar hold
 * the answer (the timeline draws the whole run): present.css blurs them, and this makes them inert,
 * so a screen reader does not read the answer out and no click or key moves the cursor behind the veil.
 */
function useVeilWhileAsking(asking: boolean): void {
  useEffect(() => {
    if (!asking) return undefined;
    const veiled = [...document.querySelectorAll('.pane-timeline :is(.status-strip, .timeline, .toolbar, .legend)')];
    for (const el of veiled) el.setAttribute('inert', '');
    return () => { for (const el of veiled) el.removeAttribute('inert'); };
  }, [asking]);
}

export function PresenterPanel() {
  const presenting = useAppStore(selectPresenting);
  const view = useAppStore(selectPresentView);
  const title = useAppStore(selectTitle);
  const caption = useAppStore(selectCaption);
  usePresenterKeys(appStore, presenting);
  useVeilWhileAsking(presenting && Boolean(view?.question));
  if (!presenting) return null;
  const n = view?.narration;
  const CausesHeading = title ? 'h3' : 'h2';
  return (
    <section className="presenter" aria-label="Presenter" data-testid="presenter">
      {(title || caption) && (
        <header className="presenter-head">
          {title && <h2 className="presenter-title">{title}</h2>}
          {caption && <p className="presenter-caption">{caption}</p>}
        </header>
      )}
      {view?.question ? (
        <div className="presenter-question" data-testid="present-question" role="group" aria-label="What happens next?">
          <p className="presenter-headline">{view.question.question}</p>
          <div className="presenter-choices">
            {view.question.choices.map((c, i) => (
              <button key={c} type="button" className="present-choice mono" aria-pressed={view.question?.chosen === c}
                aria-keyshortcuts={String(i + 1)} onClick={() => presentChoose(appStore, c)}>
                <span className="present-choice-key" aria-hidden="true">{i + 1}</span>{c}
              </button>
            ))}
          </div>
          <p className="presenter-hint">Press a number or click a choice, then Next → reveals the answer (the timeline stays veiled until then).</p>
        </div>
      ) : (
        <div className="presenter-narration" data-testid="narration" aria-live="polite">
          {n ? (
            <>
              <p className="presenter-when mono">{n.time} · {n.who}</p>
              <p className="presenter-headline">{n.headline}</p>
              {view?.answered && (
                <p className={`presenter-answer ${view.answered.right ? 'right' : 'wrong'}`} data-testid="present-answer">
                  {view.answered.chosen === null ? `The answer: ${view.answered.answer}.`
                    : view.answered.right ? `Right: ${view.answered.answer}.` : `Not ${view.answered.chosen}: it is ${view.answered.answer}.`}
                </p>
              )}
              <p className="presenter-why"><WhyText text={n.why} /></p>
              {n.causes.length > 0 && (
                <div className="presenter-causes">
                  {/* Under the title's h2 when there is one; the page's next level (h2) when not (axe: heading-order). */}
                  <CausesHeading className="presenter-causes-title">Because</CausesHeading>
                  <ul>{n.causes.map((c) => <li key={c}>{c}</li>)}</ul>
                </div>
              )}
            </>
          ) : <p className="presenter-headline">Nothing to present yet: the scenario has no events.</p>}
        </div>
      )}
      <div className="presenter-controls">
        <button type="button" className="present-step" data-testid="present-prev" disabled={view?.atStart ?? true} onClick={() => presentPrev(appStore)}>← Previous</button>
        <span className="presenter-count mono" aria-live="off">{n ? `${n.step} / ${n.steps}` : ''}</span>
        <button type="button" className="present-step primary" data-testid="present-next" disabled={(view?.atEnd ?? true) && !view?.question} onClick={() => presentNext(appStore)}>
          {view?.question ? 'Reveal →' : 'Next →'}
        </button>
        <Options />
        <button type="button" className="present-exit" onClick={() => stopPresenting(appStore)}>Exit (Esc)</button>
      </div>
    </section>
  );
}
