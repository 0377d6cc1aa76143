import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { ServiceFunction } from '../../infra/constructs/service-function.ts';
import { swaggerUiDistFiles } from '../../shared/api-docs/swagger-ui.ts';

describe('Lambda bundling', () => {
  it('bundles a handler with esbuild and carries the package files it reads from disk (Swagger UI)', () => {
    // Prepare: the docs asset handler alone, bundled for real (the stack tests skip bundling).
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'whatsapp-hub-bundle-')) });
    new ServiceFunction(new Stack(app, 'Bundle'), 'UiAsset', {
      handler: 'api-docs/ui-asset',
      environment: {},
      packageFiles: { packageName: 'swagger-ui-dist', files: swaggerUiDistFiles },
    });
    // Act
    app.synth();
    // Assess
    const assets = readdirSync(app.outdir).filter((name) => name.startsWith('asset.'));
    expect(assets).toHaveLength(1);
    const bundle = join(app.outdir, assets[0] ?? '');
    expect(existsSync(join(bundle, 'index.mjs'))).toBe(true);
    expect(existsSync(join(bundle, 'index.mjs.map'))).toBe(true);
    for (const file of swaggerUiDistFiles) expect(existsSync(join(bundle, 'node_modules', 'swagger-ui-dist', file)), file).toBe(true);
  }, 60_000);
});
