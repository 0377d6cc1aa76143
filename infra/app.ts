/** `cdk synth` / `cdk deploy` entry (see `cdk.json`); settings come from CDK context. */
import { createHubApp } from './hub-app.ts';

createHubApp().app.synth();
