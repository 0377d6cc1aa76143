import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Bucket, type CfnBucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { mediaPrefix, uploadsPrefix } from '../../shared/resources.ts';
import { mediaUploadLifetimeSeconds } from '../../shared/messages/upload-limits.ts';
import { dataBucketProps } from './data-bucket-props.ts';

export interface MediaBucketProps {
  /** Encrypts the objects. */
  readonly key: IKey;
  /** Retain the bucket on teardown (prod). */
  readonly retain: boolean;
  /** Days an object is kept: the inbound messages' retention, so media never outlives its message. */
  readonly expirationDays: number;
  /** Receives the server access logs (under `media/`). */
  readonly accessLogsBucket: IBucket;
}

/**
 * The bucket of messages' media (`media/<session id>/<message id>`) and of media uploaded to send
 * (`uploads/<user id>/<media id>`, kept a day): KMS-encrypted,
 * private, TLS only, every object expired after the retention period, with server access logs.
 * Nothing reads it directly but the media Lambda, which signs short-lived download URLs.
 */
export class MediaBucket extends Construct {
  readonly bucket: Bucket;
  private readonly key: IKey;

  constructor(scope: Construct, id: string, props: MediaBucketProps) {
    super(scope, id);
    this.key = props.key;
    this.bucket = new Bucket(this, 'Bucket', {
      ...dataBucketProps(props.key),
      lifecycleRules: [
        // A connector that dies mid-download leaves the parts of its multipart upload behind.
        { expiration: Duration.days(props.expirationDays), abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // Uploads are sendable for a day (their item's TTL, checked on use); S3 then deletes them at its next daily run.
        { prefix: uploadsPrefix, expiration: Duration.seconds(mediaUploadLifetimeSeconds) },
      ],
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'media/',
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const stack = Stack.of(this);
    Validations.of(stack).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(this.bucket.node.defaultChild as CfnBucket)}.Arn>/${mediaPrefix}*]`,
      reason: "Messages' media: one object per message under `media/<session id>/`; grants are limited to that prefix.",
    });
    Validations.of(stack).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(this.bucket.node.defaultChild as CfnBucket)}.Arn>/${uploadsPrefix}*]`,
      reason: 'Uploaded media: one object per upload under `uploads/<user id>/`; grants are limited to that prefix.',
    });
  }

  /** Write media, in parts (the connector). */
  grantStore(grantee: IGrantable): void {
    this.grantObjects(grantee, ['s3:PutObject', 's3:AbortMultipartUpload']);
    // A multipart upload to a KMS-encrypted bucket decrypts the data key again for each part.
    this.key.grant(grantee, 'kms:GenerateDataKey', 'kms:Decrypt');
  }

  /** Read media (signing download URLs: the URL carries the signer's permissions). */
  grantRead(grantee: IGrantable): void {
    this.grantObjects(grantee, ['s3:GetObject']);
    this.key.grantDecrypt(grantee);
  }

  /** List and delete a session's media (its removal). */
  grantDelete(grantee: IGrantable): void {
    this.grantObjects(grantee, ['s3:DeleteObject']);
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': `${mediaPrefix}*` } },
      }),
    );
  }

  /**
   * Store uploads: base64 media put by the send routes, and presigned POSTs signed by `POST /media`
   * (S3 checks the signer's PutObject, and the KMS data key, when the form is posted).
   */
  grantUploadsWrite(grantee: IGrantable): void {
    this.grantObjects(grantee, ['s3:PutObject'], uploadsPrefix);
    this.key.grant(grantee, 'kms:GenerateDataKey');
  }

  /** Read uploads: HeadObject (whether an upload arrived) for the send routes, GetObject for the connector. */
  grantUploadsRead(grantee: IGrantable): void {
    this.grantObjects(grantee, ['s3:GetObject'], uploadsPrefix);
    this.key.grantDecrypt(grantee);
  }

  private grantObjects(grantee: IGrantable, actions: string[], prefix = mediaPrefix): void {
    grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions, resources: [this.bucket.arnForObjects(`${prefix}*`)] }));
  }
}
