// Features whose tests are written but switched off because the feature has not landed yet.
// The ONE place to turn tests on: delete a feature's entry when its issue lands, and its tests run.
// Tests for a pending feature are reported as skipped with this reason, never as passed.
export type Feature = 'fixes' | 'markdown' | 'markdown-fixes' | 'report' | 'migrate-workspace' | 'fix-all-on-save-adapter';

export const PENDING: Partial<Record<Feature, string>> = {};
