// One earlier scenario in the History panel: its name, when and why it was kept; one click
// brings it back.

import type { HistoryEntry } from '../../state/history/history';
import { relativeTime } from '../../state/history/relativeTime';
import { effectiveVersion } from '../../state/simulationDoc/read';

export function HistoryEntryItem({ entry, now, onRestore }: { entry: HistoryEntry; now: number; onRestore: (id: string) => void }) {
  const lines = entry.text.split('\n').length;
  return (
    <li>
      <button type="button" className="history-entry" data-testid="history-entry" data-entry-id={entry.id} onClick={() => onRestore(entry.id)}>
        <strong>{entry.name}</strong>
        <span className="history-meta">
          <time dateTime={new Date(entry.savedAt).toISOString()} title={new Date(entry.savedAt).toLocaleString()}>{relativeTime(entry.savedAt, now)}</time>
          {' · '}replaced by {entry.replacedBy} · {lines} {lines === 1 ? 'line' : 'lines'}
          {` · Kubernetes ${entry.kubernetesVersion || effectiveVersion(entry.text)}`}
        </span>
        <span className="history-restore" aria-hidden="true">Restore</span>
      </button>
    </li>
  );
}
