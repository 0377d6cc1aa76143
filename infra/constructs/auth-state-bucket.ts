import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { authStatePrefix } from '../../shared/resources.ts';
import { dataBucketProps } from './data-bucket-props.ts';

export interface AuthStateBucketProps {
  /** Encrypts the objects. */
  readonly key: IKey;
  /** Retain the buckets on teardown (prod). */
  readonly retain: boolean;
  /**
   * How long an overwritten or deleted object version is kept.
   * @default 30 days
   */
  readonly noncurrentVersionDays?: number;
}

/**
 * The bucket of the connector's WhatsApp auth state (credentials and Signal keys under
 * `sessions/<id>/`): KMS-encrypted, private, TLS only, versioned, with server access logs.
 */
export class AuthStateBucket extends Construct {
  readonly bucket: Bucket;
  readonly accessLogsBucket: Bucket;

  constructor(scope: Construct, id: string, props: AuthStateBucketProps) {
    super(scope, id);
    const removalPolicy = props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    // Server access logs can only be delivered to a bucket with S3-managed encryption.
    this.accessLogsBucket = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy,
    });
    this.bucket = new Bucket(this, 'Bucket', {
      ...dataBucketProps(props.key),
      versioned: true,
      lifecycleRules: [
        {
          noncurrentVersionExpiration: Duration.days(props.noncurrentVersionDays ?? 30),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'auth-state/',
      removalPolicy,
    });
    const stack = Stack.of(this);
    Validations.of(stack).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(this.bucket.node.defaultChild as CfnBucket)}.Arn>/${authStatePrefix}*]`,
      reason: "Sessions' auth state: one object per credential and Signal key, under `sessions/<id>/`; grants are limited to that prefix.",
    });
  }

  /** Read, write and delete sessions' auth state (the connector). */
  grantSessionsReadWrite(grantee: IGrantable): void {
    this.grantSessions(grantee, ['s3:GetObject', 's3:PutObject', 's3:DeleteObject']);
    this.bucket.encryptionKey?.grantEncryptDecrypt(grantee);
  }

  /** List and delete sessions' auth state (logout and cleanup). */
  grantSessionsDelete(grantee: IGrantable): void {
    this.grantSessions(grantee, ['s3:DeleteObject']);
  }

  /** HeadBucket, as `/health` checks it. */
  grantHead(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }));
  }

  private grantSessions(grantee: IGrantable, objectActions: string[]): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: objectActions, resources: [this.bucket.arnForObjects(`${authStatePrefix}*`)] }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': `${authStatePrefix}*` } },
      }),
    );
  }
}
