// One notice for every part of the page whose code could not be loaded (partLoadFailures.ts):
// which parts, what the browser said, that the rest still works, and a way to try again (a reload
// keeps the scenario as every reload does: persistence.ts saves it as it is edited).

import { failedFiles, listWords, usePartLoadFailures } from './partLoadFailures';

export function PartLoadNotice() {
  const failures = usePartLoadFailures();
  if (failures.length === 0) return null;
  return (
    <div className="part-load-notice" role="alert" data-testid="part-load-error">
      <p>
        {failures.length === 1 ? 'A part of the page could not be shown:' : 'Parts of the page could not be shown:'}
      </p>
      <ul>
        {failedFiles(failures).map((f) => <li key={f.message}><strong>{listWords(f.parts)}</strong> ({f.message})</li>)}
      </ul>
      <p>
        The rest of the page still works.{' '}
        <button type="button" className="tool-button" onClick={() => window.location.reload()}>Reload to try again</button>
      </p>
    </div>
  );
}
