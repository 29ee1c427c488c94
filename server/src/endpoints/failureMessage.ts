import * as l10n from '@vscode/l10n';
import type { DiscoveryFailure } from './discoveryTypes';

/** The read-only IAM actions discovery uses (README and the AccessDenied message list the same). */
export const DISCOVERY_IAM_ACTIONS = [
  'sagemaker:ListEndpoints', 'sagemaker:DescribeEndpoint', 'sagemaker:DescribeEndpointConfig', 'sagemaker:DescribeModel',
  'sagemaker:ListInferenceComponents', 'sagemaker:DescribeInferenceComponent', 'sagemaker:ListTags', 'sagemaker:ListHubContents',
  'sagemaker:DescribeHubContent',
] as const;

/** One sentence (or two) a user can act on; never includes credentials (the SDK detail is already sanitised). */
export function describeFailure(failure: DiscoveryFailure): string {
  switch (failure.code) {
    case 'no-credentials':
      return l10n.t('No AWS credentials found. Choose a profile of your China (aws-cn) account from ~/.aws/config or ~/.aws/credentials, or set AWS_PROFILE.');
    case 'profile-not-found':
      return l10n.t("There is no profile '{0}' in ~/.aws/config or ~/.aws/credentials.", failure.profile ?? '');
    case 'expired-token':
      return l10n.t('The AWS credentials have expired. Refresh them (for example `aws sso login` or new session keys) and try again.');
    case 'wrong-partition':
      return l10n.t('The credentials are not valid in {0} (partition aws-cn). The China regions need credentials of a China account: keys of a global AWS account do not work there.', failure.region);
    case 'access-denied':
      return l10n.t('Access denied: the credentials lack the IAM permission {0} in {1}. Discovery needs these read-only actions: {2}.', failure.action, failure.region, DISCOVERY_IAM_ACTIONS.join(', '));
    case 'throttled':
      return l10n.t('SageMaker kept throttling {0} in {1} after several retries. Wait a minute and try again.', failure.operation, failure.region);
    case 'network':
      return l10n.t('Cannot reach the SageMaker API in {0}: {1}', failure.region, failure.detail);
    case 'cancelled':
      return l10n.t('Endpoint discovery was cancelled.');
    case 'unknown':
      return l10n.t('{0} failed in {1}: {2}', failure.operation, failure.region, failure.detail);
  }
}
