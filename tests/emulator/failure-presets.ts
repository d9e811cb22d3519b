/**
 * Answers that are not Salesforce JSON, for `failNext({ preset })`: what a seller's browser gets when something in
 * front of the org answers instead of the org (a gateway), or when the org is down for maintenance. Their bodies
 * are stand-ins (no capture of the real pages is published); their shape is what matters: HTML, not JSON.
 */
export const FAILURE_PRESETS = ['maintenance-page', 'gateway-error'] as const;
export type FailurePreset = (typeof FAILURE_PRESETS)[number];

export interface PresetAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** A gateway adds no CORS headers: the browser sees a network error, whatever the status. */
  withoutCors: boolean;
}

const MAINTENANCE_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Salesforce - Maintenance</title></head>
<body><h1>Salesforce is down for maintenance</h1>
<p>This instance is temporarily unavailable while we perform scheduled maintenance. Please try again shortly.</p>
<p>Check <a href="https://status.salesforce.com">Salesforce Trust</a> for status updates.</p></body></html>`;

function gatewayPage(status: number): string {
  const reason: Record<number, string> = { 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };
  const text = `${status} ${reason[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${text}</title></head>\r\n<body>\r\n<center><h1>${text}</h1></center>\r\n</body>\r\n</html>\r\n`;
}

export function presetAnswer(preset: FailurePreset, status?: number): PresetAnswer {
  if (preset === 'maintenance-page') {
    return {
      status: status ?? 503,
      headers: { 'Content-Type': 'text/html;charset=UTF-8', 'Cache-Control': 'no-cache', 'Retry-After': '300' },
      body: MAINTENANCE_PAGE,
      withoutCors: false,
    };
  }
  const gatewayStatus = status ?? 502;
  return { status: gatewayStatus, headers: { 'Content-Type': 'text/html' }, body: gatewayPage(gatewayStatus), withoutCors: true };
}
