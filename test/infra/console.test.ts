import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { maxCacheBehaviors } from '../../infra/console-stack.ts';
import { createHubApp } from '../../infra/hub-app.ts';
import { maxShardCount } from '../../infra/settings.ts';
import { consoleCacheControl, consoleContentSecurityPolicy, consoleSecurityHeaders } from '../../shared/console/headers.ts';
import { routeList } from '../../shared/routes.ts';
import { concretePath } from '../support/routes.ts';
import { fixtureConsoleDist, resourcesOf, synthesizeHub } from './support/synthesize-hub.ts';

// Prepare: one synthesis, shared by the tests of this file; the console's template is the nested stack's own.
const { template, consoleTemplate } = synthesizeHub({ shardCount: 2 });
const [distribution] = resourcesOf(consoleTemplate, 'AWS::CloudFront::Distribution');
const config = distribution?.properties.DistributionConfig;
const [bucket] = resourcesOf(consoleTemplate, 'AWS::S3::Bucket').filter(({ id }) => id.startsWith('Bucket'));
const apiOrigin = config.Origins.find((origin: { CustomOriginConfig?: unknown }) => origin.CustomOriginConfig);
const behaviors: Array<Record<string, any>> = config.CacheBehaviors;

/**
 * A reference in a template as a readable name: a nested stack parameter (a value of the main stack)
 * as `<MediaBucketRegionalDomainName>`, an attribute as `<Distribution.DomainName>`, hashes dropped.
 */
const nameOf = (part: Record<string, any>): string => {
  const name = part.Ref
    ? String(part.Ref)
        .replace(/^referencetoWhatsAppHubdev/, '')
        .replace(/Ref$/, '')
    : (part['Fn::GetAtt'] as string[]).join('.');
  return `<${name.replaceAll(/[0-9A-F]{8}/g, '')}>`;
};
/** An `Fn::Join` with its references named. */
const joined = (value: { 'Fn::Join': [string, Array<string | Record<string, any>>] }) =>
  value['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : nameOf(part))).join('');
/** Whether CloudFront's path pattern (`*` any characters) matches `path`. */
const matches = (pattern: string, path: string) =>
  new RegExp(`^${pattern.replaceAll(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`).test(path);

describe('the console bucket', () => {
  it('is private, TLS only and encrypted, with server access logs', () => {
    expect(bucket?.properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LoggingConfiguration: { LogFilePrefix: 'console/' },
    });
  });

  it('lets only CloudFront read it, for this distribution alone, through origin access control', () => {
    const [policy] = resourcesOf(consoleTemplate, 'AWS::S3::BucketPolicy').filter(({ properties }) => properties.Bucket.Ref === bucket?.id);
    const statements: Array<Record<string, any>> = policy?.properties.PolicyDocument.Statement ?? [];
    const reads = statements.filter(
      ({ Effect, Action }) => Effect === 'Allow' && [Action].flat().some((action: string) => /^s3:(GetObject|\*)/.test(action)),
    );

    expect(reads).toEqual([
      expect.objectContaining({
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Condition: { StringEquals: { 'AWS:SourceArn': expect.anything() } },
      }),
    ]);
    expect(JSON.stringify(reads[0]?.Condition)).toContain(`"Ref":"${distribution?.id}"`);
    // The only other grant is CDK's emptying of the bucket on teardown, which lists and deletes.
    for (const { Effect, Principal } of statements.filter((statement) => !reads.includes(statement))) {
      if (Effect === 'Allow') expect(JSON.stringify(Principal)).toContain('AutoDeleteObjects');
    }
    expect(JSON.stringify(statements)).toContain('"aws:SecureTransport":"false"');
    const bucketOrigin = config.Origins.find((origin: { OriginAccessControlId?: unknown }) => origin.OriginAccessControlId);
    expect(bucketOrigin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    consoleTemplate.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
  });

  it('receives the build, hashed assets kept a year and never pruned, the rest revalidated on every load', () => {
    const deployments = resourcesOf(consoleTemplate, 'Custom::CDKBucketDeployment').map(({ properties }) => properties);

    expect(deployments).toEqual([
      expect.objectContaining({
        Include: ['assets/*'],
        Exclude: ['*'],
        Prune: false,
        SystemMetadata: { 'cache-control': consoleCacheControl.asset },
      }),
      expect.objectContaining({ Exclude: ['assets/*'], Prune: true, SystemMetadata: { 'cache-control': consoleCacheControl.document } }),
    ]);
  });
});

describe('the console distribution', () => {
  it('serves index.html at the root over HTTPS only, compressed, and logs requests', () => {
    expect(config).toMatchObject({
      DefaultRootObject: 'index.html',
      DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https', Compress: true },
      Logging: { Bucket: expect.anything() },
    });
    expect(behaviors.every((behavior) => behavior.ViewerProtocolPolicy === 'https-only')).toBe(true);
    expect(apiOrigin.CustomOriginConfig).toEqual({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
  });

  it("adds the console's exact Content-Security-Policy, naming the media bucket's regional origin, and its security headers", () => {
    const [policy] = resourcesOf(consoleTemplate, 'AWS::CloudFront::ResponseHeadersPolicy');
    const headers = policy?.properties.ResponseHeadersPolicyConfig;
    const nested = resourcesOf(template, 'AWS::CloudFormation::Stack')[0]?.properties.Parameters;
    const mediaDomain = Object.entries<any>(nested).find(([name]) => name.includes('MediaBucket') && name.endsWith('RegionalDomainName'));

    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policy?.id });
    expect(joined(headers.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy)).toBe(
      consoleContentSecurityPolicy('https://<MediaBucketRegionalDomainName>'),
    );
    expect(mediaDomain?.[1]['Fn::GetAtt'][1]).toBe('RegionalDomainName');
    expect(mediaDomain?.[1]['Fn::GetAtt'][0]).toMatch(/^MediaBucket/);
    expect(headers.SecurityHeadersConfig).toMatchObject({
      ContentSecurityPolicy: { Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: consoleSecurityHeaders['X-Frame-Options'], Override: true },
      ReferrerPolicy: { ReferrerPolicy: consoleSecurityHeaders['Referrer-Policy'], Override: true },
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true },
    });
    expect(headers.CustomHeadersConfig.Items).toEqual([
      { Header: 'Permissions-Policy', Value: consoleSecurityHeaders['Permissions-Policy'], Override: true },
    ]);
  });

  it.each(routeList.map((route) => [route.method, concretePath(route)] as const))(
    'sends %s %s to the API stage, uncached, with every viewer header but Host',
    (_method, path) => {
      const behavior = behaviors.find(({ PathPattern }) => matches(PathPattern, path));

      expect(behavior).toMatchObject({
        TargetOriginId: apiOrigin.Id,
        CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
        OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
        AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      });
    },
  );

  it("keeps the console's own paths on the bucket and stays within CloudFront's behaviors", () => {
    for (const path of ['/', '/index.html', '/assets/index-1a2b3c.js', '/favicon.svg'])
      expect(
        behaviors.filter(({ PathPattern }) => matches(PathPattern, path)),
        path,
      ).toEqual([]);
    expect(behaviors.length + 1).toBeLessThanOrEqual(maxCacheBehaviors);
    // The API's URL (`https://<id>.execute-api…/<stage>/`), split into domain and stage path.
    expect(JSON.stringify(apiOrigin.DomainName)).toMatch(/"Ref":"referencetoWhatsAppHubdevApi[0-9A-F]{8}Ref"/);
    expect(JSON.stringify(apiOrigin.OriginPath)).toMatch(/"Ref":"referencetoWhatsAppHubdevApiDeploymentStagedev[0-9A-F]{8}Ref"/);
  });

  it("lets the console's origin, and it alone, post uploads to and read from the media bucket", () => {
    const [cors] = resourcesOf(consoleTemplate, 'Custom::AWS');
    const create = JSON.parse(joined(cors?.properties.Create));

    expect(create).toMatchObject({
      action: 'putBucketCors',
      parameters: {
        Bucket: '<MediaBucket>',
        CORSConfiguration: {
          CORSRules: [{ AllowedOrigins: ['https://<Distribution.DomainName>'], AllowedMethods: ['POST', 'GET', 'HEAD'] }],
        },
      },
    });
    expect(joined(cors?.properties.Delete)).toContain('deleteBucketCors');
  });

  it('outputs the console URL from the main stack', () => {
    expect(JSON.stringify(template.toJSON().Outputs.ConsoleUrl.Value)).toMatch(
      /^\{"Fn::Join":\["",\["https:\/\/",\{"Fn::GetAtt":\["ConsoleNestedStack\w+","Outputs\.\w*Distribution\w*DomainName"\]\}\]\]\}$/,
    );
  });
});

describe('the nested console stack', () => {
  it('keeps the main stack under 500 resources with the most shards', () => {
    const counts = [4, maxShardCount].map((shardCount) => {
      const synthesized = synthesizeHub({ shardCount });
      return [synthesized.template, synthesized.consoleTemplate].map((each) => Object.keys(each.toJSON().Resources).length);
    });

    expect(counts.every(([main = 500, nested = 500]) => main < 500 && nested < 500)).toBe(true);
  });

  it('is checked by cdk-nag: an unencrypted queue in it fails synthesis', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'whatsapp-hub-cdk-offender-'));
    const { app, stack } = createHubApp({ outdir, context: { consoleDist: fixtureConsoleDist(), 'aws:cdk:bundling-stacks': [] } });
    new Queue(stack.node.findChild('Console'), 'Offender');

    expect(() => app.synth()).toThrow(/AwsSolutions-SQS4/);
  });

  it('refuses to synthesize without a console build, saying how to make one', () => {
    const missing = join(tmpdir(), 'whatsapp-hub-no-console-build');
    expect(existsSync(missing)).toBe(false);

    expect(() => createHubApp({ context: { consoleDist: missing, 'aws:cdk:bundling-stacks': [] } })).toThrow(/npm run console:build/);
  });
});
