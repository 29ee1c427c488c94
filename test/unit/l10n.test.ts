// Every user-facing string must exist in English (the source) and Simplified Chinese (our users read Chinese).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { test } from 'node:test';
import { getL10nJson } from '@vscode/l10n-dev';

const root = join(__dirname, '..', '..');

// Keys whose Chinese text legitimately has no Chinese characters. Keep this list short and explain each entry.
const NO_CHINESE_NEEDED: ReadonlySet<string> = new Set([
  // The product name: the output channel and the language client are called this, the command category in
  // package.json ("Bedrock to SageMaker: ...") is not localized, and the Chinese messages refer to the
  // "Bedrock to SageMaker" output channel by this name.
  'Bedrock to SageMaker',
  // Compact status-bar text: a finding count and a region id; its tooltip ('Bedrock findings in this file · target
  // region') is the translated part.
  'Bedrock: {0} · {1}',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return extname(path) === '.ts' ? [path] : [];
  });
}

function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

const messageOf = (value: unknown) => (typeof value === 'string' ? value : (value as { message: string }).message);

/** The English strings of the code (l10n.t / vscode.l10n.t keys), as the extension's l10n tooling extracts them. */
let extraction: ReturnType<typeof getL10nJson> | undefined;
function englishStrings(): ReturnType<typeof getL10nJson> {
  const files = [...sourceFiles(join(root, 'server', 'src')), ...sourceFiles(join(root, 'client', 'src'))];
  // Only files that mention l10n can call l10n.t() / vscode.l10n.t(); skipping the others saves most of the parsing.
  const scripts = files.map((file) => readFileSync(file, 'utf8')).filter((contents) => contents.includes('l10n'));
  extraction ??= getL10nJson(scripts.map((contents) => ({ extension: '.ts', contents })));
  return extraction;
}

const chineseBundle = () => JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, unknown>;

test('every runtime string has a Simplified Chinese translation with the same placeholders', async () => {
  const english = await englishStrings();
  const chinese = chineseBundle();
  const keys = Object.keys(english);
  assert.ok(keys.length > 50, `expected the extraction to find the engine's messages, found ${keys.length}`);
  const missing = keys.filter((key) => !(key in chinese));
  assert.deepEqual(missing, [], 'untranslated strings: run `node scripts/l10n-export.mjs` (npm run l10n:check) and translate them in l10n/bundle.l10n.zh-cn.json');
  for (const key of keys) {
    const translated = messageOf(chinese[key]);
    assert.equal(typeof translated, 'string', `not a string: ${key}`);
    assert.deepEqual(placeholders(translated), placeholders(messageOf(english[key])), `placeholders differ for: ${key}`);
    if (!NO_CHINESE_NEEDED.has(key)) assert.match(translated, /[\u4e00-\u9fff]/, `not Chinese: ${key}`);
  }
});

test('the allow-list of strings without Chinese characters names only strings the code uses', async () => {
  const english = await englishStrings();
  for (const key of NO_CHINESE_NEEDED) assert.ok(key in english, `allow-listed but no longer in the code: ${key}`);
});

test('the manifest strings exist in both languages', () => {
  const english = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const chinese = JSON.parse(readFileSync(join(root, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
  assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort());
  const manifest = readFileSync(join(root, 'package.json'), 'utf8');
  for (const [, key] of manifest.matchAll(/"%([\w.-]+)%"/g)) assert.ok(key in english, `package.json uses %${key}% but package.nls.json lacks it`);
});
