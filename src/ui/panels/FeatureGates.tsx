// The feature gates of the scenario's Kubernetes version that can be changed (they exist in it
// and are not GA-locked), each showing its default. A toggle writes the gate into the Simulation
// document's featureGates; "default" takes the entry out again. Gates the text sets that the
// version does not have, or has locked, are listed with a button to remove them.

import { Fragment, useMemo } from 'react';
import {
  defaultGates, FEATURE_GATES, gateExists, gateLocked, minor, resolveGates, unmetGateDependencies,
  type FeatureGateName, type GateInfo, type KubeVersion,
} from '../../engine/version';
import { appStore, useAppStore } from '../../state/appStore';
import { selectVersion } from '../../state/simulationDoc/selectors';
import { selectSimulationSettings, strayGates, withFeatureGate, writeSimulationEdit } from '../../state/simulationDoc';
import './FeatureGates.css';

const ALL = Object.keys(FEATURE_GATES) as FeatureGateName[];

function stage(name: FeatureGateName, v: KubeVersion): string {
  const g: GateInfo = FEATURE_GATES[name];
  if (g.ga !== undefined && minor(v) >= g.ga) return 'GA'; // GA but not locked yet (ExecProbeTimeout until 1.35)
  return g.beta !== undefined && minor(v) >= g.beta ? 'beta' : 'alpha';
}

export interface FeatureGatesProps {
  /** Why the last change could not be written, shown at the top of the open panel. */
  error: string | null;
  onError: (message: string | null) => void;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** A gate's name with a break opportunity before each capital: a phone wraps it between words, not mid-word. */
function CamelBreaks({ name }: { name: string }) {
  const words = name.split(/(?=[A-Z])/);
  return <>{words.map((w, i) => <Fragment key={i}>{i > 0 && <wbr />}{w}</Fragment>)}</>;
}

export function FeatureGates({ error, onError, open, onOpenChange }: FeatureGatesProps) {
  const version = useAppStore(selectVersion);
  const written = useAppStore(selectSimulationSettings).gates;
  const effective = useMemo(() => resolveGates(version, written), [version, written]);
  const defaults = useMemo(() => defaultGates(version), [version]);
  // [11.2] An enabled gate whose dependency is off: no cluster starts so (the problems list has the error).
  const unmet = useMemo(() => new Map(unmetGateDependencies(effective, version).map((u) => [u.gate, u.disabled])), [effective, version]);
  const names = ALL.filter((n) => gateExists(n, version) && !gateLocked(n, version));
  const stray = strayGates(written, version);
  const set = names.filter((n) => Object.prototype.hasOwnProperty.call(written, n)).length;
  const write = (name: string, value: boolean | undefined) => onError(writeSimulationEdit(appStore, (t) => withFeatureGate(t, name, value)));

  return (
    <details className="feature-gates" data-testid="feature-gates" open={open} onToggle={(e) => onOpenChange(e.currentTarget.open)}
      onKeyDown={(e) => {
        // Esc closes the open menu and gives the focus back to its summary. The element says
        // whether it is open: its toggle event (which updates `open`) comes a task later. It is
        // closed here too: an Esc quicker than the toggle event of the click that opened it found
        // `open` still false, so the state did not change, React left the element open, and that
        // toggle event then kept it open (a CI run caught it).
        if (e.key !== 'Escape' || !e.currentTarget.open) return;
        e.preventDefault();
        e.stopPropagation();
        e.currentTarget.open = false;
        onOpenChange(false);
        e.currentTarget.querySelector('summary')?.focus();
      }}>
      <summary>
        Feature gates{set > 0 && <span className="gates-set"> · {set} set</span>}
      </summary>
      <div className="feature-gates-panel" role="group" aria-label={`Feature gates of Kubernetes ${version}`}>
        {error && <p className="gates-error" role="alert">{error}</p>}
        <p className="gates-intro">
          Kubernetes {version}: gates that exist and can be set (not locked on). A change is written into the Simulation document&apos;s <code>featureGates</code>.
        </p>
        {names.length === 0 && <p className="gates-none">No gate the simulator knows can be changed in {version}.</p>}
        <ul className="gates-list">
          {names.map((n) => {
            const isSet = Object.prototype.hasOwnProperty.call(written, n);
            return (
              <li key={n} className={isSet ? 'gate is-set' : 'gate'}>
                <label>
                  <input
                    type="checkbox"
                    data-testid="feature-gate"
                    data-gate={n}
                    checked={effective[n]}
                    onChange={(e) => write(n, e.target.checked)}
                  />
                  <span className="gate-text">
                    <code className="gate-name"><CamelBreaks name={n} /></code>
                    <span className="gate-default">{stage(n, version)} · default {defaults[n] ? 'on' : 'off'}</span>
                  </span>
                </label>
                {isSet && (
                  <button type="button" className="gate-reset" onClick={() => write(n, undefined)} title="Remove it from featureGates">
                    default
                  </button>
                )}
                <p className="gate-summary">{FEATURE_GATES[n].summary}</p>
                {unmet.has(n) && (
                  <p className="gate-needs" data-testid="gate-needs">
                    needs {unmet.get(n)!.join(' and ')} on too: the kubelet and the API server refuse to start without
                  </p>
                )}
              </li>
            );
          })}
        </ul>
        {stray.length > 0 && (
          <ul className="gates-stray">
            {stray.map((s) => (
              <li key={s.name}>
                <code>{s.name}: {String(s.value)}</code> <span>{s.reason}</span>{' '}
                <button type="button" className="gate-reset" onClick={() => write(s.name, undefined)}>remove</button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
