import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack';

// Outlook on the web serves its page from its own site and hosts the add-in in a cross-site iframe. Chromium (Chrome
// 115 and later) then partitions the pane's storage, BroadcastChannel and Web Locks by the top-level site, while a
// window of the add-in's own (a dialog, a pop-up) is first-party. Playwright turns partitioning off by default; the
// harness turns it back on. These tests prove the harness is cross-site and partitioning is really on.

let stack: Stack;
let page: Page;
let pane: Frame;
let firstParty: Page;
let otherFirstParty: Page;

const paneWrites = (frame: Frame | Page, tag: string) =>
  frame.evaluate(async (name) => {
    localStorage.setItem(name, 'written');
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('s');
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error);
    });
  }, tag);

const sees = (frame: Frame | Page, tag: string) =>
  frame.evaluate(async (name) => {
    const databases = (await indexedDB.databases()).map((d) => d.name);
    return { localStorage: localStorage.getItem(name), indexedDB: databases.includes(name) };
  }, tag);

/** Listens on a BroadcastChannel for 1.5 s and reports what arrived. */
const listen = (frame: Frame | Page, channel: string) =>
  frame.evaluate((name) => {
    const w = window as unknown as { __heard: unknown[] };
    w.__heard = [];
    const bc = new BroadcastChannel(name);
    bc.onmessage = (event) => w.__heard.push(event.data);
  }, channel);
const heard = (frame: Frame | Page) => frame.evaluate(() => (window as unknown as { __heard: unknown[] }).__heard);
const say = (frame: Frame | Page, channel: string, text: string) =>
  frame.evaluate(
    ([name, message]) => {
      const bc = new BroadcastChannel(name);
      bc.postMessage(message);
      bc.close();
    },
    [channel, text] as const,
  );

beforeAll(async () => {
  stack = await startStack();
  page = await stack.context.newPage();
  pane = await stack.openHarness(page);
  firstParty = await stack.context.newPage();
  await firstParty.goto(`${stack.addinOrigin}/config.json`);
  otherFirstParty = await stack.context.newPage();
  await otherFirstParty.goto(`${stack.addinOrigin}/config.json`);
});

afterAll(async () => {
  await stack?.close();
});

describe('the harness hosts the pane cross-site', () => {
  it('serves the Outlook page and the add-in from two sites, and the pane cannot reach the page', async () => {
    expect(new URL(page.url()).hostname).toBe('127.0.0.1');
    expect(new URL(pane.url()).origin).toBe(stack.addinOrigin);
    expect(new URL(stack.addinOrigin).hostname).toBe('localhost');
    const reach = await pane.evaluate(() => {
      try {
        return String((window.parent as unknown as { __outlookHarness?: unknown }).__outlookHarness);
      } catch (error) {
        return (error as Error).name;
      }
    });
    expect(reach).toBe('SecurityError');
  });

  it('serves the harness page only on the host site: the add-in origin redirects there', async () => {
    const other = await stack.context.newPage();
    await other.goto(`${stack.addinOrigin}/harness.html?email=none`);
    expect(new URL(other.url()).origin).toBe(stack.hostOrigin);
    await other.close();
  });
});

describe('third-party storage partitioning is on', () => {
  it('two first-party windows of the add-in share localStorage and IndexedDB (the control)', async () => {
    await paneWrites(firstParty, 'control-1');
    expect(await sees(otherFirstParty, 'control-1')).toEqual({ localStorage: 'written', indexedDB: true });
  });

  it("the pane's localStorage and IndexedDB are not the first-party window's, either way", async () => {
    await paneWrites(pane, 'from-pane');
    expect(await sees(pane, 'from-pane')).toEqual({ localStorage: 'written', indexedDB: true });
    expect(await sees(firstParty, 'from-pane')).toEqual({ localStorage: null, indexedDB: false });
    await paneWrites(firstParty, 'from-first-party');
    expect(await sees(pane, 'from-first-party')).toEqual({ localStorage: null, indexedDB: false });
  });

  it("a BroadcastChannel message crosses first-party windows but never the pane's partition", async () => {
    await listen(pane, 'partition-probe');
    await listen(otherFirstParty, 'partition-probe');
    await say(firstParty, 'partition-probe', 'hello');
    await expect.poll(() => heard(otherFirstParty)).toEqual(['hello']);
    await page.waitForTimeout(500);
    expect(await heard(pane)).toEqual([]);
  });

  it('a Web Lock held by the pane is invisible to the first-party window', async () => {
    await pane.evaluate(() => {
      void navigator.locks.request('partition-lock', () => new Promise(() => {}));
    });
    await expect.poll(() => pane.evaluate(async () => (await navigator.locks.query()).held?.map((l) => l.name))).toContain('partition-lock');
    const firstPartyHeld = await firstParty.evaluate(async () => (await navigator.locks.query()).held?.map((l) => l.name) ?? []);
    expect(firstPartyHeld).not.toContain('partition-lock');
  });
});
