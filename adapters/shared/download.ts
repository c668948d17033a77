/** Fetching a worker's photo or file from a platform, bounded in size, with failures translated once. */
import { networkFailed, platformRefused, platformRateLimited, GongyouError } from '../../src/core/errors.js';

/** The fetch signature adapters inject (globalThis.fetch fits). */
export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** A downloaded file. */
export interface DownloadedFile {
  data: Buffer;
  mimeType?: string;
}

/** Bot API and Slack both cap bot downloads around here; larger files stay on the platform. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Download `url`; throws GongyouError (network_failed, platform_refused or platform_rate_limited). */
export async function downloadFile(
  fetchFn: FetchLike,
  url: string,
  options: { headers?: Record<string, string>; maxBytes?: number } = {},
): Promise<DownloadedFile> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
  let response: Response;
  try {
    response = await fetchFn(url, { headers: options.headers, redirect: 'follow' });
  } catch (error) {
    throw networkFailed('file download failed', error);
  }
  if (response.status === 429) {
    const seconds = Number(response.headers.get('retry-after') ?? '1');
    throw platformRateLimited('file download rate limited', (Number.isFinite(seconds) ? seconds : 1) * 1000);
  }
  if (response.status >= 500) throw networkFailed(`file download got HTTP ${response.status}`);
  if (!response.ok) throw platformRefused(`file download got HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new GongyouError('bad_request', `file is larger than ${maxBytes} bytes`);
  let data: Buffer;
  try {
    data = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    throw networkFailed('file download was cut off', error);
  }
  if (data.length > maxBytes) throw new GongyouError('bad_request', `file is larger than ${maxBytes} bytes`);
  const mimeType = response.headers.get('content-type')?.split(';')[0]?.trim() || undefined;
  return { data, mimeType };
}
