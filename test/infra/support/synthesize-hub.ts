import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import type { ConsoleStack } from '../../../infra/console-stack.ts';
import { createHubApp } from '../../../infra/hub-app.ts';
import type { JobDefinition } from '../../../infra/jobs.ts';

/** A console build of one page and one hashed asset, so the app synthesizes without `npm run console:build`. */
export function fixtureConsoleDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'whatsapp-hub-console-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><title>Console</title><script type="module" src="/assets/app-1a2b3c.js"></script>\n',
  );
  writeFileSync(join(dist, 'assets', 'app-1a2b3c.js'), 'document.title = "Console";\n');
  return dist;
}

/**
 * Synthesizes the whole app in process, into a temporary folder, with cdk-nag's checks (synthesis
 * fails on an unacknowledged error), the console from a fixture build unless `consoleDist` is given.
 * Lambda bundling is skipped here: `cdk-synth.test.ts` runs the real `cdk synth`, bundles included.
 */
export function synthesizeHub(context: Record<string, unknown> = {}, jobs?: readonly JobDefinition[]) {
  const outdir = mkdtempSync(join(tmpdir(), 'whatsapp-hub-cdk-'));
  const { app, stack } = createHubApp(
    { outdir, context: { consoleDist: fixtureConsoleDist(), ...context, 'aws:cdk:bundling-stacks': [] } },
    jobs,
  );
  app.synth();
  const consoleStack = stack.node.findChild('Console') as ConsoleStack;
  return { outdir, stack, template: Template.fromStack(stack), consoleTemplate: Template.fromStack(consoleStack) };
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
