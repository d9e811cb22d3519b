/**
 * The Connection lost banner, or the other connection notices, in a component of their own: it alone reads the
 * connection state, so a change (lost, reconnecting, offline) re-renders this strip and not the shell and the
 * workspace under it (issue 14: the banner within 100 ms of the refusal at 4x CPU; re-rendering the open email's
 * cards took most of that).
 */
import type { ConnectionBannerProps } from '../features/connection-banner/connection-banner';
import { ConnectionBanner } from '../features/connection-banner/connection-banner';
import { ConnectionStatusNotice } from '../features/connection-banner/connection-status-notice';
import { useConnectionState, type ConnectionStateSource } from '../salesforce/connection/use-connection-state';

export type ConnectionNoticesProps = Omit<ConnectionBannerProps, 'failure' | 'at'> & { connection: ConnectionStateSource };

export function ConnectionNotices({ connection, ...banner }: ConnectionNoticesProps) {
  const state = useConnectionState(connection);
  return state.status === 'lost' ? <ConnectionBanner failure={state.failure} at={state.at} {...banner} /> : <ConnectionStatusNotice state={state} strings={banner.strings} />;
}
