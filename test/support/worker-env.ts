import { inject } from 'vitest';

// Runs in each worker before a test file loads, so `config()` there sees the local stack.
Object.assign(process.env, inject('stackEnv'));
