// ObjectCache keeps a value on its key object (objectCache.ts says why): the value must be found again, belong to that
// object only, and be invisible to everything that copies or compares the object (spreads of findings, JSON of
// diagnostics, deep equality in tests, TypeScript's own walks of its nodes).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ObjectCache } from '../../server/src/engine/objectCache';
import { parseScript } from '../../server/src/engine/script/parse';

describe('ObjectCache', () => {
  test('a value is found on its object only, and forgotten', () => {
    const cache = new ObjectCache<object, number[]>('test', 'finding');
    const first = { a: 1 };
    const second = { a: 1 };
    const value = [1, 2];
    cache.set(first, value);
    assert.equal(cache.get(first), value);
    assert.equal(cache.get(second), undefined);
    cache.set(first, [3]);
    assert.deepEqual(cache.get(first), [3]);
    cache.delete(first);
    assert.equal(cache.get(first), undefined);
  });

  test('two caches keep their own values on the same object', () => {
    const names = new ObjectCache<object, string>('names', 'finding');
    const sizes = new ObjectCache<object, number>('sizes', 'finding');
    const key = {};
    names.set(key, 'x');
    sizes.set(key, 2);
    assert.equal(names.get(key), 'x');
    assert.equal(sizes.get(key), 2);
  });

  test('objects of a kind get the slots of every cache of that kind in one order, whichever cache they meet first', () => {
    const first = new ObjectCache<object, string>('first', 'fixContext');
    const second = new ObjectCache<object, string>('second', 'fixContext');
    const a = {};
    const b = {};
    first.set(a, 'a');
    second.set(b, 'b');
    second.set(a, 'a2');
    assert.deepEqual(Reflect.ownKeys(a).map(String), Reflect.ownKeys(b).map(String));
    assert.equal(first.get(b), undefined, 'a slot made for another cache holds nothing');
    assert.equal(second.get(a), 'a2');
  });

  test('spreads, JSON, keys and deep equality do not see the value', () => {
    const cache = new ObjectCache<object, string>('shape', 'finding');
    const finding = { ruleId: 'bedrock/import', range: { start: 1, end: 2 } };
    cache.set(finding, 'cached');
    const copy = { ...finding, fixable: true };
    assert.equal(cache.get(copy), undefined, 'a spread copy does not carry the value');
    assert.equal(JSON.stringify(finding), '{"ruleId":"bedrock/import","range":{"start":1,"end":2}}');
    assert.deepEqual(Object.keys(finding), ['ruleId', 'range']);
    assert.deepStrictEqual(finding, { ruleId: 'bedrock/import', range: { start: 1, end: 2 } });
  });

  test('on a syntax tree node, the tree prints and compares as before', () => {
    const tree = parseScript('const a = 1;\nfunction f() { return a; }\n', 'typescript', 'a.ts');
    const cache = new ObjectCache<object, number>('statement', 'statement');
    const statement = tree.statements[1];
    const before = JSON.stringify(statement, (key, value) => (key === 'parent' ? undefined : value));
    cache.set(statement, 7);
    assert.equal(cache.get(statement), 7);
    assert.equal(JSON.stringify(statement, (key, value) => (key === 'parent' ? undefined : value)), before);
    assert.equal(statement.getText(tree), 'function f() { return a; }');
  });
});
