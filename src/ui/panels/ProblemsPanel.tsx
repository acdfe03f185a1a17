// The problems the engine found (errors and warnings), each a button that reveals its place in
// the editor; notes (inferred behaviour) in a list of their own; engine failures above both.

import { useAppStore } from '../../state/appStore';
import { selectEngineError, selectProblems, selectRequestReveal } from '../../state/selectors';
import type { Problem } from '../../engine/scenario/types';
import { ProblemItem } from './ProblemItem';

export function ProblemsPanel() {
  const all = useAppStore(selectProblems);
  const engineError = useAppStore(selectEngineError);
  const requestReveal = useAppStore(selectRequestReveal);
  const problems = all.filter((p) => p.severity !== 'info');
  const notes = all.filter((p) => p.severity === 'info');
  const reveal = (p: Problem) => requestReveal(p.line, p.col);

  return (
    <section className="problems-panel" aria-label="Problems">
      <h2>
        Problems <span className="count">{problems.length}</span>
      </h2>
      {engineError && <p className="engine-error" role="alert">{engineError}</p>}
      <ul data-testid="problems" className="problem-list">
        {problems.map((p, i) => <ProblemItem key={`${i}:${p.line}:${p.col}:${p.message}`} problem={p} onReveal={reveal} />)}
      </ul>
      {problems.length === 0 && !engineError && <p className="all-clear">No problems: the API server would accept this pod.</p>}
      {notes.length > 0 && (
        <>
          <h3>Notes</h3>
          <ul data-testid="notes" className="problem-list">
            {notes.map((p, i) => <ProblemItem key={`${i}:${p.line}:${p.col}:${p.message}`} problem={p} onReveal={reveal} />)}
          </ul>
        </>
      )}
    </section>
  );
}
