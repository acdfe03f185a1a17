// The parameters of the "break things" buttons: the crash exit code, how long a probe or pull
// failure lasts, the deletion grace period; and the pod-wide buttons: delete, evict, shut the node down.

import { appStore, useAppStore } from '../../state/appStore';
import { INJECT_HELP, INJECT_LABEL, POD_INJECT_ACTIONS, runInject } from '../../state/commands/inject';
import { selectCursorTime, selectInjectOptions, selectKubectlGoneAt, selectSetInjectOptions, selectTrace } from '../../state/selectors';
import { formatSeconds } from '../timeline/scale';

export function InjectOptions() {
  const opts = useAppStore(selectInjectOptions);
  const set = useAppStore(selectSetInjectOptions);
  const cursor = useAppStore(selectCursorTime);
  const hasTrace = useAppStore(selectTrace) !== null;
  // Once the pod object is gone from the API (pod.gone), a deletion has nothing to delete.
  const goneAt = useAppStore(selectKubectlGoneAt);
  const num = (v: string, min: number, max: number) => Math.min(Math.max(Math.round(Number(v) || 0), min), max);
  return (
    <div className="inject-options">
      <label>
        crash exit code
        <input type="number" min={0} max={255} value={opts.exitCode} data-testid="inject-exit-code"
          onChange={(e) => set({ exitCode: num(e.target.value, 0, 255) })} />
      </label>
      <label>
        failures last (s)
        <input type="number" min={1} max={3600} value={opts.forSeconds} data-testid="inject-for"
          onChange={(e) => set({ forSeconds: num(e.target.value, 1, 3600) })} />
      </label>
      <label>
        delete grace (s)
        <input type="number" min={0} max={3600} placeholder="pod's" value={opts.gracePeriodSeconds ?? ''} data-testid="inject-grace"
          onChange={(e) => set({ gracePeriodSeconds: e.target.value === '' ? null : num(e.target.value, 0, 3600) })} />
      </label>
      <div className="inject-pod-actions">
        {POD_INJECT_ACTIONS.map((action) => (
          <button key={action} type="button" className={`inject-button ${action === 'deletePod' ? 'inject-delete' : 'inject-node'}`} data-testid="inject" data-action={action}
            disabled={!hasTrace || goneAt !== undefined}
            title={goneAt === undefined ? `Adds a ${action} event at the cursor: ${INJECT_HELP[action]}` : `The pod is gone from the API since ${formatSeconds(goneAt)} s: there is nothing left to ${action === 'deletePod' ? 'delete' : 'act on'}`}
            onClick={() => runInject(appStore, action)}>
            {INJECT_LABEL[action]} at {formatSeconds(cursor)} s
          </button>
        ))}
      </div>
    </div>
  );
}
