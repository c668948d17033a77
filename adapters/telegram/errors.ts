/** The one place Telegram failures become Gongyou errors. */
import { TelegramError } from 'telegraf';
import { GongyouError, networkFailed, platformRateLimited, platformRefused } from '../../src/core/errors.js';

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ENETUNREACH', 'UND_ERR_SOCKET']);

/** Translate anything a Bot API call threw: 429 → rate limited, 5xx and sockets → network, other 4xx → refused. */
export function translateTelegramError(error: unknown): GongyouError {
  if (error instanceof GongyouError) return error;
  if (error instanceof TelegramError) {
    const description = `Telegram ${error.code}: ${error.description}`;
    if (error.code === 429) {
      const seconds = error.parameters?.retry_after ?? 1;
      return platformRateLimited(description, seconds * 1000, error);
    }
    if (error.code >= 500) return networkFailed(description, error);
    // 403 "bot was blocked by the user", 400 "chat not found", 401 bad token: retrying cannot help
    return platformRefused(description, error);
  }
  if (isNetworkError(error)) return networkFailed(`Telegram unreachable: ${(error as Error).message}`, error);
  return platformRefused(`Telegram call failed: ${error instanceof Error ? error.message : String(error)}`, error);
}

function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  // node-fetch wraps socket errors as FetchError; an aborted request is a timeout from our side
  return error.name === 'FetchError' || error.name === 'AbortError' || error.cause instanceof Error && isNetworkError(error.cause);
}
