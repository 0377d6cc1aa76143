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
