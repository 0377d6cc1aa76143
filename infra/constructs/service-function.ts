import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal, type IRole } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays, type ILogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { lambdaEntry, repositoryRoot } from '../paths.ts';

/** Files of an npm package a handler reads at run time, copied into its bundle's `node_modules`. */
export interface PackageFiles {
  readonly packageName: string;
  readonly files: readonly string[];
}

export interface ServiceFunctionProps {
  /** Module under `lambdas/` (without extension) whose `handler` export runs. */
  readonly handler: string;
  /** The service's settings (`shared/config.ts` names). */
  readonly environment: Readonly<Record<string, string>>;
  /**
   * @default 29 seconds: API Gateway gives up after that anyway
   */
  readonly timeout?: Duration;
  /**
   * @default 1024 MiB (bcrypt and cold starts are CPU-bound; Lambda's CPU grows with memory)
   */
  readonly memorySize?: number;
  /**
   * Package files the handler reads from disk, which esbuild cannot bundle.
   * @default none
   */
  readonly packageFiles?: PackageFiles;
  /**
   * A role shared with functions of the same access (CloudFormation allows 500 resources a stack).
   * @default a role of its own
   */
  readonly role?: IRole;
  /**
   * A log group shared with the functions of its area, for the same reason; each record names its function (`function_name`).
   * @default a log group of its own, kept a month
   */
  readonly logGroup?: ILogGroup;
}

// Some bundled CommonJS dependencies call `require`, which an ES module lacks.
export const requireShim =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/**
 * Every Lambda of the service: Node 24 on ARM64, an ESM bundle (esbuild, minified, source maps),
 * JSON logs kept a month. Its role may write its own log group and nothing else until granted more
 * (no managed policy).
 */
export class ServiceFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    const packageFiles = props.packageFiles;
    const logGroup = props.logGroup ?? new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.ONE_MONTH });
    super(scope, id, {
      role: props.role ?? new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') }),
      entry: lambdaEntry(props.handler),
      handler: 'handler',
      projectRoot: repositoryRoot,
      depsLockFilePath: join(repositoryRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(29),
      environment: { ...props.environment, NODE_OPTIONS: '--enable-source-maps' },
      loggingFormat: LoggingFormat.JSON,
      logGroup,
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        banner: requireShim,
        commandHooks: packageFiles && {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => {
            const from = join(inputDir, 'node_modules', packageFiles.packageName);
            const to = join(outputDir, 'node_modules', packageFiles.packageName);
            return [`mkdir -p "${to}"`, ...packageFiles.files.map((file) => `cp "${join(from, file)}" "${to}/"`)];
          },
        },
      },
    });
    logGroup.grantWrite(this);
  }
}
