// Helpers for the share, gallery and embed specs: links made with the app's own codec, the
// link-format fixtures, hostile links, and the user's saved work in localStorage.

import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { expect, type Page } from '@playwright/test';
import { decodeFragment, encodeFragment, type ShareState } from '../../src/share';
import { encodeBase64url } from '../../src/share/base64url';
import { ByteWriter } from '../../src/share/bytes';
import { DICTIONARY_V1 } from '../../src/share/dictionaryV1';
import { editorBehindTab } from './app';

export const SCENARIO_KEY = 'sidecar-lab:scenario';

export interface Fixture {
  name: string;
  link: string;
  state: ShareState;
}

export function fixtures(format: number): Fixture[] {
  const file = JSON.parse(readFileSync(new URL(`../../src/share/fixtures/v${format}.json`, import.meta.url), 'utf8')) as { links: Fixture[] };
  return file.links;
}

export function linkTo(state: ShareState): string {
  return `/#${encodeFragment(state)}`;
}

export function galleryText(fileName: string): string {
  return readFileSync(new URL(`../../src/scenarios/${fileName}`, import.meta.url), 'utf8');
}

/** A v1 link whose payload inflates to `size` bytes of one letter: a decompression bomb. */
export function bombFragment(size = 12 * 1024 * 1024): string {
  const record = new Uint8Array(size + 5);
  record.set(new ByteWriter().byte(1).varint(size).finish());
  record.fill(0x61, 5);
  return `v1.${encodeBase64url(deflateSync(record, { level: 9, dictionary: DICTIONARY_V1 }))}`;
}

/** The scenario text the page's address holds now (null when it holds none). */
export function addressText(page: Page): string | null {
  const decoded = decodeFragment(new URL(page.url()).hash);
  return decoded?.ok ? decoded.state.text : null;
}

export async function savedText(page: Page): Promise<string | null> {
  return page.evaluate((k) => localStorage.getItem(k), SCENARIO_KEY);
}

/** Loads a full page for the address (not a same-document hash change). */
export async function gotoFresh(page: Page, path: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(path);
}

/**
 * Monaco, ready; on a phone, where Monaco waits for its tab to show (LazyEditor), the first
 * timeline instead. The phone's tabs are asked only once the page has rendered them (at every
 * width, hidden by CSS on wider screens): CI caught a phone run that asked too early and so
 * waited for a Monaco that never loads behind the tab.
 */
export async function waitForEditor(page: Page): Promise<void> {
  await expect(page.getByTestId('tab-editor')).toBeAttached();
  if (await editorBehindTab(page)) await expect(page.getByTestId('lane').first()).toBeAttached();
  else await expect(page.locator('[data-testid="editor"][data-ready="true"]')).toBeAttached();
}

export async function versionPicked(page: Page): Promise<string> {
  return page.getByTestId('k8s-version').inputValue();
}
