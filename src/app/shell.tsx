/**
 * What the pane shows: starting → welcome (signed out) or the workspace (signed in), with the Connection lost banner,
 * the other connection notices and sign-in messages above it. The workspace stays mounted through lost and offline,
 * so the seller's view and data survive Sign in again; it remounts (clean) only when another user signs in.
 */
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { memo, Suspense, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { shellStrings, format } from '../i18n/strings';
import { SignInNotice } from '../features/sign-in/sign-in-notice';
import { WelcomeScreen } from '../features/sign-in/welcome-screen';
import { MicrosoftAccountBar } from '../features/sign-in/microsoft-account-bar';
import { useSignOut } from '../features/sign-out/use-sign-out';
import { StorageUnavailableNotice } from './workspace/storage-unavailable-notice';
import type { AppServices } from './start-app';
import { lazyNamed, LoadingPart } from '../components/lazy-part';
import { ConnectionNotices } from './connection-notices';
import { warmConnectionBanner } from './warm-connection-banner';
import { loadingStrings } from '../i18n/loading-strings';

// Loaded when first shown (issue 14): the first paint carries the welcome screen only. The workspace's chunk is asked
// for as soon as a session is known (a stored one restoring, or a sign-in), while its token round trip runs.
// Memo: the shell re-renders for its own state (a notice, busy, the outbox); the open email's cards need not.
const WorkspaceView = memo(lazyNamed(() => import('./workspace/workspace-view'), 'WorkspaceView'));
const SetupCheckPanel = lazyNamed(() => import('../features/sign-in/setup-check-panel'), 'SetupCheckPanel');
// Closed at the foot of every screen: it follows the first paint by a chunk, with nothing in its place meanwhile.
const DiagnosticsDisclosure = lazyNamed(() => import('../features/sign-in/diagnostics-disclosure'), 'DiagnosticsDisclosure');
const SignOutConfirmDialog = lazyNamed(() => import('../features/sign-out/sign-out-confirm-dialog'), 'SignOutConfirmDialog');

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // The seller's name wraps rather than being cut: in French "Connecté en tant que …" beside "Se déconnecter" leaves
  // a 320px pane too little room for one line, and an ellipsis hid who is signed in.
  who: { overflowWrap: 'anywhere' },
  signOut: { flexShrink: 0, whiteSpace: 'nowrap' },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  headerText: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  notices: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalS },
  main: { flexGrow: 1, padding: tokens.spacingHorizontalM },
  starting: { padding: tokens.spacingVerticalXXL },
});

export function Shell({ services }: { services: AppServices }) {
  const styles = useStyles();
  const { auth, connection, config, locale } = services;
  const s = shellStrings(locale);
  const snapshot = useSyncExternalStore(auth.subscribe, auth.snapshot, auth.snapshot);
  const signOutActions = useMemo(() => ({ pendingWork: () => auth.pendingWork(), signOut: () => auth.signOut() }), [auth]);
  const signOut = useSignOut(signOutActions);
  const dismiss = useCallback(() => auth.dismissNotice(), [auth]);
  const outboxHolder = services.outbox;
  const subscribeOutbox = useCallback((listener: () => void) => outboxHolder?.subscribe(listener) ?? (() => undefined), [outboxHolder]);
  const readOutbox = useCallback(() => outboxHolder?.current(), [outboxHolder]);
  const outbox = useSyncExternalStore(subscribeOutbox, readOutbox, readOutbox);
  const readOutboxUnavailable = useCallback(() => outboxHolder?.unavailable() ?? false, [outboxHolder]);
  const outboxUnavailable = useSyncExternalStore(subscribeOutbox, readOutboxUnavailable, readOutboxUnavailable);
  const storageStatus = useSyncExternalStore(services.storage.subscribe, services.storage.status, services.storage.status);
  // No IndexedDB: sign-in lasts the pane's life and the workspace is read-only; say so rather than show a blank pane.
  const readOnly = storageStatus === 'unavailable' || outboxUnavailable;
  const storageNotice = readOnly ? <StorageUnavailableNotice strings={s} /> : null;

  const microsoft = services.microsoftAuth;
  const microsoftBar = microsoft ? <MicrosoftAccountBar microsoft={microsoft} strings={s} /> : null;
  const loading = loadingStrings(locale);
  const setupCheck = services.setupCheck ? (
    <Suspense fallback={<LoadingPart label={loading.loadingPart} />}>
      <SetupCheckPanel run={services.setupCheck.run} locale={locale} context={services.setupCheck.context} />
    </Suspense>
  ) : undefined;
  // The dialog's code comes with the first sign-out request; it then stays mounted so it closes as a dialog does.
  const [signOutDialogWanted, setSignOutDialogWanted] = useState(false);
  if (signOut.confirming && !signOutDialogWanted) setSignOutDialogWanted(true);
  const diagnostics = (
    <Suspense fallback={null}>
      <DiagnosticsDisclosure microsoft={microsoft} strings={s} setupCheck={setupCheck} />
    </Suspense>
  );
  const signedIn = snapshot.status !== 'starting' && snapshot.status !== 'signed_out' && snapshot.identity !== undefined;
  useEffect(() => {
    if (signedIn) warmConnectionBanner(s, locale);
  }, [signedIn, s, locale]);
  const notice = snapshot.notice ? <SignInNotice notice={snapshot.notice} locale={locale} onDismiss={dismiss} /> : null;

  if (snapshot.status === 'starting') {
    return (
      <div className={styles.root}>
        {microsoftBar}
        <Spinner className={styles.starting} label={s.starting} data-testid="starting" />
      </div>
    );
  }

  if (snapshot.status === 'signed_out' || !snapshot.identity) {
    return (
      <div className={styles.root}>
        {microsoftBar}
        <WelcomeScreen
          strings={s}
          defaultLoginUrl={config.salesforce.loginUrl}
          loginChoices={config.salesforce.loginChoices}
          busy={snapshot.busy !== undefined}
          onSignIn={(loginUrl) => void auth.signIn(loginUrl)}
          notice={
            storageNotice || notice ? (
              <>
                {storageNotice}
                {notice}
              </>
            ) : null
          }
        />
        {diagnostics}
      </div>
    );
  }

  const identity = snapshot.identity;
  const busy = snapshot.busy !== undefined;
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <div className={styles.headerText}>
          <h1 className={styles.title}>{s.appTitle}</h1>
          <Text size={200} className={styles.who} data-testid="signed-in-as">
            {format(s.signedInAs, { name: identity.displayName || identity.username })}
          </Text>
        </div>
        <Button size="small" appearance="subtle" className={styles.signOut} disabled={busy} onClick={() => void signOut.request()} data-testid="sign-out">
          {snapshot.busy === 'signing_out' ? s.signingOut : s.signOut}
        </Button>
      </header>
      {microsoftBar}
      <main className={styles.main}>
        <div className={styles.notices}>
          <ConnectionNotices
            connection={connection}
            identity={identity}
            strings={s}
            locale={locale}
            busy={busy}
            onSignInAgain={() => void auth.signInAgain()}
            onSignOut={() => void signOut.request()}
            copyText={services.copyText}
          />
          {notice}
          {storageNotice}
        </div>
        {outbox || readOnly ? (
          <Suspense fallback={<LoadingPart size="medium" label={loading.loadingWorkspace} />}>
            <WorkspaceView
              key={snapshot.sessionKey}
              api={connection}
              host={services.host}
              {...(outbox ? { outbox } : {})}
              identity={identity}
              locale={locale}
              {...(services.microsoftAccountId ? { microsoftAccountId: services.microsoftAccountId } : {})}
              {...(config.attachments ? { attachmentDefaults: config.attachments.defaultSelection } : {})}
              {...(config.salesforce.crm ? { crm: config.salesforce.crm } : {})}
              {...(services.localStorage ? { choiceStorage: services.localStorage } : {})}
              {...(services.config.search ? { searchObjects: services.config.search.objects } : {})}
            />
          </Suspense>
        ) : null}
      </main>
      {diagnostics}
      {signOutDialogWanted ? (
        <Suspense fallback={null}>
          <SignOutConfirmDialog open={signOut.confirming} pendingCount={signOut.pendingCount} strings={s} onDiscard={() => void signOut.discard()} onKeep={signOut.keep} />
        </Suspense>
      ) : null}
    </div>
  );
}
