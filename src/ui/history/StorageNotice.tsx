// Says, where everyone sees it, that the browser refuses to keep the user's work, and offers to
// export that text as a .yaml file.

import { useAppStore } from '../../state/appStore';
import { selectStorageProblem } from '../../state/slices/saving';
import { downloadText } from './downloadText';
import './history.css';

export function StorageNotice() {
  const problem = useAppStore(selectStorageProblem);
  if (!problem) return null;
  return (
    <div className="storage-notice" role="alert" data-testid="storage-notice">
      <p>{problem.message}</p>
      <button type="button" data-testid="export-scenario" onClick={() => downloadText(problem.text, problem.fileName)}>
        Export {problem.fileName}
      </button>
    </div>
  );
}
