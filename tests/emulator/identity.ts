/**
 * The identity URL (/id/<orgId>/<userId>) and the OpenID Connect userinfo endpoint. Unlike REST, they answer a
 * missing, expired or invalid token with 403 text/plain.
 */
import { jsonReply, textReply, type Reply } from './http';
import type { OrgState } from './org-state';
import type { AccessTokenInfo } from './oauth/token-store';

export function bearerToken(authorization: string | undefined, query?: URLSearchParams): string | undefined {
  const match = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(authorization ?? '');
  return match?.[1]?.trim() ?? query?.get('oauth_token') ?? query?.get('access_token') ?? undefined;
}

function session(org: OrgState, token: string | undefined): AccessTokenInfo | Reply {
  if (!token) return textReply(403, 'Missing_OAuth_Token');
  const info = org.tokens.validAccessToken(token, org.now());
  if (!info || !org.isActive(info.userId)) return textReply(403, 'Bad_OAuth_Token');
  return info;
}

function urls(org: OrgState, userId: string, version: string): Record<string, string> {
  const base = org.baseUrl;
  const org15 = org.orgId.slice(0, 15);
  return {
    enterprise: `${base}/services/Soap/c/${version}/${org15}`,
    metadata: `${base}/services/Soap/m/${version}/${org15}`,
    partner: `${base}/services/Soap/u/${version}/${org15}`,
    rest: `${base}/services/data/v${version}/`,
    sobjects: `${base}/services/data/v${version}/sobjects/`,
    search: `${base}/services/data/v${version}/search/`,
    query: `${base}/services/data/v${version}/query/`,
    recent: `${base}/services/data/v${version}/recent/`,
    tooling_soap: `${base}/services/Soap/T/${version}/${org15}`,
    tooling_rest: `${base}/services/data/v${version}/tooling/`,
    profile: `${base}/${userId}`,
    feeds: `${base}/services/data/v${version}/chatter/feeds`,
    groups: `${base}/services/data/v${version}/chatter/groups`,
    users: `${base}/services/data/v${version}/chatter/users`,
    feed_items: `${base}/services/data/v${version}/chatter/feed-items`,
    feed_elements: `${base}/services/data/v${version}/chatter/feed-elements`,
    custom_domain: base,
  };
}

export function handleIdentity(org: OrgState, orgId: string, userId: string, token: string | undefined, query: URLSearchParams): { reply: Reply; username?: string } {
  const current = session(org, token);
  if ('status' in current) return { reply: current };
  const user = org.userById(userId);
  if (orgId !== org.orgId || !user) return { reply: textReply(404, 'Bad_Id') };
  const version = query.get('version') ?? '{version}';
  const record = org.records.get('User', user.id);
  return {
    username: org.userById(current.userId)?.username,
    reply: jsonReply(200, {
      id: org.identityUrl(user.id),
      asserted_user: current.userId === user.id,
      user_id: user.id,
      organization_id: org.orgId,
      username: user.username,
      nick_name: user.alias,
      display_name: `${user.firstName} ${user.lastName}`,
      email: user.email,
      email_verified: true,
      first_name: user.firstName,
      last_name: user.lastName,
      timezone: record?.TimeZoneSidKey ?? 'America/Los_Angeles',
      photos: { picture: `${org.baseUrl}/profilephoto/005/F`, thumbnail: `${org.baseUrl}/profilephoto/005/T` },
      addr_street: null,
      addr_city: null,
      addr_state: null,
      addr_country: 'US',
      addr_zip: null,
      mobile_phone: null,
      mobile_phone_verified: false,
      is_lightning_login_user: false,
      status: { created_date: null, body: null },
      urls: urls(org, user.id, version),
      active: org.isActive(user.id),
      user_type: 'STANDARD',
      language: 'en_US',
      locale: 'en_US',
      utcOffset: -28800000,
      last_modified_date: '2025-01-15T09:00:00.000+0000',
      is_app_installed: true,
    }),
  };
}

export function handleUserinfo(org: OrgState, token: string | undefined): { reply: Reply; username?: string } {
  const current = session(org, token);
  if ('status' in current) return { reply: current };
  const user = org.userById(current.userId);
  if (!user) return { reply: textReply(403, 'Bad_OAuth_Token') };
  const name = `${user.firstName} ${user.lastName}`;
  return {
    username: user.username,
    reply: jsonReply(200, {
      sub: org.identityUrl(user.id),
      user_id: user.id,
      organization_id: org.orgId,
      preferred_username: user.username,
      nickname: user.alias,
      name,
      email: user.email,
      email_verified: true,
      given_name: user.firstName,
      family_name: user.lastName,
      zoneinfo: 'America/Los_Angeles',
      photos: { picture: `${org.baseUrl}/profilephoto/005/F`, thumbnail: `${org.baseUrl}/profilephoto/005/T` },
      profile: `${org.baseUrl}/${user.id}`,
      picture: `${org.baseUrl}/profilephoto/005/F`,
      address: { country: 'US' },
      is_salesforce_integration_user: false,
      urls: urls(org, user.id, '{version}'),
      active: org.isActive(user.id),
      user_type: 'STANDARD',
      language: 'en_US',
      locale: 'en_US',
      utcOffset: -28800000,
      updated_at: '2025-01-15T09:00:00Z',
      is_app_installed: true,
    }),
  };
}
