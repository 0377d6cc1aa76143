import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import type { JobDefinition } from '../jobs.ts';
import { grantAccess, type ServiceResources } from '../resource-grants.ts';
import { ServiceFunction } from './service-function.ts';

export interface ScheduledJobsProps {
  readonly jobs: readonly JobDefinition[];
  readonly environment: Readonly<Record<string, string>>;
  readonly resources: ServiceResources;
}

/** One Lambda per job, granted its declared access, run by an EventBridge schedule. */
export class ScheduledJobs extends Construct {
  /** The jobs' Lambdas by handler module. */
  readonly functions: ReadonlyMap<string, ServiceFunction>;

  constructor(scope: Construct, id: string, props: ScheduledJobsProps) {
    super(scope, id);
    const functions = new Map<string, ServiceFunction>();
    for (const job of props.jobs) {
      const fn = new ServiceFunction(this, job.name, {
        handler: job.handler,
        environment: props.environment,
        timeout: Duration.seconds(job.timeoutSeconds),
      });
      grantAccess(fn, job.access, props.resources);
      new Rule(this, `${job.name}-schedule`, {
        description: job.description,
        schedule: Schedule.expression(job.schedule),
        // A run that fails is not retried: the next scheduled run does the same work.
        targets: [new LambdaFunction(fn, { retryAttempts: 0 })],
      });
      functions.set(job.handler, fn);
    }
    this.functions = functions;
  }
}
