import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import './jsdom-stand-ins';

// Testing Library unmounts after each test only when the runner exposes globals; vitest here does not.
afterEach(() => cleanup());

// Fluent's trees are deep, role queries walk them, and the outbox's IndexedDB round trips take time on a shared, busy
// machine: Testing Library's default second for findBy/waitFor fails tests that are merely slow. A real regression
// still fails, only later. (The per-test timeout is the components project's, in vitest.config.ts.)
configure({ asyncUtilTimeout: 5_000 });
