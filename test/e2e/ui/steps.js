// The UI smoke steps, in order; each builds on the previous one. Selectors are the ones that held up in
// code-server 4.100 (see shared/vscode-e2e.md, "UI smoke driver"): keyboard over mouse, and waiting for
// the light bulb before Ctrl+. .
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const CONVERSE_MESSAGE = 'Bedrock Converse is not available in cn-northwest-1';

const editorOf = (page) => page.locator('.editor-instance .monaco-editor').first();

async function runCommand(page, text) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(text);
}

/** Puts the caret at 1-based line:column through Go to Line (clicking spans races with re-rendering). */
async function goTo(page, line, column) {
  await runCommand(page, `:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.statusbar', { hasText: `Ln ${line}, Col ${column}` }).waitFor();
}

async function waitForFileOnDisk(file, predicate, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (predicate(text)) return text;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${file} on disk; it is:\n${text}`);
    await new Promise((r) => setTimeout(r, 100)); // poll interval
  }
}

const ALL = [
  {
    id: 'squiggles',
    title: 'squiggles under the Bedrock uses in the editor',
    async run({ page }) {
      const editor = editorOf(page);
      await editor.locator('.view-lines', { hasText: 'BedrockRuntimeClient' }).waitFor();
      await editor.locator('.squiggly-error').first().waitFor();
      await editor.locator('.squiggly-warning').first().waitFor();
    },
  },
  {
    id: 'problems',
    title: 'the Problems panel lists the findings with source and rule id',
    async run({ page, screenshot }) {
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: CONVERSE_MESSAGE }).first();
      await row.waitFor();
      // Source, rule id (a link to the rule's docs) and the exact position of ConverseCommand.
      const text = await row.innerText();
      for (const part of ['bedrock-to-sagemaker', 'bedrock/converse', '[Ln 6, Col 42]']) assert.ok(text.includes(part), `'${part}' in ${JSON.stringify(text)}`);
      await screenshot(page, 'problems-panel');
    },
  },
  {
    id: 'quickfix',
    feature: 'fixes',
    title: 'Ctrl+. applies the preferred quick fix and Ctrl+S saves it to disk',
    async run({ page, file }) {
      const editor = editorOf(page);
      await editor.click();
      await goTo(page, 14, 45); // inside InvokeModelCommand
      // The bulb is a glyph-margin decoration, or a content widget when the margin line is taken.
      await editor.locator('[class*="codicon-gutter-lightbulb"], .lightBulbWidget[class*="codicon-lightbulb"]').first().waitFor();
      await page.keyboard.press('Control+Period');
      // The preferred fix is focused first; the pointer-block overlay swallows clicks, so use Enter.
      await page.locator('.action-widget .monaco-list-row.focused', { hasText: /SageMaker/ }).waitFor();
      await page.keyboard.press('Enter');
      await editor.locator('.view-lines', { hasText: 'InvokeEndpointCommand' }).waitFor();
      await page.keyboard.press('Control+S');
      const saved = await waitForFileOnDisk(file, (text) => text.includes('InvokeEndpointCommand'));
      assert.doesNotMatch(saved, /InvokeModelCommand|ConverseCommand|BedrockRuntimeClient/);
      // The Converse rewrite imports the adapter module it created: it must be on disk too.
      const adapter = path.join(path.dirname(file), 'sagemaker-converse.ts');
      await waitForFileOnDisk(adapter, (text) => /export (async )?function converseOnSageMaker/.test(text));
      await editor.locator('.squiggly-error').first().waitFor({ state: 'detached' });
    },
  },
  {
    id: 'report',
    feature: 'report',
    title: 'the report command runs from the command palette and opens the report',
    async run({ page }) {
      await runCommand(page, '>Bedrock to SageMaker: Generate Migration Report');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Generate Migration Report' }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.tab', { hasText: /report/i }).first().waitFor();
      await editorOf(page).locator('.view-lines', { hasText: 'feasibility' }).waitFor();
    },
  },
  {
    id: 'migrate-workspace',
    feature: 'migrate-workspace',
    title: 'Migrate Workspace asks how to apply; Choose Files… lists the files ticked, and a closed picked file is saved migrated',
    async run({ page, file }) {
      const guide = path.join(path.dirname(file), '..', 'docs', 'guide.md'); // never opened in this run
      const before = fs.readFileSync(guide, 'utf8');
      // The report's preview (previous step) takes focus while it loads, which would close the command palette.
      await page.locator('iframe.webview.ready').first().waitFor({ state: 'attached' });
      await editorOf(page).click();
      await runCommand(page, '>Bedrock to SageMaker: Migrate Workspace');
      await page.screenshot({ path: '/tmp/dbg1.png' });
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Migrate Workspace' }).first().waitFor();
      await page.keyboard.press('Enter');
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.locator('.dialog-message-text', { hasText: 'Migrate the workspace to SageMaker Runtime?' }).waitFor();
      const detail = await dialog.locator('.dialog-message-detail').innerText();
      for (const part of [/Files changed: [1-9]/, /Findings fixed: [1-9]/, /Left for manual migration: \d+/, /tick the files to apply/]) assert.match(detail, part);
      const buttons = await dialog.locator('.dialog-buttons .monaco-button').allInnerTexts();
      for (const label of ['Migrate All', 'Choose Files…', 'Preview Changes…', 'Cancel']) assert.ok(buttons.includes(label), `'${label}' in ${JSON.stringify(buttons)}`);
      await dialog.locator('.dialog-buttons .monaco-button', { hasText: 'Choose Files…' }).click();
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'docs/guide.md' });
      await row.waitFor();
      assert.equal(await row.getAttribute('aria-checked'), 'true', 'every file starts ticked');
      await page.keyboard.press('Enter');
      await waitForFileOnDisk(guide, (text) => text !== before && text.includes("region: 'cn-northwest-1'"));
      await page.locator('.tab', { hasText: /Untitled/ }).first().waitFor(); // what is left for manual migration
    },
  },
];

module.exports = { ALL };
