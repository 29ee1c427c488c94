import { GUIDE_MD } from '../expectations';
import { assertFindings, matchesCount, waitForDiagnostics } from '../helpers/diagnostics';
import { openAndExpectActivation } from '../helpers/extension';
import { fileIn, folderNamed, waitForFolders } from '../helpers/workspace';

// Runs first (files run in name order). The multi-root launch proves activation by a TypeScript file.
suite('activation (single folder)', () => {
  suiteSetup(() => waitForFolders('workspace'));

  test('opening a Markdown file activates the extension, and that file gets its findings', async () => {
    const guide = fileIn(folderNamed('workspace'), 'docs/guide.md');
    await openAndExpectActivation(guide);
    assertFindings(await waitForDiagnostics(guide, 'findings', matchesCount(GUIDE_MD.length)), GUIDE_MD);
  });
});
