/**
 * Office.context.requirements: which requirement sets (and versions) the host says it supports.
 */
import type { RequirementSets } from '../host-protocol';

export const DEFAULT_REQUIREMENT_SETS: RequirementSets = { Mailbox: '1.14', DialogApi: '1.2', DialogOrigin: '1.1', IdentityAPI: false, NestedAppAuth: false };

export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

function versionAtLeast(have: string, want: string | undefined): boolean {
  const h = String(have).split('.').map(Number);
  const w = String(want === undefined ? '1.1' : want)
    .split('.')
    .map(Number);
  for (let i = 0; i < Math.max(h.length, w.length); i++) {
    const a = h[i] || 0;
    const b = w[i] || 0;
    if (a !== b) return a > b;
  }
  return true;
}

export function makeRequirements(sets: RequirementSets): Requirements {
  return {
    isSetSupported(name, minVersion) {
      const key = Object.keys(sets).find((k) => k.toLowerCase() === String(name).toLowerCase());
      const have = key === undefined ? undefined : sets[key];
      // null: a host's JSON may say so for "not supported".
      if (have === undefined || have === false || have === null) return false;
      return versionAtLeast(have, minVersion);
    },
  };
}
