// Golden tests of the package.json edits: exact output texts, so indentation, line endings, commas, key order,
// the final newline and the BOM are all checked. Every case also checks the edits are minimal (they touch only
// the changed members) and that running again on the output proposes nothing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { applyEdits } from '../../server/src/engine/fixes';
import { type DependencyEditOptions, dependencyEdits, installCommandFor, installHint, planDependencyFix } from '../../server/src/engine/packageJson';
import { withLocale } from '../../server/src/engine/l10n';

const RUNTIME = '@aws-sdk/client-bedrock-runtime';
const SAGEMAKER = '@aws-sdk/client-sagemaker-runtime';
const ADD: DependencyEditOptions = { addSageMakerRuntime: true, removable: [] };
const lines = (...rows: string[]) => rows.join('\n');

function check(input: string, options: DependencyEditOptions, expected: string): void {
  const edits = dependencyEdits(input, options);
  const output = applyEdits(input, edits);
  assert.equal(output, expected);
  assert.ok(edits.every((edit) => !edit.newText.includes('{') && !edit.newText.includes('}')), 'no edit rewrites a whole object');
  assert.deepEqual(dependencyEdits(output, options), [], 'idempotent');
  JSON.parse(output.replace(/^\uFEFF/, ''));
}

describe('dependencyEdits: adding @aws-sdk/client-sagemaker-runtime', () => {
  test('2 spaces, sorted section: sorted position, highest @aws-sdk version, caret kept', () => {
    check(lines(
      '{',
      '  "name": "svc",',
      '  "dependencies": {',
      `    "${RUNTIME}": "^3.700.0",`,
      '    "@aws-sdk/client-s3": "^3.712.0",',
      '    "zod": "^3.23.0"',
      '  }',
      '}',
      '',
    ), ADD, lines(
      '{',
      '  "name": "svc",',
      '  "dependencies": {',
      `    "${RUNTIME}": "^3.700.0",`,
      '    "@aws-sdk/client-s3": "^3.712.0",',
      `    "${SAGEMAKER}": "^3.712.0",`,
      '    "zod": "^3.23.0"',
      '  }',
      '}',
      '',
    ));
  });

  test('4 spaces, unsorted section: right after the Bedrock entry; tilde kept', () => {
    check(lines(
      '{',
      '    "devDependencies": {',
      '        "zod": "^3.23.0",',
      `        "${RUNTIME}": "~3.650.0",`,
      '        "@aws-sdk/client-s3": "~3.600.0"',
      '    }',
      '}',
    ), ADD, lines(
      '{',
      '    "devDependencies": {',
      '        "zod": "^3.23.0",',
      `        "${RUNTIME}": "~3.650.0",`,
      `        "${SAGEMAKER}": "~3.650.0",`,
      '        "@aws-sdk/client-s3": "~3.600.0"',
      '    }',
      '}',
    ));
  });

  test('tabs, exact version, the only entry (separator built from the file); the style of the runtime entry wins', () => {
    check(lines(
      '{',
      '\t"dependencies": {',
      `\t\t"${RUNTIME}": "3.700.0"`,
      '\t},',
      '\t"devDependencies": {',
      '\t\t"@aws-sdk/client-s3": "^3.720.1"',
      '\t}',
      '}',
      '',
    ), ADD, lines(
      '{',
      '\t"dependencies": {',
      `\t\t"${RUNTIME}": "3.700.0",`,
      `\t\t"${SAGEMAKER}": "3.720.1"`,
      '\t},',
      '\t"devDependencies": {',
      '\t\t"@aws-sdk/client-s3": "^3.720.1"',
      '\t}',
      '}',
      '',
    ));
  });

  test('CRLF and BOM are kept; insertion before the first entry of a sorted section', () => {
    const input = `\uFEFF{\r\n  "dependencies": {\r\n    "@aws-sdk/client-bedrock-runtime": "^3.1.0",\r\n    "@aws-sdk/client-sso": "^3.1.0"\r\n  }\r\n}\r\n`;
    check(input, ADD,
      `\uFEFF{\r\n  "dependencies": {\r\n    "@aws-sdk/client-bedrock-runtime": "^3.1.0",\r\n    "${SAGEMAKER}": "^3.1.0",\r\n    "@aws-sdk/client-sso": "^3.1.0"\r\n  }\r\n}\r\n`);
    const single = `{\r\n  "dependencies": {\r\n    "${RUNTIME}": "^3.1.0"\r\n  }\r\n}`;
    check(single, ADD, `{\r\n  "dependencies": {\r\n    "${RUNTIME}": "^3.1.0",\r\n    "${SAGEMAKER}": "^3.1.0"\r\n  }\r\n}`);
    const first = `{\r\n  "dependencies": {\r\n    "@aws-sdk/client-sts": "^3.1.0",\r\n    "@aws-sdk/client-bedrock-runtime": "^3.1.0"\r\n  }\r\n}`;
    // Not sorted ("sts" before "bedrock"): after the Bedrock entry, which is last.
    check(first, ADD, `{\r\n  "dependencies": {\r\n    "@aws-sdk/client-sts": "^3.1.0",\r\n    "@aws-sdk/client-bedrock-runtime": "^3.1.0",\r\n    "${SAGEMAKER}": "^3.1.0"\r\n  }\r\n}`);
    const sortedFirst = `{\r\n  "dependencies": {\r\n    "${RUNTIME}": "^3.1.0",\r\n    "@aws-sdk/client-sso": "^3.1.0",\r\n    "@aws-sdk/client-sts": "^3.1.0"\r\n  }\r\n}`;
    check(sortedFirst, ADD, `{\r\n  "dependencies": {\r\n    "${RUNTIME}": "^3.1.0",\r\n    "${SAGEMAKER}": "^3.1.0",\r\n    "@aws-sdk/client-sso": "^3.1.0",\r\n    "@aws-sdk/client-sts": "^3.1.0"\r\n  }\r\n}`);
  });

  test('a one-line section stays on one line, with its own comma and colon spacing', () => {
    check(`{"dependencies":{"a":"1.0.0","${RUNTIME}":"3.5.0"}}\n`, ADD, `{"dependencies":{"a":"1.0.0","${RUNTIME}":"3.5.0","${SAGEMAKER}":"3.5.0"}}\n`);
    check(`{"dependencies": {"${RUNTIME}" : "3.5.0"}}`, ADD, `{"dependencies": {"${RUNTIME}" : "3.5.0", "${SAGEMAKER}" : "3.5.0"}}`);
  });

  test('every section that lists the runtime client gets it (peer + dev); none when dependencies already has it', () => {
    check(lines(
      '{',
      '  "peerDependencies": {',
      `    "${RUNTIME}": "^3.0.0"`,
      '  },',
      '  "devDependencies": {',
      `    "${RUNTIME}": "^3.700.0"`,
      '  }',
      '}',
    ), ADD, lines(
      '{',
      '  "peerDependencies": {',
      `    "${RUNTIME}": "^3.0.0",`,
      `    "${SAGEMAKER}": "^3.700.0"`,
      '  },',
      '  "devDependencies": {',
      `    "${RUNTIME}": "^3.700.0",`,
      `    "${SAGEMAKER}": "^3.700.0"`,
      '  }',
      '}',
    ));
    const already = `{"dependencies": {"${SAGEMAKER}": "3.1.0"}, "devDependencies": {"${RUNTIME}": "3.1.0"}}`;
    assert.deepEqual(dependencyEdits(already, ADD), []);
  });

  test('versions: tags and wildcards are copied, protocols and pre-releases fall back to ^3.0.0', () => {
    const rangeFor = (range: string) => {
      const input = `{"dependencies": {"${RUNTIME}": ${JSON.stringify(range)}}}`;
      return JSON.parse(applyEdits(input, dependencyEdits(input, ADD))).dependencies[SAGEMAKER];
    };
    assert.deepEqual(['latest', '*', '3.x', 'workspace:*', '^3.1.0-beta.1', '>=3.0.0'].map(rangeFor),
      ['latest', '*', '3.x', '^3.0.0', '^3.0.0', '^3.0.0']);
  });

  test('without the runtime client, or on malformed JSON, nothing is proposed', () => {
    assert.deepEqual(dependencyEdits('{"dependencies": {"@aws-sdk/client-bedrock": "3.1.0"}}', ADD), []);
    assert.deepEqual(dependencyEdits(`{"dependencies": {"${RUNTIME}": "3.1.0",}}`, ADD), []);
    assert.deepEqual(dependencyEdits('not json', { addSageMakerRuntime: true, removable: [RUNTIME] }), []);
  });
});

describe('dependencyEdits: removing Bedrock packages', () => {
  const input = lines(
    '{',
    '  "dependencies": {',
    `    "${RUNTIME}": "^3.700.0",`,
    '    "@aws-sdk/client-bedrock-agent-runtime": "^3.700.0",',
    '    "zod": "^3.23.0",',
    '    "@langchain/aws": "^1.0.0"',
    '  },',
    '  "devDependencies": {',
    '    "@aws-sdk/client-bedrock": "^3.700.0"',
    '  }',
    '}',
    '',
  );

  test('first, middle and last entries keep the commas right; the last entry of a section leaves {}', () => {
    check(input, { addSageMakerRuntime: false, removable: ['@aws-sdk/client-bedrock-agent-runtime', '@langchain/aws', '@aws-sdk/client-bedrock'] }, lines(
      '{',
      '  "dependencies": {',
      `    "${RUNTIME}": "^3.700.0",`,
      '    "zod": "^3.23.0"',
      '  },',
      '  "devDependencies": {}',
      '}',
      '',
    ));
    check(input, { addSageMakerRuntime: false, removable: [RUNTIME, '@aws-sdk/client-bedrock-agent-runtime'] }, lines(
      '{',
      '  "dependencies": {',
      '    "zod": "^3.23.0",',
      '    "@langchain/aws": "^1.0.0"',
      '  },',
      '  "devDependencies": {',
      '    "@aws-sdk/client-bedrock": "^3.700.0"',
      '  }',
      '}',
      '',
    ));
  });

  test('removing while adding: the SageMaker client takes the Bedrock entry\'s place in an unsorted section', () => {
    check(input, { addSageMakerRuntime: true, removable: [RUNTIME, '@aws-sdk/client-bedrock-agent-runtime', '@langchain/aws', '@aws-sdk/client-bedrock'] }, lines(
      '{',
      '  "dependencies": {',
      `    "${SAGEMAKER}": "^3.700.0",`,
      '    "zod": "^3.23.0"',
      '  },',
      '  "devDependencies": {}',
      '}',
      '',
    ));
    const edits = dependencyEdits(input, { addSageMakerRuntime: true, removable: [RUNTIME] });
    assert.deepEqual(edits.map((edit) => [input.slice(edit.range.start, edit.range.end), edit.newText]), [['bedrock', 'sagemaker']], 'only the name changes');
  });

  test('removing the only entry while adding keeps the section multi-line', () => {
    check(lines('{', '  "dependencies": {', `    "${RUNTIME}": "^3.1.0"`, '  }', '}'), { addSageMakerRuntime: true, removable: [RUNTIME] },
      lines('{', '  "dependencies": {', `    "${SAGEMAKER}": "^3.1.0"`, '  }', '}'));
  });

  test('only Bedrock packages are ever removed, from every section they are in', () => {
    check(`{"dependencies": {"zod": "1", "${RUNTIME}": "1.0.0"}, "devDependencies": {"${RUNTIME}": "1.0.0", "a": "1"}}`,
      { addSageMakerRuntime: false, removable: ['zod', 'a', RUNTIME] },
      '{"dependencies": {"zod": "1"}, "devDependencies": {"a": "1"}}');
  });
});

describe('planDependencyFix', () => {
  const input = `{\n  "dependencies": {\n    "${RUNTIME}": "^3.700.0",\n    "@aws-sdk/client-bedrock-agent-runtime": "^3.700.0"\n  }\n}\n`;

  test('after a full migration: the runtime client is replaced, unused Bedrock packages removed', () => {
    const plan = planDependencyFix(input, new Set([SAGEMAKER, 'zod']));
    assert.equal(applyEdits(input, plan.edits), `{\n  "dependencies": {\n    "${SAGEMAKER}": "^3.700.0"\n  }\n}\n`);
    assert.equal(plan.addsSageMakerRuntime, true);
    assert.deepEqual(plan.removed.map((entry) => [entry.name, input.slice(entry.keyRange.start, entry.keyRange.end)]), [
      [RUNTIME, `"${RUNTIME}"`], ['@aws-sdk/client-bedrock-agent-runtime', '"@aws-sdk/client-bedrock-agent-runtime"'],
    ]);
    assert.deepEqual(plan.kept, []);
  });

  test('packages still imported (deep imports count) are kept; nothing imports SageMaker: nothing added', () => {
    const plan = planDependencyFix(input, new Set(['@aws-sdk/client-bedrock-agent-runtime/dist-cjs/index.js']));
    assert.equal(plan.addsSageMakerRuntime, false);
    assert.deepEqual(plan.kept.map((entry) => entry.name), ['@aws-sdk/client-bedrock-agent-runtime']);
    assert.equal(applyEdits(input, plan.edits), `{\n  "dependencies": {\n    "@aws-sdk/client-bedrock-agent-runtime": "^3.700.0"\n  }\n}\n`);
  });

  test('a partial migration keeps the runtime client and adds SageMaker beside it', () => {
    const plan = planDependencyFix(input, new Set([RUNTIME, SAGEMAKER, '@aws-sdk/client-bedrock-agent-runtime']));
    assert.deepEqual(plan.removed, []);
    assert.equal(applyEdits(input, plan.edits), `{\n  "dependencies": {\n    "${RUNTIME}": "^3.700.0",\n    "${SAGEMAKER}": "^3.700.0",\n    "@aws-sdk/client-bedrock-agent-runtime": "^3.700.0"\n  }\n}\n`);
  });

  test('malformed JSON: an empty plan', () => {
    assert.deepEqual(planDependencyFix('{', new Set([SAGEMAKER])), { edits: [], addsSageMakerRuntime: false, removed: [], kept: [], addedForWrappers: [] });
  });

  test('migrated LangChain code: the chat model module\'s imports go beside @langchain/aws (its section, its layout), which goes once unused', () => {
    const text = '{\r\n\t"devDependencies": {\r\n\t\t"@aws-sdk/types": "~3.650.0",\r\n\t\t"@langchain/aws": "^1.4.5",\r\n\t\t"zod": "^3.0.0"\r\n\t}\r\n}\r\n';
    const kept = planDependencyFix(text, new Set(['@langchain/aws', SAGEMAKER, '@langchain/core/messages']));
    assert.deepEqual(kept.addedForWrappers, [SAGEMAKER, '@langchain/core']);
    assert.equal(applyEdits(text, kept.edits), '{\r\n\t"devDependencies": {\r\n\t\t"@aws-sdk/client-sagemaker-runtime": "~3.650.0",\r\n\t\t"@aws-sdk/types": "~3.650.0",\r\n\t\t"@langchain/aws": "^1.4.5",\r\n\t\t"@langchain/core": "^1.0.0",\r\n\t\t"zod": "^3.0.0"\r\n\t}\r\n}\r\n');
    const gone = planDependencyFix(text, new Set([SAGEMAKER, '@langchain/core']));
    assert.deepEqual(gone.removed.map((entry) => entry.name), ['@langchain/aws']);
    assert.equal(applyEdits(text, gone.edits), '{\r\n\t"devDependencies": {\r\n\t\t"@aws-sdk/client-sagemaker-runtime": "~3.650.0",\r\n\t\t"@aws-sdk/types": "~3.650.0",\r\n\t\t"@langchain/core": "^1.0.0",\r\n\t\t"zod": "^3.0.0"\r\n\t}\r\n}\r\n');
    assert.deepEqual(planDependencyFix(applyEdits(text, gone.edits), new Set([SAGEMAKER, '@langchain/core'])).edits, [], 'a second run changes nothing');
  });
});

describe('install command and hint', () => {
  test('the lockfile decides the package manager; npm without one', () => {
    assert.deepEqual([
      installCommandFor(['package-lock.json']), installCommandFor(['pnpm-lock.yaml']), installCommandFor(['/repo/app/yarn.lock']),
      installCommandFor([]), installCommandFor(['npm-shrinkwrap.json']),
    ], ['npm install', 'pnpm install', 'yarn install', 'npm install', 'npm install']);
  });

  test('the hint names the command and the lockfile', () => {
    withLocale('en', () => {
      assert.equal(installHint(['package-lock.json']), 'Run npm install to update package-lock.json.');
      assert.equal(installHint(['C:\\repo\\pnpm-lock.yaml']), 'Run pnpm install to update pnpm-lock.yaml.');
      assert.equal(installHint([]), 'Run npm install to install the new dependencies.');
    });
  });
});

describe('dependencyEdits on generated package.json files', () => {
  const BEDROCK = [RUNTIME, '@aws-sdk/client-bedrock', '@aws-sdk/client-bedrock-agent-runtime', '@langchain/aws'];
  const names = fc.constantFrom(...BEDROCK, SAGEMAKER, 'zod', '@aws-sdk/client-s3', 'aws-sdk', 'a', 'z');
  const section = fc.dictionary(names, fc.constantFrom('^3.700.0', '~3.1.0', '3.2.1', 'latest'), { maxKeys: 6 });
  const manifest = fc.record({ dependencies: section, devDependencies: section }, { requiredKeys: [] });
  const layout = fc.record({ indent: fc.constantFrom(0, 2, 4, '\t'), crlf: fc.boolean(), bom: fc.boolean(), newline: fc.boolean() });

  test('the result is valid JSON with exactly the expected packages, other members untouched, and a second run proposes nothing', () => {
    fc.assert(fc.property(manifest, layout, fc.boolean(), fc.subarray(BEDROCK), (value, style, add, removable) => {
      let text = JSON.stringify({ name: 'x', ...value }, null, style.indent);
      if (style.crlf) text = text.replace(/\n/g, '\r\n');
      text = `${style.bom ? '\uFEFF' : ''}${text}${style.newline ? (style.crlf ? '\r\n' : '\n') : ''}`;
      const options = { addSageMakerRuntime: add, removable };
      const output = applyEdits(text, dependencyEdits(text, options));
      assert.deepEqual(dependencyEdits(output, options), []);
      assert.equal(output.startsWith('\uFEFF'), style.bom);
      assert.equal(output.includes('\n') && !output.includes('\r\n'), text.includes('\n') && !text.includes('\r\n'));
      const parsed = JSON.parse(output.replace(/^\uFEFF/, '')) as Record<string, Record<string, string> | string>;
      assert.equal(parsed.name, 'x');
      for (const key of ['dependencies', 'devDependencies'] as const) {
        const before = value[key];
        if (!before) continue;
        const expected = Object.keys(before).filter((name) => !removable.includes(name));
        const needsSageMaker = add && RUNTIME in before && !(SAGEMAKER in before) && !(value.dependencies && SAGEMAKER in value.dependencies);
        if (needsSageMaker) expected.push(SAGEMAKER);
        assert.deepEqual(Object.keys(parsed[key] as Record<string, string>).sort(), expected.sort(), key);
      }
    }), { numRuns: 400 });
  });
});
