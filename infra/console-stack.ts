import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CfnElement, CfnOutput, Duration, NestedStack, RemovalPolicy, Validations, type NestedStackProps } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { RestApiOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { apiPathPatterns } from '../shared/console/api-paths.ts';
import {
  consoleAssetsFolder,
  consoleCacheControl,
  consoleContentSecurityPolicy,
  consoleHstsMaxAgeSeconds,
  consoleSecurityHeaders,
} from '../shared/console/headers.ts';
import type { Route } from '../shared/http/route.ts';
import { MediaBucketCors } from './constructs/media-bucket-cors.ts';

/** CloudFront's quota of cache behaviors per distribution, the default one included. */
export const maxCacheBehaviors = 25;

export interface ConsoleStackProps extends NestedStackProps {
  /** The API, served on the console's origin under its routes' path prefixes. */
  readonly api: RestApi;
  /** The routes whose path prefixes go to the API (`routeList` of `shared/routes.ts`). */
  readonly routes: readonly Route[];
  /** The media bucket the console uploads to and reads media from: it gets a CORS rule for the console's origin. */
  readonly mediaBucket: IBucket;
  /** Receives the console bucket's server access logs (under `console/`). */
  readonly accessLogsBucket: IBucket;
  /** The console's build (`npm run console:build`), an absolute path. */
  readonly distPath: string;
}

/**
 * The web console, in a stack of its own (the main stack is near CloudFormation's 500 resources): its
 * build in a private bucket read by CloudFront through origin access control, HTTPS only, with the
 * console's security headers; the API on the same origin, so the console needs no CORS of the API.
 */
export class ConsoleStack extends NestedStack {
  readonly distribution: Distribution;
  /** The console's address: `https://<distribution domain>`. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: ConsoleStackProps) {
    super(scope, id, props);
    if (!existsSync(join(props.distPath, 'index.html'))) {
      throw new Error(`The web console is not built (no index.html in ${props.distPath}): run \`npm run console:build\` first`);
    }
    const bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'console/',
      // A build output, deployed again with the app: nothing in it needs keeping.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    // CloudFront's standard logs are written with ACLs, which the project's access-log bucket disables.
    const distributionLogs = new Bucket(this, 'DistributionLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'console-logs/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    const apiBehavior: BehaviorOptions = {
      origin: new RestApiOrigin(props.api),
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    };
    const apiPatterns = apiPathPatterns(props.routes);
    if (apiPatterns.length + 1 > maxCacheBehaviors) {
      throw new Error(
        `${apiPatterns.length} API path prefixes and the console's behavior pass CloudFront's ${maxCacheBehaviors} behaviors`,
      );
    }
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'WhatsApp Hub web console and API',
      defaultRootObject: 'index.html',
      enableLogging: true,
      logBucket: distributionLogs,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: this.headersPolicy(`https://${props.mediaBucket.bucketRegionalDomainName}`),
        compress: true,
      },
      additionalBehaviors: Object.fromEntries(apiPatterns.map((pattern) => [pattern, apiBehavior])),
    });
    this.url = `https://${this.distribution.distributionDomainName}`;
    const deployment = this.deploy(bucket, props.distPath);
    const cors = new MediaBucketCors(this, 'MediaCors', { bucket: props.mediaBucket, origins: [this.url] });
    this.acknowledgeFindings(deployment.handlerRole.node.scope as Construct, cors.handlerRole);
    new CfnOutput(this, 'ConsoleUrl', { value: this.url });
  }

  /** The console's security headers (`shared/console/headers.ts`), added by CloudFront to every file. */
  private headersPolicy(mediaOrigin: string): ResponseHeadersPolicy {
    const referrerPolicy = Object.values(HeadersReferrerPolicy).find(
      (value) => String(value) === consoleSecurityHeaders['Referrer-Policy'],
    );
    if (!referrerPolicy) throw new Error(`CloudFront has no Referrer-Policy ${consoleSecurityHeaders['Referrer-Policy']}`);
    return new ResponseHeadersPolicy(this, 'Headers', {
      comment: 'WhatsApp Hub web console: CSP and security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: consoleContentSecurityPolicy(mediaOrigin), override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(consoleHstsMaxAgeSeconds),
          includeSubdomains: true,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [{ header: 'Permissions-Policy', value: consoleSecurityHeaders['Permissions-Policy'], override: true }],
      },
    });
  }

  /**
   * The hashed files first, kept a year and never pruned (a page loaded before a deploy still finds
   * its files); then the rest, `index.html` among them, revalidated on every load.
   */
  private deploy(bucket: Bucket, distPath: string): BucketDeployment {
    const source = Source.asset(distPath);
    const assets = new BucketDeployment(this, 'DeployAssets', {
      sources: [source],
      destinationBucket: bucket,
      exclude: ['*'],
      include: [`${consoleAssetsFolder}/*`],
      prune: false,
      cacheControl: [CacheControl.fromString(consoleCacheControl.asset)],
    });
    const documents = new BucketDeployment(this, 'DeployDocuments', {
      sources: [source],
      destinationBucket: bucket,
      exclude: [`${consoleAssetsFolder}/*`],
      cacheControl: [CacheControl.fromString(consoleCacheControl.document)],
    });
    documents.node.addDependency(assets);
    return documents;
  }

  /** What cannot apply: to the distribution, and to the Lambdas CDK writes and keeps for the deployment and the CORS call. */
  private acknowledgeFindings(deploymentHandler: Construct, corsHandler: Construct): void {
    const managed = 'CDK-managed Lambda';
    Validations.of(deploymentHandler).acknowledge(
      { id: 'AwsSolutions-L1', reason: `${managed} (BucketDeployment): CDK pins its runtime.` },
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: `${managed} (BucketDeployment): its logs only.`,
      },
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `${managed} (BucketDeployment): CDK's grants to read the build's asset and sync it into the console bucket.`,
      })),
      {
        id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
        reason: `${managed} (BucketDeployment): reads the build's zip from CDK's asset bucket.`,
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(this.node.findChild('Bucket').node.defaultChild as CfnElement)}.Arn>/*]`,
        reason: `${managed} (BucketDeployment): writes the build's files into the console bucket, which holds nothing else.`,
      },
    );
    Validations.of(corsHandler).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: `${managed} (AwsCustomResource): its logs only.`,
    });
    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: "The console serves anyone the API serves; who may sign in is the API's to decide, not the country.",
      },
      {
        id: 'AwsSolutions-CFR2',
        reason: 'A CloudFront web ACL must live in us-east-1 and this app is one regional stack; the API behind it keeps its regional WAF.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason: 'No custom domain: the default *.cloudfront.net certificate, whose TLS floor CloudFront sets, is the only one available.',
      },
    );
  }
}
