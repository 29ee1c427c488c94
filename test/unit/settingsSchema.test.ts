// One settings schema: the manifest's `bedrockToSagemaker.*` properties are exactly the CLI's keys plus the
// editor-only ones, and the CLI's defaults are the manifest's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CONFIG_SECTION } from '../../shared/protocol';
import { DEFAULT_SETTINGS, TARGET_REGIONS } from '../../server/src/engine/settings';
import { CLI_SETTING_KEYS, EDITOR_ONLY_SETTING_KEYS, SETTINGS_SECTION } from '../../server/src/settingsSchema';

interface PropertySchema {
  default?: unknown;
  enum?: unknown[];
}

function manifestProperties(): Record<string, PropertySchema> {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, PropertySchema> } | Array<{ properties: Record<string, PropertySchema> }> };
  };
  const sections = [manifest.contributes.configuration].flat();
  return Object.assign({}, ...sections.map((section) => section.properties)) as Record<string, PropertySchema>;
}

test('the CLI reads the section the language server asks the editor for', () => {
  assert.equal(SETTINGS_SECTION, CONFIG_SECTION);
});

test("the CLI's keys and the editor-only keys are the manifest's bedrockToSagemaker.* properties, each once", () => {
  const manifestKeys = Object.keys(manifestProperties()).filter((key) => key.startsWith(`${SETTINGS_SECTION}.`)).map((key) => key.slice(SETTINGS_SECTION.length + 1)).sort();
  const schemaKeys = [...CLI_SETTING_KEYS, ...EDITOR_ONLY_SETTING_KEYS].sort();
  assert.deepEqual(schemaKeys, manifestKeys);
  assert.equal(new Set(schemaKeys).size, schemaKeys.length);
});

test("the CLI's settings are the engine's, with the manifest's defaults and allowed regions", () => {
  assert.deepEqual([...CLI_SETTING_KEYS].sort(), Object.keys(DEFAULT_SETTINGS).sort());
  const properties = manifestProperties();
  for (const key of CLI_SETTING_KEYS) {
    assert.deepEqual(properties[`${SETTINGS_SECTION}.${key}`].default, DEFAULT_SETTINGS[key], `default of ${key}`);
  }
  assert.deepEqual([...(properties[`${SETTINGS_SECTION}.targetRegion`].enum ?? [])].sort(), [...TARGET_REGIONS].sort());
});
