import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { createHubApp } from '../../../infra/hub-app.ts';
import type { JobDefinition } from '../../../infra/jobs.ts';

/**
 * Synthesizes the whole app in process, into a temporary folder, with cdk-nag's checks (synthesis
 * fails on an unacknowledged error). Lambda bundling is skipped here: `cdk-synth.test.ts` runs the
 * real `cdk synth`, bundles included.
 */
export function synthesizeHub(context: Record<string, unknown> = {}, jobs?: readonly JobDefinition[]) {
  const outdir = mkdtempSync(join(tmpdir(), 'whatsapp-hub-cdk-'));
  const { app, stack } = createHubApp({ outdir, context: { ...context, 'aws:cdk:bundling-stacks': [] } }, jobs);
  app.synth();
  return { outdir, stack, template: Template.fromStack(stack) };
}

/** The one resource of a type whose properties match, or a failed expectation. */
export function resourcesOf(template: Template, type: string): Array<{ id: string; properties: Record<string, any> }> {
  return Object.entries(template.findResources(type)).map(([id, resource]) => ({ id, properties: resource.Properties ?? {} }));
}

/**
 * The IAM policy of an API handler's role (`handler` as in the route table): functions of the same
 * access share a role, so it is found through the function, not by name.
 */
export function apiFunctionPolicy(template: Template, handler: string): { id: string; properties: Record<string, any> } | undefined {
  const functionId = new RegExp(`^Api${handler.replace(/[^A-Za-z0-9]/g, '')}[0-9A-F]{8}$`);
  const fn = resourcesOf(template, 'AWS::Lambda::Function').find(({ id }) => functionId.test(id));
  const roleId = fn?.properties.Role?.['Fn::GetAtt']?.[0];
  return resourcesOf(template, 'AWS::IAM::Policy').find(({ properties }) =>
    properties.Roles?.some((role: { Ref?: string }) => role.Ref === roleId),
  );
}
