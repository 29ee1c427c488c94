import { APP_TS } from '../expectations';
import { allNameRegion, assertFindings, matchesCount, waitForDiagnostics } from '../helpers/diagnostics';
import { openAndExpectActivation } from '../helpers/extension';
import { fileIn, folderNamed, openEditor, setFolderSetting, waitForFolders } from '../helpers/workspace';

// The .code-workspace sets cn-north-1; folder "north" repeats it, folder "northwest" overrides it.
suite('multi-root workspace', () => {
  const north = () => fileIn(folderNamed('north'), 'src/app.ts');
  const northwest = () => fileIn(folderNamed('northwest'), 'src/app.ts');

  suiteSetup(() => waitForFolders('north', 'northwest'));

  test('opening a TypeScript file activates the extension, and that file gets its findings', async () => {
    await openAndExpectActivation(north());
    assertFindings(await waitForDiagnostics(north(), 'findings', matchesCount(APP_TS.length)), APP_TS);
  });

  test('each folder gets findings named for its own targetRegion', async () => {
    await openEditor(northwest());
    assertFindings(await waitForDiagnostics(north(), 'findings', matchesCount(APP_TS.length)), APP_TS);
    assertFindings(await waitForDiagnostics(northwest(), 'findings', matchesCount(APP_TS.length)), APP_TS);
    await waitForDiagnostics(north(), 'messages naming cn-north-1', allNameRegion('cn-north-1'));
    await waitForDiagnostics(northwest(), 'messages naming cn-northwest-1', allNameRegion('cn-northwest-1'));
  });

  test("changing one folder's targetRegion re-words only that folder's findings", async () => {
    try {
      await setFolderSetting(folderNamed('northwest'), 'bedrockToSagemaker.targetRegion', 'cn-north-1');
      await waitForDiagnostics(northwest(), 'messages naming cn-north-1', allNameRegion('cn-north-1'));
      await waitForDiagnostics(north(), 'messages still naming cn-north-1', allNameRegion('cn-north-1'));
    } finally {
      await setFolderSetting(folderNamed('northwest'), 'bedrockToSagemaker.targetRegion', 'cn-northwest-1');
    }
    await waitForDiagnostics(northwest(), 'messages back to cn-northwest-1', allNameRegion('cn-northwest-1'));
  });
});
