// Test plumbing, not application code: the AWS SDK clients (Bedrock's inside ChatBedrockConverse, SageMaker's after
// the migration) reach the loopback stand-ins through the SDK's per-service endpoint variables.
if (process.env.STANDIN_ENDPOINT) {
  process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME = process.env.STANDIN_ENDPOINT;
  process.env.AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME = process.env.STANDIN_ENDPOINT;
}
