import { openAndExpectActivation } from '../helpers/extension';
import { fileIn, folderNamed } from '../helpers/workspace';

// Runs first (files run in name order). The multi-root launch proves activation by a TypeScript file.
suite('activation (single folder)', () => {
  test('opening a Markdown file activates the extension', async () => {
    await openAndExpectActivation(fileIn(folderNamed('workspace'), 'docs/guide.md'));
  });
});
