import type { Role } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { mediaBucketCorsRule } from '../../shared/console/headers.ts';

export interface MediaBucketCorsProps {
  readonly bucket: IBucket;
  /** The origins allowed: the console's. */
  readonly origins: readonly string[];
}

/**
 * The media bucket's CORS rule, set by an SDK call rather than on the bucket's resource: the rule
 * names the console's distribution, whose headers name the bucket, and CloudFormation cannot
 * create either first. Removed again with the console.
 */
export class MediaBucketCors extends Construct {
  /** The role of the Lambda CDK runs the SDK calls in (one per stack). */
  readonly handlerRole: Role;

  constructor(scope: Construct, id: string, props: MediaBucketCorsProps) {
    super(scope, id);
    const bucket = props.bucket.bucketName;
    const put = {
      service: 'S3',
      action: 'putBucketCors',
      parameters: { Bucket: bucket, CORSConfiguration: { CORSRules: [mediaBucketCorsRule(props.origins)] } },
      physicalResourceId: PhysicalResourceId.of(`${bucket}-cors`),
    };
    const rule = new AwsCustomResource(this, 'Rule', {
      onCreate: put,
      onUpdate: put,
      onDelete: { service: 'S3', action: 'deleteBucketCors', parameters: { Bucket: bucket } },
      policy: AwsCustomResourcePolicy.fromSdkCalls({ resources: [props.bucket.bucketArn] }),
      installLatestAwsSdk: false,
    });
    this.handlerRole = rule.grantPrincipal as Role;
  }
}
