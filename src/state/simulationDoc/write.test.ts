import { describe, expect, it } from 'vitest';
import { MAX_TEXT_CHARS } from '../../engine/scenario/limits';
import { NEWEST_VERSION } from '../../engine/version';
import { selectVersion } from './selectors';
import { createAppStore } from '../store';
import { selectSimulationSettings, selectWrittenVersion, withFeatureGate, withKubernetesVersion, writeSimulationEdit } from '.';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx\n';

describe('writing the Simulation document from the picker and the gates menu', () => {
  it('puts the edited text into the store, and every reader follows the text', () => {
    const store = createAppStore(POD);
    expect(selectVersion(store.getState())).toBe(NEWEST_VERSION);
    expect(writeSimulationEdit(store, (t) => withKubernetesVersion(t, '1.28'))).toBeNull();
    expect(store.getState().text).toBe(withKubernetesVersion(POD, '1.28'));
    expect(selectVersion(store.getState())).toBe('1.28');
    expect(writeSimulationEdit(store, (t) => withFeatureGate(t, 'SidecarContainers', true))).toBeNull();
    expect(selectSimulationSettings(store.getState()).gates).toEqual({ SidecarContainers: true });
    // Typing a version moves it as well: there is no other copy.
    store.getState().setText(store.getState().text.replace('"1.28"', '"1.99"'));
    expect(selectWrittenVersion(store.getState())).toBe('1.99');
    expect(selectVersion(store.getState())).toBe(NEWEST_VERSION);
  });

  it('says why when the document cannot be edited, and leaves the text alone', () => {
    const flow = `${POD}---\n{ kind: Simulation, until: 1m }\n`;
    const store = createAppStore(flow);
    expect(writeSimulationEdit(store, (t) => withKubernetesVersion(t, '1.30'))).toMatch(/YAML error or is written in flow style/);
    expect(store.getState().text).toBe(flow);
    const huge = createAppStore(`# ${'x'.repeat(MAX_TEXT_CHARS)}\n`);
    expect(writeSimulationEdit(huge, (t) => withKubernetesVersion(t, '1.30'))).toMatch(/too large/);
  });
});
