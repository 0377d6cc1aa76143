import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { HubStack } from './hub-stack.ts';
import { jobDefinitions, type JobDefinition } from './jobs.ts';
import { resolveSettings } from './settings.ts';

/**
 * The CDK app: one stack per stage (`WhatsAppHub-<stage>`), environment-agnostic (no account or
 * region lookups, so it synthesizes offline), checked by cdk-nag's AWS Solutions rules.
 */
export function createHubApp(props: AppProps = {}, jobs: readonly JobDefinition[] = jobDefinitions): { app: App; stack: HubStack } {
  const app = new App(props);
  const settings = resolveSettings((key) => app.node.tryGetContext(key));
  const stack = new HubStack(app, `WhatsAppHub-${settings.stage}`, {
    settings,
    jobs,
    description: `WhatsApp Hub (${settings.stage}): multi-tenant WhatsApp messaging API`,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
