// IAM policy for the service role, rendered by the CDK stack.
export function servicePolicy(region: string, account: string) {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
        Resource: [`arn:aws:bedrock:${region}:${account}:inference-profile/*`],
      },
      { Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::example-videos/*"] },
    ],
  };
}
