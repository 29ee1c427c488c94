import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAwsProfiles } from '../../shared/awsProfiles';

test('profiles of ~/.aws/config and ~/.aws/credentials: names and regions, never keys', () => {
  const config = '[default]\nregion = us-east-1\n\n[profile china]\nregion=cn-north-1\n[sso-session corp]\nsso_region = us-east-1\n[services local]\nsagemaker =\n  endpoint_url = http://x\n';
  const credentials = '# keys\n[china]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = secret\n[ningxia]\naws_access_key_id=x\r\n';
  const profiles = parseAwsProfiles(config, credentials);
  assert.deepEqual(profiles, [{ name: 'default', region: 'us-east-1' }, { name: 'china', region: 'cn-north-1' }, { name: 'ningxia' }]);
  assert.ok(!JSON.stringify(profiles).includes('AKIA'));
});
