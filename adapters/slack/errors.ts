/** The one place Slack Web API failures become Gongyou errors. */
import { GongyouError, networkFailed, platformRateLimited, platformRefused } from '../../src/core/errors.js';

interface SlackErrorShape {
  code?: string;
  message?: string;
  retryAfter?: number;
  statusCode?: number;
  headers?: Record<string, string | undefined>;
  data?: { error?: string };
  original?: unknown;
}

/** Translate anything (codes are @slack/web-api's stable ErrorCode strings) a Web API call threw: rate limits, Slack's refusals (`ok: false`), HTTP and network failures. */
export function translateSlackError(error: unknown): GongyouError {
  if (error instanceof GongyouError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as SlackErrorShape;
  switch (e.code) {
    case 'slack_webapi_rate_limited_error':
      return platformRateLimited('Slack rate limited the call', (e.retryAfter ?? 1) * 1000, error);
    case 'slack_webapi_platform_error':
      if (e.data?.error === 'ratelimited') return platformRateLimited('Slack rate limited the call', 1000, error);
      // channel_not_found, not_in_channel, is_archived, user_disabled, cannot_dm_bot: retrying cannot help
      return platformRefused(`Slack refused: ${e.data?.error ?? 'unknown_error'}`, error);
    case 'slack_webapi_http_error': {
      const status = e.statusCode ?? 0;
      if (status === 429) return platformRateLimited('Slack rate limited the call', Number(e.headers?.['retry-after'] ?? 1) * 1000, error);
      if (status >= 500) return networkFailed(`Slack answered HTTP ${status}`, error);
      return platformRefused(`Slack answered HTTP ${status}`, error);
    }
    case 'slack_webapi_request_error':
      return networkFailed(`Slack unreachable: ${e.message ?? 'request failed'}`, error);
    default:
      return platformRefused(`Slack call failed: ${error instanceof Error ? error.message : String(error)}`, error);
  }
}
