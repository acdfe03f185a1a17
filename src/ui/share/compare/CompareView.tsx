// The compare view: two or more scenarios on one time axis, one block per side (its lanes, how
// it ends), with the first moment each side parts from the first one marked across all of
// them. The first side is the editor's scenario, live; the others run in their own engine.
// Readable on a laptop: sides shown by version, each labelled with what differs
// (state/compareSides.ts), round ticks, a legend for every colour, each side's first difference
// on one line in its own block.

import { useMemo } from 'react';
import type { Trace } from '../../../engine/trace';
import { useAppStore } from '../../../state/appStore';
import { firstSideResult, whyNotCompared } from '../../../state/compareRunner';
import { differsLabels, niceTicks, sideOrder } from '../../../state/compareSides';
import type { FeatureGates } from '../../../engine/version';
import { kubectlRowAt, restartsAt } from '../../../state/trace/kubectlPod';
import { selectCursorTime } from '../../../state/selectors';
import { selectVersion } from '../../../state/simulationDoc/selectors';
import { selectCompare, selectCompareResults } from '../../../state/slices/share';
import { fitWindow } from '../../../state/view/window';
import { formatSeconds } from '../../timeline/scale';
import { describeEvent } from '../../../state/trace/describeEvent';
import { shareContext } from '../startShare';
import { ending, firstDifference, laneBars, type Difference } from './traceDiff';
import './compare.css';
import './compareNarrow.css';

interface SideView {
  label: string;
  featureGates?: FeatureGates | undefined;
  version: string;
  trace: Trace | null;
  podName: string;
  error: string | null;
  running: boolean;
  lessonAt: number | null;
}

const pct = (t: number, tMax: number) => `${(Math.max(0, Math.min(t, tMax)) / tMax) * 100}%`;

function describe(d: Difference, a: string, b: string): string {
  const one = (label: string, e: Difference['a']) => (e ? `${label}: ${describeEvent(e).replace(/\.$/, '')}` : `${label}: nothing happens`);
  return `${one(a, d.a)}; ${one(b, d.b)}`;
}

export function CompareView() {
  const sides = useAppStore(selectCompare);
  const results = useAppStore(selectCompareResults);
  const engineError = useAppStore((s) => s.engineError);
  const mainRun = useAppStore((s) => s.result);
  const mainTrace = useAppStore((s) => s.trace);
  const mainPod = useAppStore((s) => s.podName);
  const version = useAppStore(selectVersion);
  const cursor = useAppStore(selectCursorTime);

  const views = useMemo((): SideView[] => {
    const first = firstSideResult({ engineError, result: mainRun, trace: mainTrace, podName: mainPod });
    return (sides ?? []).map((side, i) => {
      const r = i === 0 ? first : results?.[i];
      return { label: side.label, featureGates: r?.featureGates, version: i === 0 ? version : side.kubernetesVersion, trace: r?.trace ?? null, podName: r?.podName ?? '', error: r?.error ?? null, running: r?.running ?? true, lessonAt: side.cursor };
    });
  }, [sides, results, engineError, mainRun, mainTrace, mainPod, version]);

  if (!sides || sides.length < 2) return null;
  // One axis for all: up to the last moment anything happens on any side (fitted as the
  // timeline fits its own), and the lesson's moments.
  const tMax = Math.max(1, ...views.map((v) => (v.trace ? Math.max(fitWindow(v.trace).t1, Math.min(v.lessonAt ?? 0, v.trace.end)) : 0)));
  const first = views[0]!;
  const diffs = views.slice(1).map((v) => (first.trace && v.trace ? firstDifference(first.trace, v.trace) : null));
  const names = differsLabels(views);
  const order = sideOrder(views);
  const ticks = niceTicks(tMax);

  return (
    <section className="compare" data-testid="compare" aria-label="Compare scenarios side by side">
      <header className="compare-header">
        <h2>Compare {views.length} variants <span className="compare-subtitle">by version; each labelled with what differs</span></h2>
        <button type="button" data-testid="compare-close" onClick={() => shareContext().store.getState().setCompare(null)}>
          Close compare
        </button>
      </header>
      <CompareLegend />
      <div className="compare-axis" aria-hidden="true" data-testid="compare-ticks">
        {ticks.map((t) => <span key={t} className="compare-tick" style={{ left: pct(t, tMax) }}>{formatSeconds(t)} s</span>)}
      </div>
      {order.map((i) => {
        const v = views[i]!;
        const end = v.trace ? ending(v.trace) : null;
        // A Job's side shows one pod's line, the pod the kubectl strip would follow (its newest).
        const row = v.trace ? kubectlRowAt(v.trace, Math.min(cursor, v.trace.end), null) : undefined;
        const d = i === 0 ? null : diffs[i - 1];
        return (
          <div key={`${i}-${v.label}`} className="compare-side" data-testid="compare-side" data-label={v.label} data-differs={names[i]}>
            <div className="compare-side-head">
              <strong title={v.label === names[i] ? undefined : `the link calls it “${v.label}”`}>{names[i]}</strong>
              {i === 0 && <span className="compare-editor-tag">in the editor</span>}
              <span className="compare-meta">{v.podName || '—'} · Kubernetes {v.version}</span>
              <span className="compare-end" data-testid="compare-end-phase" data-phase={end?.phase ?? ''}>
                {end ? <>ends <b className={`phase phase-${end.phase}`}>{end.phase}</b>{end.status !== end.phase && <> ({end.status})</>} from {formatSeconds(end.at)} s</> : v.running ? 'simulating…' : i > 0 ? 'does not simulate (below)' : `does not simulate: ${v.error ?? ''}`}
              </span>
              <span className="compare-kubectl" data-testid="compare-kubectl">
                {row ? `at ${formatSeconds(cursor)} s: ${row.pod ? `${row.pod} ` : ''}${row.ready} ${row.status} ${restartsAt(row, Math.min(cursor, v.trace!.end))}` : ''}
              </span>
            </div>
            {i > 0 && <FirstDifference first={first} side={v} firstName={names[0]!} name={names[i]!} d={d ?? null} />}
            {v.trace && (
              <div className="compare-lanes">
                {laneBars(v.trace).map((lane) => (
                  <div key={lane.name} className="compare-lane">
                    <span className={`compare-lane-name kind-${lane.kind}`} title={`${lane.name} (${lane.kind})`}>{lane.name}</span>
                    <div className="compare-track">
                      {lane.segments.map((s) => (
                        <span key={`${s.kind}-${s.start}`} className={`compare-bar bar-${s.kind} kind-${lane.kind}`} style={{ left: pct(s.start, tMax), width: `calc(${pct(s.end, tMax)} - ${pct(s.start, tMax)})` }} />
                      ))}
                      {lane.exits.map((x) => (
                        <span key={`x-${x.t}`} className={`compare-exit${x.code === 0 ? '' : ' bad'}`} style={{ left: pct(x.t, tMax) }} title={`exit ${x.code} at ${formatSeconds(x.t)} s`} />
                      ))}
                    </div>
                  </div>
                ))}
                {/* One layer over all the lanes: the cursor, the first difference, the trace's end, the lesson's moment. */}
                <div className="compare-overlay" aria-hidden="true">
                  <span className="compare-cursor" style={{ left: pct(cursor, tMax) }} />
                  {d && <span className="compare-diff" style={{ left: pct(d.t, tMax) }} title={`first difference at ${formatSeconds(d.t)} s`} />}
                  {v.trace.end <= tMax && <span className="compare-end-mark" style={{ left: pct(v.trace.end, tMax) }} title={`the trace ends at ${formatSeconds(v.trace.end)} s`} />}
                  {v.lessonAt !== null && <span className="compare-lesson" style={{ left: pct(v.lessonAt, tMax) }} title={`the lesson shows at ${formatSeconds(v.lessonAt)} s`}>◆</span>}
                </div>
              </div>
            )}
          </div>
        );
      })}
    </section>
  );
}

function FirstDifference({ first, side, firstName, name, d }: { first: SideView; side: SideView; firstName: string; name: string; d: Difference | null }) {
  const text = !first.trace || !side.trace
    ? whyNotCompared({ label: firstName, result: first }, { label: name, result: side })
    : d ? `First difference at ${formatSeconds(d.t)} s — ${describe(d, firstName, name)}` : `${firstName} and ${name} tell the same story.`;
  return (
    <p className="compare-difference" data-testid="compare-first-difference" data-side={side.label} data-t={d?.t ?? ''} title={text ?? undefined}>
      {d ? <><strong>First difference at {formatSeconds(d.t)} s</strong> vs {firstName} — {describe(d, firstName, name)}</> : text}
    </p>
  );
}

/** Every colour and mark of the compare tracks, named. */
function CompareLegend() {
  const bar = (cls: string, label: string) => <li key={label}><span className={`compare-swatch ${cls}`} />{label}</li>;
  return (
    <ul className="compare-legend" aria-label="Legend" data-testid="compare-legend">
      {bar('compare-bar bar-running', 'running')}
      {bar('compare-bar bar-running kind-sidecar', 'sidecar running')}
      {bar('compare-bar bar-ready', 'ready')}
      <li><span className="compare-swatch-tick compare-exit" />exit 0</li>
      <li><span className="compare-swatch-tick compare-exit bad" />exit ≠ 0</li>
      <li><span className="compare-swatch-tick compare-cursor" />cursor</li>
      <li><span className="compare-swatch-tick compare-diff" />first difference</li>
      <li><span className="compare-swatch-tick compare-end-mark" />trace ends</li>
      <li><span className="compare-lesson-swatch">◆</span>lesson moment</li>
      <li><span className="compare-lane-name kind-init">init</span><span className="compare-lane-name kind-sidecar">sidecar</span><span className="compare-lane-name">main</span>names</li>
    </ul>
  );
}
