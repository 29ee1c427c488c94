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
];

module.exports = { ALL };
