import { CustomResource, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ServiceFunction } from './service-function.ts';

export interface ServiceSecretsProps {
  /** Encrypts the secret. */
  readonly key: IKey;
  /** Retain the secret on teardown (prod): losing it invalidates every API key and token. */
  readonly retain: boolean;
  /** Settings of the initializer Lambda (it reads `AWS_REGION` and `LOG_LEVEL`). */
  readonly environment: Readonly<Record<string, string>>;
}

/**
 * The secrets document (`shared/auth/secrets.ts`: JWT signing key, API-key pepper, API-key
 * encryption key, 32 random bytes each, base64) in one Secrets Manager secret. Secrets Manager's
 * own generator makes one printable password, not three base64 keys of 32 bytes, so a custom
 * resource (`lambdas/ops/initialize-secrets.ts`) writes the document at the first deploy; the
 * template never holds a value, and later deploys keep the keys.
 */
export class ServiceSecrets extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string, props: ServiceSecretsProps) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'WhatsApp Hub secrets document: jwtSigningKey, apiKeyPepper, apiKeyEncryptionKey',
      encryptionKey: props.key,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'No automatic rotation: a new JWT key signs every user out, a new pepper or encryption key invalidates every stored API key. Rotation is a deliberate operation (README, "Rotating secrets").',
    });
    const initializer = new ServiceFunction(this, 'Initializer', {
      handler: 'ops/initialize-secrets',
      environment: props.environment,
      timeout: Duration.minutes(1),
      memorySize: 256,
    });
    this.secret.grantRead(initializer);
    this.secret.grantWrite(initializer);
    new CustomResource(this, 'Document', {
      serviceToken: initializer.functionArn,
      resourceType: 'Custom::SecretsDocument',
      properties: { SecretId: this.secret.secretArn },
    });
  }
}
