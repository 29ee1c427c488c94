import { PENDING, type Feature } from '../pending';

/** Skip reasons ride on the mocha Test object, so the index can report them next to the title. */
export interface SkippableTest extends Mocha.Test {
  skipReason?: string;
}

/** `test(...)` for a test that needs `feature`: skipped with the pending reason until the feature lands. */
export function featureTest(feature: Feature, title: string, fn: (this: Mocha.Context) => Promise<void>): void {
  const reason = PENDING[feature];
  if (!reason) {
    test(title, fn);
    return;
  }
  test(title, function () {
    (this.test as SkippableTest).skipReason = `pending: ${reason}`;
    this.skip();
  });
}
