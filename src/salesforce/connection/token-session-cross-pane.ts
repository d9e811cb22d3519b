/**
 * The token session's side of the cross-pane conversation: every message from another pane is checked
 * (parseCrossPaneMessage) against what this pane holds, refused ones are dropped and counted, and a checked one may
 * hand this pane newer tokens, lose its session, sign it out, or ask it for the tokens it holds.
 */
import type { ClassifiedFailure } from '../failure-kinds';
import { parseCrossPaneMessage, sellerOfIdentityUrl as sellerOf, type CrossPaneDropCounter, type CrossPaneMessage } from './cross-pane';
import { createEmitter } from '../../shared/event-emitter';
import { hostOf } from '../../shared/url-host';
import type { TokenSessionDeps } from './token-session-deps';
import { announcedIdentityUrl, heldTokens, type TokenSessionAction, type TokenSessionState } from './token-session-state';

export interface OtherPanes {
  /** Settles when tokens from another pane are adopted (or the session is lost through one). */
  nextArrival(stopWaiting?: AbortSignal): Promise<void>;
  dispose(): void;
}

export function listenToOtherPanes(context: { deps: TokenSessionDeps; drops: CrossPaneDropCounter; state(): TokenSessionState; dispatch(action: TokenSessionAction): void }): OtherPanes {
  const { deps, drops, dispatch } = context;
  const held = () => heldTokens(context.state());
  const lost = (): ClassifiedFailure | undefined => {
    const state = context.state();
    return state.status === 'lost' ? state.failure : undefined;
  };

  // Every pane of the origin shares the channel, whichever Salesforce user it is signed in as (two Microsoft
  // accounts in two Outlook windows, or another user signed in on one pane): taking another seller's tokens would
  // send this seller's work under that seller's name. An unknown seller matches nobody.
  function sameSeller(identityUrl: string): boolean {
    const seller = held()?.seller;
    return !!seller && sellerOf(identityUrl) === seller;
  }

  /** Returns whether the message changed this pane's session. */
  function onMessage(message: CrossPaneMessage): boolean {
    const tokens = held();
    if (!tokens) return false;
    if (message.type === 'tokens') {
      const t = message.tokens;
      if (!sameSeller(t.identityUrl) || t.issuedAt < tokens.issuedAt || t.accessToken === tokens.accessToken) return false;
      dispatch({ type: 'tokens_adopted', tokens: t });
      // The seller signed in again in another pane: this pane is connected again too, as a new session.
      if (lost()) dispatch({ type: 'revived', session: new AbortController() });
      deps.dispatch({ type: 'tokens_received' });
      return true;
    }
    if (message.type === 'lost') {
      if (lost() || !sameSeller(message.identityUrl) || tokens.issuedAt > message.issuedAt) return false;
      dispatch({ type: 'lost', failure: message.failure });
      deps.dispatch({ type: 'connection_lost', failure: message.failure, at: message.at });
      return true;
    }
    if (message.type === 'signed_out') {
      if (!sameSeller(message.identityUrl)) return false;
      dispatch({ type: 'dropped' });
      deps.dispatch({ type: 'signed_out' });
      deps.onSignedOutElsewhere?.();
      return true;
    }
    return false;
  }

  /** What a message from another pane is judged against. */
  function judgedAgainst(): Parameters<typeof parseCrossPaneMessage>[1] {
    const tokens = held();
    const instance = tokens ? (hostOf(tokens.instanceUrl) ?? tokens.rememberedInstanceHost) : undefined;
    const login = tokens ? hostOf(tokens.loginUrl) : undefined;
    const hosts = instance ? [instance] : [...(login ? [login] : []), ...(deps.configuredHosts ?? [])];
    return { now: deps.now(), seller: tokens?.seller, heldIssuedAt: tokens?.issuedAt ?? 0, instanceHosts: hosts };
  }

  /** Heard whenever a message from another pane changed this pane's session. */
  const arrived = createEmitter();
  function nextArrival(stopWaiting?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const stop = arrived.subscribe(() => {
        stop();
        resolve();
      });
      // The waiter gave up (its own deadline won): it stops listening, so no listener outlives the wait.
      stopWaiting?.addEventListener(
        'abort',
        () => {
          stop();
          resolve();
        },
        { once: true },
      );
    });
  }

  function answer(question: { identityUrl: string; issuedAt: number }): void {
    const tokens = held();
    if (!tokens || !sameSeller(question.identityUrl)) return;
    const failure = lost();
    if (failure) {
      if (tokens.issuedAt >= question.issuedAt) {
        deps.crossPane.post({ type: 'lost', identityUrl: announcedIdentityUrl(tokens), issuedAt: tokens.issuedAt, failure, at: deps.now() });
      }
      return;
    }
    if (tokens.accessToken !== '' && tokens.issuedAt > question.issuedAt) {
      deps.crossPane.post({
        type: 'tokens',
        tokens: { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, instanceUrl: tokens.instanceUrl, identityUrl: tokens.identityUrl, issuedAt: tokens.issuedAt },
      });
    }
  }

  const unsubscribe = deps.crossPane.subscribe((raw) => {
    // Signed out (or not yet in): no message concerns this pane.
    if (!held()) return;
    const parsed = parseCrossPaneMessage(raw, judgedAgainst());
    if (!parsed.ok) {
      // Another seller's announcement is ordinary traffic; anything else refused is counted.
      if (parsed.reason !== 'other_seller') drops.add();
      return;
    }
    const message = parsed.message;
    if (message.type === 'ask') {
      answer(message);
      return;
    }
    if (onMessage(message)) arrived.emit();
  });

  return { nextArrival, dispose: unsubscribe };
}
