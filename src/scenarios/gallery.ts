// The gallery: GALLERY_ENTRIES with the scenario texts attached. The YAML files are imported
// with Vite's `?raw` suffix, which the app build and Vitest both understand.

import { GALLERY_ENTRIES, type GalleryEntryMeta, type GalleryVariantMeta } from './galleryEntries';
import s00b from './00b-busybox-exits-at-once.yaml?raw';
import s01legacy from './01-job-never-finishes-legacy.yaml?raw';
import s01native from './01-job-never-finishes-native.yaml?raw';
import s02noGate from './02-app-before-proxy-no-gate.yaml?raw';
import s02probe from './02-app-before-proxy-startup-probe.yaml?raw';
import s03 from './03-startup-gates-readiness-does-not.yaml?raw';
import s04legacy from './04-init-without-network-legacy.yaml?raw';
import s04native from './04-init-without-network-native.yaml?raw';
import s05 from './05-termination-order.yaml?raw';
import s06 from './06-shared-grace-period.yaml?raw';
import s07 from './07-exit-codes-137-143.yaml?raw';
import s08 from './08-sidecar-crash-under-never.yaml?raw';
import s09v127 from './09-restartpolicy-1.27.yaml?raw';
import s09v128 from './09-restartpolicy-1.28.yaml?raw';
import s09v128gate from './09-restartpolicy-1.28-gate.yaml?raw';
import s09v129 from './09-restartpolicy-1.29.yaml?raw';
import s09v135 from './09-restartpolicy-1.35.yaml?raw';
import s10 from './10-crashloopbackoff-timing.yaml?raw';
import s11 from './11-vault-before-mesh.yaml?raw';
import s12 from './12-hung-poststart.yaml?raw';
import s15crash from './15-crash-vs-dead-sandbox-crash.yaml?raw';
import s15sandbox from './15-crash-vs-dead-sandbox-sandbox.yaml?raw';
import s13 from './13-explain-stuck-pod.yaml?raw';
import s16v134 from './16-ready-while-terminating-1.34.yaml?raw';
import s16v135 from './16-ready-while-terminating-1.35.yaml?raw';
import s17v134 from './17-started-before-startup-probe-1.34.yaml?raw';
import s17v135 from './17-started-before-startup-probe-1.35.yaml?raw';
import s18v134 from './18-kubelet-restart-in-startup-1.34.yaml?raw';
import s18v135 from './18-kubelet-restart-in-startup-1.35.yaml?raw';
import s19 from './19-command-typo.yaml?raw';
import s20 from './20-tag-typo.yaml?raw';
import s21bash from './21-sidecar-shell-bash.yaml?raw';
import s21sh from './21-sidecar-shell-sh.yaml?raw';
import s22 from './22-image-never-loaded.yaml?raw';
import s23 from './23-deleted-during-pull.yaml?raw';
import s24 from './24-force-deleted.yaml?raw';
import s25 from './25-kubelet-restart-while-terminating.yaml?raw';
import s26 from './26-evicted-one-second.yaml?raw';
import s27 from './27-evicted-exit-lost.yaml?raw';
import s14 from './14-job-parallel-indexed.yaml?raw';

export type { GalleryEntryMeta, GalleryVariantMeta } from './galleryEntries';

/** Scenario text by file name, for every file the gallery uses. */
export const galleryFiles: Readonly<Record<string, string>> = {
  '00b-busybox-exits-at-once.yaml': s00b,
  '01-job-never-finishes-legacy.yaml': s01legacy,
  '01-job-never-finishes-native.yaml': s01native,
  '02-app-before-proxy-no-gate.yaml': s02noGate,
  '02-app-before-proxy-startup-probe.yaml': s02probe,
  '03-startup-gates-readiness-does-not.yaml': s03,
  '04-init-without-network-legacy.yaml': s04legacy,
  '04-init-without-network-native.yaml': s04native,
  '05-termination-order.yaml': s05,
  '06-shared-grace-period.yaml': s06,
  '07-exit-codes-137-143.yaml': s07,
  '08-sidecar-crash-under-never.yaml': s08,
  '09-restartpolicy-1.27.yaml': s09v127,
  '09-restartpolicy-1.28.yaml': s09v128,
  '09-restartpolicy-1.28-gate.yaml': s09v128gate,
  '09-restartpolicy-1.29.yaml': s09v129,
  '09-restartpolicy-1.35.yaml': s09v135,
  '10-crashloopbackoff-timing.yaml': s10,
  '11-vault-before-mesh.yaml': s11,
  '12-hung-poststart.yaml': s12,
  '13-explain-stuck-pod.yaml': s13,
  '14-job-parallel-indexed.yaml': s14,
  '15-crash-vs-dead-sandbox-crash.yaml': s15crash,
  '15-crash-vs-dead-sandbox-sandbox.yaml': s15sandbox,
  '16-ready-while-terminating-1.34.yaml': s16v134,
  '16-ready-while-terminating-1.35.yaml': s16v135,
  '17-started-before-startup-probe-1.34.yaml': s17v134,
  '17-started-before-startup-probe-1.35.yaml': s17v135,
  '18-kubelet-restart-in-startup-1.34.yaml': s18v134,
  '18-kubelet-restart-in-startup-1.35.yaml': s18v135,
  '19-command-typo.yaml': s19,
  '20-tag-typo.yaml': s20,
  '21-sidecar-shell-bash.yaml': s21bash,
  '21-sidecar-shell-sh.yaml': s21sh,
  '22-image-never-loaded.yaml': s22,
  '23-deleted-during-pull.yaml': s23,
  '24-force-deleted.yaml': s24,
  '25-kubelet-restart-while-terminating.yaml': s25,
  '26-evicted-one-second.yaml': s26,
  '27-evicted-exit-lost.yaml': s27,
};

export interface GalleryVariant extends GalleryVariantMeta {
  /** The scenario text. */
  file: string;
}

export interface GalleryEntry extends Omit<GalleryEntryMeta, 'compareWith'> {
  /** The scenario text of the main side. */
  file: string;
  compareWith?: GalleryVariant[];
}

function text(fileName: string): string {
  const t = galleryFiles[fileName];
  if (t === undefined) throw new Error(`gallery: no scenario file ${fileName}`);
  return t;
}

export const GALLERY: GalleryEntry[] = GALLERY_ENTRIES.map((e) => {
  const { compareWith, ...rest } = e;
  const entry: GalleryEntry = { ...rest, file: text(e.fileName) };
  if (compareWith) entry.compareWith = compareWith.map((v) => ({ ...v, file: text(v.fileName) }));
  return entry;
});

export function galleryEntry(id: string): GalleryEntry | undefined {
  return GALLERY.find((e) => e.id === id);
}
