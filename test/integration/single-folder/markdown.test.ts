import * as assert from 'assert';
import { GUIDE_MD, GUIDE_MD_FENCE_LINES } from '../expectations';
import { applyCodeAction, preferredQuickFix } from '../helpers/codeActions';
import { assertFindings, matchesCount, ruleOf, waitForDiagnostics } from '../helpers/diagnostics';
import { featureTest } from '../helpers/featureTest';
import { copyOf, diskText, fileIn, folderNamed, openEditor } from '../helpers/workspace';

suite('Markdown', () => {
  const guide = () => fileIn(folderNamed('workspace'), 'docs/guide.md');

  featureTest('markdown', 'findings in a ts fence map back into the Markdown file', async () => {
    await openEditor(guide());
    assertFindings(await waitForDiagnostics(guide(), `${GUIDE_MD.length} findings`, matchesCount(GUIDE_MD.length)), GUIDE_MD);
  });

  featureTest('markdown-fixes', 'a quick fix in a ts fence lands inside the fence', async () => {
    const target = await copyOf(guide(), 'guide-fixed.md');
    const editor = await openEditor(target);
    const before = editor.document.getText().split('\n');
    const diagnostics = await waitForDiagnostics(target, 'findings', matchesCount(GUIDE_MD.length));
    const region = diagnostics.find((d) => ruleOf(d) === 'bedrock/client-region');
    assert.ok(region);
    const fix = await preferredQuickFix(target, region);
    for (const [uri, edits] of fix.edit?.entries() ?? []) {
      if (uri.toString() !== target.toString()) continue;
      for (const edit of edits) {
        assert.ok(edit.range.start.line > GUIDE_MD_FENCE_LINES.open && edit.range.end.line < GUIDE_MD_FENCE_LINES.close,
          `edit at lines ${edit.range.start.line}-${edit.range.end.line} is inside the fence`);
      }
    }
    await applyCodeAction(fix);
    assert.ok(await editor.document.save(), 'saved');
    const after = (await diskText(target)).split('\n');
    // Everything up to the opening fence and from the closing fence on is untouched.
    assert.deepStrictEqual(after.slice(0, GUIDE_MD_FENCE_LINES.open + 1), before.slice(0, GUIDE_MD_FENCE_LINES.open + 1));
    assert.deepStrictEqual(after.slice(after.length - (before.length - GUIDE_MD_FENCE_LINES.close)), before.slice(GUIDE_MD_FENCE_LINES.close));
    assert.match(after.join('\n'), /region: 'cn-northwest-1'/);
  });
});
