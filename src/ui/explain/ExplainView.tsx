// Explain mode (issue 14; contract handles `explain`, `explain-next`): the editor holds a real pod,
// so the right pane shows where it is, why, and what the kubelet does next, instead of a
// simulation from zero.

import { useAppStore } from '../../state/appStore';
import { selectExplanation } from '../../state/explain/selectExplanation';
import { ContinueFromHere } from './ContinueFromHere';
import { ExplainNowField } from './ExplainNowField';
import { ExplainShare } from './ExplainShare';
import { PodExplanationView } from './PodExplanationView';
import './explain.css';

export function ExplainView() {
  const pods = useAppStore(selectExplanation);
  if (!pods) return null;
  return (
    <section className="explain" data-testid="explain" aria-label="Explained pod">
      <p className="explain-banner" role="status">
        <strong>Explain mode.</strong> The editor holds a real pod (it has a <code>status</code>), so this is the pod as
        the cluster saw it, not a simulation from zero. Paste a manifest without <code>status</code> to simulate.
      </p>
      {pods.length === 0 && <p className="panel-empty">No pod could be read from the text: see the problems under the editor.</p>}
      {pods.length > 0 && <ExplainNowField pod={pods[0]!} />}
      {pods.length > 0 && <ContinueFromHere />}
      {pods.map((pod, i) => <PodExplanationView key={`${pod.namespace}/${pod.name}/${i}`} pod={pod} />)}
      {pods.length > 0 && <ExplainShare />}
    </section>
  );
}
