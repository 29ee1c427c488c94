import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { refineFixability } from '../../server/src/engine/fixes';
import { ADAPTER_TEMPLATE } from '../../server/src/engine/fixes/templates/adapterTemplate.generated';
import { AI_SDK_PROVIDER_TEMPLATE } from '../../server/src/engine/fixes/templates/aiSdkProviderTemplate.generated';
import { CHAT_MODEL_TEMPLATE } from '../../server/src/engine/fixes/templates/chatModelTemplate.generated';
import { loadCases, runCase, runFixAll } from './fixes-cases';

// UPDATE_GOLDEN=1 writes missing or changed .output files instead of failing (review the diff before committing).
const update = process.env.UPDATE_GOLDEN === '1';

describe('fix rewrites: golden fixtures', () => {
  const cases = loadCases();
  it('has fixtures', () => {
    assert.ok(cases.length >= 10, `only ${cases.length} fixtures`);
  });
  for (const fixture of cases) {
    describe(fixture.name, () => {
      const first = runCase(fixture);

      it('matches the golden output', () => {
        if (update && first.output !== fixture.expected) writeFileSync(fixture.outputPath, first.output);
        else assert.equal(first.output, fixture.expected, `${fixture.name}: run with UPDATE_GOLDEN=1 to see the new output`);
      });

      it('edits are sorted, disjoint and inside the document', () => {
        let previousEnd = 0;
        for (const edit of first.proposal?.edits ?? []) {
          assert.ok(edit.range.start >= previousEnd, `edit at ${edit.range.start} overlaps the one ending at ${previousEnd}`);
          assert.ok(edit.range.start <= edit.range.end && edit.range.end <= fixture.input.length, 'edit outside the document');
          assert.notEqual(fixture.input.slice(edit.range.start, edit.range.end), edit.newText, 'no-op edit');
          previousEnd = edit.range.end;
        }
      });

      it('a second fix-all changes nothing', () => {
        const second = runCase(fixture, first.output);
        assert.equal(second.proposal, undefined, `second pass wants to change:\n${second.output}`);
        if (fixture.mode === 'notes') assert.equal(runFixAll({ ...fixture.fixInput, text: first.output }).proposal, undefined, 'an unsupported file must not be migrated');
      });

      it('keeps the line endings', () => {
        const crlfIn = fixture.input.includes('\r\n');
        const loneLf = /(^|[^\r])\n/.test(first.output);
        if (crlfIn) assert.ok(!loneLf, 'a CRLF file gained LF-only lines');
        else assert.ok(!first.output.includes('\r\n'), 'an LF file gained CRLF');
      });

      if (Object.keys(fixture.refused).length > 0) {
        it('refuses the fix, keeps the finding and says why', () => {
          assert.equal(first.output, fixture.input, 'a refused call must leave the file as it is');
          const refined = refineFixability(fixture.fixInput, analyze(fixture.fixInput).findings);
          for (const [ruleId, reason] of Object.entries(fixture.refused)) {
            const found = refined.filter((finding) => finding.ruleId === ruleId);
            assert.ok(found.length > 0, `no ${ruleId} finding`);
            for (const finding of found) {
              assert.equal(finding.fixable, false, `${ruleId} must not be fixable`);
              assert.match(finding.message, new RegExp(`Not fixed automatically: .*${reason}`), finding.message);
            }
          }
        });
      }

      it('creates the adapter (or the AI SDK provider, or the LangChain chat model module) only with its template', () => {
        for (const file of first.proposal?.createFiles ?? []) {
          assert.equal(file.ifMissing, true);
          const kind = /sagemaker-ai-sdk-provider\.[^/]+$/.test(file.path) ? 'provider' : /sagemaker-chat-model\.[^/]+$/.test(file.path) ? 'chatModel' : 'adapter';
          const declared = { provider: /export declare function createSageMaker/, chatModel: /export declare class SageMakerChatModel/, adapter: /export declare function converseOnSageMaker/ }[kind];
          const template = { provider: AI_SDK_PROVIDER_TEMPLATE, chatModel: CHAT_MODEL_TEMPLATE, adapter: ADAPTER_TEMPLATE }[kind];
          if (/\.d\.[cm]?ts$/.test(file.path)) {
            assert.match(file.content, declared, 'a JavaScript module brings its types');
          } else if (file.path.endsWith('.ts')) assert.equal(file.content.replace(/\r\n/g, '\n'), template);
        }
      });
    });
  }
});
