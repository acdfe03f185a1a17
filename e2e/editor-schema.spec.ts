// The editor knows the Kubernetes API of the scenario's version: completion and hover from the
// generated schema, the API server's validation as markers, inferred behaviour as inline hints.
// Two page loads: the schema's help (hover, completion, by version) on the default text, then the
// markers and hints of texts of its own; each state a step named as its own test used to be.

import { expect, test } from './support/test';
import { editorText, markers, openApp, replaceEditorText, screenshot } from './support/app';
import { caretAt, hoverUntil, suggestions, waitForSchema } from './support/editor';
import { DEFAULT_SCENARIO, lineOf } from './support/scenario';

test('the schema\'s help: hover documentation, completion inside an init container, restartPolicyRules from 1.34 on', async ({ page }, info) => {
  test.setTimeout(30_000 * 3);
  await openApp(page);
  await waitForSchema(page, '1.37', 'istio-proxy');

  await test.step('hovering a field shows its documentation', async () => {
    const hover = await hoverUntil(page, lineOf(DEFAULT_SCENARIO, '      restartPolicy: Always'), 10, 'RestartPolicy defines the restart behavior');
    await expect(hover).toContainText('RestartPolicy defines the restart behavior of individual containers in a pod');
    await screenshot(page, info, 'hover');
    await page.mouse.move(0, 0);
  });

  await test.step('completion offers restartPolicy and startupProbe inside an init container', async () => {
    // A new line in init-mydb, below its command.
    await caretAt(page, lineOf(DEFAULT_SCENARIO, "until nslookup mydb"));
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('restart');
    await expect.poll(() => suggestions(page), { timeout: 25_000 }).toEqual(expect.arrayContaining(['restartPolicy', 'restartPolicyRules']));
    await screenshot(page, info, 'restartPolicy');

    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('startup');
    await expect.poll(() => suggestions(page), { timeout: 25_000 }).toContain('startupProbe');
    await page.keyboard.press('Enter');
    await expect.poll(() => editorText(page)).toContain('      startupProbe:');
  });

  await test.step('restartPolicyRules is offered from Kubernetes 1.34 on, not before', async () => {
    // The default text again, as a fresh page has it.
    await replaceEditorText(page, DEFAULT_SCENARIO);
    const line = lineOf(DEFAULT_SCENARIO, "until nslookup mydb");
    for (const [version, has] of [['1.33', false], ['1.34', true]] as const) {
      await page.getByTestId('k8s-version').selectOption(version);
      await waitForSchema(page, version, 'istio-proxy');
      await caretAt(page, line);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('restartP');
      const labels = await suggestions(page);
      expect(labels).toContain('restartPolicy');
      if (has) expect(labels).toContain('restartPolicyRules');
      else expect(labels).not.toContain('restartPolicyRules');
      await page.keyboard.press('Escape');
      await page.keyboard.press('ControlOrMeta+Z');
      await page.keyboard.press('ControlOrMeta+Z');
    }
  });
});

test('the API server\'s messages as markers and problems, inferred behaviour as hints', async ({ page }, info) => {
  test.setTimeout(30_000 * 2);
  await openApp(page);

  await test.step('restartPolicy: OnFailure on an init container under 1.33 gets the API server\'s message at its line', async () => {
    await page.getByTestId('k8s-version').selectOption('1.33');
    await expect.poll(() => editorText(page)).toContain('kubernetesVersion: "1.33"');
    const text = (await editorText(page)).replace('      restartPolicy: Always', '      restartPolicy: OnFailure');
    await replaceEditorText(page, text);

    const line = lineOf(text, '      restartPolicy: OnFailure');
    const problem = page.getByTestId('problems').locator('li');
    await expect(problem).toHaveCount(1);
    await expect(problem).toHaveAttribute('data-severity', 'error');
    await expect(problem).toContainText('spec.initContainers[2].restartPolicy');
    await expect(problem).toContainText('Unsupported value: "OnFailure": supported values: "Always"');
    await expect(problem).toContainText(`${line}:22`);
    await expect.poll(() => markers(page, 'sidecar-lab')).toEqual([{
      owner: 'sidecar-lab', severity: 'error',
      message: 'spec.initContainers[2].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
      startLineNumber: line, startColumn: 22, endLineNumber: line, endColumn: 31,
    }]);
    await expect(page.locator('.timeline-note')).toBeVisible();

    // Clicking the problem puts the caret on it.
    await caretAt(page, 1, 1);
    await problem.locator('button').click();
    await expect.poll(() => page.evaluate(() => window.__sidecarLab?.getPosition())).toEqual({ line, col: 22 });
    await expect(await hoverUntil(page, line, 25, 'Unsupported value')).toContainText('supported values: "Always"');
    await screenshot(page, info, 'markers');
  });

  await test.step('inferred behaviour shows as a hint on the container, not as a problem', async () => {
    const pod = [
      'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: hints', 'spec:',
      '  containers:', '    - name: job', '      image: busybox', "      command: ['sleep', '30']", '',
    ].join('\n');
    await replaceEditorText(page, pod);
    const hint = page.locator('[data-testid="editor"] .sidecar-hint');
    await expect(hint).toHaveCount(1);
    // Monaco draws the injected text's spaces as no-break spaces.
    await expect.poll(() => hint.evaluate((el) => (el.textContent ?? '').replace(/\u00a0/g, ' ').trim())).toBe('⟶ exits 0 after 30 s; ignores SIGTERM');
    expect(await page.evaluate(() => window.__sidecarLab?.getHints().map((h) => h.line))).toEqual([7]);
    await expect(page.getByTestId('problems').locator('li')).toHaveCount(0);
    expect(await markers(page, 'sidecar-lab')).toEqual([]);
    await screenshot(page, info, 'hint');
  });
});
