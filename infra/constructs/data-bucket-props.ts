import { BlockPublicAccess, BucketEncryption, type BucketProps } from 'aws-cdk-lib/aws-s3';
import type { IKey } from 'aws-cdk-lib/aws-kms';

/**
 * What every bucket holding customers' data shares: no public access, TLS only, encrypted with the
 * data key, with a bucket key so objects cost no KMS call each (a session writes many small ones).
 */
export function dataBucketProps(key: IKey) {
  return {
    encryption: BucketEncryption.KMS,
    encryptionKey: key,
    bucketKeyEnabled: true,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
  } satisfies BucketProps;
}
