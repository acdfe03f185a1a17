// One problem: severity, line:col, field path and message. Text only, never HTML.

import type { Problem } from '../../engine/scenario/types';

const ICON: Record<Problem['severity'], string> = { error: '✕', warning: '!', info: 'i' };

export function ProblemItem({ problem: p, onReveal }: { problem: Problem; onReveal: (p: Problem) => void }) {
  return (
    <li className={`problem severity-${p.severity}`} data-severity={p.severity} data-line={p.line}>
      <button type="button" onClick={() => onReveal(p)} title="Show in the editor">
        <span className="severity-icon" aria-label={p.severity}>{ICON[p.severity]}</span>
        <span className="location">{p.line}:{p.col}</span>
        {p.path && <code className="path">{p.path}</code>}
        <span className="message">{p.message}</span>
      </button>
    </li>
  );
}
