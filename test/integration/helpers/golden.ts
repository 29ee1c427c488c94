import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

// Compiled tests live in test/integration/out/<folder>/, goldens in test/integration/expected/.
const EXPECTED_DIR = path.resolve(__dirname, '..', '..', 'expected');

/**
 * Compares `actual` with expected/<name>. With E2E_UPDATE_GOLDENS=1 (or when the golden does not exist
 * yet) the actual text is written there for review, and a missing golden still fails the test.
 */
export function assertGolden(name: string, actual: string): void {
  const file = path.join(EXPECTED_DIR, name);
  if (process.env.E2E_UPDATE_GOLDENS === '1' || !fs.existsSync(file)) {
    const existed = fs.existsSync(file);
    fs.mkdirSync(EXPECTED_DIR, { recursive: true });
    fs.writeFileSync(file, actual);
    assert.ok(existed, `golden ${file} did not exist: wrote the actual text there, review it and commit it`);
    return;
  }
  assert.strictEqual(actual, fs.readFileSync(file, 'utf8'), `text differs from golden ${file}`);
}
