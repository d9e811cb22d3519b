/** The boot data the server wrote into harness.html (tests/harness/boot-data.ts). */
import { BOOT_ELEMENT_ID, type HarnessBoot } from '../harness-api';

export function readBoot(): HarnessBoot {
  const block = document.getElementById(BOOT_ELEMENT_ID);
  if (!block?.textContent) throw new Error(`harness.html has no #${BOOT_ELEMENT_ID}: open it through the harness server`);
  return JSON.parse(block.textContent) as HarnessBoot;
}
