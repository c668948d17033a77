/** The WeChat adapter's public shape: the core contract plus what only WeChat needs. */
import type { ChannelAdapter } from '../../src/core/types.js';

/** A ChannelAdapter that also says whether WeChat will let us write to a conversation now. */
export interface WechatAdapter extends ChannelAdapter {
  /** False when a send would be refused (official account: outside the 48-hour window; puppet: not logged in). */
  canReach(conversationKey: string): boolean;
  /** The port of the official account's own webhook listener, when WECHAT_OA_PORT is set and started. */
  listeningPort(): number | undefined;
}
